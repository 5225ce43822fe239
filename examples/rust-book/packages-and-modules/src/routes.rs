//! Turns a method and a path into a response. One child module per
//! resource: src/routes/health.rs and src/routes/users.rs.

// ANCHOR: routes
mod health; // src/routes/health.rs
mod users; // src/routes/users.rs

use crate::config::Config;
use crate::store::UserStore;

/// What a handler returns. Plain data with nothing to protect: public fields.
pub struct Response {
    pub status: u16,
    pub body: String,
}

pub fn handle(config: &Config, store: &UserStore, method: &str, path: &str) -> Response {
    if method != "GET" {
        return Response {
            status: 405,
            body: String::from("method not allowed"),
        };
    }
    if let Some(id) = path.strip_prefix("/users/") {
        return users::get(store, id);
    }
    match path {
        "/health" => health::check(config),
        "/users" => users::list(store),
        _ => not_found(),
    }
}

// Private to `routes`; its children call it as `super::not_found`.
fn not_found() -> Response {
    Response {
        status: 404,
        body: String::from("not found"),
    }
}
// ANCHOR_END: routes
