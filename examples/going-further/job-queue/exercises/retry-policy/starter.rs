//! Exercise: what a failed job does next. Not every failure is worth a
//! retry: an email address the provider rejects stays rejected, while a
//! timeout may pass, and a provider that answers 429 with `Retry-After`
//! says exactly how long to wait. Decide, for the attempt that just failed:
//! a permanent failure is dead at once; out of attempts, dead too; a
//! transient one waits a full-jitter backoff (up to base, 2 base, 4 base…,
//! never above the cap); a `Retry-After` waits at least what it asks.

use std::time::Duration;

/// Why an attempt failed, as the job's handler reports it.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// May pass: a timeout, a 503, a connection reset.
    Transient(String),
    /// The other side said when to come back (429 or 503 with Retry-After).
    RetryAfter(Duration),
    /// Trying again cannot help: an invalid address, a payload that does not parse.
    Permanent(String),
}

/// What becomes of the job.
#[derive(Debug, Clone, PartialEq)]
pub enum Next {
    RetryIn(Duration),
    /// Kept for a person to read, with why.
    Dead(String),
}

pub struct Policy {
    pub base: Duration,
    pub cap: Duration,
    pub max_attempts: u32,
}

/// `attempt` is the number of the attempt that failed, from 1; `unit` is a
/// random number in [0, 1), the jitter (a parameter, so tests can fix it).
pub fn next(policy: &Policy, attempt: u32, failure: &Failure, unit: f64) -> Next {
    // Every failure is retried after the same second, forever: what many
    // first versions do, and what turns a provider's outage into a flood.
    let _ = (policy, attempt, failure, unit);
    Next::RetryIn(Duration::from_secs(1))
}

fn main() {
    let policy = Policy {
        base: Duration::from_secs(1),
        cap: Duration::from_secs(60),
        max_attempts: 5,
    };
    let timeout = Failure::Transient("timed out".into());
    for attempt in 1..=5 {
        println!(
            "after attempt {attempt}: {:?}",
            next(&policy, attempt, &timeout, 0.5)
        );
    }
}
