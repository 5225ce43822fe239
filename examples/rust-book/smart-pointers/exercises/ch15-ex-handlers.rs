//! Exercise: a router that keeps its handlers as boxed closures, each of
//! its own type, all called the same way.

use std::cell::RefCell;
use std::rc::Rc;

/// A status code and a body.
type Response = (u16, String);

/// Any function or closure that answers a request body with a Response.
/// Each closure has its own type; behind a Box they all have this one.
type Handler = Box<dyn Fn(&str) -> Response>;

struct Route {
    method: &'static str,
    path: &'static str,
    handler: Handler,
}

#[derive(Default)]
struct Router {
    routes: Vec<Route>,
}

impl Router {
    /// Registers `handler` for `method` and `path`. Returns the router, so
    /// that calls can be chained.
    fn route(
        &mut self,
        method: &'static str,
        path: &'static str,
        handler: impl Fn(&str) -> Response + 'static,
    ) -> &mut Router {
        // TODO: box the handler and keep it with its method and path.
        todo!()
    }

    /// Calls the handler registered for `method` and `path` with `body`.
    /// 404 when no route has this path, 405 when routes have the path but
    /// none of them the method.
    fn dispatch(&self, method: &str, path: &str, body: &str) -> Response {
        // TODO: find the route for this method and path and call its
        // handler; answer 405 if only the method differs, 404 otherwise.
        todo!()
    }
}

fn health(_body: &str) -> Response {
    (200, "ok".to_string())
}

fn main() {
    let users = Rc::new(RefCell::new(Vec::<String>::new()));
    let for_create = Rc::clone(&users);
    let mut router = Router::default();
    router
        .route("GET", "/health", health)
        .route("POST", "/users", move |body| {
            for_create.borrow_mut().push(body.to_string());
            (201, format!("created {body}"))
        })
        .route("GET", "/users", move |_body| {
            (200, users.borrow().join(","))
        });

    for (method, path, body) in [
        ("GET", "/health", ""),
        ("POST", "/users", "ada"),
        ("POST", "/users", "grace"),
        ("GET", "/users", ""),
        ("DELETE", "/users", ""),
        ("GET", "/orders", ""),
    ] {
        let (status, text) = router.dispatch(method, path, body);
        println!("{method} {path} -> {status} {text}");
    }
}
