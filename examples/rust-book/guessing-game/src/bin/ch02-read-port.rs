//! Chapter 2: ask for a port on standard input, as a set-up prompt would.
use std::io::{self, Write};

fn main() {
    print!("port to listen on: ");
    // Standard output is written a whole line at a time: flush, so the
    // prompt appears before the program waits for the answer.
    io::stdout()
        .flush()
        .expect("stdout should accept the prompt");

    // read_line appends what was typed, newline included, to a String it
    // borrows mutably, and returns how many bytes it read.
    // ANCHOR: buffer
    let mut port = String::new();
    let bytes = io::stdin()
        .read_line(&mut port)
        .expect("stdin should be readable");
    // ANCHOR_END: buffer
    println!("read {bytes} bytes: {port:?}");

    // Shadowing: a new `port`, a number this time, parsed from the trimmed text.
    let port: u16 = port
        .trim()
        .parse()
        .expect("the port should be a whole number from 0 to 65535");

    println!("binding 127.0.0.1:{port}");
    if port < 1024 {
        println!("ports below 1024 need extra privileges on Linux");
    }
}
