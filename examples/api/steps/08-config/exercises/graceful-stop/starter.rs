//! Exercise: stop gracefully. `serve` runs an app on a listener until the
//! `stop` channel fires; then it accepts no new connection, lets the request
//! in flight finish, and returns. In the service the signal is Ctrl-C or
//! SIGTERM; a channel lets a test (or a supervisor task) send it.

use std::io;

use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

/// Serves `app` on `listener` until `stop` fires (or its sender is dropped),
/// then drains: returns once every request in flight has been answered.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    stop: oneshot::Receiver<()>,
) -> io::Result<()> {
    // Serves until the process ends: stop is never looked at. Hand axum a
    // future that completes when stop fires.
    let _ = stop;
    axum::serve(listener, app).await
}

#[tokio::main]
async fn main() -> io::Result<()> {
    use axum::routing::get;
    use std::time::Duration;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let app = Router::new().route(
        "/slow",
        get(|| async {
            tokio::time::sleep(Duration::from_millis(300)).await;
            "done"
        }),
    );
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    let (stop, stopped) = oneshot::channel();
    let server = tokio::spawn(serve(listener, app, stopped));

    let mut client = tokio::net::TcpStream::connect(address).await?;
    client
        .write_all(b"GET /slow HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")
        .await?;
    tokio::time::sleep(Duration::from_millis(50)).await;
    println!("stop sent while /slow is in flight");
    stop.send(()).expect("the server is still running");
    let mut answer = String::new();
    client.read_to_string(&mut answer).await?;
    println!(
        "/slow answered: {}",
        answer.lines().next().unwrap_or("nothing")
    );
    server.await.expect("the server task panicked")?;
    println!("serve returned");
    Ok(())
}
