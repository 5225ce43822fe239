// Does not compile: a counter declared without `mut`.
fn main() {
    let handled = 0;
    for path in ["/health", "/users", "/orders"] {
        println!("handling {path}");
        handled += 1;
    }
    println!("{handled} requests");
}
