//! Must not compile (E0373): the spawned thread borrows `lines`, which the
//! function drops when it returns, while the thread may still be running.

use std::thread;

fn count_in_background(lines: Vec<String>) -> thread::JoinHandle<usize> {
    thread::spawn(|| lines.iter().filter(|line| line.ends_with(" 500")).count())
}

fn main() {
    let lines = vec!["GET /users 500".to_string(), "GET /health 200".to_string()];
    let handle = count_in_background(lines);
    println!("{} server errors", handle.join().unwrap());
}
