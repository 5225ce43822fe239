//! Chapter 1: the command-line arguments a program receives.
use std::env;

fn main() {
    // The first item is the program's own path, which differs between
    // `cargo run`, an installed binary and the browser: skip it.
    let args: Vec<String> = env::args().skip(1).collect();

    println!("{} argument(s)", args.len());
    for (index, arg) in args.iter().enumerate() {
        // {:?} shows each argument quoted, so spaces inside one are visible.
        println!("  [{index}] {arg:?}");
    }
}
