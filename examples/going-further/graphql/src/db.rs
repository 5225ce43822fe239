//! The SQL, one function per statement. The resolvers and the loaders call
//! these; nothing else in the crate talks to PostgreSQL.

use sqlx::PgPool;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UserRow {
    pub id: i64,
    pub name: String,
    pub email: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct JobRow {
    pub id: i64,
    pub user_id: Option<i64>,
    pub kind: String,
    pub state: String,
    pub attempts: i32,
}

/// How many jobs `User.jobs` returns at most, newest first. A bound the
/// complexity limit can count on (src/schema.rs).
pub const JOBS_PER_USER: i64 = 20;

pub async fn user(db: &PgPool, id: i64) -> sqlx::Result<Option<UserRow>> {
    sqlx::query_as("SELECT id, name, email FROM users WHERE id = $1")
        .bind(id)
        .fetch_optional(db)
        .await
}

// ANCHOR: users_after
/// One page of users in id order, after the cursor's id (keyset
/// pagination: the primary key's index finds the start, however deep the
/// page).
pub async fn users_after(
    db: &PgPool,
    after: Option<i64>,
    limit: i64,
) -> sqlx::Result<Vec<UserRow>> {
    sqlx::query_as("SELECT id, name, email FROM users WHERE id > $1 ORDER BY id LIMIT $2")
        .bind(after.unwrap_or(0))
        .bind(limit)
        .fetch_all(db)
        .await
}
// ANCHOR_END: users_after

pub async fn users_by_ids(db: &PgPool, ids: &[i64]) -> sqlx::Result<Vec<UserRow>> {
    sqlx::query_as("SELECT id, name, email FROM users WHERE id = ANY($1)")
        .bind(ids)
        .fetch_all(db)
        .await
}

pub async fn insert_user(db: &PgPool, name: &str, email: &str) -> sqlx::Result<UserRow> {
    sqlx::query_as("INSERT INTO users (name, email) VALUES ($1, $2) RETURNING id, name, email")
        .bind(name)
        .bind(email)
        .fetch_one(db)
        .await
}

// ANCHOR: jobs_of_user
/// One user's jobs: the statement the naive resolver runs once per user.
pub async fn jobs_of_user(db: &PgPool, user_id: i64) -> sqlx::Result<Vec<JobRow>> {
    sqlx::query_as(
        "SELECT id, user_id, kind, state, attempts FROM jobs
         WHERE user_id = $1 ORDER BY id DESC LIMIT $2",
    )
    .bind(user_id)
    .bind(JOBS_PER_USER)
    .fetch_all(db)
    .await
}
// ANCHOR_END: jobs_of_user

// ANCHOR: jobs_of_users
/// Many users' jobs in one statement, the same newest 20 of each: for each
/// id in the array, a LATERAL subquery reads that user's jobs through the
/// (user_id, id) index.
pub async fn jobs_of_users(db: &PgPool, user_ids: &[i64]) -> sqlx::Result<Vec<JobRow>> {
    sqlx::query_as(
        "SELECT j.id, j.user_id, j.kind, j.state, j.attempts
         FROM unnest($1::bigint[]) AS u(id)
         CROSS JOIN LATERAL (
             SELECT id, user_id, kind, state, attempts FROM jobs
             WHERE user_id = u.id ORDER BY id DESC LIMIT $2
         ) AS j",
    )
    .bind(user_ids)
    .bind(JOBS_PER_USER)
    .fetch_all(db)
    .await
}
// ANCHOR_END: jobs_of_users
