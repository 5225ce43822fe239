//! Exercise: a HOST setting. The service binds 127.0.0.1, which a container
//! cannot publish; `HOST` lets an operator choose the address to listen on.
//! Unset, it is 127.0.0.1; otherwise it must be an IP address, IPv4 or IPv6,
//! and anything else stops the start-up with a message that names HOST and
//! quotes the value.

// ANCHOR: solution
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// `from_lookup` over a made-up environment, not the process's.
    fn listen(pairs: &[(&str, &str)]) -> Result<Listen, ConfigError> {
        let env: HashMap<&str, &str> = pairs.iter().copied().collect();
        Listen::from_lookup(|name| env.get(name).map(|value| value.to_string()))
    }

    #[test]
    fn unset_means_the_loopback_address() {
        let listen = listen(&[]).unwrap();
        assert_eq!(listen.address().to_string(), "127.0.0.1:3000");
    }

    #[test]
    fn any_ip_address_is_taken() {
        for (host, address) in [
            ("0.0.0.0", "0.0.0.0:8080"),
            ("127.0.0.1", "127.0.0.1:8080"),
            ("10.1.2.3", "10.1.2.3:8080"),
            ("::", "[::]:8080"),
            ("::1", "[::1]:8080"),
        ] {
            let listen = listen(&[("HOST", host), ("PORT", "8080")]);
            let listen = listen.unwrap_or_else(|e| panic!("HOST={host:?} was refused: {e}"));
            assert_eq!(listen.address().to_string(), address, "HOST={host:?}");
        }
    }

    #[test]
    fn anything_else_is_refused_naming_host_and_the_value() {
        for host in ["localhost", "0.0.0.0:3000", "256.0.0.1", " 127.0.0.1", ""] {
            match listen(&[("HOST", host)]) {
                Ok(listen) => panic!("HOST={host:?} was taken as {listen:?}"),
                Err(error) => assert_eq!(
                    error.to_string(),
                    format!(
                        "HOST: must be an IP address such as 127.0.0.1 or 0.0.0.0, got {host:?}"
                    )
                ),
            }
        }
    }

    #[test]
    fn port_keeps_its_own_rule() {
        let error = listen(&[("HOST", "0.0.0.0"), ("PORT", "http")]).unwrap_err();
        assert_eq!(
            error.to_string(),
            "PORT: must be a number from 0 to 65535, got \"http\""
        );
    }
}
// ANCHOR_END: tests
