//! The probes and the shutdown order, tried on the real binary against a
//! real PostgreSQL: readiness follows the database while liveness does
//! not; SIGTERM fails readiness first, the service keeps serving for the
//! drain, then stops listening and exits 0; with HOST unset, nothing
//! outside this machine reaches the probes; a bad setting or a shutdown
//! that does not fit the grace period stops the start.

mod common;

use std::io::ErrorKind;
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use common::{Database, Service, get, non_loopback_address, until};

// ANCHOR: database
#[tokio::test]
async fn readiness_follows_the_database_and_liveness_does_not() {
    let db = Database::new("follows").await;
    let service = Service::start(&[("DATABASE_URL", &db.url)]);
    let at = service.address;
    assert_eq!(
        get(at, "/livez").unwrap(),
        (200, r#"{"status":"alive"}"#.into())
    );
    assert_eq!(
        get(at, "/readyz").unwrap(),
        (200, r#"{"status":"ready"}"#.into())
    );

    // The database goes away: new connections refused, open ones cut.
    db.admin(&format!(
        "ALTER DATABASE {} WITH ALLOW_CONNECTIONS false",
        db.name
    ))
    .await;
    db.admin(&format!(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{}'",
        db.name
    ))
    .await;
    let (_, body) = until(at, "/readyz", |status, _| status == 503);
    assert!(body.contains("database unavailable"), "{body}");
    assert_eq!(
        get(at, "/livez").unwrap().0,
        200,
        "liveness must not follow the database"
    );

    // It comes back: so does readiness, with no restart.
    db.admin(&format!(
        "ALTER DATABASE {} WITH ALLOW_CONNECTIONS true",
        db.name
    ))
    .await;
    until(at, "/readyz", |status, _| status == 200);
    drop(service);
    db.drop_now().await;
}
// ANCHOR_END: database

// ANCHOR: sigterm
#[tokio::test]
async fn sigterm_fails_readiness_first_then_drains_then_exits() {
    let db = Database::new("sigterm").await;
    // 5 s: long enough that the checks below end well inside the drain,
    // even on a loaded machine.
    let mut service = Service::start(&[("DATABASE_URL", &db.url), ("SHUTDOWN_DRAIN_SECS", "5")]);
    let at = service.address;
    assert_eq!(get(at, "/readyz").unwrap().0, 200);

    let sent = Instant::now();
    service.sigterm();
    let (_, body) = until(at, "/readyz", |status, _| status == 503);
    assert!(body.contains("shutting down"), "{body}");
    let not_ready = sent.elapsed();
    // Still serving while load balancers catch up: new connections work.
    assert_eq!(get(at, "/livez").unwrap().0, 200);
    assert_eq!(get(at, "/health").unwrap().0, 200);

    // Then it stops listening, and not before the drain is over.
    let refused = loop {
        match TcpStream::connect_timeout(&at, Duration::from_secs(1)) {
            Err(e) if e.kind() == ErrorKind::ConnectionRefused => break sent.elapsed(),
            _ => std::thread::sleep(Duration::from_millis(50)),
        }
        assert!(
            sent.elapsed() < Duration::from_secs(15),
            "still listening 15 s after SIGTERM"
        );
    };
    assert!(
        not_ready < Duration::from_secs(1),
        "readiness failed only after {not_ready:?}"
    );
    assert!(
        refused >= Duration::from_secs(5),
        "stopped listening after {refused:?}, before the drain"
    );

    let status = service.child.wait().unwrap();
    assert!(status.success(), "exited with {status}");
    let output = service.output().join("\n");
    let order = [
        "draining: /readyz answers 503",
        "shutting down: finishing",
        "stopped",
    ];
    let positions: Vec<_> = order.iter().map(|line| output.find(line)).collect();
    assert!(
        positions.iter().all(Option::is_some) && positions.is_sorted(),
        "expected {order:?} in order:\n{output}"
    );
    db.drop_now().await;
}
// ANCHOR_END: sigterm

// ANCHOR: reach
#[tokio::test]
async fn with_host_unset_the_probes_are_not_reachable_from_the_network() {
    let db = Database::new("reach").await;
    let service = Service::start(&[("DATABASE_URL", &db.url)]);
    let outside = SocketAddr::new(non_loopback_address(), service.address.port());
    match TcpStream::connect_timeout(&outside, Duration::from_secs(2)) {
        Err(e) if e.kind() == ErrorKind::ConnectionRefused => {}
        other => panic!("{outside} should refuse the connection, got {other:?}"),
    }
    assert_eq!(
        get(service.address, "/livez").unwrap().0,
        200,
        "loopback answers"
    );
    drop(service);
    db.drop_now().await;
}
// ANCHOR_END: reach

#[tokio::test]
async fn a_bad_setting_stops_the_start_naming_it() {
    let (mut child, output) = common::spawn(&[
        ("DATABASE_URL", "postgres://nobody@127.0.0.1:9/none"),
        ("SHUTDOWN_DRAIN_SECS", "five"),
    ]);
    let status = child.wait().unwrap();
    std::thread::sleep(Duration::from_millis(100)); // the reader threads finish
    assert_eq!(status.code(), Some(2));
    let output = output.lock().unwrap().join("\n");
    assert!(
        output.contains(
            r#"users-api: SHUTDOWN_DRAIN_SECS: must be a whole number of seconds, got "five""#
        ),
        "{output}"
    );
}

#[tokio::test]
async fn a_shutdown_that_does_not_fit_the_grace_period_stops_the_start() {
    let (mut child, output) = common::spawn(&[
        ("DATABASE_URL", "postgres://nobody@127.0.0.1:9/none"),
        ("SHUTDOWN_DRAIN_SECS", "25"),
        ("REQUEST_TIMEOUT_SECS", "10"),
        ("SHUTDOWN_GRACE_SECS", "30"),
    ]);
    let status = child.wait().unwrap();
    std::thread::sleep(Duration::from_millis(100)); // the reader threads finish
    assert_eq!(status.code(), Some(2));
    let output = output.lock().unwrap().join("\n");
    assert!(
        output.contains(
            "users-api: SHUTDOWN_GRACE_SECS: 30 s must be more than SHUTDOWN_DRAIN_SECS (25 s) + \
             REQUEST_TIMEOUT_SECS (10 s), or a request still running at the kill is cut off"
        ),
        "{output}"
    );
}
