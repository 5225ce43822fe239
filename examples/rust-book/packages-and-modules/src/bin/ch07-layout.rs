//! The binary half of the package: it uses the library through its public
//! API, as `main.rs` does in a service. It is a separate crate from
//! `src/lib.rs`, so `pub(crate)` items of the library are out of its reach.

use book_modules::{Config, UserStore, handle};

fn main() {
    let config = match Config::new("users-api", "8080") {
        Ok(config) => config,
        Err(problem) => {
            eprintln!("{problem}");
            std::process::exit(2);
        }
    };
    let mut store = UserStore::new();
    store.add("ada");
    store.add("grace");

    let requests = [
        ("GET", "/health"),
        ("GET", "/users"),
        ("GET", "/users/2"),
        ("GET", "/users/x"),
        ("POST", "/users"),
    ];
    for (method, path) in requests {
        let response = handle(&config, &store, method, path);
        println!(
            "{method:<4} {path:<8} -> {} {}",
            response.status, response.body
        );
    }
}
