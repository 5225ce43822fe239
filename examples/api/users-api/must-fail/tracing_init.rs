//! Must fail: the logging set-up one article uses. tracing-subscriber has no
//! `init()` at its root; the builder lives in `tracing_subscriber::fmt`.
fn main() {
    // ANCHOR: init
    tracing_subscriber::init();
    // ANCHOR_END: init
    tracing::info!("never compiled");
}
