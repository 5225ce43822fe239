//! Going further: observability. JSON logs and OpenTelemetry traces through
//! `tracing`, one trace from a request into the job it enqueues, and
//! Prometheus metrics on a port of their own.

pub mod app;
pub mod jobs;
pub mod metrics;
pub mod service;
pub mod telemetry;
pub mod trace_context;

/// The service's migrations: the job queue's table and the signups.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");
