//! Settings read from the environment once, at start-up, so a bad value
//! stops the service with a clear message instead of surfacing later.

use std::time::Duration;

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
    pub port: u16,
    pub allowed_origins: AllowedOrigins,
    pub request_timeout: Duration,
    /// Most connections the pool opens to PostgreSQL at once.
    pub max_connections: u32,
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
        Ok(Config {
            database_url,
            port,
            allowed_origins,
            request_timeout,
            max_connections,
        })
    }
}
