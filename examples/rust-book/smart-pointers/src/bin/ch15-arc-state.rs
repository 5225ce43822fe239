//! Chapter 15: Arc<T> is Rc<T> with an atomic count, so its clones may go
//! to other threads. This is how a server shares its state: each request
//! gets a clone of the Arc, a pointer copy, and all of them read one value.

use std::sync::Arc;
use std::thread;

struct AppState {
    service: String,
    max_body: usize,
}

impl Drop for AppState {
    fn drop(&mut self) {
        println!("state of {} freed", self.service);
    }
}

fn handle(state: &AppState, request: u32) -> String {
    format!(
        "request {request}: {} accepts bodies up to {} bytes",
        state.service, state.max_body
    )
}

fn main() {
    let state = Arc::new(AppState {
        service: "users-api".to_string(),
        max_body: 16 * 1024,
    });

    // What axum does for each request: clone the state, hand the clone over.
    let clones: Vec<Arc<AppState>> = (0..3).map(|_| Arc::clone(&state)).collect();
    println!("before the requests: {} owners", Arc::strong_count(&state));

    let mut requests = Vec::new();
    for (n, state) in (1..).zip(clones) {
        // `move` gives the thread its own clone; the thread drops it at the end.
        requests.push(thread::spawn(move || handle(&state, n)));
    }
    for request in requests {
        println!("{}", request.join().expect("the request thread panicked"));
    }
    println!("after the requests: {} owner", Arc::strong_count(&state));
}
