//! Exercise: a router that keeps its handlers as boxed closures, each of
//! its own type, all called the same way.

// ANCHOR: solution
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
        self.routes.push(Route {
            method,
            path,
            handler: Box::new(handler),
        });
        self
    }

    /// Calls the handler registered for `method` and `path` with `body`.
    /// 404 when no route has this path, 405 when routes have the path but
    /// none of them the method.
    fn dispatch(&self, method: &str, path: &str, body: &str) -> Response {
        let mut path_known = false;
        for route in &self.routes {
            if route.path == path {
                if route.method == method {
                    return (route.handler)(body);
                }
                path_known = true;
            }
        }
        if path_known {
            (405, "method not allowed".to_string())
        } else {
            (404, "not found".to_string())
        }
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_registered_function_answers() {
        let mut router = Router::default();
        router.route("GET", "/health", health);
        assert_eq!(
            router.dispatch("GET", "/health", ""),
            (200, "ok".to_string())
        );
    }

    #[test]
    fn a_closure_may_capture_what_it_needs() {
        let greeting = String::from("hello");
        let mut router = Router::default();
        router.route("POST", "/echo", move |body| {
            (200, format!("{greeting}, {body}"))
        });
        assert_eq!(
            router.dispatch("POST", "/echo", "ada"),
            (200, "hello, ada".to_string())
        );
    }

    #[test]
    fn routes_of_different_types_live_in_one_router() {
        let mut router = Router::default();
        router
            .route("GET", "/health", health)
            .route("GET", "/version", |_| (200, "1.4.2".to_string()));
        assert_eq!(router.dispatch("GET", "/health", "").1, "ok");
        assert_eq!(router.dispatch("GET", "/version", "").1, "1.4.2");
    }

    #[test]
    fn an_unknown_path_is_404() {
        let mut router = Router::default();
        router.route("GET", "/health", health);
        assert_eq!(router.dispatch("GET", "/users", "").0, 404);
    }

    #[test]
    fn a_known_path_with_another_method_is_405() {
        let mut router = Router::default();
        router.route("GET", "/health", health);
        assert_eq!(
            router.dispatch("DELETE", "/health", "").0,
            405,
            "/health exists, but not for DELETE"
        );
    }

    #[test]
    fn handlers_share_state_through_rc_refcell() {
        let hits = Rc::new(RefCell::new(0_u32));
        let counter = Rc::clone(&hits);
        let mut router = Router::default();
        router.route("GET", "/", move |_| {
            *counter.borrow_mut() += 1;
            (200, String::new())
        });
        router.dispatch("GET", "/", "");
        router.dispatch("GET", "/", "");
        assert_eq!(*hits.borrow(), 2, "the handler counted both requests");
    }
}
// ANCHOR_END: tests
