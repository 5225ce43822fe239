//! Exercise: a hit counter that every request thread can share.

// ANCHOR: solution
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
        let mut hits = self.hits.lock().unwrap();
        *hits.entry(path.to_string()).or_insert(0) += 1;
    }

    /// The requests `path` has had so far: 0 for a path never seen.
    fn count(&self, path: &str) -> u64 {
        self.hits.lock().unwrap().get(path).copied().unwrap_or(0)
    }

    /// The `n` busiest paths with their counts, most first; equal counts
    /// in alphabetical order.
    fn top(&self, n: usize) -> Vec<(String, u64)> {
        let hits = self.hits.lock().unwrap();
        let mut all: Vec<(String, u64)> = hits
            .iter()
            .map(|(path, count)| (path.clone(), *count))
            .collect();
        drop(hits);
        all.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        all.truncate(n);
        all
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_request_is_lost_across_threads() {
        let counter = HitCounter::default();
        let workers: Vec<_> = (0..8)
            .map(|worker| {
                let counter = counter.clone();
                thread::spawn(move || {
                    for _ in 0..1_000 {
                        counter.record("/users");
                        if worker % 2 == 1 {
                            counter.record("/orders");
                        }
                    }
                })
            })
            .collect();
        for worker in workers {
            worker.join().expect("a worker thread panicked");
        }
        assert_eq!(
            counter.count("/users"),
            8_000,
            "8 threads recorded /users 1,000 times each"
        );
        assert_eq!(
            counter.count("/orders"),
            4_000,
            "4 threads recorded /orders 1,000 times each"
        );
    }

    #[test]
    fn a_path_never_seen_has_no_hits() {
        let counter = HitCounter::default();
        counter.record("/users");
        assert_eq!(counter.count("/health"), 0, "/health was never recorded");
    }

    #[test]
    fn clones_share_the_same_counts() {
        let counter = HitCounter::default();
        let handle = counter.clone();
        handle.record("/login");
        handle.record("/login");
        assert_eq!(
            counter.count("/login"),
            2,
            "a clone must count into the same map, not a copy"
        );
    }

    #[test]
    fn top_is_busiest_first_then_alphabetical() {
        let counter = HitCounter::default();
        for path in [
            "/users", "/orders", "/users", "/health", "/orders", "/admin",
        ] {
            counter.record(path);
        }
        let expected = vec![
            ("/orders".to_string(), 2),
            ("/users".to_string(), 2),
            ("/admin".to_string(), 1),
        ];
        assert_eq!(
            counter.top(3),
            expected,
            "2 hits before 1, and /orders before /users"
        );
        assert_eq!(
            counter.top(10).len(),
            4,
            "top(10) returns every path when there are fewer"
        );
    }
}
// ANCHOR_END: tests
