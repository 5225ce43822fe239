//! Exercise: pages of users newest first, where two users can share a
//! `created_at` (a bulk import, the same microsecond). `newest_page` returns
//! up to `limit` users ordered by `created_at` descending and, among equal
//! times, by `id` descending; `after` is the `(created_at, id)` of the last
//! user of the page before, `None` for the first page. Every user must
//! appear on exactly one page, in that order, however many share a time.

use sqlx::PgPool;
use time::OffsetDateTime;

#[derive(Debug)]
struct User {
    id: i64,
    name: String,
    created_at: OffsetDateTime,
}

/// Up to `limit` users, newest first, after the cursor `(created_at, id)`.
async fn newest_page(
    db: &PgPool,
    after: Option<(OffsetDateTime, i64)>,
    limit: i64,
) -> Result<Vec<User>, sqlx::Error> {
    // Newest first, the id breaking ties, and after the cursor when there
    // is one. As it is: ordered by time alone, and the cursor's id unused,
    // so users who share a time come in any order and a page boundary
    // between them loses some.
    match after {
        None => {
            sqlx::query_as!(
                User,
                "SELECT id, name, created_at FROM users ORDER BY created_at DESC LIMIT $1",
                limit
            )
            .fetch_all(db)
            .await
        }
        Some((created_at, _id)) => {
            sqlx::query_as!(
                User,
                "SELECT id, name, created_at FROM users
                 WHERE created_at < $1 ORDER BY created_at DESC LIMIT $2",
                created_at,
                limit
            )
            .fetch_all(db)
            .await
        }
    }
}

/// On a database the service has migrated (DATABASE_URL): every page of
/// three, newest first.
#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let db = PgPool::connect(&std::env::var("DATABASE_URL")?).await?;
    let mut after = None;
    loop {
        let users = newest_page(&db, after, 3).await?;
        let Some(last) = users.last() else { break };
        after = Some((last.created_at, last.id));
        for user in &users {
            println!("{} {} {}", user.created_at, user.id, user.name);
        }
        println!("--");
    }
    Ok(())
}
