//! The observability service: `DATABASE_URL` (required), `HOST`/`PORT`
//! (127.0.0.1:3000), `METRICS_HOST`/`METRICS_PORT` (127.0.0.1:9464),
//! `OTEL_EXPORTER_OTLP_ENDPOINT` (OTLP/gRPC, e.g. http://127.0.0.1:4317; unset: logs
//! only, no traces exported), `OUTBOX` (./outbox), `RUST_LOG`.

use std::env;
use std::error::Error;
use std::str::FromStr;

use observability::service::{self, Settings};
use observability::{MIGRATOR, telemetry};
use sqlx::postgres::PgPoolOptions;

fn setting<T: FromStr>(name: &str, default: T) -> Result<T, String> {
    match env::var(name) {
        Ok(value) => value
            .parse()
            .map_err(|_| format!("{name}={value:?} is not a valid value")),
        Err(_) => Ok(default),
    }
}

async fn shutdown_signal() {
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        .expect("a SIGTERM handler");
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = term.recv() => {}
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn Error + Send + Sync>> {
    let defaults = Settings::default();
    let settings = Settings {
        host: setting("HOST", defaults.host)?,
        port: setting("PORT", defaults.port)?,
        metrics_host: setting("METRICS_HOST", defaults.metrics_host)?,
        metrics_port: setting("METRICS_PORT", defaults.metrics_port)?,
        outbox: setting("OUTBOX", defaults.outbox)?,
        workers: setting("WORKERS", defaults.workers)?,
    };
    let otlp = env::var("OTEL_EXPORTER_OTLP_ENDPOINT").ok();
    let telemetry = telemetry::init("observability", otlp.as_deref())?;
    let db = PgPoolOptions::new()
        .max_connections(10)
        .connect(&env::var("DATABASE_URL").map_err(|_| "DATABASE_URL is not set")?)
        .await?;
    MIGRATOR.run(&db).await?;
    let running = service::start(db, &settings).await?;
    shutdown_signal().await;
    tracing::info!("shutting down");
    let totals = running.stop().await?;
    tracing::info!(
        done = totals.done,
        failed = totals.failed,
        released = totals.released,
        "stopped"
    );
    telemetry.shutdown().await;
    Ok(())
}
