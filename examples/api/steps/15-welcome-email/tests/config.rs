//! The settings' rules, without touching the process environment: each test
//! hands `from_lookup` a map of its own, so tests running in parallel threads
//! cannot see each other's variables.

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::time::Duration;

use axum::http::HeaderValue;
use users_api::config::{AllowedOrigins, Config, ConfigError};

// ANCHOR: lookup
fn config(pairs: &[(&str, &str)]) -> Result<Config, ConfigError> {
    let env: HashMap<String, String> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    Config::from_lookup(|name| env.get(name).cloned())
}
// ANCHOR_END: lookup

#[test]
fn defaults_need_only_the_database() {
    let c = config(&[("DATABASE_URL", "postgres://localhost/x")]).unwrap();
    assert_eq!(c.host, IpAddr::V4(Ipv4Addr::LOCALHOST));
    assert_eq!(c.port, 3000);
    assert_eq!(c.allowed_origins, AllowedOrigins::List(vec![]));
    assert_eq!(c.request_timeout, Duration::from_secs(10));
    assert_eq!(c.max_connections, 10);
    assert_eq!(c.outbox, std::path::PathBuf::from("outbox"));
}

#[test]
fn an_empty_outbox_dir_is_refused() {
    let c = config(&[
        ("DATABASE_URL", "x"),
        ("OUTBOX_DIR", "/var/spool/users-api"),
    ])
    .unwrap();
    assert_eq!(c.outbox, std::path::PathBuf::from("/var/spool/users-api"));
    let empty = config(&[("DATABASE_URL", "x"), ("OUTBOX_DIR", "")]).unwrap_err();
    assert_eq!(
        empty.to_string(),
        "OUTBOX_DIR: is empty; unset it for ./outbox, or name a folder"
    );
}

#[test]
fn bad_values_are_named() {
    let missing = config(&[]).unwrap_err().to_string();
    assert!(missing.starts_with("DATABASE_URL: is not set"), "{missing}");
    let port = config(&[("DATABASE_URL", "x"), ("PORT", "http")]).unwrap_err();
    assert_eq!(
        port.to_string(),
        "PORT: must be a number from 0 to 65535, got \"http\""
    );
    for bad in ["10s", "0"] {
        let timeout = config(&[("DATABASE_URL", "x"), ("REQUEST_TIMEOUT_SECS", bad)]);
        assert_eq!(
            timeout.unwrap_err().to_string(),
            format!(
                "REQUEST_TIMEOUT_SECS: must be a whole number of seconds, 1 or more, got {bad:?}"
            )
        );
    }
    for bad in ["0", "-1", "ten"] {
        let pool = config(&[("DATABASE_URL", "x"), ("DATABASE_MAX_CONNECTIONS", bad)]);
        assert_eq!(
            pool.unwrap_err().to_string(),
            format!("DATABASE_MAX_CONNECTIONS: must be a whole number of 1 or more, got {bad:?}")
        );
    }
}

#[test]
fn origins_are_a_list_or_any() {
    let c = config(&[
        ("DATABASE_URL", "x"),
        ("CORS_ALLOW_ORIGINS", "https://a.example, https://b.example"),
    ])
    .unwrap();
    assert_eq!(
        c.allowed_origins,
        AllowedOrigins::List(vec![
            HeaderValue::from_static("https://a.example"),
            HeaderValue::from_static("https://b.example")
        ])
    );
    let any = config(&[("DATABASE_URL", "x"), ("CORS_ALLOW_ORIGINS", "*")]).unwrap();
    assert_eq!(any.allowed_origins, AllowedOrigins::Any);
}

#[test]
fn host_is_any_ip_address() {
    for (text, host) in [
        ("0.0.0.0", IpAddr::V4(Ipv4Addr::UNSPECIFIED)),
        ("10.1.2.3", IpAddr::V4(Ipv4Addr::new(10, 1, 2, 3))),
        ("::", IpAddr::V6(Ipv6Addr::UNSPECIFIED)),
        ("::1", IpAddr::V6(Ipv6Addr::LOCALHOST)),
    ] {
        let c = config(&[("DATABASE_URL", "x"), ("HOST", text)]).unwrap();
        assert_eq!(c.host, host, "HOST={text:?}");
    }
}

#[test]
fn host_refuses_names_and_ports_naming_host() {
    // A name would need a lookup at start-up, and an address with a port
    // would silently disagree with PORT: both are refused.
    for bad in ["localhost", "0.0.0.0:3000", "[::1]", "256.0.0.1", ""] {
        let error = config(&[("DATABASE_URL", "x"), ("HOST", bad)]).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("HOST: must be an IP address such as 127.0.0.1 or 0.0.0.0, got {bad:?}")
        );
    }
}
