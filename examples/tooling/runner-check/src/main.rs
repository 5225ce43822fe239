//! Behaves as its first argument says, so the browser tests can check how
//! the in-page runner copes: `echo` (stdin and args back), `spin` (an
//! endless loop), `flood` (endless output), `panic`, `exit N`, `slow`
//! (output spread over time, to see it stream).
use std::io::{self, Read, Write};
use std::time::{Duration, Instant};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("echo") => {
            let mut input = String::new();
            io::stdin().read_to_string(&mut input).expect("stdin");
            println!("args: {:?}", &args[1..]);
            print!("stdin: {input}");
        }
        Some("spin") => {
            let mut n: u64 = 0;
            loop {
                n = n.wrapping_add(1);
                std::hint::black_box(n);
            }
        }
        Some("flood") => {
            let mut out = io::stdout().lock();
            for line in 0u64.. {
                writeln!(out, "line {line}: the runner must cap this").expect("stdout");
            }
        }
        Some("panic") => panic!("the checker asked for a panic"),
        Some("exit") => std::process::exit(args.get(1).and_then(|c| c.parse().ok()).unwrap_or(3)),
        Some("slow") => {
            for step in 1..=3 {
                println!("step {step}");
                io::stdout().flush().expect("stdout");
                let start = Instant::now();
                while start.elapsed() < Duration::from_millis(300) {}
            }
        }
        _ => {
            eprintln!("usage: runner-check echo|spin|flood|panic|exit N|slow");
            std::process::exit(2);
        }
    }
}
