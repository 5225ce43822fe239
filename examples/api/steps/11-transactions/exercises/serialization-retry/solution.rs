//! Exercise: run a transaction again when PostgreSQL refuses to serialize
//! it. `with_retries` calls `transaction` (which begins, runs and commits
//! one whole transaction) until it succeeds, at most `attempts` times. It
//! retries only a serialization failure, SQLSTATE 40001, pausing 5 ms
//! before the second attempt and twice as long before each one after;
//! any other error, and the error of the last attempt, is returned as it
//! is.

// ANCHOR: solution
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
    let mut pause = Duration::from_millis(5);
    let mut attempt = 1;
    loop {
        match transaction().await {
            // Only this code means "the same work may succeed now": the
            // other transaction has committed, and a new snapshot sees it.
            Err(error)
                if attempt < attempts && error.code.as_deref() == Some(SERIALIZATION_FAILURE) =>
            {
                tokio::time::sleep(pause).await;
                pause *= 2;
                attempt += 1;
            }
            result => return result,
        }
    }
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;
    use std::time::Instant;

    fn failure(code: &str) -> DbError {
        DbError {
            code: Some(code.to_string()),
        }
    }

    /// Runs `with_retries(attempts, …)` over a fake transaction that
    /// fails with `errors` in turn, then succeeds with 42; the result and
    /// how many times the transaction ran.
    async fn run(attempts: u32, errors: Vec<DbError>) -> (Result<i32, DbError>, usize) {
        let calls = Cell::new(0);
        let result = with_retries(attempts, || {
            let call = calls.get();
            calls.set(call + 1);
            let outcome = errors.get(call).cloned().map_or(Ok(42), Err);
            async move { outcome }
        })
        .await;
        (result, calls.get())
    }

    #[tokio::test]
    async fn a_transaction_that_commits_runs_once() {
        assert_eq!(run(3, vec![]).await, (Ok(42), 1));
    }

    #[tokio::test]
    async fn serialization_failures_are_retried_until_it_commits() {
        let errors = vec![failure("40001"), failure("40001")];
        assert_eq!(run(3, errors).await, (Ok(42), 3));
    }

    #[tokio::test]
    async fn other_errors_are_returned_at_once() {
        // 23505: a unique violation. Running it again would fail again.
        let (result, calls) = run(3, vec![failure("23505")]).await;
        assert_eq!((result, calls), (Err(failure("23505")), 1));
    }

    #[tokio::test]
    async fn an_error_without_a_code_is_not_retried() {
        let lost = DbError { code: None };
        assert_eq!(run(3, vec![lost.clone()]).await, (Err(lost), 1));
    }

    #[tokio::test]
    async fn the_last_attempts_error_is_returned() {
        let errors = vec![failure("40001"); 10];
        assert_eq!(run(4, errors).await, (Err(failure("40001")), 4));
    }

    #[tokio::test]
    async fn one_attempt_means_no_retry() {
        let errors = vec![failure("40001")];
        assert_eq!(run(1, errors).await, (Err(failure("40001")), 1));
    }

    #[tokio::test]
    async fn the_pause_doubles_from_5_ms() {
        // Four attempts: pauses of 5, 10 and 20 ms between them, 35 ms in
        // all. A pause that stays at 5 ms would take 15.
        let start = Instant::now();
        let (result, calls) = run(4, vec![failure("40001"); 3]).await;
        assert_eq!((result, calls), (Ok(42), 4));
        let waited = start.elapsed();
        assert!(waited >= Duration::from_millis(35), "waited {waited:?}");
    }
}
// ANCHOR_END: tests
