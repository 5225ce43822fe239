//! Exercise: change some of a user's fields in one statement. The table is
//! the step's (`migrations/`). `update_user` sets the fields given as
//! `Some`, keeps the others, and returns the user as stored afterwards;
//! `Ok(None)` when no user has the id. Write it with one `sqlx::query_as!`
//! (an UPDATE … RETURNING) and `fetch_optional`. A taken email is the
//! database's to refuse: return its error, which names `users_email_key`.

// ANCHOR: solution
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
    // A `None` is sent as NULL, and COALESCE(NULL, name) is the stored name:
    // one statement, whichever fields are given. No row matched, no row
    // returned: fetch_optional makes that None.
    sqlx::query_as!(
        User,
        "UPDATE users SET name = COALESCE($2, name), email = COALESCE($3, email)
         WHERE id = $1
         RETURNING id, name, email, created_at",
        id,
        name,
        email
    )
    .fetch_optional(db)
    .await
}

/// On a database the service has migrated (DATABASE_URL), one rename.
#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let db = PgPool::connect(&std::env::var("DATABASE_URL")?).await?;
    println!("{:?}", update_user(&db, 1, Some("Ada King"), None).await?);
    Ok(())
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    /// Ada and Grace, ids 1 and 2.
    async fn two_users(db: &PgPool) {
        sqlx::query(
            "INSERT INTO users (name, email)
             VALUES ('Ada', 'ada@example.com'), ('Grace', 'grace@example.com')",
        )
        .execute(db)
        .await
        .unwrap();
    }

    /// The user as the table holds it now, read without `update_user`.
    async fn stored(db: &PgPool, id: i64) -> (String, String) {
        sqlx::query_as("SELECT name, email FROM users WHERE id = $1")
            .bind(id)
            .fetch_one(db)
            .await
            .unwrap()
    }

    #[sqlx::test]
    async fn a_name_alone_changes_the_name_only(db: PgPool) {
        two_users(&db).await;
        let ada = update_user(&db, 1, Some("Ada King"), None).await.unwrap();
        let ada = ada.expect("user 1 exists");
        assert_eq!(
            (ada.id, ada.name.as_str(), ada.email.as_str()),
            (1, "Ada King", "ada@example.com")
        );
        assert_eq!(
            stored(&db, 1).await,
            ("Ada King".into(), "ada@example.com".into())
        );
    }

    #[sqlx::test]
    async fn an_email_alone_changes_the_email_only(db: PgPool) {
        two_users(&db).await;
        let ada = update_user(&db, 1, None, Some("ada@king.example"))
            .await
            .unwrap();
        assert_eq!(ada.map(|u| u.name), Some("Ada".to_string()));
        assert_eq!(
            stored(&db, 1).await,
            ("Ada".into(), "ada@king.example".into())
        );
    }

    #[sqlx::test]
    async fn no_field_changes_nothing_and_returns_the_user(db: PgPool) {
        two_users(&db).await;
        let ada = update_user(&db, 1, None, None).await.unwrap();
        let ada = ada.expect("user 1 exists");
        assert_eq!(
            (ada.name.as_str(), ada.email.as_str()),
            ("Ada", "ada@example.com")
        );
    }

    #[sqlx::test]
    async fn only_that_user_changes(db: PgPool) {
        two_users(&db).await;
        update_user(&db, 1, Some("Ada King"), None).await.unwrap();
        assert_eq!(
            stored(&db, 2).await,
            ("Grace".into(), "grace@example.com".into())
        );
    }

    #[sqlx::test]
    async fn an_unknown_id_is_none(db: PgPool) {
        two_users(&db).await;
        let nobody = update_user(&db, 42, Some("Nobody"), None).await.unwrap();
        assert_eq!(nobody, None);
    }

    /// The unique index on lower(email) refuses the row; the caller (the
    /// handler) turns that error into a 409.
    #[sqlx::test]
    async fn a_taken_email_is_the_unique_index_error(db: PgPool) {
        two_users(&db).await;
        let error = update_user(&db, 2, None, Some("ADA@example.com"))
            .await
            .unwrap_err();
        let constraint = error.as_database_error().and_then(|e| e.constraint());
        assert_eq!(constraint, Some("users_email_key"), "{error}");
        assert_eq!(
            stored(&db, 2).await,
            ("Grace".into(), "grace@example.com".into())
        );
    }
}
// ANCHOR_END: tests
