//! Exercise: the shutdown budget. On SIGTERM the service fails readiness,
//! keeps serving for SHUTDOWN_DRAIN_SECS, then waits for the requests in
//! flight, each of which may take up to REQUEST_TIMEOUT_SECS. The
//! orchestrator kills it SHUTDOWN_GRACE_SECS after the SIGTERM (Kubernetes'
//! terminationGracePeriodSeconds, 30 s unless set; systemd's TimeoutStopSec).
//! Read the three settings (whole seconds; defaults 5, 10 and 30) and refuse
//! a configuration whose drain and longest request do not fit in the grace
//! period: such a service would be killed in the middle of a request.

// ANCHOR: solution
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

/// One setting in whole seconds, or its default when unset.
fn seconds(
    lookup: &impl Fn(&str) -> Option<String>,
    name: &'static str,
    default: u64,
) -> Result<u64, BudgetError> {
    match lookup(name) {
        None => Ok(default),
        Some(value) => value
            .parse()
            .map_err(|_| BudgetError::NotSeconds { name, value }),
    }
}

pub fn shutdown_budget(
    lookup: impl Fn(&str) -> Option<String>,
) -> Result<ShutdownBudget, BudgetError> {
    let drain = seconds(&lookup, "SHUTDOWN_DRAIN_SECS", 5)?;
    let timeout = seconds(&lookup, "REQUEST_TIMEOUT_SECS", 10)?;
    let grace = seconds(&lookup, "SHUTDOWN_GRACE_SECS", 30)?;
    // Strictly less: at equality the kill can land as the last request ends.
    // Saturating: two huge values must not wrap around to a small sum.
    if drain.saturating_add(timeout) >= grace {
        return Err(BudgetError::DoesNotFit {
            drain,
            timeout,
            grace,
        });
    }
    Ok(ShutdownBudget {
        drain: Duration::from_secs(drain),
        request_timeout: Duration::from_secs(timeout),
        grace: Duration::from_secs(grace),
    })
}

fn main() {
    match shutdown_budget(|name| std::env::var(name).ok()) {
        Ok(budget) => println!("{budget:?}"),
        Err(error) => eprintln!("users-api: {error}"),
    }
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn budget(env: &[(&str, &str)]) -> Result<ShutdownBudget, BudgetError> {
        let env: HashMap<_, _> = env.iter().copied().collect();
        shutdown_budget(|name| env.get(name).map(|v| v.to_string()))
    }

    #[test]
    fn defaults_fit_kubernetes_default_grace_period() {
        assert_eq!(
            budget(&[]),
            Ok(ShutdownBudget {
                drain: Duration::from_secs(5),
                request_timeout: Duration::from_secs(10),
                grace: Duration::from_secs(30),
            })
        );
    }

    #[test]
    fn each_setting_is_read() {
        let b = budget(&[
            ("SHUTDOWN_DRAIN_SECS", "0"),
            ("REQUEST_TIMEOUT_SECS", "60"),
            ("SHUTDOWN_GRACE_SECS", "90"),
        ])
        .unwrap();
        assert_eq!(b.drain, Duration::ZERO);
        assert_eq!(b.request_timeout, Duration::from_secs(60));
        assert_eq!(b.grace, Duration::from_secs(90));
    }

    #[test]
    fn a_malformed_value_is_named() {
        for (name, value) in [
            ("SHUTDOWN_DRAIN_SECS", "5s"),
            ("REQUEST_TIMEOUT_SECS", "-1"),
            ("SHUTDOWN_GRACE_SECS", ""),
        ] {
            assert_eq!(
                budget(&[(name, value)]),
                Err(BudgetError::NotSeconds {
                    name,
                    value: value.into()
                })
            );
        }
    }

    #[test]
    fn a_budget_that_does_not_fit_is_refused_with_its_numbers() {
        let error = budget(&[
            ("SHUTDOWN_DRAIN_SECS", "20"),
            ("REQUEST_TIMEOUT_SECS", "15"),
        ])
        .unwrap_err();
        assert_eq!(
            error,
            BudgetError::DoesNotFit {
                drain: 20,
                timeout: 15,
                grace: 30
            }
        );
        assert_eq!(
            error.to_string(),
            "SHUTDOWN_DRAIN_SECS (20 s) + REQUEST_TIMEOUT_SECS (15 s) must be less than \
             SHUTDOWN_GRACE_SECS (30 s), or a request still running is killed"
        );
    }

    #[test]
    fn exactly_the_grace_period_does_not_fit() {
        assert!(budget(&[("SHUTDOWN_DRAIN_SECS", "20")]).is_err()); // 20 + 10 = 30
        assert!(budget(&[("SHUTDOWN_DRAIN_SECS", "19")]).is_ok());
    }

    #[test]
    fn huge_values_do_not_wrap_around() {
        let huge = u64::MAX.to_string();
        assert!(
            budget(&[
                ("SHUTDOWN_DRAIN_SECS", &huge),
                ("REQUEST_TIMEOUT_SECS", &huge)
            ])
            .is_err()
        );
    }
}
// ANCHOR_END: tests
