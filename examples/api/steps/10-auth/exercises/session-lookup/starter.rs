//! Exercise: the query behind `CurrentUser`. The tables are the step's
//! (`migrations/`): `sessions` keeps the SHA-256 of each token, the user it
//! belongs to and when it expires; `users` has each user's `role`. Write
//! `user_for_token` with `sqlx::query_as!`: the user and role of the session
//! the token names, or `None` when no session has it or it has expired.

use sha2::{Digest, Sha256};
use sqlx::PgPool;

#[derive(Debug, PartialEq)]
struct SessionUser {
    id: i64,
    role: String,
}

/// What the table stores in place of a token.
fn token_sha256(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// Whose live session `token` is, with their role: one query.
async fn user_for_token(db: &PgPool, token: &str) -> Result<Option<SessionUser>, sqlx::Error> {
    // One query_as! into SessionUser: join the session to its user, find
    // it by the hash of `token`, keep it only if it has not expired, and
    // fetch zero or one row.
    let _ = (db, token_sha256(token));
    todo!("whose live session is {token:?}?")
}

/// On a database the service has migrated (DATABASE_URL), one look-up.
#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let db = PgPool::connect(&std::env::var("DATABASE_URL")?).await?;
    let token = std::env::args().nth(1).unwrap_or_default();
    match user_for_token(&db, &token).await? {
        Some(user) => println!("user {} ({})", user.id, user.role),
        None => println!("no live session has that token"),
    }
    Ok(())
}
