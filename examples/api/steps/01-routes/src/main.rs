//! Serves the users API on 127.0.0.1:3000 until the process is stopped.

use tokio::net::TcpListener;

// ANCHOR: main
#[tokio::main]
async fn main() -> std::io::Result<()> {
    let listener = TcpListener::bind("127.0.0.1:3000").await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, users_api::app()).await
}
// ANCHOR_END: main
