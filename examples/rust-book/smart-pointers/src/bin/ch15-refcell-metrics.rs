//! Chapter 15: RefCell<T> checks the borrow rules at run time, so a value
//! reached through shared references can still change. Rc<RefCell<T>>:
//! several owners, all allowed to update the same metrics.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

#[derive(Debug, Default)]
struct Metrics {
    requests: u64,
    by_status: BTreeMap<u16, u64>,
}

struct Handler {
    route: &'static str,
    metrics: Rc<RefCell<Metrics>>,
}

impl Handler {
    /// `&self`, not `&mut self`: handlers are shared, and yet this one
    /// records every answer in the metrics.
    fn handle(&self, status: u16) {
        let mut metrics = self.metrics.borrow_mut();
        metrics.requests += 1;
        *metrics.by_status.entry(status).or_insert(0) += 1;
        println!("{} -> {status}", self.route);
    } // the RefMut guard is dropped here, and the RefCell is free again
}

fn main() {
    let metrics = Rc::new(RefCell::new(Metrics::default()));
    let users = Handler {
        route: "GET /users",
        metrics: Rc::clone(&metrics),
    };
    let health = Handler {
        route: "GET /health",
        metrics: Rc::clone(&metrics),
    };
    users.handle(200);
    health.handle(200);
    users.handle(404);
    users.handle(200);

    {
        let report = metrics.borrow();
        println!("{} requests: {:?}", report.requests, report.by_status);
        // Any number of shared borrows at once is fine...
        let again = metrics.borrow();
        println!("two readers: {} and {}", report.requests, again.requests);
        // ...but not a mutable one while they live. try_borrow_mut says so
        // with an Err, where borrow_mut would panic.
        match metrics.try_borrow_mut() {
            Ok(_) => println!("borrowed mutably while reading?"),
            Err(err) => println!("try_borrow_mut while reading: {err}"),
        }
    }
    // Both Ref guards are gone: the next request may write again.
    println!("after the report: {}", metrics.try_borrow_mut().is_ok());
    health.handle(503);
    println!("{:?}", metrics.borrow());
}
