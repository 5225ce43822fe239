// ANCHOR: solution
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
    match text {
        "GET" => Some(HttpMethod::Get),
        "HEAD" => Some(HttpMethod::Head),
        "POST" => Some(HttpMethod::Post),
        "PUT" => Some(HttpMethod::Put),
        "PATCH" => Some(HttpMethod::Patch),
        "DELETE" => Some(HttpMethod::Delete),
        "OPTIONS" => Some(HttpMethod::Options),
        _ => None,
    }
}

fn main() {
    for text in ["GET", "PATCH", "get", "BREW"] {
        match parse_method(text) {
            Some(method) => println!("{text:<5} -> {method:?}, sent as {}", method.as_str()),
            None => println!("{text:<5} -> 501 Not Implemented"),
        }
    }
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_methods_are_recognised() {
        assert_eq!(parse_method("GET"), Some(HttpMethod::Get));
        assert_eq!(parse_method("POST"), Some(HttpMethod::Post));
        assert_eq!(parse_method("DELETE"), Some(HttpMethod::Delete));
    }

    #[test]
    fn every_method_parses_back_from_its_own_name() {
        let all = [
            HttpMethod::Get,
            HttpMethod::Head,
            HttpMethod::Post,
            HttpMethod::Put,
            HttpMethod::Patch,
            HttpMethod::Delete,
            HttpMethod::Options,
        ];
        for method in all {
            assert_eq!(
                parse_method(method.as_str()),
                Some(method),
                "{:?} should parse from {:?}",
                method,
                method.as_str()
            );
        }
    }

    #[test]
    fn method_names_are_case_sensitive() {
        assert_eq!(parse_method("get"), None, "\"get\" is not the GET method");
        assert_eq!(
            parse_method("Post"),
            None,
            "\"Post\" is not the POST method"
        );
    }

    #[test]
    fn unknown_or_empty_names_give_none() {
        assert_eq!(parse_method(""), None, "an empty method name");
        assert_eq!(parse_method("BREW"), None, "BREW is not a standard method");
        assert_eq!(
            parse_method("GET "),
            None,
            "a trailing space is not trimmed"
        );
    }
}
// ANCHOR_END: tests
