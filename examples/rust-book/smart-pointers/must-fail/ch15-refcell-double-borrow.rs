//! Must panic: a RefCell refuses a mutable borrow while a shared one is
//! still alive. The rule is the compiler's, checked at run time.

use std::cell::RefCell;

#[derive(Default)]
struct Metrics {
    requests: u64,
}

fn record(metrics: &RefCell<Metrics>) {
    metrics.borrow_mut().requests += 1;
}

fn main() {
    let metrics = RefCell::new(Metrics::default());
    record(&metrics);

    // A report holds a shared borrow until the end of main...
    let report = metrics.borrow();
    println!("requests so far: {}", report.requests);

    // ...so the next request's borrow_mut finds the value borrowed.
    record(&metrics);
    println!("requests now: {}", report.requests);
}
