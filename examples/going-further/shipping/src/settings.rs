//! This crate's own settings (the drain, the grace period), read from the
//! environment like the API's (`users_api::config`): once, at start-up, so
//! a bad value stops the service before it connects to anything.

use std::time::Duration;

// ANCHOR: drain
/// How long the service keeps serving after SIGTERM while `/readyz` already
/// answers 503: time for load balancers to notice and stop sending new
/// requests. `SHUTDOWN_DRAIN_SECS`, 5 seconds unless set; 0 skips the wait.
pub fn drain_from_lookup(
    lookup: impl Fn(&str) -> Option<String>,
) -> Result<Duration, SettingError> {
    seconds(&lookup, "SHUTDOWN_DRAIN_SECS", DEFAULT_DRAIN)
}

pub const DEFAULT_DRAIN: Duration = Duration::from_secs(5);

/// One setting in whole seconds, or `default` when it is unset.
fn seconds(
    lookup: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: Duration,
) -> Result<Duration, SettingError> {
    match lookup(name) {
        None => Ok(default),
        Some(text) => text
            .parse()
            .map(Duration::from_secs)
            .map_err(|_| SettingError {
                name,
                problem: format!("must be a whole number of seconds, got {text:?}"),
            }),
    }
}

/// A setting that is missing or malformed, named so the operator can fix it.
#[derive(Debug, thiserror::Error)]
#[error("{name}: {problem}")]
pub struct SettingError {
    pub name: &'static str,
    pub problem: String,
}
// ANCHOR_END: drain

/// The orchestrator's grace period, from SIGTERM to SIGKILL, which the
/// service cannot ask for: `SHUTDOWN_GRACE_SECS`, set by whoever sets
/// `terminationGracePeriodSeconds` (Kubernetes) or `TimeoutStopSec`
/// (systemd), 30 seconds unless set (Kubernetes' default). The drain and
/// the longest request must end before it, or a rollout cuts requests off;
/// this refuses, at start-up, a configuration where they may not.
/// (The lesson's exercise writes this check; this is the crate's answer.)
pub fn check_shutdown_budget(
    lookup: impl Fn(&str) -> Option<String>,
    drain: Duration,
    request_timeout: Duration,
) -> Result<Duration, SettingError> {
    let grace = seconds(&lookup, "SHUTDOWN_GRACE_SECS", DEFAULT_GRACE)?;
    // Strictly before: at equality, the kill lands as the last request ends.
    if drain.saturating_add(request_timeout) >= grace {
        return Err(SettingError {
            name: "SHUTDOWN_GRACE_SECS",
            problem: format!(
                "{} s must be more than SHUTDOWN_DRAIN_SECS ({} s) + REQUEST_TIMEOUT_SECS ({} s), \
                 or a request still running at the kill is cut off",
                grace.as_secs(),
                drain.as_secs(),
                request_timeout.as_secs()
            ),
        });
    }
    Ok(grace)
}

pub const DEFAULT_GRACE: Duration = Duration::from_secs(30);
