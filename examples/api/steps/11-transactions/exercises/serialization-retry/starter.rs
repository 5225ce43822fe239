//! Exercise: run a transaction again when PostgreSQL refuses to serialize
//! it. `with_retries` calls `transaction` (which begins, runs and commits
//! one whole transaction) until it succeeds, at most `attempts` times. It
//! retries only a serialization failure, SQLSTATE 40001, pausing 5 ms
//! before the second attempt and twice as long before each one after;
//! any other error, and the error of the last attempt, is returned as it
//! is.

use std::time::Duration;

/// A failed transaction, reduced to what decides a retry: the SQLSTATE
/// code PostgreSQL sent (with SQLx, `error.as_database_error()` then
/// `.code()`), or `None` for a failure without one, like a lost connection.
#[derive(Debug, Clone, PartialEq)]
struct DbError {
    code: Option<String>,
}

/// PostgreSQL's code for "could not serialize access …".
const SERIALIZATION_FAILURE: &str = "40001";

/// Runs `transaction` until it succeeds or fails for another reason, at
/// most `attempts` times (at least once).
async fn with_retries<T, F, Fut>(attempts: u32, mut transaction: F) -> Result<T, DbError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, DbError>>,
{
    // As it is, one attempt whatever happens: retry serialization
    // failures, with a pause before each new attempt.
    let _ = (attempts, Duration::from_millis(5));
    transaction().await
}

#[tokio::main]
async fn main() {
    // A transaction that loses to another one twice, then commits.
    let mut conflicts = 2;
    let result = with_retries(5, || {
        let conflict = conflicts > 0;
        conflicts -= 1;
        async move {
            if conflict {
                Err(DbError {
                    code: Some(SERIALIZATION_FAILURE.to_string()),
                })
            } else {
                Ok("committed")
            }
        }
    })
    .await;
    println!("{result:?}");
}
