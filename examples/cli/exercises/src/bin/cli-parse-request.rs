//! Exercise: parse two fields of a Common Log Format line, the request line and the response size.

// ANCHOR: solution
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
    // nginx writes "-" when the connection closed before a request arrived.
    if text.is_empty() || text == "-" {
        return Err(ParseError::Missing("request"));
    }
    let mut parts = text.split(' ');
    let method = parts.next().unwrap_or_default();
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(ParseError::Method);
    }
    let target = parts.next().unwrap_or_default();
    let (path, query) = match target.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (target, None),
    };
    if path.is_empty() {
        return Err(ParseError::Missing("path"));
    }
    let protocol = parts.next();
    if protocol.is_some_and(|p| !p.starts_with("HTTP/")) {
        return Err(ParseError::Protocol);
    }
    if parts.next().is_some() {
        return Err(ParseError::Trailing);
    }
    Ok(Request {
        method,
        path,
        query,
        protocol,
    })
}

/// The response size: a number of bytes, or `-` for no body.
fn parse_size(text: &str) -> Result<Option<u64>, ParseError> {
    if text == "-" {
        return Ok(None);
    }
    // str::parse alone would take "+5"; servers only ever write digits.
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ParseError::Bytes);
    }
    text.parse().map(Some).map_err(|_| ParseError::Bytes)
}

fn main() {
    println!("{:?}", parse_request("GET /users?page=2 HTTP/1.1"));
    println!("{:?}", parse_request("-"));
    println!("{:?} {:?}", parse_size("2326"), parse_size("-"));
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_usual_request_line() {
        assert_eq!(
            parse_request("GET /users?page=2 HTTP/1.1"),
            Ok(Request {
                method: "GET",
                path: "/users",
                query: Some("page=2"),
                protocol: Some("HTTP/1.1")
            })
        );
    }

    #[test]
    fn the_query_is_cut_at_the_first_question_mark() {
        let request = parse_request("POST /search?q=a?b HTTP/2.0").unwrap();
        assert_eq!((request.path, request.query), ("/search", Some("q=a?b")));
        let request = parse_request("GET /a? HTTP/1.1").unwrap();
        assert_eq!(
            (request.path, request.query),
            ("/a", Some("")),
            "a '?' with nothing after is an empty query"
        );
        assert_eq!(
            parse_request("GET /a HTTP/1.1").unwrap().query,
            None,
            "no '?': no query"
        );
    }

    #[test]
    fn an_http_0_9_request_names_no_protocol() {
        assert_eq!(
            parse_request("GET /"),
            Ok(Request {
                method: "GET",
                path: "/",
                query: None,
                protocol: None
            })
        );
    }

    #[test]
    fn the_fields_borrow_from_the_line() {
        let line = String::from("DELETE /users/7 HTTP/1.1");
        let request = parse_request(&line).unwrap();
        let range = line.as_bytes().as_ptr_range();
        assert!(
            range.contains(&request.path.as_ptr()),
            "the path should be a slice of the line, not a copy"
        );
    }

    #[test]
    fn broken_request_lines_say_what_is_wrong() {
        let cases = [
            ("-", ParseError::Missing("request")),
            ("", ParseError::Missing("request")),
            ("GET", ParseError::Missing("path")),
            ("GET ?q=1 HTTP/1.1", ParseError::Missing("path")),
            ("get / HTTP/1.1", ParseError::Method),
            ("\u{16}\u{3}\u{1} / HTTP/1.1", ParseError::Method),
            (" / HTTP/1.1", ParseError::Method),
            ("GET / SPDY/3", ParseError::Protocol),
            ("GET /a HTTP/1.1 extra", ParseError::Trailing),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_request(text), Err(expected), "{text:?}");
        }
    }

    #[test]
    fn a_size_is_digits_or_a_dash() {
        assert_eq!(parse_size("2326"), Ok(Some(2326)));
        assert_eq!(
            parse_size("0"),
            Ok(Some(0)),
            "0 is a real empty body, not '-'"
        );
        assert_eq!(parse_size("-"), Ok(None), "'-' means no body");
        assert_eq!(parse_size("18446744073709551615"), Ok(Some(u64::MAX)));
    }

    #[test]
    fn anything_else_is_a_bad_size() {
        for text in [
            "",
            "+5",
            "-1",
            "1.5",
            "12a",
            " 12",
            "18446744073709551616",
            "--",
        ] {
            assert_eq!(parse_size(text), Err(ParseError::Bytes), "{text:?}");
        }
    }
}
// ANCHOR_END: tests
