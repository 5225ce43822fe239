//! A per-client rate limiter, the library this chapter tests: each key (an
//! API key, a user id, an IP address) may make a fixed number of requests
//! per window, and a refused request learns how long to wait.
//!
//! The caller passes the time of each request, so tests can move the clock
//! as far as they like without sleeping.

use std::collections::HashMap;
use std::error::Error;
use std::fmt;
use std::num::ParseIntError;
use std::str::FromStr;
use std::time::{Duration, Instant};

// ANCHOR: rate
/// How many requests a key may make per period, such as 100 a minute.
///
/// Written in configuration as `count/unit`, with `s`, `min` or `h`:
///
/// ```
/// use book_testing::Rate;
/// use std::time::Duration;
///
/// let rate: Rate = "100/min".parse().unwrap();
/// assert_eq!(rate, Rate::new(100, Duration::from_secs(60)));
/// assert!("100 per minute".parse::<Rate>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rate {
    requests: u32,
    per: Duration,
}

impl Rate {
    /// A rate of `requests` per `per`.
    ///
    /// # Panics
    ///
    /// If `requests` is 0 or `per` is zero: such a limit refuses everything
    /// or nothing, and a caller that builds one has a bug.
    pub fn new(requests: u32, per: Duration) -> Rate {
        assert!(requests > 0, "a rate needs at least one request per period");
        assert!(!per.is_zero(), "a rate needs a period longer than zero");
        Rate { requests, per }
    }

    pub fn requests(&self) -> u32 {
        self.requests
    }

    pub fn per(&self) -> Duration {
        self.per
    }
}
// ANCHOR_END: rate

/// Why a rate written in configuration was refused.
#[derive(Debug, PartialEq)]
pub enum RateError {
    /// No `/` between the count and the unit.
    MissingSlash,
    /// The count is not a whole number.
    BadCount(ParseIntError),
    /// A count of 0 would refuse every request.
    ZeroCount,
    /// The unit is not one of `s`, `min` or `h`.
    UnknownUnit(String),
}

impl fmt::Display for RateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RateError::MissingSlash => write!(f, "expected count/unit, such as 100/min"),
            RateError::BadCount(cause) => write!(f, "bad count: {cause}"),
            RateError::ZeroCount => write!(f, "the count must be at least 1"),
            RateError::UnknownUnit(unit) => write!(f, "unknown unit {unit:?}: use s, min or h"),
        }
    }
}

impl Error for RateError {}

// ANCHOR: parse
impl FromStr for Rate {
    type Err = RateError;

    fn from_str(text: &str) -> Result<Rate, RateError> {
        let (count, unit) = text.split_once('/').ok_or(RateError::MissingSlash)?;
        let requests: u32 = count.trim().parse().map_err(RateError::BadCount)?;
        if requests == 0 {
            return Err(RateError::ZeroCount);
        }
        let unit = unit.trim();
        let per = period(unit).ok_or_else(|| RateError::UnknownUnit(unit.to_string()))?;
        Ok(Rate::new(requests, per))
    }
}

/// The length of one unit. Private: the crate's users never call it, but
/// its own unit tests can.
fn period(unit: &str) -> Option<Duration> {
    match unit {
        "s" | "sec" => Some(Duration::from_secs(1)),
        "min" => Some(Duration::from_secs(60)),
        "h" | "hour" => Some(Duration::from_secs(60 * 60)),
        _ => None,
    }
}
// ANCHOR_END: parse

// ANCHOR: limiter
/// What the limiter says about one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Serve it; `remaining` more fit in the current window.
    Allow { remaining: u32 },
    /// Answer 429 Too Many Requests; the window reopens after `retry_after`.
    Deny { retry_after: Duration },
}

impl Decision {
    pub fn is_allowed(&self) -> bool {
        matches!(self, Decision::Allow { .. })
    }

    /// The value of a `Retry-After` header for a refused request: whole
    /// seconds, rounded up, so a client that waits that long gets in.
    ///
    /// ```
    /// use book_testing::Decision;
    /// use std::time::Duration;
    ///
    /// let refused = Decision::Deny { retry_after: Duration::from_millis(1200) };
    /// assert_eq!(refused.retry_after_header(), Some(2));
    /// assert_eq!(Decision::Allow { remaining: 3 }.retry_after_header(), None);
    /// ```
    pub fn retry_after_header(&self) -> Option<u64> {
        match self {
            Decision::Allow { .. } => None,
            Decision::Deny { retry_after } => Some(whole_seconds_up(*retry_after)),
        }
    }
}

fn whole_seconds_up(wait: Duration) -> u64 {
    if wait.subsec_nanos() == 0 {
        wait.as_secs()
    } else {
        wait.as_secs() + 1
    }
}

/// One key's current window: when it opened and how many requests it took.
struct Window {
    opened: Instant,
    used: u32,
}

/// A fixed-window rate limiter: each key gets `rate.requests()` requests
/// in a window of `rate.per()` that opens with its first request.
///
/// ```
/// use book_testing::{Decision, RateLimiter};
/// use std::time::{Duration, Instant};
///
/// let mut limiter = RateLimiter::new("2/s".parse().unwrap());
/// let start = Instant::now();
/// assert_eq!(limiter.check("ada", start), Decision::Allow { remaining: 1 });
/// assert_eq!(limiter.check("ada", start), Decision::Allow { remaining: 0 });
/// assert!(!limiter.check("ada", start).is_allowed());
/// // A second later the window has moved on.
/// assert!(limiter.check("ada", start + Duration::from_secs(1)).is_allowed());
/// ```
pub struct RateLimiter {
    rate: Rate,
    windows: HashMap<String, Window>,
}

