//! Must fail: the logging set-up one article uses. tracing-subscriber has no
//! `init()` at its root; the builder lives in `tracing_subscriber::fmt`.
fn main() {
    tracing_subscriber::init();
    tracing::info!("never compiled");
}
