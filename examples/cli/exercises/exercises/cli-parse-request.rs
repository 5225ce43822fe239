//! Exercise: parse two fields of a Common Log Format line, the request line and the response size.

/// `GET /users?page=2 HTTP/1.1`, taken apart. Every field borrows from the line.
#[derive(Debug, PartialEq)]
struct Request<'a> {
    method: &'a str,
    path: &'a str,
    /// What follows the first `?`, if there is one (it may be empty).
    query: Option<&'a str>,
    /// `None` for an HTTP/0.9 request, which names no protocol.
    protocol: Option<&'a str>,
}

#[derive(Debug, PartialEq)]
enum ParseError {
    Missing(&'static str),
    Method,
    Protocol,
    Trailing,
    Bytes,
}

fn parse_request(text: &str) -> Result<Request<'_>, ParseError> {
    // TODO: check each part as the tests describe; for now, anything goes.
    let mut parts = text.split(' ');
    let method = parts.next().unwrap_or_default();
    let path = parts.next().unwrap_or_default();
    let protocol = parts.next();
    Ok(Request {
        method,
        path,
        query: None,
        protocol,
    })
}

/// The response size: a number of bytes, or `-` for no body.
fn parse_size(text: &str) -> Result<Option<u64>, ParseError> {
    // TODO: `-` is no body; only digits are a size.
    text.parse().map(Some).map_err(|_| ParseError::Bytes)
}

fn main() {
    println!("{:?}", parse_request("GET /users?page=2 HTTP/1.1"));
    println!("{:?}", parse_request("-"));
    println!("{:?} {:?}", parse_size("2326"), parse_size("-"));
}
