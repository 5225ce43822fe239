//! Exercise: call a flaky backend with a deadline per attempt, and retry
//! with a backoff that doubles, up to a number of attempts.

// ANCHOR: solution
use std::time::Duration;

/// Why one attempt failed.
#[derive(Debug, PartialEq)]
enum AttemptError {
    /// No answer within the deadline.
    TimedOut,
    /// The backend answered with an error.
    Failed(String),
}

/// Every attempt failed: how many there were, and why the last one failed.
#[derive(Debug, PartialEq)]
struct GaveUp {
    attempts: u32,
    last: AttemptError,
}

/// How hard to try.
struct Policy {
    attempts: u32,
    deadline: Duration,
    first_backoff: Duration,
}

/// Calls `call(1)`, `call(2)`… until one returns `Ok` within the deadline,
/// or `policy.attempts` have failed. Waits `first_backoff` before the second
/// attempt, and twice as long before each attempt after that.
async fn retry<T, F, Fut>(policy: &Policy, mut call: F) -> Result<T, GaveUp>
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = Result<T, String>>,
{
    let mut backoff = policy.first_backoff;
    let mut attempt = 1;
    loop {
        let error = match tokio::time::timeout(policy.deadline, call(attempt)).await {
            Ok(Ok(value)) => return Ok(value),
            Ok(Err(message)) => AttemptError::Failed(message),
            Err(_elapsed) => AttemptError::TimedOut,
        };
        if attempt >= policy.attempts {
            return Err(GaveUp {
                attempts: attempt,
                last: error,
            });
        }
        tokio::time::sleep(backoff).await;
        backoff *= 2;
        attempt += 1;
    }
}

#[tokio::main]
async fn main() {
    let policy = Policy {
        attempts: 4,
        deadline: Duration::from_millis(50),
        first_backoff: Duration::from_millis(10),
    };
    let answer = retry(&policy, |attempt| async move {
        println!("attempt {attempt}");
        if attempt < 3 {
            Err(format!("503 on attempt {attempt}"))
        } else {
            Ok("200 OK")
        }
    })
    .await;
    println!("{answer:?}");
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};
    use std::time::Instant;

    fn policy(attempts: u32) -> Policy {
        Policy {
            attempts,
            deadline: Duration::from_millis(40),
            first_backoff: Duration::from_millis(10),
        }
    }

    #[tokio::test]
    async fn the_first_success_is_returned() {
        let answer = retry(&policy(5), |attempt| async move {
            if attempt < 3 {
                Err(format!("503 on attempt {attempt}"))
            } else {
                Ok(attempt)
            }
        })
        .await;
        assert_eq!(answer, Ok(3), "attempts 1 and 2 fail, attempt 3 succeeds");
    }

    #[tokio::test]
    async fn it_gives_up_with_the_last_error() {
        let answer: Result<(), GaveUp> = retry(&policy(3), |attempt| async move {
            Err(format!("503 on attempt {attempt}"))
        })
        .await;
        let expected = GaveUp {
            attempts: 3,
            last: AttemptError::Failed("503 on attempt 3".to_string()),
        };
        assert_eq!(answer, Err(expected), "3 attempts, all failed");
    }

    #[tokio::test]
    async fn an_attempt_that_hangs_times_out() {
        let start = Instant::now();
        let answer: Result<(), GaveUp> = retry(&policy(2), |_| async {
            tokio::time::sleep(Duration::from_secs(10)).await;
            Ok(())
        })
        .await;
        let expected = GaveUp {
            attempts: 2,
            last: AttemptError::TimedOut,
        };
        assert_eq!(
            answer,
            Err(expected),
            "each attempt should stop after 40 ms"
        );
        let took = start.elapsed();
        assert!(
            took < Duration::from_secs(1),
            "two attempts of 40 ms and a 10 ms backoff took {took:?}"
        );
    }

    #[tokio::test]
    async fn the_backoff_doubles() {
        let started: Arc<Mutex<Vec<Instant>>> = Arc::default();
        let log = Arc::clone(&started);
        let answer: Result<(), GaveUp> = retry(&policy(4), move |_| {
            log.lock().unwrap().push(Instant::now());
            async { Err("503".to_string()) }
        })
        .await;
        assert!(answer.is_err());
        let started = started.lock().unwrap();
        assert_eq!(started.len(), 4, "4 attempts should have started");
        for (i, wanted) in [10, 20, 40].into_iter().enumerate() {
            let gap = started[i + 1] - started[i];
            assert!(
                gap >= Duration::from_millis(wanted),
                "between attempts {} and {} the wait should be at least {wanted} ms, was {gap:?}",
                i + 1,
                i + 2
            );
        }
    }

    #[tokio::test]
    async fn one_attempt_means_no_retry() {
        let answer: Result<(), GaveUp> =
            retry(&policy(1), |_| async { Err("503".to_string()) }).await;
        assert_eq!(
            answer,
            Err(GaveUp {
                attempts: 1,
                last: AttemptError::Failed("503".to_string()),
            })
        );
    }
}
// ANCHOR_END: tests
