//! Runs the users API and, beside it, the workers that send its welcome
//! emails: settings from the environment, migrations applied at start-up,
//! graceful shutdown on Ctrl-C or SIGTERM, the server first, then the workers.

use std::process::ExitCode;

use std::time::Duration;

use job_queue::{Backoff, WorkerConfig, welcome, worker};
use sqlx::postgres::PgPoolOptions;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tracing_subscriber::EnvFilter;
use users_api::config::Config;

// ANCHOR: main
#[tokio::main]
async fn main() -> ExitCode {
    // ANCHOR: tracing
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| EnvFilter::new("users_api=info,tower_http=info")),
        )
        .init();
    // ANCHOR_END: tracing

    let config = match Config::from_lookup(|name| std::env::var(name).ok()) {
        Ok(config) => config,
        Err(error) => {
            eprintln!("users-api: {error}");
            return ExitCode::from(2);
        }
    };
    match run(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("users-api: {error}");
            ExitCode::FAILURE
        }
    }
}
// ANCHOR_END: main

// ANCHOR: worker_config
/// Two workers: sending a welcome email takes a file write, so two keep up
/// with far more sign-ups than the password hashing lets through. A lease
/// a job renews while it runs; a grace within the 10 s that `docker stop`
/// waits between SIGTERM and SIGKILL (Kubernetes: 30 s), with room left
/// for the server's own drain.
const WORKERS: WorkerConfig = WorkerConfig {
    workers: 2,
    lease: Duration::from_secs(30),
    idle: Duration::from_millis(500),
    backoff: Backoff {
        base: Duration::from_secs(1),
        cap: Duration::from_secs(300),
    },
    grace: Duration::from_secs(5),
};
// ANCHOR_END: worker_config

// ANCHOR: run
async fn run(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    let db = PgPoolOptions::new()
        .max_connections(config.max_connections)
        .acquire_timeout(users_api::ACQUIRE_TIMEOUT)
        .connect(&config.database_url)
        .await
        .map_err(|e| format!("cannot connect to the database: {e}"))?;
    sqlx::migrate!().run(&db).await?;

    // The OS error alone ("Cannot assign requested address") would not say
    // which address: a HOST this machine does not have, or a port in use.
    let listener = TcpListener::bind((config.host, config.port))
        .await
        .map_err(|e| format!("cannot listen on {}:{}: {e}", config.host, config.port))?;
    // ANCHOR: workers
    // The outbox must exist before the first job runs.
    tokio::fs::create_dir_all(&config.outbox)
        .await
        .map_err(|e| format!("cannot create OUTBOX_DIR {}: {e}", config.outbox.display()))?;
    let (stop_workers, shutdown) = watch::channel(false);
    let workers = tokio::spawn(worker::run(
        db.clone(),
        WORKERS,
        welcome::handler(config.outbox.clone()),
        shutdown,
    ));
    // ANCHOR_END: workers

    tracing::info!("listening on http://{}", listener.local_addr()?);
    // ANCHOR: stop_workers
    // One signal stops both at once: the server drains its requests while
    // the workers finish their jobs or hand them back, so the two waits
    // overlap instead of adding up. A job enqueued by a request during the
    // drain is not lost: it waits in the table for the next start.
    let signal = async move {
        shutdown_signal().await;
        stop_workers.send_replace(true);
    };
    axum::serve(listener, users_api::app(db.clone(), &config))
        .with_graceful_shutdown(signal)
        .await?;
    let totals = workers.await?;
    tracing::info!(?totals, "workers stopped");
    // ANCHOR_END: stop_workers
    db.close().await;
    tracing::info!("stopped");
    Ok(())
}
// ANCHOR_END: run

// ANCHOR: shutdown
/// Resolves on Ctrl-C or SIGTERM (what `docker stop` and Kubernetes send):
/// axum then stops accepting connections and lets in-flight requests finish.
/// In a container the service is process 1, which the kernel gives no
/// default action for SIGTERM: without this handler, the signal would be
/// ignored and `docker stop` would kill the service after its grace period.
async fn shutdown_signal() {
    let ctrl_c = async {
        tokio::signal::ctrl_c().await.expect("Ctrl-C handler");
    };
    #[cfg(unix)]
    let terminate = async {
        tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
            .expect("SIGTERM handler")
            .recv()
            .await;
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
// ANCHOR_END: shutdown
