//! Variables, `mut`, constants and shadowing, on a service's start-up settings.
use std::time::Duration;

// A constant: always typed, computed at compile time, usable anywhere.
const MAX_BODY_BYTES: u64 = 2 * 1024 * 1024;
const DEFAULT_PORT: u16 = 8080;

fn main() {
    // Immutable by default: `host` can never be reassigned.
    let host = "127.0.0.1";

    // Settings arrive as text (an env var, a config file)...
    let port = "3000";
    // ...and shadowing reuses the name for the parsed value, with a new type.
    let port: u16 = port.trim().parse().unwrap_or(DEFAULT_PORT);

    // Three types under one name: &str, then u64 milliseconds, then Duration.
    let timeout = " 2500 ";
    let timeout: u64 = timeout.trim().parse().expect("timeout is a number of ms");
    let timeout = Duration::from_millis(timeout);

    // ANCHOR: workers
    // `mut` is opt-in, and only where the value really changes.
    let mut workers = 4;
    if port < 1024 {
        workers = 1; // privileged port: keep it simple
    }
    workers *= 2;
    // ANCHOR_END: workers

    println!("listening on {host}:{port}");
    println!("timeout {timeout:?}, {workers} workers");
    println!(
        "max body {MAX_BODY_BYTES} bytes ({} MiB)",
        MAX_BODY_BYTES / 1024 / 1024
    );

    // Shadowing in an inner block ends with the block.
    {
        let port = port + 1;
        println!("metrics on {host}:{port}");
    }
    println!("back to port {port}");
}
