//! Exercise: one page of users after a cursor, with SQLx. `page_after`
//! returns up to `limit` users whose id is greater than `after`, in id
//! order, and the cursor of the page after it: the last id on this page
//! when more users follow, `None` when this page is the last. One query,
//! whatever the page: ask for one row more than `limit` and let its
//! presence answer "is there more?".

use sqlx::PgPool;

#[derive(Debug)]
struct User {
    id: i64,
    name: String,
}

/// Up to `limit` users after id `after`, and the next page's cursor.
async fn page_after(
    db: &PgPool,
    after: i64,
    limit: i64,
) -> Result<(Vec<User>, Option<i64>), sqlx::Error> {
    // One query_as! into User: the users whose id is greater than `after`,
    // in id order, one more than `limit`; then cut the page to `limit` and
    // say whether a next page exists. As it is: every user, no cursor.
    let users = sqlx::query_as!(User, "SELECT id, name FROM users")
        .fetch_all(db)
        .await?;
    let _ = (after, limit);
    Ok((users, None))
}

/// On a database the service has migrated (DATABASE_URL): every page of
/// three, following the cursors to the end.
#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let db = PgPool::connect(&std::env::var("DATABASE_URL")?).await?;
    let mut after = 0;
    loop {
        let (users, next) = page_after(&db, after, 3).await?;
        let names: Vec<_> = users
            .iter()
            .map(|u| format!("{} {}", u.id, u.name))
            .collect();
        println!("after {after}: {}", names.join(", "));
        match next {
            Some(cursor) => after = cursor,
            None => break,
        }
    }
    Ok(())
}
