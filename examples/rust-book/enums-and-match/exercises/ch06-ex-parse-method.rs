#[derive(Debug, Clone, Copy, PartialEq)]
enum HttpMethod {
    Get,
    Head,
    Post,
    Put,
    Patch,
    Delete,
    Options,
}

impl HttpMethod {
    fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Head => "HEAD",
            HttpMethod::Post => "POST",
            HttpMethod::Put => "PUT",
            HttpMethod::Patch => "PATCH",
            HttpMethod::Delete => "DELETE",
            HttpMethod::Options => "OPTIONS",
        }
    }
}

/// Reads the method from a request line. Method names are case-sensitive
/// (RFC 9110): "GET" is a method, "get" is not.
fn parse_method(text: &str) -> Option<HttpMethod> {
    // TODO: return Some(the matching variant) for each of the seven names,
    // and None for anything else.
    todo!()
}

fn main() {
    for text in ["GET", "PATCH", "get", "BREW"] {
        match parse_method(text) {
            Some(method) => println!("{text:<5} -> {method:?}, sent as {}", method.as_str()),
            None => println!("{text:<5} -> 501 Not Implemented"),
        }
    }
}
