//! A struct that borrows: a parsed request line holds slices of the
//! buffer it was read from, and the lifetime 'a says so.
use std::fmt;

/// `GET /users?page=2 HTTP/1.1`, as three slices of the request buffer.
#[derive(Debug)]
struct RequestLine<'a> {
    method: &'a str,
    target: &'a str,
    version: &'a str,
}

impl<'a> RequestLine<'a> {
    fn parse(buffer: &'a str) -> Option<RequestLine<'a>> {
        let mut parts = buffer.lines().next()?.split(' ');
        let (method, target, version) = (parts.next()?, parts.next()?, parts.next()?);
        Some(RequestLine {
            method,
            target,
            version,
        })
    }

    /// The path without the query string: a slice of the buffer ('a),
    /// not of this RequestLine, so it may outlive the RequestLine.
    fn path(&self) -> &'a str {
        self.target.split('?').next().unwrap_or(self.target)
    }
}

// Debug is derived, for developers; Display is written, for the access log.
impl fmt::Display for RequestLine<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {} {}", self.method, self.target, self.version)
    }
}

/// Reason phrases are literals in the binary: they live for 'static.
fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        404 => "Not Found",
        _ => "Unknown",
    }
}

fn main() {
    // Stands in for three connections, each read into its own buffer.
    let requests = [
        "GET /users?page=2 HTTP/1.1\r\nHost: api.example.com\r\n",
        "DELETE /users/7 HTTP/1.1\r\n",
        "hello\r\n",
    ];
    let mut last_path: Option<String> = None;
    for raw in requests {
        let buffer = raw.to_string();
        let Some(line) = RequestLine::parse(&buffer) else {
            println!("400 Bad Request");
            continue;
        };
        println!("{line:?}");
        let status = match (line.method, line.path()) {
            ("GET", "/users") => 200,
            ("DELETE", path) if path.starts_with("/users/") => 204,
            _ => 404,
        };
        println!("{line} -> {status} {}", reason(status));
        last_path = Some(line.path().to_string());
    } // each pass frees its `buffer` here
    println!("last path: {last_path:?}");
}
