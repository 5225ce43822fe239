//! The GraphQL service: `DATABASE_URL` (required), `HOST`/`PORT`
//! (127.0.0.1:3000), `GRAPHQL_INTROSPECTION=1` to answer introspection,
//! `RUST_LOG`.

use std::env;
use std::error::Error;
use std::str::FromStr;

use sqlx::postgres::PgPoolOptions;
use tracing_subscriber::EnvFilter;
use users_graphql::MIGRATOR;
use users_graphql::server::{self, Settings};

fn setting<T: FromStr>(name: &str, default: T) -> Result<T, String> {
    match env::var(name) {
        Ok(value) => value
            .parse()
            .map_err(|_| format!("{name}={value:?} is not a valid value")),
        Err(_) => Ok(default),
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error + Send + Sync>> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .init();
    let defaults = Settings::default();
    let settings = Settings {
        host: setting("HOST", defaults.host)?,
        port: setting("PORT", defaults.port)?,
        introspection: env::var("GRAPHQL_INTROSPECTION").is_ok_and(|v| v == "1"),
        ..defaults
    };
    let db = PgPoolOptions::new()
        .max_connections(10)
        .connect(&env::var("DATABASE_URL").map_err(|_| "DATABASE_URL is not set")?)
        .await?;
    MIGRATOR.run(&db).await?;
    let running = server::start(db, &settings).await?;
    tracing::info!("listening on http://{}/graphql", running.addr);
    tokio::signal::ctrl_c().await?;
    running.stop().await?;
    Ok(())
}
