//! Printing a struct with {:?} before it has a Debug implementation.

struct ServerConfig {
    host: String,
    port: u16,
}

fn main() {
    let config = ServerConfig {
        host: String::from("127.0.0.1"),
        port: 8080,
    };
    println!("starting with {config:?}");
}
