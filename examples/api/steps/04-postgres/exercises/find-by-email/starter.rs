//! Exercise: find a user by email, whatever the case it is typed in. The
//! table is the step's (`migrations/`): the unique index `users_email_key`
//! is on `lower(email)`, so `ADA@example.com` and `ada@example.com` are one
//! user. Write `find_by_email` with `sqlx::query_as!`: `Some(user)` with the
//! email as it is stored, or `None` when no user has it.

use sqlx::PgPool;
use time::OffsetDateTime;

#[derive(Debug)]
struct User {
    id: i64,
    name: String,
    email: String,
    created_at: OffsetDateTime,
}

/// The user whose email is `email`, compared without regard to case.
async fn find_by_email(db: &PgPool, email: &str) -> Result<Option<User>, sqlx::Error> {
    // One query_as! into User: select the four columns, compare the emails
    // so that case does not count, and fetch zero or one row.
    let _ = db;
    todo!("find the user whose email is {email}, in any case")
}

/// On a database the service has migrated (DATABASE_URL), one look-up.
#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let db = PgPool::connect(&std::env::var("DATABASE_URL")?).await?;
    match find_by_email(&db, "ADA@example.com").await? {
        Some(user) => println!(
            "{} <{}>, id {}, since {}",
            user.name, user.email, user.id, user.created_at
        ),
        None => println!("no user has that email"),
    }
    Ok(())
}
