//! Must not compile (E0277): Rc's count is not atomic, so an Rc may not be
//! moved to another thread.

use std::rc::Rc;
use std::thread;

struct AppState {
    service: String,
}

fn main() {
    let state = Rc::new(AppState {
        service: "users-api".to_string(),
    });
    let for_request = Rc::clone(&state);
    let request = thread::spawn(move || format!("serving {}", for_request.service));
    println!("{}", request.join().unwrap());
}
