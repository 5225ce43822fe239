/// Returns the path of a request line, without its query string, as a
/// slice of `line`: "GET /users/42?page=2 HTTP/1.1" gives "/users/42".
/// Returns None unless the line has exactly three parts separated by
/// single spaces (method, target, version) and the target starts with '/'.
fn request_path(line: &str) -> Option<&str> {
    // TODO: split the line into its parts, check there are three and that
    // the target (the middle one) starts with '/', then return the target
    // up to (not including) the first '?'. Return slices of `line`: no
    // String is needed anywhere.
    todo!("return the path of {line:?}")
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
