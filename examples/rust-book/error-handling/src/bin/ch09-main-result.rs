//! Chapter 9: main can return a Result. An Err ends the program with exit
//! code 1, after Rust prints it on standard error with its Debug format.

use std::error::Error;

fn main() -> Result<(), Box<dyn Error>> {
    // The first argument is the port, as a server's start-up would read it.
    // A &str converts into Box<dyn Error>, so `?` accepts it.
    let raw = std::env::args()
        .nth(1)
        .ok_or("usage: ch09-main-result <port>")?;

    // Any error type fits in Box<dyn Error>: `?` boxes the ParseIntError.
    let port: u16 = raw.parse()?;

    if port < 1024 {
        // So does a String built on the spot.
        return Err(format!("port {port} is privileged, use 1024 or above").into());
    }

    println!("config ok: listening on port {port}");
    Ok(())
}
