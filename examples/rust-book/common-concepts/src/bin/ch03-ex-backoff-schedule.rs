// ANCHOR: solution
//! Exercise: the delays of a retry schedule, doubling up to a cap.

/// The delays in milliseconds before each of the first six retries:
/// `base_ms` first, then double the previous one, never above `cap_ms`.
fn backoff_schedule(base_ms: u64, cap_ms: u64) -> [u64; 6] {
    // Start with every slot at the cap, then overwrite the ones below it.
    let mut delays = [cap_ms; 6];
    let mut delay = base_ms;
    let mut i = 0;
    while i < delays.len() && delay < cap_ms {
        delays[i] = delay;
        // saturating: a huge base stops at u64::MAX instead of overflowing.
        delay = delay.saturating_mul(2);
        i += 1;
    }
    delays
}

fn main() {
    let delays = backoff_schedule(100, 1_000);
    println!("retry delays (ms): {delays:?}");
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_start_at_the_base_and_double() {
        assert_eq!(
            backoff_schedule(100, 10_000),
            [100, 200, 400, 800, 1_600, 3_200],
            "each delay should be twice the previous one while below the cap"
        );
    }

    #[test]
    fn no_delay_is_longer_than_the_cap() {
        assert_eq!(
            backoff_schedule(100, 1_000),
            [100, 200, 400, 800, 1_000, 1_000],
            "1_600 is above the cap of 1_000, so it and every later delay should be 1_000"
        );
    }

    #[test]
    fn a_base_above_the_cap_is_capped_from_the_first_retry() {
        assert_eq!(
            backoff_schedule(5_000, 1_000),
            [1_000; 6],
            "the first delay should already respect the cap"
        );
    }

    #[test]
    fn a_huge_base_does_not_overflow() {
        let base = 1 << 63; // doubling this once is past u64::MAX
        assert_eq!(
            backoff_schedule(base, u64::MAX),
            [base, u64::MAX, u64::MAX, u64::MAX, u64::MAX, u64::MAX],
            "doubling should stop at u64::MAX (saturating_mul), not panic or wrap to 0"
        );
    }
}
// ANCHOR_END: tests
