//! The settings' rules, without touching the process environment: each test
//! hands `from_lookup` a map of its own, so tests running in parallel threads
//! cannot see each other's variables.

use std::collections::HashMap;
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
    assert_eq!(c.port, 3000);
    assert_eq!(c.allowed_origins, AllowedOrigins::List(vec![]));
    assert_eq!(c.request_timeout, Duration::from_secs(10));
    assert_eq!(c.max_connections, 10);
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
