// ANCHOR: solution
/// A fixed-window rate limiter: at most `limit` requests per window.
/// Time is cut into windows of `window_secs` seconds (0..60, 60..120, ...
/// for a 60-second window), and each window has its own count.
#[derive(Debug)]
struct RateLimiter {
    limit: u32,
    window_secs: u64,
    /// Which window the count belongs to: `now / window_secs`.
    window: u64,
    used: u32,
}

impl RateLimiter {
    fn new(limit: u32, window_secs: u64) -> Self {
        RateLimiter {
            limit,
            // A zero-length window would divide by zero below.
            window_secs: window_secs.max(1),
            window: 0,
            used: 0,
        }
    }

    /// Counts one request made at `now` (in seconds) and says whether it
    /// may go through. A rejected request does not use up the budget.
    fn allow(&mut self, now: u64) -> bool {
        let window = now / self.window_secs;
        if window != self.window {
            self.window = window;
            self.used = 0;
        }
        if self.used < self.limit {
            self.used += 1;
            true
        } else {
            false
        }
    }

    /// Requests still allowed in the current window.
    fn remaining(&self) -> u32 {
        self.limit - self.used
    }
}

fn main() {
    let mut limiter = RateLimiter::new(2, 60);
    for now in [0, 10, 20, 61] {
        let verdict = if limiter.allow(now) { "allowed" } else { "429" };
        println!("t={now:>2}s {verdict}, {} left", limiter.remaining());
    }
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_up_to_the_limit_are_allowed() {
        let mut limiter = RateLimiter::new(3, 60);
        for now in [0, 1, 2] {
            assert!(
                limiter.allow(now),
                "request at t={now} is within the limit of 3"
            );
        }
    }

    #[test]
    fn requests_over_the_limit_in_the_same_window_are_rejected() {
        let mut limiter = RateLimiter::new(2, 60);
        assert!(limiter.allow(0));
        assert!(limiter.allow(30));
        assert!(
            !limiter.allow(59),
            "a third request in the window 0..60 must be rejected"
        );
        assert!(
            !limiter.allow(59),
            "rejected requests must not reset the count"
        );
    }

    #[test]
    fn a_new_window_starts_with_a_fresh_count() {
        let mut limiter = RateLimiter::new(1, 60);
        assert!(limiter.allow(59));
        assert!(!limiter.allow(59));
        assert!(
            limiter.allow(60),
            "t=60 is in the next window, which starts at zero"
        );
        assert!(limiter.allow(185), "t=185 is in the window 180..240");
    }

    #[test]
    fn remaining_counts_down_and_stops_at_zero() {
        let mut limiter = RateLimiter::new(2, 10);
        assert_eq!(limiter.remaining(), 2, "a new limiter has its whole budget");
        limiter.allow(0);
        assert_eq!(limiter.remaining(), 1);
        limiter.allow(1);
        limiter.allow(2);
        assert_eq!(
            limiter.remaining(),
            0,
            "a rejected request must not go below zero"
        );
    }
}
// ANCHOR_END: tests
