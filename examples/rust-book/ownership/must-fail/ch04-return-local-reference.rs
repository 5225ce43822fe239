//! Does not compile: returns a reference to a String that the function owns.

/// " Content-Type " should give "content-type".
fn normalize_header_name(name: &str) -> &str {
    let lower = name.trim().to_ascii_lowercase();
    &lower
}

fn main() {
    println!("{}", normalize_header_name(" Content-Type "));
}
