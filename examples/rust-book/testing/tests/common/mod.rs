//! Helpers for the integration tests. Cargo compiles each file directly in
//! tests/ as a test crate of its own, but not the files in its folders, so
//! this module is only compiled where a test file says `mod common;`.

// ANCHOR: common
use book_testing::{Decision, RateLimiter};
use std::time::Instant;

/// A limiter for a rate written as in configuration. A typo panics, which
/// fails the test that asked for it, with the reason.
pub fn limiter(rate: &str) -> RateLimiter {
    match rate.parse() {
        Ok(rate) => RateLimiter::new(rate),
        Err(err) => panic!("test setup: rate {rate:?}: {err}"),
    }
}

/// `count` requests from `key`, all at the same instant.
pub fn burst(limiter: &mut RateLimiter, key: &str, at: Instant, count: usize) -> Vec<Decision> {
    (0..count).map(|_| limiter.check(key, at)).collect()
}
// ANCHOR_END: common
