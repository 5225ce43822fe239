//! The example job: a welcome email for a new user, written to a folder as
//! a file (there is no mail server here). Writing the same job twice writes
//! the same file, so a retry after a crash sends nothing twice.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use sqlx::PgExecutor;

use crate::queue::{self, QueueError};
use crate::worker::Handler;

/// The job's kind, as stored in `jobs.kind`.
pub const KIND: &str = "welcome_email";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Welcome {
    pub user_id: i64,
    pub name: String,
    pub email: String,
}

impl Welcome {
    /// One job per user, whoever enqueues it and however often.
    pub fn idempotency_key(&self) -> String {
        format!("{KIND}:{}", self.user_id)
    }

    // ANCHOR: enqueue_welcome
    /// Enqueues the email, on a pool or inside the caller's transaction.
    pub async fn enqueue<'e>(&self, db: impl PgExecutor<'e>) -> Result<i64, QueueError> {
        let payload = serde_json::to_value(self)?;
        queue::enqueue(db, KIND, &payload, Some(&self.idempotency_key()), 5).await
    }
    // ANCHOR_END: enqueue_welcome
}

// ANCHOR: handler
/// The workers' handler: sends welcome emails into `outbox`, and fails any
/// other kind of job (kept as dead after its attempts, with the reason).
pub fn handler(outbox: PathBuf) -> Handler {
    Arc::new(move |job| {
        let outbox = outbox.clone();
        Box::pin(async move {
            if job.kind != KIND {
                return Err(format!("no handler for jobs of kind {:?}", job.kind));
            }
            send(&outbox, &job.payload).await.map(|_| ())
        })
    })
}
// ANCHOR_END: handler

/// Writes the message to `outbox/<user id>.eml`, through a temporary file
/// and a rename, so a crash never leaves half a message.
pub async fn send(outbox: &Path, payload: &str) -> Result<PathBuf, String> {
    let welcome: Welcome = serde_json::from_str(payload).map_err(|e| e.to_string())?;
    let path = outbox.join(format!("{}.eml", welcome.user_id));
    // A temporary name of this run's own: two runs of the job never share one.
    let partial = outbox.join(format!(
        "{}.eml.{}.partial",
        welcome.user_id,
        fastrand::u64(..)
    ));
    let message = format!(
        "To: {} <{}>\nSubject: Welcome, {}\n\nYour account is ready.\n",
        welcome.name, welcome.email, welcome.name
    );
    tokio::fs::write(&partial, message)
        .await
        .map_err(|e| e.to_string())?;
    tokio::fs::rename(&partial, &path)
        .await
        .map_err(|e| e.to_string())?;
    Ok(path)
}
