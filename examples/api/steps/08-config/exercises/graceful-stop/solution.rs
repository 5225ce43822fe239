//! Exercise: stop gracefully. `serve` runs an app on a listener until the
//! `stop` channel fires; then it accepts no new connection, lets the request
//! in flight finish, and returns. In the service the signal is Ctrl-C or
//! SIGTERM; a channel lets a test (or a supervisor task) send it.

// ANCHOR: solution
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
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            // Ok(()) when stop is sent, Err when the sender is dropped: both mean stop.
            let _ = stop.await;
        })
        .await
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use axum::extract::State;
    use axum::routing::get;
    use std::net::SocketAddr;
    use std::sync::Arc;
    use std::time::Duration;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpStream;
    use tokio::sync::{Notify, mpsc};
    use tokio::task::JoinHandle;

    /// `/slow` tells the test it has started, then answers only once the
    /// test releases it: a request held in flight for as long as needed.
    #[derive(Clone)]
    struct Slow {
        started: mpsc::Sender<()>,
        release: Arc<Notify>,
    }

    async fn slow(State(slow): State<Slow>) -> &'static str {
        slow.started.send(()).await.unwrap();
        slow.release.notified().await;
        "done"
    }

    struct Running {
        address: SocketAddr,
        stop: oneshot::Sender<()>,
        server: JoinHandle<io::Result<()>>,
        started: mpsc::Receiver<()>,
        release: Arc<Notify>,
    }

    async fn start() -> Running {
        let (started_tx, started) = mpsc::channel(1);
        let release = Arc::new(Notify::new());
        let app = Router::new()
            .route("/", get(|| async { "hello" }))
            .route("/slow", get(slow))
            .with_state(Slow {
                started: started_tx,
                release: release.clone(),
            });
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let address = listener.local_addr().unwrap();
        let (stop, stopped) = oneshot::channel();
        let server = tokio::spawn(serve(listener, app, stopped));
        Running {
            address,
            stop,
            server,
            started,
            release,
        }
    }

    /// One HTTP/1.1 request on a new connection; the whole answer as text.
    async fn fetch(address: SocketAddr, path: &str) -> io::Result<String> {
        let mut stream = TcpStream::connect(address).await?;
        let request = format!("GET {path} HTTP/1.1\r\nhost: test\r\nconnection: close\r\n\r\n");
        stream.write_all(request.as_bytes()).await?;
        let mut answer = String::new();
        stream.read_to_string(&mut answer).await?;
        Ok(answer)
    }

    async fn within_2s<T>(what: &str, future: impl Future<Output = T>) -> T {
        tokio::time::timeout(Duration::from_secs(2), future)
            .await
            .unwrap_or_else(|_| panic!("{what}: nothing within 2 s"))
    }

    #[tokio::test]
    async fn serve_answers_until_stop_then_returns() {
        let running = start().await;
        let answer = fetch(running.address, "/").await.unwrap();
        assert!(answer.starts_with("HTTP/1.1 200 OK"), "{answer}");
        assert!(answer.ends_with("hello"), "{answer}");
        running.stop.send(()).unwrap();
        let served = within_2s("serve returning after stop", running.server).await;
        served.unwrap().unwrap();
    }

    #[tokio::test]
    async fn after_stop_no_new_connection_is_accepted() {
        let running = start().await;
        running.stop.send(()).unwrap();
        within_2s("serve returning after stop", running.server)
            .await
            .unwrap()
            .unwrap();
        let refused = TcpStream::connect(running.address).await;
        assert!(
            refused.is_err(),
            "a connection was accepted after serve returned"
        );
    }

    #[tokio::test]
    async fn the_request_in_flight_is_answered_before_serve_returns() {
        let mut running = start().await;
        let client = tokio::spawn(fetch(running.address, "/slow"));
        within_2s("/slow starting", running.started.recv()).await;
        running.stop.send(()).unwrap();

        // Stopped, so new connections are refused, while /slow is still held.
        within_2s("a new connection being refused", async {
            while TcpStream::connect(running.address).await.is_ok() {
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        })
        .await;
        assert!(
            !running.server.is_finished(),
            "serve returned while /slow was still being answered"
        );

        running.release.notify_one();
        let answer = within_2s("the answer to /slow", client)
            .await
            .unwrap()
            .unwrap();
        assert!(answer.starts_with("HTTP/1.1 200 OK"), "{answer}");
        assert!(answer.ends_with("done"), "{answer}");
        let served = within_2s("serve returning after /slow", running.server).await;
        served.unwrap().unwrap();
    }
}
// ANCHOR_END: tests
