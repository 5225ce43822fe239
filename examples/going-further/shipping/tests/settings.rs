//! SHUTDOWN_DRAIN_SECS and SHUTDOWN_GRACE_SECS as the service reads them,
//! and the shutdown budget it refuses to start without.

use std::collections::HashMap;
use std::time::Duration;

use shipping::settings::{DEFAULT_DRAIN, DEFAULT_GRACE, check_shutdown_budget, drain_from_lookup};

fn drain(value: Option<&str>) -> Result<Duration, String> {
    let env: HashMap<&str, &str> = value
        .map(|v| ("SHUTDOWN_DRAIN_SECS", v))
        .into_iter()
        .collect();
    drain_from_lookup(|name| env.get(name).map(|v| v.to_string())).map_err(|e| e.to_string())
}

#[test]
fn drain_defaults_to_five_seconds_and_reads_whole_seconds() {
    assert_eq!(drain(None), Ok(DEFAULT_DRAIN));
    assert_eq!(drain(Some("0")), Ok(Duration::ZERO));
    assert_eq!(drain(Some("15")), Ok(Duration::from_secs(15)));
}

#[test]
fn drain_refuses_anything_else_naming_the_setting() {
    for bad in ["", "-1", "2.5", "5s", "five"] {
        assert_eq!(
            drain(Some(bad)),
            Err(format!(
                "SHUTDOWN_DRAIN_SECS: must be a whole number of seconds, got {bad:?}"
            )),
        );
    }
}

fn budget(grace: Option<&str>, drain: u64, request_timeout: u64) -> Result<Duration, String> {
    let env: HashMap<&str, &str> = grace
        .map(|v| ("SHUTDOWN_GRACE_SECS", v))
        .into_iter()
        .collect();
    check_shutdown_budget(
        |name| env.get(name).map(|v| v.to_string()),
        Duration::from_secs(drain),
        Duration::from_secs(request_timeout),
    )
    .map_err(|e| e.to_string())
}

#[test]
fn the_defaults_fit_kubernetes_default_grace_period() {
    assert_eq!(budget(None, 5, 10), Ok(DEFAULT_GRACE));
    assert_eq!(
        budget(Some("90"), 20, 60),
        Ok(Duration::from_secs(90)),
        "a longer grace period makes room for longer requests"
    );
}

#[test]
fn a_drain_and_request_that_reach_the_kill_are_refused_with_the_numbers() {
    assert_eq!(
        budget(None, 20, 10), // 20 + 10 = 30: the kill as the last request ends
        Err(
            "SHUTDOWN_GRACE_SECS: 30 s must be more than SHUTDOWN_DRAIN_SECS (20 s) + \
             REQUEST_TIMEOUT_SECS (10 s), or a request still running at the kill is cut off"
                .into()
        )
    );
    assert!(budget(None, 19, 10).is_ok());
    assert!(budget(Some("10"), 5, 10).is_err());
    assert!(
        budget(None, u64::MAX, u64::MAX).is_err(),
        "no wrap-around to a small sum"
    );
}

#[test]
fn the_grace_period_must_be_whole_seconds() {
    assert_eq!(
        budget(Some("30s"), 5, 10),
        Err(r#"SHUTDOWN_GRACE_SECS: must be a whole number of seconds, got "30s""#.into())
    );
}
