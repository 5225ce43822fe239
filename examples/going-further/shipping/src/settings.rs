//! This crate's own setting, read from the environment like the API's
//! (`users_api::config`): once, at start-up, so a bad value stops the
//! service before it connects to anything.

use std::time::Duration;

// ANCHOR: drain
/// How long the service keeps serving after SIGTERM while `/readyz` already
/// answers 503: time for load balancers to notice and stop sending new
/// requests. `SHUTDOWN_DRAIN_SECS`, 5 seconds unless set; 0 skips the wait.
pub fn drain_from_lookup(
    lookup: impl Fn(&str) -> Option<String>,
) -> Result<Duration, SettingError> {
    match lookup("SHUTDOWN_DRAIN_SECS") {
        None => Ok(DEFAULT_DRAIN),
        Some(text) => text
            .parse()
            .map(Duration::from_secs)
            .map_err(|_| SettingError {
                name: "SHUTDOWN_DRAIN_SECS",
                problem: format!("must be a whole number of seconds, got {text:?}"),
            }),
    }
}

pub const DEFAULT_DRAIN: Duration = Duration::from_secs(5);

/// A setting that is missing or malformed, named so the operator can fix it.
#[derive(Debug, thiserror::Error)]
#[error("{name}: {problem}")]
pub struct SettingError {
    pub name: &'static str,
    pub problem: String,
}
// ANCHOR_END: drain
