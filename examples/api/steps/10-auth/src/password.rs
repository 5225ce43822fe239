//! Passwords are stored as Argon2id hashes, never as sent. A hash is slow on
//! purpose (tens of milliseconds of CPU and 19 MiB of memory with the
//! default parameters), so that guessing passwords from a stolen table is
//! slow too; and a function that computes for that long must not run on
//! the threads that serve requests.

use std::sync::Arc;
use std::time::Duration;

use argon2::password_hash::Error as HashError;
use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::error::ApiError;

// ANCHOR: permits
/// The cap on hashes in progress. Each holds a core and 19 MiB for tens of
/// milliseconds, and the blocking pool would run up to 512 of them side by
/// side: a burst of sign-ups could ask for gigabytes and queue every request
/// behind them. A clone shares the same permits.
#[derive(Clone, Debug)]
pub struct HashPermits {
    semaphore: Arc<Semaphore>,
    /// How long a request waits for a permit before it is answered 503.
    wait: Duration,
}

impl HashPermits {
    pub fn new(permits: usize, wait: Duration) -> Self {
        HashPermits {
            semaphore: Arc::new(Semaphore::new(permits)),
            wait,
        }
    }

    /// A permit, given back when the value is dropped; `ApiError::Busy`
    /// when none is free within the wait. Waiting takes no thread: the
    /// request's task is parked at the `.await`.
    pub async fn acquire(&self) -> Result<OwnedSemaphorePermit, ApiError> {
        let permit = self.semaphore.clone().acquire_owned();
        match tokio::time::timeout(self.wait, permit).await {
            Ok(Ok(permit)) => Ok(permit),
            // Only `close()` makes this fail, and nothing calls it.
            Ok(Err(closed)) => Err(ApiError::Internal(format!("hash permits: {closed}"))),
            Err(_) => Err(ApiError::Busy),
        }
    }
}
// ANCHOR_END: permits

// ANCHOR: hash
/// The PHC string of `password`: algorithm, parameters, a fresh random
/// salt and the hash, as in `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`.
/// What verifies a password later reads its parameters from the string.
pub async fn hash(
    argon2: Argon2<'static>,
    permits: &HashPermits,
    password: String,
) -> Result<String, ApiError> {
    // Before any work: at most as many hashes run as there are permits.
    let permit = permits.acquire().await?;
    // The closure owns what it uses: it runs on another thread.
    let work = move || {
        // The work holds the permit, not the request: a client that goes
        // away does not stop a hash, so its permit stays taken until the
        // hash is done.
        let _permit = permit;
        argon2
            .hash_password(password.as_bytes())
            .map(|hash| hash.to_string())
            .map_err(|error| ApiError::Internal(format!("hashing a password: {error}")))
    };
    if cfg!(feature = "inline-hash") {
        // Built only to be measured: the hash runs here, on the worker
        // thread that polls this handler, and blocks it until it is done.
        work()
    } else {
        // On Tokio's blocking pool. This task waits at the `.await`, and its
        // worker thread serves other requests meanwhile.
        tokio::task::spawn_blocking(work)
            .await
            .map_err(|error| ApiError::Internal(format!("the hashing task failed: {error}")))?
    }
}
// ANCHOR_END: hash

// ANCHOR: dummy_hash
/// A PHC string made with `argon2`'s parameters, for sign-in to check an
/// unknown email's password against: the work, and the cost, of checking a
/// user's. Made once, when the router is built: the one hash that runs
/// outside the blocking pool, before the service answers anything.
pub fn dummy_hash(argon2: &Argon2<'static>) -> String {
    argon2
        .hash_password(b"a password no account has")
        .expect("the operating system's random source failed")
        .to_string()
}
// ANCHOR_END: dummy_hash

// ANCHOR: verify
/// Whether `password` is the one `stored` (a PHC string) was made from.
/// Checking computes the hash again, with the salt and parameters the
/// string names, so it is exactly as slow as `hash` and runs on the
/// blocking pool too.
pub async fn verify(
    argon2: Argon2<'static>,
    permits: &HashPermits,
    password: String,
    stored: String,
) -> Result<bool, ApiError> {
    // The same permits as `hash`: a check costs as much.
    let permit = permits.acquire().await?;
    let work = move || {
        let _permit = permit;
        match argon2.verify_password(password.as_bytes(), stored.as_str()) {
            Ok(()) => Ok(true),
            Err(HashError::PasswordInvalid) => Ok(false),
            // A stored string that is no PHC hash: our fault, not the client's.
            Err(error) => Err(ApiError::Internal(format!("checking a password: {error}"))),
        }
    };
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|error| ApiError::Internal(format!("the checking task failed: {error}")))?
}
// ANCHOR_END: verify
