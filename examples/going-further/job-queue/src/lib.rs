//! A job queue on PostgreSQL: jobs are rows, workers claim them with
//! `FOR UPDATE SKIP LOCKED`, a failed job is retried after a backoff with
//! jitter until it runs out of attempts (then it is dead, kept for a person
//! to look at), and a shutdown lets in-flight jobs finish or hands them back.

pub mod backoff;
pub mod queue;
pub mod welcome;
pub mod worker;

pub use backoff::Backoff;
pub use queue::{Job, QueueError};
pub use worker::{Handler, WorkerConfig};
