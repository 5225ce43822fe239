//! Chapter 16: shared state. Sessions are read on every request and written
//! on login: an RwLock. Hits per path change on every request: a Mutex. The
//! request total is one number: an atomic. One Arc shares them all.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::thread;

#[derive(Default)]
struct AppState {
    /// Session id to user name.
    sessions: RwLock<HashMap<String, String>>,
    /// Path to the number of requests that reached it.
    hits: Mutex<HashMap<String, u64>>,
    requests: AtomicU64,
    rejected: AtomicU64,
}

/// What a request handler does with the shared state.
fn handle(state: &AppState, session: &str, path: &str) {
    state.requests.fetch_add(1, Ordering::Relaxed);
    let known = state.sessions.read().unwrap().contains_key(session);
    if !known {
        state.rejected.fetch_add(1, Ordering::Relaxed);
        return;
    }
    let mut hits = state.hits.lock().unwrap();
    *hits.entry(path.to_string()).or_insert(0) += 1;
}

fn main() {
    let state = Arc::new(AppState::default());
    {
        let mut sessions = state.sessions.write().unwrap();
        sessions.insert("s-1".to_string(), "ada".to_string());
        sessions.insert("s-2".to_string(), "grace".to_string());
    }

    // Every worker thread serves the same traffic, 1,000 times over.
    let traffic = [
        ("s-1", "/orders"),
        ("s-2", "/orders"),
        ("s-9", "/admin"),
        ("s-1", "/users/7"),
    ];
    let mut workers = Vec::new();
    for _ in 0..4 {
        let state = Arc::clone(&state);
        workers.push(thread::spawn(move || {
            for _ in 0..1_000 {
                for (session, path) in traffic {
                    handle(&state, session, path);
                }
            }
        }));
    }
    for worker in workers {
        worker.join().unwrap();
    }

    let hits = state.hits.lock().unwrap();
    let mut paths: Vec<(&String, &u64)> = hits.iter().collect();
    paths.sort();
    for (path, count) in paths {
        println!("{count:>6}  {path}");
    }
    let requests = state.requests.load(Ordering::Relaxed);
    let rejected = state.rejected.load(Ordering::Relaxed);
    println!("requests: {requests}, rejected (no session): {rejected}");
    println!("owners of the state now: {}", Arc::strong_count(&state));
}
