//! Exercise: the log filter. `filter` turns the value of `RUST_LOG` (`None`
//! when it is unset) into the filter the service installs: the directives
//! it holds when they parse, and the service's default, `info` and above
//! from `users_api` and `tower_http` only, when it is unset or does not parse.

use tracing_subscriber::EnvFilter;

/// What the service prints when `RUST_LOG` gives it nothing usable.
const DEFAULT: &str = "users_api=info,tower_http=info";

fn filter(rust_log: Option<&str>) -> EnvFilter {
    // What the service did before this step: INFO and above from every
    // crate, whatever RUST_LOG says. Use rust_log, and DEFAULT when it is
    // unset or does not parse.
    let _ = (rust_log, DEFAULT);
    EnvFilter::new("info")
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
