//! Exercise: a tree of routes. Parents own their children; children point
//! back at their parent through a Weak, so the tree has no cycle.

// ANCHOR: solution
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
    let child = Rc::new(Route {
        segment: segment.to_string(),
        parent: Some(Rc::downgrade(parent)),
        children: RefCell::new(Vec::new()),
    });
    parent.children.borrow_mut().push(Rc::clone(&child));
    child
}

/// The route's full path, such as `/api/v1/users`; `/` for the root. None
/// when a route above this one no longer exists.
fn full_path(route: &Rc<Route>) -> Option<String> {
    let mut segments = Vec::new();
    let mut node = Rc::clone(route);
    while let Some(parent) = &node.parent {
        segments.push(node.segment.clone());
        node = parent.upgrade()?;
    }
    segments.reverse();
    Some(format!("/{}", segments.join("/")))
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_is_slash() {
        assert_eq!(full_path(&Route::root()).as_deref(), Some("/"));
    }

    #[test]
    fn nested_routes_join_their_segments() {
        let root = Route::root();
        let api = add_child(&root, "api");
        let v1 = add_child(&api, "v1");
        let users = add_child(&v1, "users");
        assert_eq!(full_path(&api).as_deref(), Some("/api"));
        assert_eq!(full_path(&users).as_deref(), Some("/api/v1/users"));
    }

    #[test]
    fn a_parent_lists_its_children_in_order() {
        let root = Route::root();
        let api = add_child(&root, "api");
        add_child(&api, "users");
        add_child(&api, "sessions");
        let children: Vec<String> = api
            .children
            .borrow()
            .iter()
            .map(|child| child.segment.clone())
            .collect();
        assert_eq!(children, ["users", "sessions"]);
    }

    #[test]
    fn parents_own_children_and_children_only_point_back() {
        let root = Route::root();
        let api = add_child(&root, "api");
        add_child(&api, "users");
        add_child(&api, "sessions");
        assert_eq!(
            Rc::strong_count(&api),
            2,
            "`api` has two owners: this variable and the root's children"
        );
        assert_eq!(
            Rc::weak_count(&api),
            2,
            "each of the two children points back at `api` with a Weak"
        );
        assert_eq!(
            Rc::strong_count(&root),
            1,
            "nothing but `root` owns the root"
        );
    }

    #[test]
    fn a_route_whose_tree_is_gone_has_no_path() {
        let users = {
            let root = Route::root();
            let api = add_child(&root, "api");
            add_child(&api, "users")
        };
        assert_eq!(users.segment, "users", "the route itself is still there");
        assert_eq!(
            full_path(&users),
            None,
            "its parent was dropped with the tree, so there is no full path"
        );
    }
}
// ANCHOR_END: tests
