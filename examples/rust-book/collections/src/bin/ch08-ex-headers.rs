//! Exercise: request headers into a HashMap with case-insensitive names.

// ANCHOR: solution
use std::collections::HashMap;

/// Parses raw header lines ("Name: value") into a map from the lower-cased
/// name to the value without surrounding spaces. A header sent more than
/// once keeps all its values, joined with ", " in the order they came.
/// Lines without a colon are skipped.
fn parse_headers(lines: &[&str]) -> HashMap<String, String> {
    let mut headers: HashMap<String, String> = HashMap::new();
    for line in lines {
        // split_once cuts at the FIRST colon: "Host: api:8080" keeps its port.
        let Some((name, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        headers
            .entry(name.trim().to_ascii_lowercase())
            .and_modify(|existing| {
                existing.push_str(", ");
                existing.push_str(value);
            })
            .or_insert_with(|| value.to_string());
    }
    headers
}

fn main() {
    let request = [
        "Host: api.example.com",
        "Accept: text/html",
        "ACCEPT: application/json",
    ];
    let headers = parse_headers(&request);
    println!("host   = {:?}", headers.get("host"));
    println!("accept = {:?}", headers.get("accept"));
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_lower_cased_so_any_spelling_is_found() {
        let headers = parse_headers(&["Content-Type: application/json"]);
        assert_eq!(
            headers.get("content-type").map(String::as_str),
            Some("application/json"),
            "\"Content-Type\" should be stored under \"content-type\""
        );
        assert_eq!(headers.len(), 1, "one header line gives one entry");
    }

    #[test]
    fn values_are_trimmed_but_keep_their_inner_spaces() {
        let headers = parse_headers(&["User-Agent:   curl/8.5 (x86_64)  "]);
        assert_eq!(
            headers["user-agent"], "curl/8.5 (x86_64)",
            "spaces around the value go, spaces inside it stay"
        );
    }

    #[test]
    fn a_value_may_contain_a_colon() {
        let headers = parse_headers(&["Host: localhost:8080"]);
        assert_eq!(
            headers["host"], "localhost:8080",
            "split at the first colon only"
        );
    }

    #[test]
    fn repeated_headers_are_joined_with_a_comma_in_order() {
        let headers = parse_headers(&[
            "Accept: text/html",
            "X-Trace: 1",
            "accept: application/json",
        ]);
        assert_eq!(
            headers["accept"], "text/html, application/json",
            "Accept and accept are the same header: both values, first one first"
        );
    }

    #[test]
    fn lines_without_a_colon_are_skipped() {
        let headers = parse_headers(&["GET / HTTP/1.1", "Host: example.com", ""]);
        assert_eq!(
            headers.len(),
            1,
            "only \"Host: example.com\" is a header line"
        );
    }
}
// ANCHOR_END: tests
