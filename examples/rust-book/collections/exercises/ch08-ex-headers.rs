//! Exercise: request headers into a HashMap with case-insensitive names.

use std::collections::HashMap;

/// Parses raw header lines ("Name: value") into a map from the lower-cased
/// name to the value without surrounding spaces. A header sent more than
/// once keeps all its values, joined with ", " in the order they came.
/// Lines without a colon are skipped.
fn parse_headers(lines: &[&str]) -> HashMap<String, String> {
    let mut headers: HashMap<String, String> = HashMap::new();
    for line in lines {
        // Split the line into a name and a value, lower-case the name,
        // trim both, then insert the value or append it to the one stored.
        todo!()
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
