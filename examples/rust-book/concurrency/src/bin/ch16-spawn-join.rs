//! Chapter 16: a log cut into shards, one thread per shard. `thread::spawn`
//! runs a closure on a new operating-system thread, `move` gives the
//! closure what it needs, and `join` waits for the value it returns.

use std::thread;

const LOG: &str = "\
GET /users 200
GET /users/7 500
POST /login 200
GET /health 200
GET /orders 503
GET /orders 502
POST /orders 201
GET /orders/9 404";

/// Counts the lines of a shard whose status (the third field) is a 5xx.
fn server_errors(lines: &[String]) -> usize {
    lines
        .iter()
        .filter(|line| {
            line.split_whitespace()
                .nth(2)
                .is_some_and(|s| s.starts_with('5'))
        })
        .count()
}

fn main() {
    // Owned shards of three lines, as three files or three hosts would give them.
    let lines: Vec<&str> = LOG.lines().collect();
    let shards: Vec<Vec<String>> = lines
        .chunks(3)
        .map(|chunk| chunk.iter().map(|line| line.to_string()).collect())
        .collect();

    let mut handles = Vec::new();
    for (number, shard) in shards.into_iter().enumerate() {
        let handle = thread::spawn(move || {
            let errors = server_errors(&shard);
            (number, shard.len(), errors)
        });
        handles.push(handle);
    }

    let mut total = 0;
    for handle in handles {
        let (number, lines, errors) = handle.join().expect("a shard's thread panicked");
        println!("shard {number}: {lines} lines, 5xx: {errors}");
        total += errors;
    }
    println!("all shards, 5xx: {total}");
}
