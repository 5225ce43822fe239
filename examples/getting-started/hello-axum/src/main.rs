//! Serves `hello_axum::app()` on 127.0.0.1, port from `PORT` (default 3000).

// ANCHOR: main
use tokio::net::TcpListener;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port = port_from_env().unwrap_or_else(|message| {
        eprintln!("hello-axum: {message}");
        std::process::exit(2);
    });
    // ANCHOR: serve
    let listener = TcpListener::bind(("127.0.0.1", port)).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, hello_axum::app()).await
    // ANCHOR_END: serve
}
// ANCHOR_END: main

/// Reads `PORT`, refusing a value that is not a port number rather than
/// silently falling back to the default.
fn port_from_env() -> Result<u16, String> {
    match std::env::var("PORT") {
        Err(_) => Ok(3000),
        Ok(text) => text
            .parse()
            .map_err(|_| format!("PORT must be a number from 0 to 65535, got {text:?}")),
    }
}
