//! Who can reach the service and its metrics: both ports default to
//! loopback, and the public port does not serve /metrics.

mod common;

use std::io::ErrorKind;
use std::net::SocketAddr;
use std::time::Duration;

use observability::service::Settings;
use sqlx::PgPool;

async fn status(url: String) -> Result<u16, String> {
    Ok(common::get(&url).await?.status)
}

#[test]
fn both_ports_default_to_loopback() {
    let settings = Settings::default();
    assert!(settings.host.is_loopback());
    assert!(settings.metrics_host.is_loopback());
    assert_ne!(settings.port, settings.metrics_port);
}

// ANCHOR: public_port
#[sqlx::test(migrations = "./migrations")]
async fn the_public_port_does_not_serve_metrics(db: PgPool) {
    let outbox = tempfile::tempdir().unwrap();
    let running = common::start(db, outbox.path()).await;
    let (app, metrics) = (running.app, running.metrics);
    assert_eq!(status(format!("http://{app}/health")).await.unwrap(), 200);
    assert_eq!(status(format!("http://{app}/metrics")).await.unwrap(), 404);
    assert_eq!(
        status(format!("http://{metrics}/metrics")).await.unwrap(),
        200
    );
    // The metrics port serves nothing else: not the API's routes.
    assert_eq!(
        status(format!("http://{metrics}/health")).await.unwrap(),
        404
    );
    running.stop().await.unwrap();
}
// ANCHOR_END: public_port

// ANCHOR: from_outside
#[sqlx::test(migrations = "./migrations")]
async fn neither_port_answers_from_another_address(db: PgPool) {
    let outbox = tempfile::tempdir().unwrap();
    let running = common::start(db, outbox.path()).await;
    for (name, addr) in [("public", running.app), ("metrics", running.metrics)] {
        let outside: SocketAddr = common::from_outside(addr);
        // A firewall that drops packets leaves connect waiting for minutes.
        let connect = tokio::net::TcpStream::connect(outside);
        match tokio::time::timeout(Duration::from_secs(5), connect).await {
            Ok(Err(error)) if error.kind() == ErrorKind::ConnectionRefused => {}
            Ok(other) => panic!("the {name} port answered on {outside}: {other:?}"),
            Err(_) => panic!("no answer from {outside} in 5 s, not even a refusal"),
        }
    }
    running.stop().await.unwrap();
}
// ANCHOR_END: from_outside
