//! How long a failed job waits before its next attempt: exponential, capped,
//! with full jitter, so jobs that failed together (a database restart) do
//! not all come back at the same instant.

use std::time::Duration;

// ANCHOR: backoff
#[derive(Debug, Clone, Copy)]
pub struct Backoff {
    /// The longest wait after the first failure.
    pub base: Duration,
    /// No wait is longer than this, however many attempts failed.
    pub cap: Duration,
}

impl Backoff {
    /// The longest wait after `attempt` failed attempts: base, 2 base,
    /// 4 base, ..., never above the cap.
    pub fn ceiling(&self, attempt: u32) -> Duration {
        let doublings = attempt.saturating_sub(1).min(31);
        self.base.saturating_mul(1 << doublings).min(self.cap)
    }

    /// The wait itself: anywhere from zero up to the ceiling ("full jitter").
    /// `unit` is a random number in [0, 1).
    pub fn delay(&self, attempt: u32, unit: f64) -> Duration {
        self.ceiling(attempt).mul_f64(unit.clamp(0.0, 1.0))
    }

    /// `delay` with a random `unit`.
    pub fn jittered(&self, attempt: u32) -> Duration {
        self.delay(attempt, fastrand::f64())
    }
}
// ANCHOR_END: backoff

#[cfg(test)]
mod tests {
    use super::*;

    const BACKOFF: Backoff = Backoff {
        base: Duration::from_millis(100),
        cap: Duration::from_secs(1),
    };

    #[test]
    fn the_ceiling_doubles_then_stops_at_the_cap() {
        let ceilings: Vec<u128> = (1..=6).map(|n| BACKOFF.ceiling(n).as_millis()).collect();
        assert_eq!(ceilings, [100, 200, 400, 800, 1000, 1000]);
        assert_eq!(BACKOFF.ceiling(0), Duration::from_millis(100));
        assert_eq!(BACKOFF.ceiling(u32::MAX), Duration::from_secs(1));
    }

    #[test]
    fn the_wait_lies_between_zero_and_the_ceiling() {
        assert_eq!(BACKOFF.delay(3, 0.0), Duration::ZERO);
        assert_eq!(BACKOFF.delay(3, 0.5), Duration::from_millis(200));
        assert_eq!(BACKOFF.delay(3, 7.0), Duration::from_millis(400));
        for _ in 0..1000 {
            assert!(BACKOFF.jittered(4) <= BACKOFF.ceiling(4));
        }
    }
}
