//! SHUTDOWN_DRAIN_SECS as the service reads it.

use std::collections::HashMap;
use std::time::Duration;

use shipping::settings::{DEFAULT_DRAIN, drain_from_lookup};

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
