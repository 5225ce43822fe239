//! Sample data: users with welcome jobs, for the tests and the latency
//! example.

use sqlx::PgPool;

/// `users` users (user1@example.com …), each with `jobs` welcome jobs in
/// the workers lesson's format, in two statements.
pub async fn seed(db: &PgPool, users: i64, jobs: i64) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO users (name, email)
         SELECT 'User ' || n, 'user' || n || '@example.com' FROM generate_series(1, $1) AS n",
    )
    .bind(users)
    .execute(db)
    .await?;
    sqlx::query(
        "INSERT INTO jobs (kind, payload, user_id, state)
         SELECT 'welcome_email', jsonb_build_object('email', u.email), u.id,
                CASE WHEN n = 1 THEN 'done' ELSE 'queued' END
         FROM users AS u, generate_series(1, $1) AS n
         ORDER BY u.id, n",
    )
    .bind(jobs)
    .execute(db)
    .await?;
    Ok(())
}
