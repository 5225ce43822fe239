//! Exercise: what a failed job does next. Not every failure is worth a
//! retry: an email address the provider rejects stays rejected, while a
//! timeout may pass, and a provider that answers 429 with `Retry-After`
//! says exactly how long to wait. Decide, for the attempt that just failed:
//! a permanent failure is dead at once; out of attempts, dead too; a
//! transient one waits a full-jitter backoff (up to base, 2 base, 4 base…,
//! never above the cap); a `Retry-After` waits at least what it asks.

// ANCHOR: solution
use std::time::Duration;

/// Why an attempt failed, as the job's handler reports it.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// May pass: a timeout, a 503, a connection reset.
    Transient(String),
    /// The other side said when to come back (429 or 503 with Retry-After).
    RetryAfter(Duration),
    /// Trying again cannot help: an invalid address, a payload that does not parse.
    Permanent(String),
}

/// What becomes of the job.
#[derive(Debug, Clone, PartialEq)]
pub enum Next {
    RetryIn(Duration),
    /// Kept for a person to read, with why.
    Dead(String),
}

pub struct Policy {
    pub base: Duration,
    pub cap: Duration,
    pub max_attempts: u32,
}

/// `attempt` is the number of the attempt that failed, from 1; `unit` is a
/// random number in [0, 1), the jitter (a parameter, so tests can fix it).
pub fn next(policy: &Policy, attempt: u32, failure: &Failure, unit: f64) -> Next {
    let reason = match failure {
        Failure::Permanent(why) => return Next::Dead(format!("permanent: {why}")),
        Failure::Transient(why) => why.clone(),
        Failure::RetryAfter(wait) => format!("asked to retry after {} s", wait.as_secs()),
    };
    if attempt >= policy.max_attempts {
        return Next::Dead(format!("gave up after {attempt} attempts: {reason}"));
    }
    // base × 2^(attempt - 1), without overflow for any attempt, then capped.
    let doublings = attempt.saturating_sub(1).min(31);
    let ceiling = policy.base.saturating_mul(1 << doublings).min(policy.cap);
    let jittered = ceiling.mul_f64(unit.clamp(0.0, 1.0));
    match failure {
        // The cap bounds our own guesses, not the other side's answer.
        Failure::RetryAfter(wait) => Next::RetryIn(jittered.max(*wait)),
        _ => Next::RetryIn(jittered),
    }
}

fn main() {
    let policy = Policy {
        base: Duration::from_secs(1),
        cap: Duration::from_secs(60),
        max_attempts: 5,
    };
    let timeout = Failure::Transient("timed out".into());
    for attempt in 1..=5 {
        println!(
            "after attempt {attempt}: {:?}",
            next(&policy, attempt, &timeout, 0.5)
        );
    }
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: Policy = Policy {
        base: Duration::from_millis(100),
        cap: Duration::from_secs(1),
        max_attempts: 5,
    };

    fn transient() -> Failure {
        Failure::Transient("connection reset".into())
    }

    #[test]
    fn a_permanent_failure_is_dead_at_once() {
        let bad = Failure::Permanent("550 no such mailbox".into());
        assert_eq!(
            next(&POLICY, 1, &bad, 0.5),
            Next::Dead("permanent: 550 no such mailbox".into())
        );
    }

    #[test]
    fn the_wait_doubles_up_to_the_cap_with_full_jitter() {
        // unit 1.0 (as high as jitter goes) shows the ceiling itself.
        let ceilings: Vec<u128> = (1..=4)
            .map(|n| match next(&POLICY, n, &transient(), 1.0) {
                Next::RetryIn(wait) => wait.as_millis(),
                dead => panic!("attempt {n}: {dead:?}"),
            })
            .collect();
        assert_eq!(ceilings, [100, 200, 400, 800]);
        let many = Policy {
            max_attempts: u32::MAX,
            ..POLICY
        };
        assert_eq!(
            next(&many, 6, &transient(), 1.0),
            Next::RetryIn(Duration::from_secs(1))
        );
        assert_eq!(
            next(&many, 4000, &transient(), 1.0),
            Next::RetryIn(Duration::from_secs(1))
        );
        assert_eq!(
            next(&POLICY, 3, &transient(), 0.0),
            Next::RetryIn(Duration::ZERO)
        );
        assert_eq!(
            next(&POLICY, 3, &transient(), 0.25),
            Next::RetryIn(Duration::from_millis(100))
        );
    }

    #[test]
    fn the_last_attempt_gives_up_with_the_reason() {
        assert_eq!(
            next(&POLICY, 5, &transient(), 0.5),
            Next::Dead("gave up after 5 attempts: connection reset".into())
        );
        let wait = Failure::RetryAfter(Duration::from_secs(30));
        assert_eq!(
            next(&POLICY, 5, &wait, 0.5),
            Next::Dead("gave up after 5 attempts: asked to retry after 30 s".into())
        );
    }

    #[test]
    fn retry_after_is_a_floor_even_above_the_cap() {
        let wait = Failure::RetryAfter(Duration::from_secs(30));
        assert_eq!(
            next(&POLICY, 1, &wait, 0.9),
            Next::RetryIn(Duration::from_secs(30))
        );
        let short = Failure::RetryAfter(Duration::from_millis(10));
        assert_eq!(
            next(&POLICY, 3, &short, 0.5),
            Next::RetryIn(Duration::from_millis(200))
        );
    }
}
// ANCHOR_END: tests