impl RateLimiter {
    pub fn new(rate: Rate) -> RateLimiter {
        RateLimiter {
            rate,
            windows: HashMap::new(),
        }
    }

    /// Counts a request from `key` made at `now`, and says whether to serve it.
    pub fn check(&mut self, key: &str, now: Instant) -> Decision {
        let rate = self.rate;
        let window = self.windows.entry(key.to_string()).or_insert(Window {
            opened: now,
            used: 0,
        });
        let age = now.saturating_duration_since(window.opened);
        if age >= rate.per {
            *window = Window {
                opened: now,
                used: 0,
            };
        }
        if window.used < rate.requests {
            window.used += 1;
            Decision::Allow {
                remaining: rate.requests - window.used,
            }
        } else {
            Decision::Deny {
                retry_after: rate.per - age,
            }
        }
    }

    /// How many keys the limiter keeps a window for.
    pub fn keys(&self) -> usize {
        self.windows.len()
    }
}
// ANCHOR_END: limiter

#[cfg(test)]
mod tests {
    use super::*;

    // ANCHOR: basics
    #[test]
    fn period_knows_seconds_minutes_and_hours() {
        assert_eq!(period("s"), Some(Duration::from_secs(1)));
        assert_eq!(period("min"), Some(Duration::from_secs(60)));
        assert_eq!(period("h"), Some(Duration::from_secs(3600)));
    }

    #[test]
    fn period_refuses_units_it_does_not_know() {
        for unit in ["ms", "day", "MIN", ""] {
            assert!(period(unit).is_none(), "{unit:?} should not be a unit");
        }
    }

    #[test]
    fn the_unit_changes_the_rate() {
        let per_second: Rate = "5/s".parse().unwrap();
        let per_minute: Rate = "5/min".parse().unwrap();
        assert_ne!(per_second, per_minute, "5/s and 5/min must differ");
    }

    #[test]
    fn allows_up_to_the_limit_then_denies() {
        let mut limiter = RateLimiter::new(Rate::new(3, Duration::from_secs(60)));
        let now = Instant::now();
        let decisions: Vec<Decision> = (0..4).map(|_| limiter.check("ada", now)).collect();
        assert_eq!(
            decisions,
            [
                Decision::Allow { remaining: 2 },
                Decision::Allow { remaining: 1 },
                Decision::Allow { remaining: 0 },
                Decision::Deny {
                    retry_after: Duration::from_secs(60)
                },
            ]
        );
    }

    #[test]
    fn a_refused_client_waits_the_rest_of_the_window() {
        let mut limiter = RateLimiter::new(Rate::new(1, Duration::from_secs(60)));
        let opened = Instant::now();
        limiter.check("ada", opened);
        let later = opened + Duration::from_secs(45);
        let decision = limiter.check("ada", later);
        assert_eq!(
            decision.retry_after_header(),
            Some(15),
            "45 s into a 60 s window, got {decision:?}"
        );
    }

    #[test]
    fn whole_seconds_round_up() {
        assert_eq!(whole_seconds_up(Duration::from_secs(2)), 2);
        assert_eq!(whole_seconds_up(Duration::from_millis(2001)), 3);
        assert_eq!(whole_seconds_up(Duration::ZERO), 0);
    }
    // ANCHOR_END: basics

    // ANCHOR: panics_and_results
    #[test]
    #[should_panic(expected = "at least one request")]
    fn a_rate_of_zero_requests_is_a_bug() {
        Rate::new(0, Duration::from_secs(1));
    }

    #[test]
    fn parses_a_rate_with_spaces() -> Result<(), RateError> {
        let rate: Rate = " 20 / min ".parse()?;
        assert_eq!(rate.requests(), 20);
        assert_eq!(rate.per(), Duration::from_secs(60));
        Ok(())
    }

    #[test]
    fn says_why_a_rate_is_refused() {
        assert_eq!("100".parse::<Rate>(), Err(RateError::MissingSlash));
        assert_eq!("0/s".parse::<Rate>(), Err(RateError::ZeroCount));
        assert_eq!(
            "9/week".parse::<Rate>(),
            Err(RateError::UnknownUnit("week".to_string()))
        );
        let err = "ten/s".parse::<Rate>().unwrap_err();
        assert_eq!(err.to_string(), "bad count: invalid digit found in string");
    }
    // ANCHOR_END: panics_and_results

    // ANCHOR: ignored
    #[test]
    #[ignore = "slow: a million requests; run with --ignored"]
    fn a_million_requests_from_a_thousand_keys() {
        let mut limiter = RateLimiter::new(Rate::new(100, Duration::from_secs(1)));
        let now = Instant::now();
        let mut allowed = 0;
        for i in 0..1_000_000 {
            let key = format!("client-{}", i % 1000);
            if limiter.check(&key, now).is_allowed() {
                allowed += 1;
            }
        }
        println!("{} keys, {allowed} requests allowed", limiter.keys());
        assert_eq!(limiter.keys(), 1000);
        assert_eq!(allowed, 1000 * 100);
    }
    // ANCHOR_END: ignored
}
