// ANCHOR: solution
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
        let name = match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Delete => "DELETE",
        };
        f.write_str(name)
    }
}

/// Renders values as one header value: sorted, each value once, joined by
/// ", ". `header_value(&["gzip", "br", "gzip"])` is `"br, gzip"`.
pub fn header_value<T: Ord + fmt::Display>(values: &[T]) -> String {
    let mut sorted: Vec<&T> = values.iter().collect();
    sorted.sort();
    sorted.dedup();
    let parts: Vec<String> = sorted.iter().map(|value| value.to_string()).collect();
    parts.join(", ")
}

fn main() {
    println!(
        "Allow: {}",
        header_value(&[Method::Post, Method::Get, Method::Post])
    );
    println!("Accept-Encoding: {}", header_value(&["gzip", "br", "gzip"]));
    println!("X-Retry-On: {}", header_value(&[503_u16, 502, 503]));
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_method_displays_as_its_upper_case_name() {
        assert_eq!(Method::Get.to_string(), "GET");
        assert_eq!(Method::Post.to_string(), "POST");
        assert_eq!(
            Method::Delete.to_string(),
            "DELETE",
            "Display decides the text, not the variant's name"
        );
    }

    #[test]
    fn status_codes_come_out_sorted_and_each_once() {
        assert_eq!(header_value(&[503_u16, 200, 503, 404]), "200, 404, 503");
    }

    #[test]
    fn strings_are_sorted_alphabetically() {
        assert_eq!(
            header_value(&["gzip", "br", "deflate", "br"]),
            "br, deflate, gzip"
        );
    }

    #[test]
    fn an_allow_header_lists_methods_in_declaration_order() {
        let allowed = [Method::Delete, Method::Get, Method::Delete, Method::Post];
        assert_eq!(
            header_value(&allowed),
            "GET, POST, DELETE",
            "derived Ord follows the enum's declaration order"
        );
    }

    #[test]
    fn no_values_give_an_empty_header_value() {
        let none: [u16; 0] = [];
        assert_eq!(
            header_value(&none),
            "",
            "nothing to list, so no separators either"
        );
    }
}
// ANCHOR_END: tests
