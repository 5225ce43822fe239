//! Must fail: an axum 0.7 route pattern. Since axum 0.8 a path parameter
//! is written `{id}`; the old `:id` form is refused when the router is built.
use axum::{Router, extract::Path, routing::get};

async fn show_user(Path(id): Path<u64>) -> String {
    format!("user {id}\n")
}

fn main() {
    // ANCHOR: old
    let _routes: Router = Router::new().route("/users/:id", get(show_user));
    // ANCHOR_END: old
}
