//! Four tests with wrong expectations and one right one, to show what each
//! kind of failure prints. Cargo.toml declares this file with test = false,
//! so `cargo test` skips it; `cargo test --test ch11-failures` runs it.

use book_testing::{Decision, Rate, RateError, RateLimiter};
use std::time::{Duration, Instant};

#[test]
fn a_burst_is_cut_at_the_limit() {
    let mut limiter = RateLimiter::new(Rate::new(2, Duration::from_secs(1)));
    let now = Instant::now();
    let allowed = (0..5).filter(|_| limiter.check("ada", now).is_allowed());
    assert_eq!(allowed.count(), 2);
}

// Wrong: the request being checked counts too, so 2 remain, not 3.
#[test]
fn the_first_request_leaves_three() {
    let mut limiter = RateLimiter::new(Rate::new(3, Duration::from_secs(60)));
    let decision = limiter.check("ada", Instant::now());
    assert_eq!(
        decision,
        Decision::Allow { remaining: 3 },
        "first request of a 3/min window"
    );
}

// Wrong: a bad rate in configuration is an Err, not a panic.
#[test]
#[should_panic]
fn garbage_in_the_config_panics() {
    let _ = "lots/min".parse::<Rate>();
}

// Wrong: the 0 requests panic first, before the period is looked at.
#[test]
#[should_panic(expected = "longer than zero")]
fn a_zero_period_is_a_bug() {
    Rate::new(0, Duration::ZERO);
}

// Wrong: the unit is spelt "min", so `?` returns the Err and the test fails.
#[test]
fn reads_the_rate_from_config() -> Result<(), RateError> {
    let rate: Rate = "100/minute".parse()?;
    assert_eq!(rate.requests(), 100);
    Ok(())
}
