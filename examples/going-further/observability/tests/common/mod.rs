//! What the tests share: the service on free ports, polling, and the
//! machine's non-loopback address.

#![allow(dead_code)]

use std::io::Write;
use std::net::{IpAddr, SocketAddr, TcpListener, UdpSocket};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::http::{Method, Request};
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use observability::service::{self, Running, Settings};
use serde_json::Value;
use sqlx::PgPool;
use tracing_subscriber::fmt::MakeWriter;

/// The service with its defaults (loopback), on ports the system picks.
pub async fn start(db: PgPool, outbox: &Path) -> Running {
    let settings = Settings {
        port: 0,
        metrics_port: 0,
        outbox: outbox.to_path_buf(),
        ..Settings::default()
    };
    service::start(db, &settings)
        .await
        .expect("the service starts")
}

/// A port free at the time of asking, for programs that want a number.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("a free port on 127.0.0.1")
}

/// Polls `check` every 100 ms until it returns Some, for at most `limit`.
pub async fn until<T>(what: &str, limit: Duration, mut check: impl AsyncFnMut() -> Option<T>) -> T {
    let deadline = tokio::time::Instant::now() + limit;
    loop {
        if let Some(value) = check().await {
            return value;
        }
        if tokio::time::Instant::now() > deadline {
            panic!("waited {limit:?} for {what}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

pub async fn job_states(db: &PgPool) -> Vec<(String, i64)> {
    sqlx::query_as("SELECT state, count(*) FROM jobs GROUP BY state ORDER BY state")
        .fetch_all(db)
        .await
        .expect("the jobs table")
}

/// An address of this machine that is not loopback: the source address of
/// the route to a documentation address (a UDP connect sends nothing).
pub fn non_loopback_address() -> IpAddr {
    let socket = UdpSocket::bind("0.0.0.0:0").expect("a UDP socket");
    socket
        .connect("203.0.113.1:9")
        .expect("this machine has no IPv4 route beyond loopback, so the test cannot try to reach the service from outside");
    socket.local_addr().expect("the socket's address").ip()
}

/// The address, with the port, through the other interface.
pub fn from_outside(addr: SocketAddr) -> SocketAddr {
    SocketAddr::new(non_loopback_address(), addr.port())
}

/// A program the test needs, or a panic naming the command that installs it.
pub fn program(path: PathBuf, install: &str) -> PathBuf {
    if path.is_file() {
        return path;
    }
    panic!(
        "{} is missing. Install it with:\n    {install}\n(the test runs a real one; it never mocks it)",
        path.display()
    );
}

/// The folder the course's scripts build tools into (scripts/jaeger.ts).
pub fn tool_cache() -> PathBuf {
    std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cache")))
        .expect("HOME is set")
        .join("backend-rust")
}

/// Collects what the JSON layer writes.
#[derive(Clone, Default)]
pub struct Lines(Arc<Mutex<Vec<u8>>>);

impl Lines {
    pub fn text(&self) -> String {
        String::from_utf8(self.0.lock().unwrap().clone()).unwrap()
    }
}

impl Write for Lines {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Lines {
    type Writer = Lines;
    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

/// An HTTP answer: its status and body.
pub struct Answer {
    pub status: u16,
    pub body: Bytes,
}

impl Answer {
    pub fn json(&self) -> Option<Value> {
        serde_json::from_slice(&self.body).ok()
    }
}

/// One HTTP/1.1 request (a JSON body when given), over a new connection.
pub async fn http(
    method: Method,
    url: &str,
    headers: &[(&str, &str)],
    json: Option<&Value>,
) -> Result<Answer, String> {
    let client = Client::builder(TokioExecutor::new()).build_http::<Full<Bytes>>();
    let mut request = Request::builder().method(method).uri(url);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let body = match json {
        Some(json) => {
            request = request.header("content-type", "application/json");
            Full::new(Bytes::from(serde_json::to_vec(json).unwrap()))
        }
        None => Full::new(Bytes::new()),
    };
    let request = request.body(body).map_err(|e| e.to_string())?;
    let response = client.request(request).await.map_err(|e| e.to_string())?;
    let status = response.status().as_u16();
    let body = response
        .into_body()
        .collect()
        .await
        .map_err(|e| e.to_string())?
        .to_bytes();
    Ok(Answer { status, body })
}

pub async fn get(url: &str) -> Result<Answer, String> {
    http(Method::GET, url, &[], None).await
}

/// Percent-encodes a query parameter's value (a PromQL query, say).
pub fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}
