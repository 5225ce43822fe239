//! The load client of the REST + JSON against gRPC + protobuf comparison
//! (scripts/bench/grpc.ts runs it). One tool for both sides: hyper's client
//! on connections this program opens and counts, so the only differences
//! are the ones being measured: the protocol and the encoding.
//!
//!   load ADDRESS TOKEN USER_ID [CONNECTIONS] [WARMUP_SECS] [SECONDS] [ROUNDS]
//!
//! For each of REST over HTTP/1.1, REST over HTTP/2 and gRPC (HTTP/2), it
//! opens CONNECTIONS connections, each sending one request at a time (so
//! the concurrency is the number of connections), runs WARMUP_SECS
//! unmeasured, then SECONDS measured; ROUNDS times, the three in turn,
//! and prints each run and the median of each column. Every answer is checked and decoded
//! (JSON with serde, protobuf with prost), as a real client would.

use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::{BufMut, Bytes, BytesMut};
use http_body_util::{BodyExt, Empty, Full};
use hyper::Request;
use hyper::client::conn::{http1, http2};
use hyper_util::rt::{TokioExecutor, TokioIo};
use prost::Message;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio::time::Instant;
use users_grpc::pb;

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    RestHttp1,
    RestHttp2,
    Grpc,
}

impl Mode {
    fn name(self) -> &'static str {
        match self {
            Mode::RestHttp1 => "REST + JSON, HTTP/1.1",
            Mode::RestHttp2 => "REST + JSON, HTTP/2",
            Mode::Grpc => "gRPC + protobuf, HTTP/2",
        }
    }
}

// ANCHOR: counted
/// A TCP stream that counts the bytes it reads: what the server's answers
/// cost on the wire, headers, framing and all.
struct Counted {
    stream: TcpStream,
    read: Arc<AtomicU64>,
}

impl AsyncRead for Counted {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.stream).poll_read(cx, buf);
        self.read
            .fetch_add((buf.filled().len() - before) as u64, Ordering::Relaxed);
        polled
    }
}
// ANCHOR_END: counted

impl AsyncWrite for Counted {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.stream).poll_write(cx, buf)
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_flush(cx)
    }
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.stream).poll_shutdown(cx)
    }
}

/// The JSON the REST side sends, decoded as a client would.
#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct UserJson {
    id: i64,
    name: String,
    email: String,
    created_at: String,
}

enum Sender {
    Http1(http1::SendRequest<Empty<Bytes>>),
    Http2Rest(http2::SendRequest<Empty<Bytes>>),
    Http2Grpc(http2::SendRequest<Full<Bytes>>),
}

struct Target {
    addr: String,
    token: String,
    id: i64,
}

async fn connect(mode: Mode, addr: &str, read: Arc<AtomicU64>) -> Sender {
    let stream = TcpStream::connect(addr).await.expect("connect");
    stream.set_nodelay(true).unwrap();
    let io = TokioIo::new(Counted { stream, read });
    match mode {
        Mode::RestHttp1 => {
            let (sender, conn) = http1::handshake(io).await.unwrap();
            tokio::spawn(conn);
            Sender::Http1(sender)
        }
        Mode::RestHttp2 => {
            let (sender, conn) = http2::handshake(TokioExecutor::new(), io).await.unwrap();
            tokio::spawn(conn);
            Sender::Http2Rest(sender)
        }
        Mode::Grpc => {
            let (sender, conn) = http2::handshake(TokioExecutor::new(), io).await.unwrap();
            tokio::spawn(conn);
            Sender::Http2Grpc(sender)
        }
    }
}

// ANCHOR: grpc_request
/// One GetUser call by hand: a POST to /package.Service/Method whose body
/// is one length-prefixed message (a 0 byte: not compressed, then the
/// length as 4 big-endian bytes), and whose outcome is the grpc-status
/// trailer after the body.
fn grpc_request(target: &Target) -> Request<Full<Bytes>> {
    let message = pb::GetUserRequest { id: target.id }.encode_to_vec();
    let mut body = BytesMut::with_capacity(5 + message.len());
    body.put_u8(0);
    body.put_u32(message.len() as u32);
    body.put_slice(&message);
    Request::post(format!(
        "http://{}/users.v1.UserService/GetUser",
        target.addr
    ))
    .header("content-type", "application/grpc")
    .header("te", "trailers")
    .header("authorization", format!("Bearer {}", target.token))
    .body(Full::new(body.freeze()))
    .unwrap()
}
// ANCHOR_END: grpc_request

/// Sends one request and decodes the answer; returns the body's length.
async fn one(sender: &mut Sender, target: &Target) -> usize {
    let rest = |version_uri: String| {
        Request::get(version_uri)
            .header("host", target.addr.as_str())
            .header("authorization", format!("Bearer {}", target.token))
            .body(Empty::<Bytes>::new())
            .unwrap()
    };
    match sender {
        Sender::Http1(s) => {
            let response = s
                .send_request(rest(format!("/users/{}", target.id)))
                .await
                .unwrap();
            assert_eq!(response.status(), 200);
            let body = response.into_body().collect().await.unwrap().to_bytes();
            let _: UserJson = serde_json::from_slice(&body).unwrap();
            body.len()
        }
        Sender::Http2Rest(s) => {
            let response = s
                .send_request(rest(format!("http://{}/users/{}", target.addr, target.id)))
                .await
                .unwrap();
            assert_eq!(response.status(), 200);
            let body = response.into_body().collect().await.unwrap().to_bytes();
            let _: UserJson = serde_json::from_slice(&body).unwrap();
            body.len()
        }
        Sender::Http2Grpc(s) => {
            let response = s.send_request(grpc_request(target)).await.unwrap();
            assert_eq!(response.status(), 200);
            let collected = response.into_body().collect().await.unwrap();
            let status = collected
                .trailers()
                .and_then(|t| t.get("grpc-status"))
                .map(|v| v.as_bytes().to_vec());
            assert_eq!(status.as_deref(), Some(&b"0"[..]), "grpc-status");
            let body = collected.to_bytes();
            let _ = pb::User::decode(&body[5..]).unwrap();
            body.len()
        }
    }
}

