//! Settings read from the environment once, at start-up, so a bad value
//! stops the service with a clear message instead of surfacing later.

use std::net::{IpAddr, Ipv4Addr};
use std::num::NonZero;
use std::path::PathBuf;
use std::time::Duration;

use argon2::Params;
use axum::http::HeaderValue;

// ANCHOR: config
/// Which origins browsers may call the API from.
#[derive(Debug, Clone, PartialEq)]
pub enum AllowedOrigins {
    /// `CORS_ALLOW_ORIGINS=*`: any origin. Convenient on a laptop, wrong in
    /// production, where it lets any web page call the API from a visitor's browser.
    Any,
    /// A comma-separated list such as `https://app.example.com`.
    List(Vec<HeaderValue>),
}

#[derive(Debug, Clone)]
pub struct Config {
    pub database_url: String,
    /// The address to listen on: 127.0.0.1 (this machine only) unless
    /// `HOST` says otherwise, such as 0.0.0.0 inside a container.
    pub host: IpAddr,
    pub port: u16,
    pub allowed_origins: AllowedOrigins,
    pub request_timeout: Duration,
    /// Most connections the pool opens to PostgreSQL at once.
    pub max_connections: u32,
    /// What one password hash costs: memory, passes and lanes of Argon2id.
    pub password_params: Params,
    /// Most password hashes in progress at once.
    pub max_hashes: usize,
    /// How long a request waits for its turn to hash before it gets 503.
    pub hash_wait: Duration,
    /// The folder the welcome emails are written to (there is no mail
    /// server here): `OUTBOX_DIR`, `outbox` unless set.
    pub outbox: PathBuf,
}
// ANCHOR_END: config

/// A setting that is missing or malformed, named so the operator can fix it.
#[derive(Debug, thiserror::Error)]
#[error("{name}: {problem}")]
pub struct ConfigError {
    name: &'static str,
    problem: String,
}

impl Config {
    /// Reads the settings through `lookup` (the process environment in
    /// `main`, a map in the tests).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let database_url = lookup("DATABASE_URL").ok_or(ConfigError {
            name: "DATABASE_URL",
            problem: "is not set; it should look like postgres://user@localhost/db".into(),
        })?;
        // Loopback by default: a service reachable from the network is a
        // choice the operator makes by setting HOST, not one it inherits.
        let host = match lookup("HOST") {
            None => IpAddr::V4(Ipv4Addr::LOCALHOST),
            Some(text) => text.parse().map_err(|_| ConfigError {
                name: "HOST",
                problem: format!(
                    "must be an IP address such as 127.0.0.1 or 0.0.0.0, got {text:?}"
                ),
            })?,
        };
        let port = match lookup("PORT") {
            None => 3000,
            Some(text) => text.parse().map_err(|_| ConfigError {
                name: "PORT",
                problem: format!("must be a number from 0 to 65535, got {text:?}"),
            })?,
        };
        let allowed_origins = match lookup("CORS_ALLOW_ORIGINS").as_deref() {
            None | Some("") => AllowedOrigins::List(Vec::new()),
            Some("*") => AllowedOrigins::Any,
            Some(list) => AllowedOrigins::List(
                list.split(',')
                    .map(|origin| {
                        HeaderValue::from_str(origin.trim()).map_err(|_| ConfigError {
                            name: "CORS_ALLOW_ORIGINS",
                            problem: format!("{origin:?} is not a valid origin"),
                        })
                    })
                    .collect::<Result<_, _>>()?,
            ),
        };
        let request_timeout = match lookup("REQUEST_TIMEOUT_SECS") {
            None => Duration::from_secs(10),
            // 0 would time every request out before it started.
            Some(text) => {
                Duration::from_secs(text.parse().ok().filter(|&secs| secs > 0).ok_or_else(
                    || ConfigError {
                        name: "REQUEST_TIMEOUT_SECS",
                        problem: format!(
                            "must be a whole number of seconds, 1 or more, got {text:?}"
                        ),
                    },
                )?)
            }
        };
        let max_connections = match lookup("DATABASE_MAX_CONNECTIONS") {
            None => 10,
            Some(text) => text
                .parse()
                .ok()
                .filter(|&n| n > 0)
                .ok_or_else(|| ConfigError {
                    name: "DATABASE_MAX_CONNECTIONS",
                    problem: format!("must be a whole number of 1 or more, got {text:?}"),
                })?,
        };
        let outbox = match lookup("OUTBOX_DIR").as_deref() {
            None => PathBuf::from("outbox"),
            Some("") => {
                return Err(ConfigError {
                    name: "OUTBOX_DIR",
                    problem: "is empty; unset it for ./outbox, or name a folder".into(),
                });
            }
            Some(dir) => PathBuf::from(dir),
        };
        Ok(Config {
            database_url,
            host,
            port,
            allowed_origins,
            request_timeout,
            max_connections,
            // Not read from the environment: the OWASP minimum for
            // Argon2id (19 MiB, 2 passes, 1 lane) suits any server. The
            // tests choose cheaper ones.
            password_params: Params::default(),
            // One hash per core the process may use: more would only share
            // the cores, each hash slower and all of them holding memory.
            max_hashes: std::thread::available_parallelism().map_or(1, NonZero::get),
            // Tens of hashes' time per core: a longer queue means more
            // requests than the cores can hash, and waiting would not help.
            // And under half the request's timeout, as /health's wait is, so
            // a request that finds no permit gets the JSON 503, never the
            // timeout layer's empty one.
            hash_wait: (request_timeout / 2).min(Duration::from_secs(1)),
            outbox,
        })
    }
}
