//! Counts the HTTP status classes (2xx, 4xx, ...) in an access log read
//! from a file, or from standard input when no file is given.

// ANCHOR: main
use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::process::ExitCode;

fn main() -> ExitCode {
    let path = std::env::args().nth(1);
    let reader: Box<dyn BufRead> = match path {
        Some(path) => match File::open(&path) {
            Ok(file) => Box::new(BufReader::new(file)),
            Err(error) => {
                eprintln!("status-count: cannot open {path}: {error}");
                return ExitCode::FAILURE;
            }
        },
        None => Box::new(io::stdin().lock()),
    };

    let mut counts: HashMap<String, u32> = HashMap::new();
    let mut skipped = 0;
    for line in reader.lines() {
        let Ok(line) = line else {
            eprintln!("status-count: the input is not UTF-8 text");
            return ExitCode::FAILURE;
        };
        match status_class(&line) {
            Some(class) => *counts.entry(class).or_insert(0) += 1,
            None => skipped += 1,
        }
    }

    let mut classes: Vec<(String, u32)> = counts.into_iter().collect();
    classes.sort();
    for (class, count) in classes {
        println!("{class}  {count}");
    }
    if skipped > 0 {
        println!("skipped {skipped} line(s) without a status code");
    }
    ExitCode::SUCCESS
}
// ANCHOR_END: main

// ANCHOR: status_class
/// The status class of one Common or Combined Log Format line: the status
/// code is the first field after the quoted request line.
fn status_class(line: &str) -> Option<String> {
    let after_request = line.split('"').nth(2)?;
    let code: u16 = after_request.split_whitespace().next()?.parse().ok()?;
    (100..600)
        .contains(&code)
        .then(|| format!("{}xx", code / 100))
}
// ANCHOR_END: status_class

#[cfg(test)]
mod tests;
