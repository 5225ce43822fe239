// A Vec has no Display format, so `{}` cannot print it.
fn main() {
    let routes = vec!["GET /orders", "GET /health"];
    println!("routes: {}", routes);
}
