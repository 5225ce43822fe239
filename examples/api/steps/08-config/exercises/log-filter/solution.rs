//! Exercise: the log filter. `filter` turns the value of `RUST_LOG` (`None`
//! when it is unset) into the filter the service installs: the directives
//! it holds when they parse, and the service's default, `info` and above
//! from `users_api` and `tower_http` only, when it is unset or does not parse.

// ANCHOR: solution
use tracing_subscriber::EnvFilter;

/// What the service prints when `RUST_LOG` gives it nothing usable.
const DEFAULT: &str = "users_api=info,tower_http=info";

fn filter(rust_log: Option<&str>) -> EnvFilter {
    rust_log
        .and_then(|directives| EnvFilter::try_new(directives).ok())
        .unwrap_or_else(|| EnvFilter::new(DEFAULT))
}

fn main() {
    // What the service would print at start-up, for a few values of RUST_LOG.
    for rust_log in [None, Some("users_api=debug"), Some("users_api=loud")] {
        let subscriber = tracing_subscriber::fmt()
            .with_env_filter(filter(rust_log))
            .without_time()
            .with_ansi(false)
            .finish();
        println!("RUST_LOG={rust_log:?}:");
        tracing::subscriber::with_default(subscriber, || {
            tracing::info!(target: "users_api", "listening on http://127.0.0.1:3000");
            tracing::debug!(target: "users_api::users", "creating a user");
            tracing::info!(target: "sqlx::query", "SELECT 1");
        });
    }
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::sync::{Arc, Mutex};

    /// Collects what the subscriber writes.
    #[derive(Clone, Default)]
    struct Log(Arc<Mutex<Vec<u8>>>);

    impl Write for Log {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    /// The messages that pass `filter(rust_log)`, out of one event per
    /// target and level the service meets.
    fn printed(rust_log: Option<&str>) -> Vec<String> {
        let log = Log::default();
        let writer = log.clone();
        let subscriber = tracing_subscriber::fmt()
            .with_env_filter(filter(rust_log))
            .with_writer(move || writer.clone())
            .with_ansi(false)
            .without_time()
            .with_level(false)
            .with_target(false)
            .finish();
        tracing::subscriber::with_default(subscriber, || {
            tracing::info!(target: "users_api", "users_api info");
            tracing::debug!(target: "users_api::users", "users_api debug");
            tracing::info!(target: "tower_http::trace", "tower_http info");
            tracing::info!(target: "sqlx::query", "sqlx info");
            tracing::warn!(target: "hyper", "hyper warn");
        });
        let text = String::from_utf8(log.0.lock().unwrap().clone()).unwrap();
        text.lines().map(|line| line.trim().to_string()).collect()
    }

    #[test]
    fn unset_means_our_crate_and_tower_http_at_info() {
        assert_eq!(printed(None), ["users_api info", "tower_http info"]);
    }

    #[test]
    fn rust_log_replaces_the_default() {
        assert_eq!(
            printed(Some("users_api=debug")),
            ["users_api info", "users_api debug"]
        );
        assert_eq!(
            printed(Some("sqlx=info,users_api=info")),
            ["users_api info", "sqlx info"]
        );
    }

    #[test]
    fn a_level_for_everything_reaches_other_crates() {
        assert_eq!(printed(Some("warn")), ["hyper warn"]);
    }

    #[test]
    fn rust_log_that_does_not_parse_falls_back_to_the_default() {
        for bad in ["users_api=loud", "users_api=info,=debug["] {
            assert_eq!(
                printed(Some(bad)),
                ["users_api info", "tower_http info"],
                "RUST_LOG={bad:?}"
            );
        }
    }
}
// ANCHOR_END: tests
