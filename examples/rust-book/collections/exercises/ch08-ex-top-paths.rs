//! Exercise: the busiest paths of an access log, with a HashMap and a sort.

use std::collections::HashMap;

/// Counts the requests per path in lines like "GET /users 200" (the path is
/// the second field) and returns the `n` busiest paths with their counts:
/// most requests first, equal counts in alphabetical order of path.
/// Lines with fewer than two fields are skipped.
fn top_paths(lines: &[&str], n: usize) -> Vec<(String, usize)> {
    // 1. Count: a HashMap<String, usize> from path to number of requests.
    // 2. Rank: move the pairs into a Vec and sort it (count descending, then path).
    // 3. Keep the first n.
    let mut counts: HashMap<String, usize> = HashMap::new();
    todo!()
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
