//! An integration test is one more crate using the library: it reaches
//! only what `src/lib.rs` makes public, exactly like `src/bin/ch07-layout.rs`.

// ANCHOR: integration
use book_modules::{Config, UserStore, handle};

fn store_with_two_users() -> UserStore {
    let mut store = UserStore::new();
    store.add("ada");
    store.add("grace");
    store
}

#[test]
fn health_names_the_service_and_its_port() {
    let config = Config::new("users-api", "8080").unwrap();
    let response = handle(&config, &store_with_two_users(), "GET", "/health");
    assert_eq!(
        (response.status, response.body.as_str()),
        (200, "users-api up on port 8080")
    );
}

#[test]
fn users_are_found_by_id_counted_from_one() {
    let config = Config::new("users-api", "8080").unwrap();
    let store = store_with_two_users();
    assert_eq!(handle(&config, &store, "GET", "/users/1").body, "ada");
    assert_eq!(handle(&config, &store, "GET", "/users/3").status, 404);
}
// ANCHOR_END: integration
