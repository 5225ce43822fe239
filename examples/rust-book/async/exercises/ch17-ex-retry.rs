//! Exercise: call a flaky backend with a deadline per attempt, and retry
//! with a backoff that doubles, up to a number of attempts.

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
    // TODO: call `call(attempt)` under tokio::time::timeout, turn each
    // failure into an AttemptError, and sleep the backoff between attempts.
    todo!()
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
