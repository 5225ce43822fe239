//! Must not compile (E0594): an Rc hands out shared references only, so
//! the value inside cannot be changed through it.

use std::rc::Rc;

struct Metrics {
    requests: u64,
}

fn main() {
    let metrics = Rc::new(Metrics { requests: 0 });
    let for_users = Rc::clone(&metrics);
    for_users.requests += 1;
    println!("{} requests", metrics.requests);
}
