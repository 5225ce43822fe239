//! The users API as it ships: the API's settings and routes, plus `/livez`
//! and `/readyz`, and a shutdown in two stages: on SIGTERM, readiness fails
//! at once while the service keeps serving for SHUTDOWN_DRAIN_SECS; then it
//! stops accepting connections and finishes the requests in flight.

use std::process::ExitCode;
use std::time::Duration;

use shipping::probes::{self, Readiness};
use shipping::settings;
use sqlx::postgres::PgPoolOptions;
use tokio::net::TcpListener;
use tracing_subscriber::EnvFilter;
use users_api::config::Config;

// ANCHOR: main
#[tokio::main]
async fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| EnvFilter::new("users_api=info,shipping=info,tower_http=info")),
        )
        .init();

    // Every setting is read and checked before anything connects: a typo in
    // a Deployment fails the first start, with the setting's name.
    let env = |name: &str| std::env::var(name).ok();
    let settings = Config::from_lookup(env)
        .map_err(|e| e.to_string())
        .and_then(|config| {
            let drain = settings::drain_from_lookup(env).map_err(|e| e.to_string())?;
            // The drain and the longest request must end before the
            // orchestrator's SIGKILL (SHUTDOWN_GRACE_SECS): the exercise.
            settings::check_shutdown_budget(env, drain, config.request_timeout)
                .map_err(|e| e.to_string())?;
            Ok((config, drain))
        });
    let (config, drain) = match settings {
        Ok(settings) => settings,
        Err(error) => {
            eprintln!("users-api: {error}");
            return ExitCode::from(2);
        }
    };
    match run(config, drain).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("users-api: {error}");
            ExitCode::FAILURE
        }
    }
}
// ANCHOR_END: main

// ANCHOR: run
async fn run(config: Config, drain: Duration) -> Result<(), Box<dyn std::error::Error>> {
    let db = PgPoolOptions::new()
        .max_connections(config.max_connections)
        .acquire_timeout(users_api::ACQUIRE_TIMEOUT)
        .connect(&config.database_url)
        .await
        .map_err(|e| format!("cannot connect to the database: {e}"))?;
    sqlx::migrate!("../../api/users-api/migrations")
        .run(&db)
        .await?;

    let listener = TcpListener::bind((config.host, config.port))
        .await
        .map_err(|e| format!("cannot listen on {}:{}: {e}", config.host, config.port))?;
    let readiness = Readiness::default();
    let wait = users_api::health::wait_within(config.request_timeout);
    let app = users_api::app(db.clone(), &config).merge(probes::routes(
        db.clone(),
        readiness.clone(),
        wait,
    ));
    tracing::info!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown(readiness, drain))
        .await?;
    db.close().await;
    tracing::info!("stopped");
    Ok(())
}
// ANCHOR_END: run

// ANCHOR: shutdown
/// Resolves when the server should stop accepting connections: on SIGTERM
/// (or Ctrl-C), readiness fails first, then the service keeps serving for
/// `drain`, so that requests routed to it before the load balancer noticed
/// still find it listening. axum then finishes the requests in flight.
async fn shutdown(readiness: Readiness, drain: Duration) {
    terminate_requested().await;
    readiness.start_draining();
    tracing::info!(?drain, "draining: /readyz answers 503, still serving");
    tokio::time::sleep(drain).await;
    tracing::info!("shutting down: finishing requests in flight");
}
// ANCHOR_END: shutdown

/// Ctrl-C or SIGTERM, what `docker stop`, Kubernetes and systemd send. The
/// service is process 1 in its container, so without a handler SIGTERM
/// would be ignored (see the container lesson).
async fn terminate_requested() {
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
}
