//! GET /users and GET /users/{id}.

// ANCHOR: users
use super::{Response, not_found};
use crate::store::UserStore;

pub(super) fn list(store: &UserStore) -> Response {
    Response {
        status: 200,
        body: store.names().join(", "),
    }
}

pub(super) fn get(store: &UserStore, id: &str) -> Response {
    // A path segment that is not a number is a missing user, not a crash.
    let Ok(id) = id.parse() else {
        return not_found();
    };
    match store.find(id) {
        Some(name) => Response {
            status: 200,
            body: name.to_string(),
        },
        None => not_found(),
    }
}
// ANCHOR_END: users
