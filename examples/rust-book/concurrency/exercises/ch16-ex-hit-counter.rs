//! Exercise: a hit counter that every request thread can share.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::thread;

/// Requests per path. Cloning it gives another handle to the same counts.
#[derive(Clone, Default)]
struct HitCounter {
    hits: Arc<Mutex<HashMap<String, u64>>>,
}

impl HitCounter {
    /// Counts one request to `path`.
    fn record(&self, path: &str) {
        // TODO: lock the map and add one to the count of `path`.
        todo!()
    }

    /// The requests `path` has had so far: 0 for a path never seen.
    fn count(&self, path: &str) -> u64 {
        // TODO: lock the map and read the count of `path`.
        todo!()
    }

    /// The `n` busiest paths with their counts, most first; equal counts
    /// in alphabetical order.
    fn top(&self, n: usize) -> Vec<(String, u64)> {
        // TODO: copy the entries out under the lock, then sort and cut.
        todo!()
    }
}

fn main() {
    let counter = HitCounter::default();
    let workers: Vec<_> = ["/users", "/orders", "/users"]
        .into_iter()
        .map(|path| {
            let counter = counter.clone();
            thread::spawn(move || {
                for _ in 0..100 {
                    counter.record(path);
                }
            })
        })
        .collect();
    for worker in workers {
        worker.join().unwrap();
    }
    println!("/users: {} hits", counter.count("/users"));
    println!("top 2: {:?}", counter.top(2));
}
