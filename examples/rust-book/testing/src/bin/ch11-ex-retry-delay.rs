//! Exercise: the tests find the bugs in retry_delay; read what they print
//! and fix the function.

// ANCHOR: solution
use std::time::Duration;

/// How long a client waits before its next try. `attempt` counts the tries
/// that failed: 0 before the first try (no wait), then `base` before the
/// first retry, twice as long before each retry after that, but never
/// longer than `cap`.
fn retry_delay(attempt: u32, base: Duration, cap: Duration) -> Duration {
    if attempt == 0 {
        return Duration::ZERO;
    }
    // 2 to the power attempt - 1, then times base: either may overflow,
    // and a delay too large to count is longer than the cap anyway.
    let delay = 2u32
        .checked_pow(attempt - 1)
        .and_then(|factor| base.checked_mul(factor));
    match delay {
        Some(delay) => delay.min(cap),
        None => cap,
    }
}

fn main() {
    let base = Duration::from_millis(100);
    let cap = Duration::from_secs(30);
    for attempt in [0, 1, 2, 3, 10, 40] {
        println!(
            "attempt {attempt:>2}: wait {:?}",
            retry_delay(attempt, base, cap)
        );
    }
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    const BASE: Duration = Duration::from_millis(100);
    const CAP: Duration = Duration::from_secs(30);

    #[test]
    fn the_first_try_does_not_wait() {
        assert_eq!(retry_delay(0, BASE, CAP), Duration::ZERO);
    }

    #[test]
    fn the_first_retry_waits_the_base_delay() {
        assert_eq!(retry_delay(1, BASE, CAP), BASE);
    }

    #[test]
    fn each_retry_doubles_the_wait() {
        let waits: Vec<Duration> = (1..=5).map(|a| retry_delay(a, BASE, CAP)).collect();
        let expected = [100, 200, 400, 800, 1600].map(Duration::from_millis);
        assert_eq!(waits, expected, "waits before retries 1 to 5");
    }

    #[test]
    fn the_wait_stops_growing_at_the_cap() {
        assert_eq!(retry_delay(10, BASE, CAP), CAP, "100 ms × 2^9 is 51.2 s");
        assert_eq!(retry_delay(11, BASE, CAP), CAP);
    }

    #[test]
    fn a_client_that_never_gives_up_does_not_crash() {
        for attempt in [32, 33, 64, 1000, u32::MAX] {
            assert_eq!(retry_delay(attempt, BASE, CAP), CAP, "attempt {attempt}");
        }
    }
}
// ANCHOR_END: tests
