//! Exercise: one page of users after a cursor, with SQLx. `page_after`
//! returns up to `limit` users whose id is greater than `after`, in id
//! order, and the cursor of the page after it: the last id on this page
//! when more users follow, `None` when this page is the last. One query,
//! whatever the page: ask for one row more than `limit` and let its
//! presence answer "is there more?".

// ANCHOR: solution
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
    // The primary key's index finds the first id past the cursor and reads
    // on in order: as cheap deep in the table as at its start.
    let mut users = sqlx::query_as!(
        User,
        "SELECT id, name FROM users WHERE id > $1 ORDER BY id LIMIT $2",
        after,
        limit + 1
    )
    .fetch_all(db)
    .await?;
    let more = users.len() as i64 > limit;
    users.truncate(limit as usize);
    let next = if more {
        users.last().map(|user| user.id)
    } else {
        None
    };
    Ok((users, next))
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    /// Users with these ids, named "User <id>", inserted in this order.
    async fn users_with_ids(db: &PgPool, ids: &[i64]) {
        for id in ids {
            sqlx::query(
                "INSERT INTO users (id, name, email) OVERRIDING SYSTEM VALUE
                 VALUES ($1, 'User ' || $1, 'user' || $1 || '@example.com')",
            )
            .bind(id)
            .execute(db)
            .await
            .unwrap();
        }
    }

    async fn ids_after(db: &PgPool, after: i64, limit: i64) -> (Vec<i64>, Option<i64>) {
        let (users, next) = page_after(db, after, limit).await.unwrap();
        (users.iter().map(|user| user.id).collect(), next)
    }

    #[sqlx::test]
    async fn the_first_page_starts_after_0(db: PgPool) {
        users_with_ids(&db, &[1, 2, 3, 4, 5]).await;
        assert_eq!(ids_after(&db, 0, 2).await, (vec![1, 2], Some(2)));
    }

    #[sqlx::test]
    async fn the_next_page_starts_after_the_cursor(db: PgPool) {
        users_with_ids(&db, &[1, 2, 3, 4, 5]).await;
        assert_eq!(ids_after(&db, 2, 2).await, (vec![3, 4], Some(4)));
        let (users, _) = page_after(&db, 2, 2).await.unwrap();
        assert_eq!(users[0].name, "User 3");
    }

    #[sqlx::test]
    async fn the_last_page_has_no_cursor(db: PgPool) {
        users_with_ids(&db, &[1, 2, 3, 4, 5]).await;
        assert_eq!(ids_after(&db, 4, 2).await, (vec![5], None));
    }

    /// Four users, pages of two: the second page is full and still the last.
    #[sqlx::test]
    async fn a_full_page_is_the_last_when_nothing_follows(db: PgPool) {
        users_with_ids(&db, &[1, 2, 3, 4]).await;
        assert_eq!(ids_after(&db, 2, 2).await, (vec![3, 4], None));
    }

    /// Rows come back in no particular order unless the query asks for one.
    #[sqlx::test]
    async fn pages_are_in_id_order_whatever_the_insertion_order(db: PgPool) {
        users_with_ids(&db, &[5, 1, 4, 2, 3]).await;
        assert_eq!(ids_after(&db, 0, 3).await, (vec![1, 2, 3], Some(3)));
        assert_eq!(ids_after(&db, 3, 3).await, (vec![4, 5], None));
    }

    /// A cursor is a value, not a position: deleted ids, and a cursor that
    /// is itself deleted, change nothing.
    #[sqlx::test]
    async fn gaps_in_the_ids_do_not_matter(db: PgPool) {
        users_with_ids(&db, &[2, 3, 7, 8, 10]).await;
        assert_eq!(ids_after(&db, 3, 2).await, (vec![7, 8], Some(8)));
        assert_eq!(ids_after(&db, 9, 2).await, (vec![10], None));
    }
}
// ANCHOR_END: tests
