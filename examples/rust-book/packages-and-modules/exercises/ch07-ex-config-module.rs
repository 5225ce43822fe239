// A `ServerConfig` may only exist with a non-empty host and a port from 1 to
// 65535. Its `host` and `port` fields are private, so code outside `config`
// cannot build one with a struct literal or change it afterwards: `new` is
// the only way in. Write `new` and the three methods.

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
            // TODO:
            // - trim the host; if nothing is left, Err(ConfigError::EmptyHost)
            // - parse the port as a u16; if that fails or gives 0,
            //   Err(ConfigError::BadPort(the text as given))
            // - otherwise Ok with max_connections set to 100
            todo!()
        }

        pub fn host(&self) -> &str {
            todo!()
        }

        pub fn port(&self) -> u16 {
            todo!()
        }

        /// What a listener binds to, such as `localhost:8080`.
        pub fn address(&self) -> String {
            todo!()
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
