//! The service as main runs it and the tests start it: the public port,
//! the metrics port and the worker pool, stopped together.

use std::io;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;

use job_queue::worker::{self, Totals};
use job_queue::{Backoff, WorkerConfig};
use sqlx::PgPool;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::{app, jobs, metrics};

// ANCHOR: settings
#[derive(Debug, Clone)]
pub struct Settings {
    /// The public routes. Default 127.0.0.1: on the network only by choice.
    pub host: IpAddr,
    pub port: u16,
    /// `/metrics`, on a port of its own, also loopback by default.
    pub metrics_host: IpAddr,
    pub metrics_port: u16,
    /// Where the welcome emails are written.
    pub outbox: PathBuf,
    pub workers: usize,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 3000,
            metrics_host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            metrics_port: 9464,
            outbox: PathBuf::from("outbox"),
            workers: 2,
        }
    }
}
// ANCHOR_END: settings

/// A started service: its two addresses, and what stops it.
pub struct Running {
    pub app: SocketAddr,
    pub metrics: SocketAddr,
    stop: watch::Sender<bool>,
    servers: Vec<JoinHandle<io::Result<()>>>,
    workers: JoinHandle<Totals>,
}

async fn bind(host: IpAddr, port: u16) -> io::Result<TcpListener> {
    TcpListener::bind((host, port)).await.map_err(|error| {
        io::Error::new(
            error.kind(),
            format!("cannot listen on {host}:{port}: {error}"),
        )
    })
}

/// Binds both ports and starts serving and working.
pub async fn start(db: PgPool, settings: &Settings) -> io::Result<Running> {
    let public = bind(settings.host, settings.port).await?;
    let private = bind(settings.metrics_host, settings.metrics_port).await?;
    let (app_addr, metrics_addr) = (public.local_addr()?, private.local_addr()?);
    let (stop, stopping) = watch::channel(false);
    let serve = |listener: TcpListener, router: axum::Router| {
        let mut stopping = stopping.clone();
        tokio::spawn(async move {
            axum::serve(listener, router)
                .with_graceful_shutdown(async move {
                    let _ = stopping.wait_for(|stop| *stop).await;
                })
                .await
        })
    };
    let servers = vec![
        serve(public, app::router(db.clone())),
        serve(private, metrics::router(metrics::install(), db.clone())),
    ];
    tokio::fs::create_dir_all(&settings.outbox).await?;
    let config = WorkerConfig {
        workers: settings.workers,
        lease: Duration::from_secs(60),
        idle: Duration::from_millis(100),
        backoff: Backoff {
            base: Duration::from_secs(1),
            cap: Duration::from_secs(60),
        },
        grace: Duration::from_secs(5),
    };
    let workers = tokio::spawn(worker::run(
        db,
        config,
        jobs::handler(settings.outbox.clone()),
        stopping,
    ));
    tracing::info!(%app_addr, %metrics_addr, "listening on {app_addr} (metrics on {metrics_addr})");
    Ok(Running {
        app: app_addr,
        metrics: metrics_addr,
        stop,
        servers,
        workers,
    })
}

impl Running {
    /// Stops accepting, lets requests and jobs in flight finish.
    pub async fn stop(self) -> Result<Totals, Box<dyn std::error::Error + Send + Sync>> {
        let _ = self.stop.send(true);
        for server in self.servers {
            server.await??;
        }
        Ok(self.workers.await?)
    }
}
