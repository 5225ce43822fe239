//! Exercise: look up many users at once, and return the names in the order
//! the ids were given.

// ANCHOR: solution
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
    let handles: Vec<_> = ids
        .iter()
        .map(|&id| {
            let service = Arc::clone(&service);
            tokio::spawn(async move { service.name_of(id).await })
        })
        .collect();
    let mut names = Vec::with_capacity(handles.len());
    for handle in handles {
        names.push(handle.await.expect("a lookup panicked"));
    }
    names
}

#[tokio::main]
async fn main() {
    let service = UserService::new();
    let names = fetch_all(Arc::clone(&service), &[1, 2, 3, 4]).await;
    println!("{names:?}, at most {} lookups at once", service.peak());
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    #[tokio::test]
    async fn names_come_back_in_the_order_asked() {
        let names = fetch_all(UserService::new(), &[1, 2, 3]).await;
        assert_eq!(
            names,
            ["user-1", "user-2", "user-3"],
            "user 1 answers last, but its name must still come first"
        );
    }

    #[tokio::test]
    async fn every_lookup_is_in_flight_at_once() {
        let service = UserService::new();
        let ids: Vec<u32> = (1..=8).collect();
        fetch_all(Arc::clone(&service), &ids).await;
        assert_eq!(
            service.peak(),
            8,
            "8 ids should mean 8 lookups in flight at the same time; \
             awaiting each lookup before starting the next keeps one in flight"
        );
    }

    #[tokio::test]
    async fn eight_lookups_take_about_as_long_as_the_slowest() {
        let ids: Vec<u32> = (1..=8).collect();
        let start = Instant::now();
        fetch_all(UserService::new(), &ids).await;
        let took = start.elapsed();
        assert!(
            took < Duration::from_millis(150),
            "the slowest lookup takes 45 ms and one after another they take 220 ms; \
             this took {took:?}"
        );
    }

    #[tokio::test]
    async fn no_ids_no_names() {
        let service = UserService::new();
        assert!(fetch_all(Arc::clone(&service), &[]).await.is_empty());
        assert_eq!(service.peak(), 0, "no id, no lookup");
    }
}
// ANCHOR_END: tests
