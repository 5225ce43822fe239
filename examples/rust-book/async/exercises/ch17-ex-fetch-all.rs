//! Exercise: look up many users at once, and return the names in the order
//! the ids were given.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// A user service that counts the lookups in flight. Small ids answer last,
/// so the answers come back in another order than they were asked.
struct UserService {
    in_flight: AtomicUsize,
    peak: AtomicUsize,
}

impl UserService {
    fn new() -> Arc<UserService> {
        Arc::new(UserService {
            in_flight: AtomicUsize::new(0),
            peak: AtomicUsize::new(0),
        })
    }

    async fn name_of(&self, id: u32) -> String {
        let now = self.in_flight.fetch_add(1, Ordering::SeqCst) + 1;
        self.peak.fetch_max(now, Ordering::SeqCst);
        let latency = 5 * u64::from(10 - id.min(9));
        tokio::time::sleep(Duration::from_millis(latency)).await;
        self.in_flight.fetch_sub(1, Ordering::SeqCst);
        format!("user-{id}")
    }

    /// The most lookups that were ever in flight at the same time.
    fn peak(&self) -> usize {
        self.peak.load(Ordering::SeqCst)
    }
}

/// Looks up every id concurrently; the names are in the order of `ids`.
async fn fetch_all(service: Arc<UserService>, ids: &[u32]) -> Vec<String> {
    // TODO: this waits for each lookup before it starts the next one. Start
    // every lookup before awaiting any, then collect the names in the order
    // of `ids`.
    let mut names = Vec::new();
    for &id in ids {
        names.push(service.name_of(id).await);
    }
    names
}

#[tokio::main]
async fn main() {
    let service = UserService::new();
    let names = fetch_all(Arc::clone(&service), &[1, 2, 3, 4]).await;
    println!("{names:?}, at most {} lookups at once", service.peak());
}
