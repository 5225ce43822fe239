//! Exercise: pages of users newest first, where two users can share a
//! `created_at` (a bulk import, the same microsecond). `newest_page` returns
//! up to `limit` users ordered by `created_at` descending and, among equal
//! times, by `id` descending; `after` is the `(created_at, id)` of the last
//! user of the page before, `None` for the first page. Every user must
//! appear on exactly one page, in that order, however many share a time.

// ANCHOR: solution
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
    match after {
        None => {
            sqlx::query_as!(
                User,
                "SELECT id, name, created_at FROM users
                 ORDER BY created_at DESC, id DESC LIMIT $1",
                limit
            )
            .fetch_all(db)
            .await
        }
        // A row comparison: (a, b) < (x, y) means a < x, or a = x and
        // b < y. The id breaks ties, so no two rows share a position and
        // none is skipped or shown twice at a page's edge.
        Some((created_at, id)) => {
            sqlx::query_as!(
                User,
                "SELECT id, name, created_at FROM users
                 WHERE (created_at, id) < ($1, $2)
                 ORDER BY created_at DESC, id DESC LIMIT $3",
                created_at,
                id,
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use time::format_description::well_known::Rfc3339;

    fn at(text: &str) -> OffsetDateTime {
        OffsetDateTime::parse(text, &Rfc3339).unwrap()
    }

    /// Seven users, three of them created at 11:00 and two at 12:00; user 7
    /// was imported with an old time, so ids and times disagree.
    async fn users(db: &PgPool) {
        sqlx::query(
            "INSERT INTO users (id, name, email, created_at) OVERRIDING SYSTEM VALUE
             SELECT id, 'User ' || id, 'user' || id || '@example.com', at
             FROM (VALUES (1, timestamptz '2026-12-01T10:00:00Z'),
                          (2, '2026-12-01T11:00:00Z'), (3, '2026-12-01T11:00:00Z'),
                          (4, '2026-12-01T11:00:00Z'), (5, '2026-12-01T12:00:00Z'),
                          (6, '2026-12-01T12:00:00Z'), (7, '2026-12-01T10:00:00Z'))
                  AS seed (id, at)",
        )
        .execute(db)
        .await
        .unwrap();
    }

    async fn ids(db: &PgPool, after: Option<(&str, i64)>, limit: i64) -> Vec<i64> {
        let after = after.map(|(time, id)| (at(time), id));
        let page = newest_page(db, after, limit).await.unwrap();
        page.iter().map(|user| user.id).collect()
    }

    #[sqlx::test]
    async fn the_first_page_is_the_newest(db: PgPool) {
        users(&db).await;
        assert_eq!(ids(&db, None, 3).await, [6, 5, 4]);
    }

    /// The cursor sits between two users of the same time: the page goes
    /// on with the third of them, not with the next time.
    #[sqlx::test]
    async fn a_page_that_starts_inside_a_tie(db: PgPool) {
        users(&db).await;
        let after = Some(("2026-12-01T11:00:00Z", 4));
        assert_eq!(ids(&db, after, 3).await, [3, 2, 7]);
    }

    /// Older users with a higher id than the cursor's still come after it.
    #[sqlx::test]
    async fn the_time_orders_first_the_id_only_among_equals(db: PgPool) {
        users(&db).await;
        let after = Some(("2026-12-01T11:00:00Z", 2));
        assert_eq!(ids(&db, after, 3).await, [7, 1]);
    }

    #[sqlx::test]
    async fn following_the_cursors_shows_every_user_once_in_order(db: PgPool) {
        users(&db).await;
        for limit in 1..=4 {
            let mut seen = Vec::new();
            let mut after = None;
            loop {
                let page = newest_page(&db, after, limit).await.unwrap();
                let Some(last) = page.last() else { break };
                after = Some((last.created_at, last.id));
                seen.extend(page.iter().map(|user| user.id));
            }
            assert_eq!(seen, [6, 5, 4, 3, 2, 7, 1], "pages of {limit}");
        }
    }
}
// ANCHOR_END: tests
