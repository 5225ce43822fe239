//! Does not compile: a returned reference with nothing it could borrow from.

/// 42 should give "req-000042".
fn request_id(counter: u64) -> &str {
    let id = format!("req-{counter:06}");
    &id
}

fn main() {
    println!("{}", request_id(42));
}
