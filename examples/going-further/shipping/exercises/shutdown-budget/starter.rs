//! Exercise: the shutdown budget. On SIGTERM the service fails readiness,
//! keeps serving for SHUTDOWN_DRAIN_SECS, then waits for the requests in
//! flight, each of which may take up to REQUEST_TIMEOUT_SECS. The
//! orchestrator kills it SHUTDOWN_GRACE_SECS after the SIGTERM (Kubernetes'
//! terminationGracePeriodSeconds, 30 s unless set; systemd's TimeoutStopSec).
//! Read the three settings (whole seconds; defaults 5, 10 and 30) and refuse
//! a configuration whose drain and longest request do not fit in the grace
//! period: such a service would be killed in the middle of a request.

use std::time::Duration;

/// What one shutdown may take, read from the environment.
#[derive(Debug, PartialEq)]
pub struct ShutdownBudget {
    pub drain: Duration,
    pub request_timeout: Duration,
    pub grace: Duration,
}

#[derive(Debug, PartialEq, thiserror::Error)]
pub enum BudgetError {
    #[error("{name}: must be a whole number of seconds, got {value:?}")]
    NotSeconds { name: &'static str, value: String },
    #[error(
        "SHUTDOWN_DRAIN_SECS ({drain} s) + REQUEST_TIMEOUT_SECS ({timeout} s) must be less than \
         SHUTDOWN_GRACE_SECS ({grace} s), or a request still running is killed"
    )]
    DoesNotFit {
        drain: u64,
        timeout: u64,
        grace: u64,
    },
}

pub fn shutdown_budget(
    lookup: impl Fn(&str) -> Option<String>,
) -> Result<ShutdownBudget, BudgetError> {
    // Read each setting with its default, then check that they fit.
    let _ = lookup;
    todo!()
}

fn main() {
    match shutdown_budget(|name| std::env::var(name).ok()) {
        Ok(budget) => println!("{budget:?}"),
        Err(error) => eprintln!("users-api: {error}"),
    }
}
