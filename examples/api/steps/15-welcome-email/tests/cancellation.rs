//! What becomes of a request that is given up: by its client, who goes
//! away, or by the service's own timeout. Either way the handler's future
//! is dropped, so the handler stops at the `.await` it was waiting on and
//! runs no further; work handed to the blocking pool is not a future, and
//! runs to its end. The route is the test's own, inside the service's real
//! layers; its handler waits on blocking work as `create` waits on the hash.
//! No sleeps: each step waits for the event it needs, and the time limits
//! only stop a test that would otherwise hang.

use std::net::{IpAddr, Ipv4Addr};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use argon2::Params;
use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{Request, StatusCode};
use axum::routing::get;
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;
use tokio::time::timeout;
use tower::ServiceExt;
use users_api::config::{AllowedOrigins, Config};

// ANCHOR: probe
/// What the slow handler reports, and the test's hold on its work.
#[derive(Clone, Default)]
struct Probe {
    /// Told when the blocking work begins, and when it ends.
    started: Arc<Notify>,
    finished: Arc<Notify>,
    /// Told when the handler's future is dropped.
    dropped: Arc<Notify>,
    /// The blocking work waits for a message here before it ends.
    release: Arc<Mutex<Option<mpsc::Receiver<()>>>>,
}

/// Tells `dropped` when it is dropped, with the future that holds it.
struct OnDrop(Arc<Notify>);

impl Drop for OnDrop {
    fn drop(&mut self) {
        self.0.notify_one();
    }
}

/// A handler that waits on blocking work, as `create` waits on the hash.
async fn slow(State(probe): State<Probe>) -> &'static str {
    let _guard = OnDrop(probe.dropped.clone());
    let release = probe.release.lock().unwrap().take().unwrap();
    let work = tokio::task::spawn_blocking(move || {
        probe.started.notify_one();
        // Stands in for a long hash: it lasts until the test says so.
        release.recv().unwrap();
        probe.finished.notify_one();
    });
    work.await.unwrap();
    "finished"
}
// ANCHOR_END: probe

/// The service's layers around `/slow`, and the sender that ends its work.
fn app(request_timeout: Duration) -> (Router, Probe, mpsc::Sender<()>) {
    let (release, waiting) = mpsc::channel();
    let probe = Probe {
        release: Arc::new(Mutex::new(Some(waiting))),
        ..Probe::default()
    };
    let config = Config {
        database_url: String::new(),
        host: IpAddr::V4(Ipv4Addr::LOCALHOST),
        port: 0,
        allowed_origins: AllowedOrigins::List(vec![]),
        request_timeout,
        max_connections: 1,
        password_params: Params::default(),
        max_hashes: 1,
        hash_wait: Duration::from_secs(1),
        outbox: std::env::temp_dir(),
    };
    let router = Router::new().route("/slow", get(slow));
    let app = users_api::layers(router, &config).with_state(probe.clone());
    (app, probe, release)
}

/// A bound for waits that end at once when the code is right; reached, it
/// fails the test instead of hanging it.
const LIMIT: Duration = Duration::from_secs(10);

/// Whether `notify` has been told already, without waiting: `timeout`
/// polls its future once before it looks at the clock.
async fn told(notify: &Notify) -> bool {
    timeout(Duration::ZERO, notify.notified()).await.is_ok()
}

// ANCHOR: client_gone
#[tokio::test]
async fn a_client_that_goes_away_drops_the_handler_but_not_its_blocking_work() {
    let (app, probe, release) = app(LIMIT);
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });

    let mut client = TcpStream::connect(address).await.unwrap();
    let request = b"GET /slow HTTP/1.1\r\nhost: localhost\r\n\r\n";
    client.write_all(request).await.unwrap();
    timeout(LIMIT, probe.started.notified()).await.unwrap();
    // The client goes away: hyper sees the connection close, and drops
    // the future that was serving it.
    drop(client);

    timeout(LIMIT, probe.dropped.notified())
        .await
        .expect("the handler's future was not dropped when its client went away");
    assert!(
        !told(&probe.finished).await,
        "the blocking work ended before it was released"
    );
    release.send(()).unwrap();
    timeout(LIMIT, probe.finished.notified())
        .await
        .expect("the blocking work did not run to its end");
}
// ANCHOR_END: client_gone

// ANCHOR: timeout
#[tokio::test]
async fn the_timeout_answers_503_and_drops_the_handler_but_not_its_blocking_work() {
    let (app, probe, release) = app(Duration::from_millis(100));
    let request = Request::get("/slow").body(Body::empty()).unwrap();
    // The work is not released until the answer is in: only the timeout
    // can end this request.
    let response = timeout(LIMIT, app.oneshot(request)).await.unwrap().unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(
        told(&probe.dropped).await,
        "the handler still runs after the 503"
    );
    release.send(()).unwrap();
    timeout(LIMIT, probe.finished.notified())
        .await
        .expect("the blocking work did not run to its end");
}
// ANCHOR_END: timeout
