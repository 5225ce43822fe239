//! A configuration struct with sensible defaults: `impl Default`,
//! associated functions as constructors, and `..Default::default()`.

#[derive(Debug, Clone, PartialEq)]
struct ServerConfig {
    host: String,
    port: u16,
    max_connections: u32,
    request_timeout_secs: u64,
}

// Written by hand: a derived Default would give an empty host and port 0.
impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            host: String::from("127.0.0.1"),
            port: 8080,
            max_connections: 1024,
            request_timeout_secs: 30,
        }
    }
}

impl ServerConfig {
    fn new(host: &str, port: u16) -> Self {
        Self {
            host: host.to_string(),
            port,
            ..Self::default()
        }
    }

    // Reads settings from key/value pairs, as from_env would read the
    // environment; taking them as an argument keeps the output the same on
    // every machine.
    fn from_vars(vars: &[(&str, &str)]) -> Self {
        let mut config = Self::default();
        for &(key, value) in vars {
            match key {
                "APP_HOST" => config.host = value.to_string(),
                // A bad number keeps the default here; Chapter 9 makes it an error.
                "APP_PORT" => config.port = value.parse().unwrap_or(config.port),
                _ => {} // not ours: the environment holds everything else too
            }
        }
        config
    }

    fn address(&self) -> String {
        format!("{}:{}", self.host, self.port)
    }
}

fn main() {
    let local = ServerConfig::default();
    let public = ServerConfig::new("0.0.0.0", 80);
    // ANCHOR: busy
    let busy = ServerConfig {
        max_connections: 10_000,
        ..Default::default()
    };
    // ANCHOR_END: busy
    let vars = [("PATH", "/usr/bin"), ("APP_PORT", "9000")];
    let deployed = ServerConfig::from_vars(&vars);

    println!("local:  {}", local.address());
    println!("public: {}", public.address());
    println!("busy == local? {}", busy == local);
    println!("busy: {busy:?}");
    println!("deployed: {deployed:#?}");
}
