//! Integration tests: a separate crate that sees only book_testing's
//! public API, as a service using the limiter would.

// ANCHOR: integration
mod common;

use book_testing::{Decision, Rate};
use common::{burst, limiter};
use std::time::{Duration, Instant};

#[test]
fn a_burst_gets_exactly_the_limit() {
    let mut limiter = limiter("10/s");
    let decisions = burst(&mut limiter, "ada", Instant::now(), 15);
    let allowed = decisions.iter().filter(|d| d.is_allowed()).count();
    assert_eq!(allowed, 10, "decisions: {decisions:?}");
}

#[test]
fn each_key_has_its_own_window() {
    let mut limiter = limiter("2/min");
    let now = Instant::now();
    burst(&mut limiter, "ada", now, 5);
    assert_eq!(
        limiter.check("grace", now),
        Decision::Allow { remaining: 1 }
    );
    assert_eq!(limiter.keys(), 2);
}

#[test]
fn the_window_reopens_after_its_period() {
    let mut limiter = limiter("1/min");
    let start = Instant::now();
    assert!(limiter.check("ada", start).is_allowed());
    let refused = limiter.check("ada", start + Duration::from_secs(59));
    assert_eq!(refused.retry_after_header(), Some(1));
    assert!(
        limiter
            .check("ada", start + Duration::from_secs(60))
            .is_allowed()
    );
}

#[test]
fn typos_in_the_config_are_errors() {
    for text in ["100", "100/minute", "-5/s", "0/h"] {
        assert!(text.parse::<Rate>().is_err(), "{text:?} was accepted");
    }
}
// ANCHOR_END: integration
