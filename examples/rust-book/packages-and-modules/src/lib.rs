//! Rust Book companion, Chapter 7: a small service's modules laid out in
//! files, the way a real project grows. `src/bin/ch07-layout.rs` and the
//! test in `tests/` use this library like any other crate would. The
//! chapter's runnable examples are single files in `src/bin/`, with their
//! modules written inline.

// ANCHOR: modules
pub mod config; // src/config.rs
mod routes; // src/routes.rs, and its own modules in src/routes/
mod store; // src/store.rs

// The public API: what callers name, whatever the files behind it.
pub use config::Config;
pub use routes::{Response, handle};
pub use store::UserStore;
// ANCHOR_END: modules
