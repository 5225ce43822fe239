// ANCHOR: solution
/// Returns the path of a request line, without its query string, as a
/// slice of `line`: "GET /users/42?page=2 HTTP/1.1" gives "/users/42".
/// Returns None unless the line has exactly three parts separated by
/// single spaces (method, target, version) and the target starts with '/'.
fn request_path(line: &str) -> Option<&str> {
    // A Vec of slices: the Vec is new, the text in it is still the line's.
    let parts: Vec<&str> = line.split(' ').collect();
    if parts.len() != 3 || !parts[1].starts_with('/') {
        return None;
    }
    let target = parts[1];
    match target.find('?') {
        Some(end) => Some(&target[..end]),
        None => Some(target),
    }
}

fn main() {
    for line in [
        "GET /users/42?page=2 HTTP/1.1",
        "POST /login HTTP/1.1",
        "OPTIONS * HTTP/1.1",
    ] {
        println!("{line:?} -> {:?}", request_path(line));
    }
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_query_string_is_left_out() {
        assert_eq!(
            request_path("GET /users/42?page=2&size=10 HTTP/1.1"),
            Some("/users/42"),
            "everything from '?' on is the query string, not the path"
        );
    }

    #[test]
    fn a_target_without_a_query_is_the_whole_path() {
        assert_eq!(request_path("POST /login HTTP/1.1"), Some("/login"));
        assert_eq!(
            request_path("GET / HTTP/1.1"),
            Some("/"),
            "the root path is a path too"
        );
    }

    #[test]
    fn a_line_without_three_parts_has_no_path() {
        assert_eq!(request_path("GET /users"), None, "the version is missing");
        assert_eq!(
            request_path(""),
            None,
            "an empty line is not a request line"
        );
        assert_eq!(
            request_path("GET /a b HTTP/1.1"),
            None,
            "a path cannot contain a space"
        );
    }

    #[test]
    fn a_target_that_does_not_start_with_a_slash_has_no_path() {
        assert_eq!(
            request_path("OPTIONS * HTTP/1.1"),
            None,
            "'*' is a target but not a path"
        );
    }

    #[test]
    fn the_path_points_into_the_line_instead_of_copying_it() {
        let line = String::from("GET /health?probe=1 HTTP/1.1");
        let path = request_path(&line).expect("this line has a path");
        let start = line.as_ptr() as usize;
        let at = path.as_ptr() as usize;
        assert!(
            at >= start && at + path.len() <= start + line.len(),
            "the returned &str should be a slice of `line`, not new text"
        );
    }
}
// ANCHOR_END: tests
