//! Chapter 9: a failure you expect is a value. `parse` returns a Result,
//! and the caller decides what each outcome means.

use std::num::ParseIntError;

/// Reads a port from configuration text. The signature is the whole
/// contract: a u16, or a ParseIntError saying why not. Nothing is thrown.
fn parse_port(raw: &str) -> Result<u16, ParseIntError> {
    raw.trim().parse::<u16>()
}

fn main() {
    // Values a PORT setting really ends up holding.
    let inputs = ["8080", " 443 ", "80x", "", "70000", "-1"];
    for raw in inputs {
        match parse_port(raw) {
            Ok(port) => println!("{raw:?} -> listen on port {port}"),
            Err(err) => println!("{raw:?} -> rejected: {err}"),
        }
    }

    // When a fallback is the right answer, say so instead of matching.
    let port = parse_port("http").unwrap_or(3000);
    println!("\"http\" with a fallback -> port {port}");

    // A Result is an ordinary value: count them, store them, pass them on.
    let valid = inputs.iter().filter(|raw| parse_port(raw).is_ok()).count();
    println!("{valid} of {} values are valid ports", inputs.len());

    // Collecting into Result<Vec<_>, _> stops at the first Err, the way a
    // loop with an early return would.
    let all: Result<Vec<u16>, ParseIntError> = inputs.iter().map(|raw| parse_port(raw)).collect();
    println!("all at once: {all:?}");
}
