//! Exercise: the busiest paths of an access log, with a HashMap and a sort.

// ANCHOR: solution
use std::collections::HashMap;

/// Counts the requests per path in lines like "GET /users 200" (the path is
/// the second field) and returns the `n` busiest paths with their counts:
/// most requests first, equal counts in alphabetical order of path.
/// Lines with fewer than two fields are skipped.
fn top_paths(lines: &[&str], n: usize) -> Vec<(String, usize)> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for line in lines {
        if let Some(path) = line.split_whitespace().nth(1) {
            *counts.entry(path.to_string()).or_insert(0) += 1;
        }
    }
    let mut ranked: Vec<(String, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.truncate(n);
    ranked
}

fn main() {
    let log = [
        "GET /users 200",
        "GET /health 200",
        "GET /users 200",
        "POST /orders 201",
        "GET /health 200",
        "GET /users 404",
    ];
    for (path, count) in top_paths(&log, 2) {
        println!("{count:>3}  {path}");
    }
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_each_path_and_puts_the_busiest_first() {
        let log = [
            "GET /a 200",
            "GET /b 200",
            "GET /b 200",
            "GET /b 500",
            "GET /a 200",
        ];
        assert_eq!(
            top_paths(&log, 2),
            vec![("/b".to_string(), 3), ("/a".to_string(), 2)],
            "/b has 3 requests and /a has 2, so /b comes first"
        );
    }

    #[test]
    fn keeps_only_the_first_n_paths() {
        let log = ["GET /a 200", "GET /a 200", "GET /b 200", "GET /c 200"];
        assert_eq!(
            top_paths(&log, 1),
            vec![("/a".to_string(), 2)],
            "n = 1 keeps only the busiest path"
        );
    }

    #[test]
    fn breaks_ties_in_alphabetical_order_of_path() {
        let log = ["GET /zebra 200", "GET /apple 200", "GET /mango 200"];
        let paths: Vec<String> = top_paths(&log, 3)
            .into_iter()
            .map(|(path, _)| path)
            .collect();
        assert_eq!(
            paths,
            ["/apple", "/mango", "/zebra"],
            "equal counts must not come out in HashMap order, which changes from run to run"
        );
    }

    #[test]
    fn returns_every_path_when_n_is_larger_than_the_number_of_paths() {
        let log = ["GET /a 200", "GET /b 200"];
        assert_eq!(
            top_paths(&log, 10).len(),
            2,
            "asking for 10 paths when there are 2 gives 2, not a panic"
        );
    }

    #[test]
    fn skips_lines_without_a_path_and_handles_an_empty_log() {
        let log = ["", "garbage", "GET /a 200"];
        assert_eq!(
            top_paths(&log, 5),
            vec![("/a".to_string(), 1)],
            "only \"GET /a 200\" has a path"
        );
        assert!(
            top_paths(&[], 5).is_empty(),
            "an empty log has no busiest path"
        );
    }
}
// ANCHOR_END: tests
