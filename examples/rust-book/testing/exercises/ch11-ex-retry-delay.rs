//! Exercise: the tests find the bugs in retry_delay; read what they print
//! and fix the function.

use std::time::Duration;

/// How long a client waits before its next try. `attempt` counts the tries
/// that failed: 0 before the first try (no wait), then `base` before the
/// first retry, twice as long before each retry after that, but never
/// longer than `cap`.
fn retry_delay(attempt: u32, base: Duration, cap: Duration) -> Duration {
    // Looks right, and the tests say otherwise.
    let delay = base * 2u32.pow(attempt);
    delay.min(cap)
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
