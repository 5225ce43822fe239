//! Passing an Option<u16> where a u16 is expected: the None case has to be
//! handled before the number inside can be used.

fn configured_port(value: &str) -> Option<u16> {
    value.parse().ok()
}

fn listen(port: u16) {
    println!("listening on port {port}");
}

fn main() {
    let port = configured_port("8080");
    listen(port);
}
