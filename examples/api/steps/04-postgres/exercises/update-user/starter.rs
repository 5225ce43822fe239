//! Exercise: change some of a user's fields in one statement. The table is
//! the step's (`migrations/`). `update_user` sets the fields given as
//! `Some`, keeps the others, and returns the user as stored afterwards;
//! `Ok(None)` when no user has the id. Write it with one `sqlx::query_as!`
//! (an UPDATE … RETURNING) and `fetch_optional`. A taken email is the
//! database's to refuse: return its error, which names `users_email_key`.

use sqlx::PgPool;
use time::OffsetDateTime;

#[derive(Debug, PartialEq)]
struct User {
    id: i64,
    name: String,
    email: String,
    created_at: OffsetDateTime,
}

/// Sets `name` and `email` where given; `None` when no user has `id`.
async fn update_user(
    db: &PgPool,
    id: i64,
    name: Option<&str>,
    email: Option<&str>,
) -> Result<Option<User>, sqlx::Error> {
    // One UPDATE that keeps a column's value when its argument is None,
    // and RETURNING the four columns of the row it changed.
    let _ = db;
    todo!("update user {id}: name {name:?}, email {email:?}")
}

/// On a database the service has migrated (DATABASE_URL), one rename.
#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let db = PgPool::connect(&std::env::var("DATABASE_URL")?).await?;
    println!("{:?}", update_user(&db, 1, Some("Ada King"), None).await?);
    Ok(())
}
