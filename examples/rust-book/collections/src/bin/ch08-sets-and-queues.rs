//! HashSet for "seen before?", VecDeque for a queue with two cheap ends.
use std::collections::{BTreeSet, HashSet, VecDeque};

fn main() {
    let clients = ["10.0.0.7", "10.0.0.9", "10.0.0.7", "10.0.0.3", "10.0.0.9"];
    let mut seen: HashSet<&str> = HashSet::new();
    for ip in clients {
        // insert returns false when the value was already in the set.
        if !seen.insert(ip) {
            println!("repeat visitor: {ip}");
        }
    }
    println!("{} distinct clients", seen.len());
    // Printing a set has the same order problem as a map: a BTreeSet is sorted.
    let sorted: BTreeSet<&str> = seen.into_iter().collect();
    println!("{sorted:?}");

    // The last three requests, for a debug page: push at the back, drop at the front.
    let mut recent: VecDeque<&str> = VecDeque::with_capacity(3);
    for path in ["/login", "/users", "/users/7", "/orders", "/logout"] {
        if recent.len() == 3 {
            recent.pop_front(); // O(1); Vec::remove(0) would shift every element
        }
        recent.push_back(path);
    }
    println!("recent: {recent:?}");

    // A retry queue: take jobs from the front, put failures back at the end.
    let mut jobs: VecDeque<(&str, u32)> = VecDeque::from([("email-1", 0), ("email-2", 0)]);
    while let Some((job, attempts)) = jobs.pop_front() {
        // Pretend email-2 fails on its first attempt.
        if job == "email-2" && attempts == 0 {
            println!("{job}: failed, requeued");
            jobs.push_back((job, attempts + 1));
        } else {
            println!("{job}: sent after {} attempt(s)", attempts + 1);
        }
    }
}
