//! Exercise: a tree of routes. Parents own their children; children point
//! back at their parent through a Weak, so the tree has no cycle.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

/// One segment of a URL path, such as `users` in `/api/users`.
struct Route {
    segment: String,
    /// None for the root; a Weak for every other route, so a child never
    /// keeps its parent alive.
    parent: Option<Weak<Route>>,
    /// The routes under this one, owned. RefCell: a route is shared through
    /// Rc, and children are still added to it.
    children: RefCell<Vec<Rc<Route>>>,
}

impl Route {
    /// The root of a tree, whose path is `/`.
    fn root() -> Rc<Route> {
        Rc::new(Route {
            segment: String::new(),
            parent: None,
            children: RefCell::new(Vec::new()),
        })
    }
}

/// Adds a route named `segment` under `parent` and returns it.
fn add_child(parent: &Rc<Route>, segment: &str) -> Rc<Route> {
    // TODO: build the child with a Weak pointing back at `parent`, add an
    // Rc of it to the parent's children, and return it.
    todo!()
}

/// The route's full path, such as `/api/v1/users`; `/` for the root. None
/// when a route above this one no longer exists.
fn full_path(route: &Rc<Route>) -> Option<String> {
    // TODO: walk up from `route` to the root, collecting the segments.
    // A parent whose Weak no longer upgrades means there is no path.
    todo!()
}

fn main() {
    let root = Route::root();
    let api = add_child(&root, "api");
    let v1 = add_child(&api, "v1");
    let users = add_child(&v1, "users");
    add_child(&v1, "sessions");
    for route in [&root, &api, &v1, &users] {
        println!("{:?}", full_path(route));
    }
    let under_v1: Vec<String> = v1
        .children
        .borrow()
        .iter()
        .map(|r| r.segment.clone())
        .collect();
    println!("under /api/v1: {under_v1:?}");

    drop((root, api, v1));
    println!("after the tree is dropped: {:?}", full_path(&users));
}
