//! Chapter 9: an error enum of our own for a config parser. `?` turns a
//! ParseIntError into it, and callers can tell the failures apart.

use std::error::Error;
use std::fmt;
use std::num::ParseIntError;

#[derive(Debug)]
enum ConfigError {
    Missing(&'static str),
    BadPort(ParseIntError),
    Privileged(u16),
}

// Display is the message for humans: logs, the terminal, a response body.
impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::Missing(key) => write!(f, "missing key `{key}`"),
            ConfigError::BadPort(_) => write!(f, "port is not a number from 0 to 65535"),
            ConfigError::Privileged(port) => write!(f, "port {port} is below 1024 (privileged)"),
        }
    }
}

impl Error for ConfigError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            ConfigError::BadPort(cause) => Some(cause),
            _ => None,
        }
    }
}

// ANCHOR: from
impl From<ParseIntError> for ConfigError {
    fn from(cause: ParseIntError) -> Self {
        ConfigError::BadPort(cause)
    }
}
// ANCHOR_END: from

/// Finds `port=...` among space-separated `key=value` pairs.
fn port_from(config: &str) -> Result<u16, ConfigError> {
    let raw = config
        .split_whitespace()
        .find_map(|pair| pair.strip_prefix("port="))
        .ok_or(ConfigError::Missing("port"))?;
    let port: u16 = raw.parse()?;
    if port < 1024 {
        return Err(ConfigError::Privileged(port));
    }
    Ok(port)
}

fn main() {
    for config in [
        "host=0.0.0.0 port=8080",
        "host=0.0.0.0",
        "port=http",
        "port=80",
    ] {
        match port_from(config) {
            Ok(port) => println!("{config:?}: port {port}"),
            Err(err) => match err.source() {
                Some(cause) => println!("{config:?}: {err} (caused by: {cause})"),
                None => println!("{config:?}: {err}"),
            },
        }
    }
}