struct Measured {
    requests: u64,
    latencies_us: Vec<u32>,
    wire_bytes: u64,
    body_bytes: usize,
    seconds: f64,
}

async fn run(
    mode: Mode,
    target: Arc<Target>,
    connections: usize,
    warmup: Duration,
    measure: Duration,
) -> Measured {
    let read = Arc::new(AtomicU64::new(0));
    let start = Instant::now() + Duration::from_millis(200);
    let (measure_from, end) = (start + warmup, start + warmup + measure);
    let mut tasks = Vec::new();
    for _ in 0..connections {
        let (target, read) = (target.clone(), read.clone());
        tasks.push(tokio::spawn(async move {
            let mut sender = connect(mode, &target.addr, read).await;
            tokio::time::sleep_until(start).await;
            let (mut latencies, mut body) = (Vec::new(), 0);
            loop {
                let sent = Instant::now();
                if sent >= end {
                    break;
                }
                body = one(&mut sender, &target).await;
                if sent >= measure_from {
                    latencies.push(sent.elapsed().as_micros() as u32);
                }
            }
            (latencies, body)
        }));
    }
    // The bytes read before the measured window are the warm-up's.
    let reader = read.clone();
    let at_start = tokio::spawn(async move {
        tokio::time::sleep_until(measure_from).await;
        reader.load(Ordering::Relaxed)
    });
    let mut latencies_us = Vec::new();
    let mut body_bytes = 0;
    for task in tasks {
        let (mut l, b) = task.await.unwrap();
        latencies_us.append(&mut l);
        body_bytes = b;
    }
    let wire_bytes = read.load(Ordering::Relaxed) - at_start.await.unwrap();
    latencies_us.sort_unstable();
    Measured {
        requests: latencies_us.len() as u64,
        latencies_us,
        wire_bytes,
        body_bytes,
        seconds: measure.as_secs_f64(),
    }
}

fn percentile(sorted: &[u32], p: f64) -> f64 {
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    f64::from(sorted[rank - 1]) / 1000.0
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

// A single-threaded runtime: the bench pins this process to one core.
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 3 {
        eprintln!(
            "usage: load ADDRESS TOKEN USER_ID [CONNECTIONS] [WARMUP_SECS] [SECONDS] [ROUNDS]"
        );
        std::process::exit(2);
    }
    let number = |i: usize, default: u64| {
        args.get(i)
            .map_or(default, |a| a.parse().expect("a number"))
    };
    let target = Arc::new(Target {
        addr: args[0].clone(),
        token: args[1].clone(),
        id: args[2].parse().expect("a user id"),
    });
    let connections = number(3, 8) as usize;
    let (warmup, measure) = (
        Duration::from_secs(number(4, 3)),
        Duration::from_secs(number(5, 10)),
    );
    let rounds = number(6, 3);

    println!(
        "{connections} connections, one request at a time on each; per row {}s warm-up, then {}s measured; {rounds} rounds, the three protocols in turn",
        warmup.as_secs(),
        measure.as_secs()
    );
    println!();
    let header = format!(
        "{:<24} {:>10} {:>9} {:>9} {:>14} {:>10}",
        "protocol", "requests/s", "p50 ms", "p99 ms", "bytes on wire", "body bytes"
    );
    println!("round {header}");
    let modes = [Mode::RestHttp1, Mode::RestHttp2, Mode::Grpc];
    // Per mode, per round: requests/s, p50, p99, bytes on the wire, body bytes.
    let mut rows: Vec<Vec<[f64; 5]>> = vec![Vec::new(); modes.len()];
    for round in 1..=rounds {
        // Interleaved: a slow spell of the shared machine lands on all three.
        for (i, mode) in modes.into_iter().enumerate() {
            let m = run(mode, target.clone(), connections, warmup, measure).await;
            let row = [
                m.requests as f64 / m.seconds,
                percentile(&m.latencies_us, 0.50),
                percentile(&m.latencies_us, 0.99),
                m.wire_bytes as f64 / m.requests as f64,
                m.body_bytes as f64,
            ];
            println!("{round:>5} {}", line(mode.name(), row));
            rows[i].push(row);
        }
    }
    println!();
    println!("median of the {rounds} rounds:");
    println!("{header}");
    for (mode, runs) in modes.into_iter().zip(rows) {
        let column = |c: usize| median(runs.iter().map(|row| row[c]).collect());
        println!(
            "{}",
            line(
                mode.name(),
                [column(0), column(1), column(2), column(3), column(4)]
            )
        );
    }
}

fn line(name: &str, [rps, p50, p99, wire, body]: [f64; 5]) -> String {
    format!("{name:<24} {rps:>10.0} {p50:>9.3} {p99:>9.3} {wire:>14.1} {body:>10.0}")
}
