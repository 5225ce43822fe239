//! Exercise: a HOST setting. The service binds 127.0.0.1, which a container
//! cannot publish; `HOST` lets an operator choose the address to listen on.
//! Unset, it is 127.0.0.1; otherwise it must be an IP address, IPv4 or IPv6,
//! and anything else stops the start-up with a message that names HOST and
//! quotes the value.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

/// A setting that is missing or malformed, named so the operator can fix it.
#[derive(Debug, thiserror::Error)]
#[error("{name}: {problem}")]
pub struct ConfigError {
    name: &'static str,
    problem: String,
}

/// Where the service listens.
#[derive(Debug, PartialEq)]
pub struct Listen {
    pub host: IpAddr,
    pub port: u16,
}

impl Listen {
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        // Read HOST: unset, the loopback address; otherwise an IP address,
        // or a ConfigError naming HOST and quoting the value.
        let host = IpAddr::V4(Ipv4Addr::LOCALHOST);
        let port = match lookup("PORT") {
            None => 3000,
            Some(text) => text.parse().map_err(|_| ConfigError {
                name: "PORT",
                problem: format!("must be a number from 0 to 65535, got {text:?}"),
            })?,
        };
        Ok(Listen { host, port })
    }

    /// What `TcpListener::bind` takes.
    pub fn address(&self) -> SocketAddr {
        SocketAddr::new(self.host, self.port)
    }
}

fn main() {
    // The environment this program runs in, as `main` would pass it.
    match Listen::from_lookup(|name| std::env::var(name).ok()) {
        Ok(listen) => println!("would listen on {}", listen.address()),
        Err(error) => eprintln!("users-api: {error}"),
    }
}
