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
        // TODO: build a limiter for window 0 with nothing used yet.
        todo!()
    }

    /// Counts one request made at `now` (in seconds) and says whether it
    /// may go through. A rejected request does not use up the budget.
    fn allow(&mut self, now: u64) -> bool {
        // TODO: if `now` falls in another window than `self.window`, switch
        // to it and reset the count; then allow the request if the budget
        // is not used up.
        todo!()
    }

    /// Requests still allowed in the current window.
    fn remaining(&self) -> u32 {
        // TODO
        todo!()
    }
}

fn main() {
    let mut limiter = RateLimiter::new(2, 60);
    for now in [0, 10, 20, 61] {
        let verdict = if limiter.allow(now) { "allowed" } else { "429" };
        println!("t={now:>2}s {verdict}, {} left", limiter.remaining());
    }
}
