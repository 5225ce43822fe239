//! The users table: each function is one SQL statement, written as a
//! runtime string (`query_as`, not the `query_as!` macro), so the crate
//! compiles with no database and no saved query data.

use serde::Serialize;
use sqlx::PgPool;
use time::OffsetDateTime;
use tokio_stream::Stream;

use crate::error::UserError;

// ANCHOR: user
/// A row of `users`, as both protocols send it: JSON for REST (below),
/// `pb::User` for gRPC (`From` in src/grpc.rs).
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct User {
    pub id: i64,
    pub name: String,
    pub email: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}
// ANCHOR_END: user

// ANCHOR: get
pub async fn get(db: &PgPool, id: i64) -> Result<User, UserError> {
    sqlx::query_as::<_, User>("SELECT id, name, email, created_at FROM users WHERE id = $1")
        .bind(id)
        .fetch_optional(db)
        .await?
        .ok_or(UserError::NotFound(id))
}
// ANCHOR_END: get

// ANCHOR: create
/// Inserts a user whose name and email were already validated. The unique
/// index on lower(email) is the only judge of "taken": a check before the
/// insert would race with another insert of the same address.
pub async fn create(db: &PgPool, name: &str, email: &str) -> Result<User, UserError> {
    sqlx::query_as::<_, User>(
        "INSERT INTO users (name, email) VALUES ($1, $2)
         RETURNING id, name, email, created_at",
    )
    .bind(name)
    .bind(email)
    .fetch_one(db)
    .await
    .map_err(|error| match &error {
        sqlx::Error::Database(db) if db.constraint() == Some("users_email_key") => {
            UserError::EmailTaken
        }
        _ => UserError::Database(error),
    })
}
// ANCHOR_END: create

// ANCHOR: list
/// Users in id order, as a stream of rows: each one is handed on as
/// PostgreSQL sends it, so the first reaches the client before the last
/// is read, and memory holds one row, not the whole answer.
pub fn list(db: &PgPool, limit: i64) -> impl Stream<Item = Result<User, sqlx::Error>> + Send + '_ {
    sqlx::query_as::<_, User>("SELECT id, name, email, created_at FROM users ORDER BY id LIMIT $1")
        .bind(limit)
        .fetch(db)
}
// ANCHOR_END: list
