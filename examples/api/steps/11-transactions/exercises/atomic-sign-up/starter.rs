//! Exercise: sign a user up all or nothing. `sign_up` stores the user in
//! `users` and the password hash in `credentials` (the step's tables,
//! `migrations/`) and returns the new id. As written it runs the two
//! INSERTs as two separate statements, so when the second fails the first
//! stays: a user who can never sign in. Make both one transaction with
//! `db.begin()`, so a failure of either leaves no row at all.

use sqlx::PgPool;

/// Stores a user and their password hash; the new user's id.
async fn sign_up(
    db: &PgPool,
    name: &str,
    email: &str,
    password_hash: &str,
) -> Result<i64, sqlx::Error> {
    // Two statements, each committed on its own as soon as it has run:
    // when the second fails, the first has already happened.
    let id = sqlx::query_scalar!(
        "INSERT INTO users (name, email) VALUES ($1, $2) RETURNING id",
        name,
        email
    )
    .fetch_one(db)
    .await?;
    sqlx::query!(
        "INSERT INTO credentials (user_id, password_hash) VALUES ($1, $2)",
        id,
        password_hash
    )
    .execute(db)
    .await?;
    Ok(id)
}

/// On a database the service has migrated (DATABASE_URL), one sign-up.
#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let db = PgPool::connect(&std::env::var("DATABASE_URL")?).await?;
    let id = sign_up(&db, "Ada", "ada@example.com", "not-a-real-hash").await?;
    println!("signed up user {id}");
    Ok(())
}
