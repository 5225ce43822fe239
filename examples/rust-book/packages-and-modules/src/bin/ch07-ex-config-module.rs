//! Exercise: a config module whose struct can only be built valid.

// ANCHOR: solution
mod config {
    /// Why a setting was refused.
    #[derive(Debug, PartialEq)]
    pub enum ConfigError {
        EmptyHost,
        BadPort(String),
    }

    pub struct ServerConfig {
        host: String,
        port: u16,
        /// Public: any value is acceptable, so callers may tune it directly.
        pub max_connections: u32,
    }

    impl ServerConfig {
        /// Checks the settings as they arrive from the environment (text).
        pub fn new(host: &str, port: &str) -> Result<ServerConfig, ConfigError> {
            let host = host.trim();
            if host.is_empty() {
                return Err(ConfigError::EmptyHost);
            }
            let port = match port.parse::<u16>() {
                Ok(port) if port != 0 => port,
                _ => return Err(ConfigError::BadPort(port.to_string())),
            };
            Ok(ServerConfig {
                host: host.to_string(),
                port,
                max_connections: 100,
            })
        }

        pub fn host(&self) -> &str {
            &self.host
        }

        pub fn port(&self) -> u16 {
            self.port
        }

        /// What a listener binds to, such as `localhost:8080`.
        pub fn address(&self) -> String {
            format!("{}:{}", self.host(), self.port())
        }
    }
}

use config::{ConfigError, ServerConfig};

fn main() {
    let inputs = [
        ("localhost", "8080"),
        ("  api.internal ", "443"),
        ("", "8080"),
        ("localhost", "http"),
        ("localhost", "0"),
    ];
    for (host, port) in inputs {
        match ServerConfig::new(host, port) {
            Ok(mut config) => {
                config.max_connections = 512; // a public field: set directly
                println!(
                    "{host:?} {port:?} -> {}, {} connections",
                    config.address(),
                    config.max_connections
                );
            }
            Err(ConfigError::EmptyHost) => println!("{host:?} {port:?} -> refused: empty host"),
            Err(ConfigError::BadPort(text)) => {
                println!("{host:?} {port:?} -> refused: bad port {text:?}")
            }
        }
    }
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_valid_host_and_port_are_kept() {
        let config =
            ServerConfig::new("localhost", "8080").expect("localhost:8080 is a valid setting");
        assert_eq!(
            config.host(),
            "localhost",
            "host() should return the host given to new"
        );
        assert_eq!(config.port(), 8080, "port() should return the parsed port");
        assert_eq!(
            config.max_connections, 100,
            "new should start with 100 connections"
        );
    }

    #[test]
    fn spaces_around_the_host_are_trimmed() {
        let config = ServerConfig::new("  api.internal ", "443")
            .expect("a host with spaces around it is valid");
        assert_eq!(
            config.host(),
            "api.internal",
            "the host should be stored without surrounding spaces"
        );
    }

    #[test]
    fn an_empty_or_blank_host_is_refused() {
        for host in ["", "   "] {
            assert_eq!(
                ServerConfig::new(host, "8080").err(),
                Some(ConfigError::EmptyHost),
                "host {host:?} should be refused"
            );
        }
    }

    #[test]
    fn a_port_that_is_not_1_to_65535_is_refused() {
        for port in ["http", "0", "65536", "-1", ""] {
            assert_eq!(
                ServerConfig::new("localhost", port).err(),
                Some(ConfigError::BadPort(port.to_string())),
                "port {port:?} should be refused as BadPort({port:?})"
            );
        }
    }

    #[test]
    fn address_joins_host_and_port_with_a_colon() {
        let config =
            ServerConfig::new("localhost", "8080").expect("localhost:8080 is a valid setting");
        assert_eq!(config.address(), "localhost:8080");
    }
}
// ANCHOR_END: tests
