//! Exercise: a generic function with the right trait bounds, and a
//! Display implementation for an enum.
use std::fmt;

/// HTTP methods, in the order a response's Allow header should list them.
/// The derived Ord orders variants as they are declared: Get < Post < Delete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Method {
    Get,
    Post,
    Delete,
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Write "GET", "POST" or "DELETE": match on self, then use
        // f.write_str(...) or write!(f, ...).
        todo!()
    }
}

/// Renders values as one header value: sorted, each value once, joined by
/// ", ". `header_value(&["gzip", "br", "gzip"])` is `"br, gzip"`.
///
/// The signature has no trait bounds yet: add the ones your body needs
/// after `T`, and no more.
pub fn header_value<T>(values: &[T]) -> String {
    todo!()
}

fn main() {
    println!(
        "Allow: {}",
        header_value(&[Method::Post, Method::Get, Method::Post])
    );
    println!("Accept-Encoding: {}", header_value(&["gzip", "br", "gzip"]));
    println!("X-Retry-On: {}", header_value(&[503_u16, 502, 503]));
}
