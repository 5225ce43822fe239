//! Settings, checked once at start-up so a bad value stops the service
//! with a clear message instead of surfacing in the middle of a request.

// ANCHOR: config
pub struct Config {
    pub service_name: String,
    // Private: only `Config::new` sets it, so it always holds a parsed port.
    port: u16,
}

impl Config {
    /// Takes the port as text, the way it arrives from an environment variable.
    pub fn new(service_name: &str, port: &str) -> Result<Config, String> {
        match port.parse() {
            Ok(port) => Ok(Config {
                service_name: service_name.to_string(),
                port,
            }),
            Err(_) => Err(format!("PORT: {port:?} is not a port number")),
        }
    }

    pub fn port(&self) -> u16 {
        self.port
    }
}
// ANCHOR_END: config

// ANCHOR: unit_tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unit_test_inside_the_module_sees_private_fields() {
        let config = Config::new("users-api", "8080").unwrap();
        assert_eq!(config.port, 8080);
    }

    #[test]
    fn a_port_that_is_not_a_number_is_refused() {
        let error = Config::new("users-api", "http").err();
        assert_eq!(
            error.as_deref(),
            Some("PORT: \"http\" is not a port number")
        );
    }
}
// ANCHOR_END: unit_tests
