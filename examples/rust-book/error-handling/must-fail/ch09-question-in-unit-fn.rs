//! Must not compile (E0277): `?` in a function that returns nothing.

fn print_port(raw: &str) {
    let port: u16 = raw.parse()?;
    println!("listening on port {port}");
}

fn main() {
    print_port("8080");
}
