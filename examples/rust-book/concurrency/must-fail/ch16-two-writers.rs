//! Must not compile (E0499): two threads counting into the same map, with
//! no lock. The compiler refuses the second `&mut` borrow.

use std::collections::HashMap;
use std::thread;

fn status(line: &str) -> &str {
    line.split_whitespace().nth(2).unwrap_or("?")
}

fn main() {
    let log = [
        "GET /users 200",
        "GET /users 500",
        "GET /health 200",
        "POST /login 401",
    ];
    let (first, second) = log.split_at(2);
    let mut per_status: HashMap<&str, u32> = HashMap::new();

    thread::scope(|s| {
        s.spawn(|| {
            for line in first {
                *per_status.entry(status(line)).or_insert(0) += 1;
            }
        });
        s.spawn(|| {
            for line in second {
                *per_status.entry(status(line)).or_insert(0) += 1;
            }
        });
    });
    println!("{per_status:?}");
}
