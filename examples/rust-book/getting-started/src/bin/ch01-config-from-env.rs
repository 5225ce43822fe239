//! Chapter 1: settings from an argument and an environment variable, with defaults.
use std::env;

fn main() {
    // The service name is the first argument, or a default without one.
    let name = env::args()
        .nth(1)
        .unwrap_or_else(|| String::from("hello-svc"));

    // The port comes from the environment, as containers and PaaS set it.
    // env::var returns Err when the variable is unset: fall back to 3000.
    let (port, source) = match env::var("HELLO_PORT") {
        Ok(value) => (value, "HELLO_PORT"),
        Err(_) => (String::from("3000"), "the default"),
    };

    println!("{name} would listen on 127.0.0.1:{port} (port from {source})");
}
