//! Building a struct without one of its fields: Rust has no implicit
//! zero value or null to fill the gap.

#[derive(Debug)]
struct ServerConfig {
    host: String,
    port: u16,
    max_connections: u32,
    request_timeout_secs: u64,
}

fn main() {
    let config = ServerConfig {
        host: String::from("127.0.0.1"),
        port: 8080,
        max_connections: 1024,
    };
    println!("{config:?}");
}
