//! Who can reach the service, tried rather than assumed. The service binds
//! the address main.rs binds, `(config.host, config.port)`, with the
//! settings read as main.rs reads them; then a client connects to it through
//! an address of this machine that is not loopback, as a neighbour on the
//! network would. With HOST unset the connection must be refused; with
//! HOST=0.0.0.0 it must reach the service and get an answer from /health.

mod common;

use std::collections::HashMap;
use std::io::ErrorKind;
use std::net::{IpAddr, SocketAddr, UdpSocket};
use std::time::Duration;

use sqlx::PgPool;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::timeout;
use users_api::config::Config;

// ANCHOR: address
/// An address of this machine other than loopback: the source address its
/// routing table picks to reach 203.0.113.1, an address reserved for
/// documentation. `connect` on a UDP socket only chooses the route; unlike
/// TCP's, it sends nothing.
fn non_loopback_address() -> IpAddr {
    let socket = UdpSocket::bind("0.0.0.0:0").expect("a UDP socket");
    if let Err(error) = socket.connect("203.0.113.1:9") {
        panic!(
            "this machine has no IPv4 route beyond loopback ({error}), so there is no \
             other address to try the service from: run this test where a network \
             interface is up"
        );
    }
    let address = socket.local_addr().expect("the socket's address").ip();
    assert!(
        !address.is_loopback() && !address.is_unspecified(),
        "the route chose {address}, which is not an address another machine could use"
    );
    address
}
// ANCHOR_END: address

/// The settings as main.rs reads them, from this environment; PORT=0 lets
/// the system choose a free port.
fn config(host: Option<&str>) -> Config {
    let mut env = HashMap::from([("DATABASE_URL", "unused"), ("PORT", "0")]);
    if let Some(host) = host {
        env.insert("HOST", host);
    }
    let mut config =
        Config::from_lookup(|name| env.get(name).map(|v| v.to_string())).expect("valid settings");
    config.password_params = common::cheap_hashes();
    config
}

// ANCHOR: serve
/// Serves the whole app on the address main.rs would bind; returns the port.
async fn serve(db: PgPool, config: &Config) -> u16 {
    let listener = TcpListener::bind((config.host, config.port))
        .await
        .expect("bind");
    let port = listener.local_addr().expect("local address").port();
    let app = users_api::app(db, config);
    tokio::spawn(async move { axum::serve(listener, app).await });
    port
}

/// `GET /health` sent to `address`: the response's status line, or the
/// error that kept the connection from being made.
async fn health_from(address: SocketAddr) -> std::io::Result<String> {
    let mut stream = timeout(Duration::from_secs(5), TcpStream::connect(address))
        .await
        .expect("connecting took over 5 s")?;
    stream
        .write_all(b"GET /health HTTP/1.1\r\nHost: users-api\r\nConnection: close\r\n\r\n")
        .await?;
    let mut response = String::new();
    timeout(Duration::from_secs(5), stream.read_to_string(&mut response))
        .await
        .expect("no answer in 5 s")?;
    Ok(response.lines().next().unwrap_or_default().to_string())
}
// ANCHOR_END: serve

// ANCHOR: tests
#[sqlx::test]
async fn by_default_only_this_machine_can_connect(db: PgPool) {
    let outside = non_loopback_address();
    let config = config(None);
    let port = serve(db, &config).await;

    let from_outside = health_from(SocketAddr::new(outside, port)).await;
    match from_outside {
        Err(error) if error.kind() == ErrorKind::ConnectionRefused => {}
        other => panic!("HOST unset, {outside}:{port} should refuse the connection: {other:?}"),
    }
    let from_here = health_from(SocketAddr::new(config.host, port)).await;
    assert_eq!(from_here.unwrap(), "HTTP/1.1 200 OK");
}

#[sqlx::test]
async fn host_0_0_0_0_answers_on_every_address(db: PgPool) {
    let outside = non_loopback_address();
    let port = serve(db, &config(Some("0.0.0.0"))).await;

    let from_outside = health_from(SocketAddr::new(outside, port)).await;
    assert_eq!(
        from_outside.unwrap(),
        "HTTP/1.1 200 OK",
        "through {outside}"
    );
}
// ANCHOR_END: tests
