//! Counts the SQL statements this process sends to PostgreSQL. sqlx emits a
//! `tracing` event with the target `sqlx::query` for every statement it
//! executes, on any connection of any pool, whichever function called it;
//! this layer counts those events. The N+1 test and the latency example
//! read it before and after one GraphQL request.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use tracing::{Event, Subscriber};
use tracing_subscriber::layer::{Context, Layer};

#[derive(Clone, Default)]
pub struct QueryCount(Arc<AtomicU64>);

impl QueryCount {
    /// The statements counted since the last call, and starts again at 0.
    pub fn take(&self) -> u64 {
        self.0.swap(0, Ordering::SeqCst)
    }
}

impl<S: Subscriber> Layer<S> for QueryCount {
    fn on_event(&self, event: &Event<'_>, _ctx: Context<'_, S>) {
        if event.metadata().target() == "sqlx::query" {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }
}
