//! Does not compile: the result borrows from `first` or from `second`,
//! and the signature does not say which.
// ANCHOR: preferred
fn preferred(first: &str, second: &str) -> &str {
    if weight(second) > weight(first) {
        second
    } else {
        first
    }
}
// ANCHOR_END: preferred

fn weight(entry: &str) -> f32 {
    let q = entry.split_once(";q=").map(|(_, q)| q.parse().ok());
    q.flatten().unwrap_or(1.0)
}

fn main() {
    println!("{}", preferred("en;q=0.8", "fr;q=0.9"));
}
