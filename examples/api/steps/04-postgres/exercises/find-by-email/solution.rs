//! Exercise: find a user by email, whatever the case it is typed in. The
//! table is the step's (`migrations/`): the unique index `users_email_key`
//! is on `lower(email)`, so `ADA@example.com` and `ada@example.com` are one
//! user. Write `find_by_email` with `sqlx::query_as!`: `Some(user)` with the
//! email as it is stored, or `None` when no user has it.

// ANCHOR: solution
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
    // lower() on both sides: the same expression as the unique index, so
    // PostgreSQL can answer from the index instead of reading every row.
    sqlx::query_as!(
        User,
        "SELECT id, name, email, created_at FROM users WHERE lower(email) = lower($1)",
        email
    )
    .fetch_optional(db)
    .await
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    /// Ada and Grace, ids 1 and 2, Grace's email stored with capitals.
    async fn two_users(db: &PgPool) {
        sqlx::query(
            "INSERT INTO users (name, email)
             VALUES ('Ada', 'ada@example.com'), ('Grace', 'Grace.Hopper@example.com')",
        )
        .execute(db)
        .await
        .unwrap();
    }

    #[sqlx::test]
    async fn finds_the_user_with_that_email(db: PgPool) {
        two_users(&db).await;
        let ada = find_by_email(&db, "ada@example.com").await.unwrap();
        let ada = ada.expect("ada@example.com is Ada's");
        assert_eq!((ada.id, ada.name.as_str()), (1, "Ada"));
    }

    #[sqlx::test]
    async fn any_case_finds_the_email_as_stored(db: PgPool) {
        two_users(&db).await;
        for typed in ["grace.hopper@example.com", "GRACE.HOPPER@EXAMPLE.COM"] {
            let grace = find_by_email(&db, typed).await.unwrap();
            let grace = grace.unwrap_or_else(|| panic!("{typed} is Grace's"));
            assert_eq!(
                (grace.id, grace.email.as_str()),
                (2, "Grace.Hopper@example.com")
            );
        }
    }

    #[sqlx::test]
    async fn an_unknown_email_is_none(db: PgPool) {
        two_users(&db).await;
        let nobody = find_by_email(&db, "linus@example.com").await.unwrap();
        assert!(nobody.is_none(), "{nobody:?}");
    }

    /// `%` and `_` are wildcards to LIKE, plain characters to `=`.
    #[sqlx::test]
    async fn the_email_is_compared_whole_not_as_a_pattern(db: PgPool) {
        two_users(&db).await;
        for pattern in ["%@example.com", "ada%", "_da@example.com"] {
            let found = find_by_email(&db, pattern).await.unwrap();
            assert!(found.is_none(), "{pattern} found {found:?}");
        }
    }
}
// ANCHOR_END: tests
