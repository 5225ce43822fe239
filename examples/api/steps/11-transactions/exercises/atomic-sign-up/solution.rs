//! Exercise: sign a user up all or nothing. `sign_up` stores the user in
//! `users` and the password hash in `credentials` (the step's tables,
//! `migrations/`) and returns the new id. As written it runs the two
//! INSERTs as two separate statements, so when the second fails the first
//! stays: a user who can never sign in. Make both one transaction with
//! `db.begin()`, so a failure of either leaves no row at all.

// ANCHOR: solution
use sqlx::PgPool;

/// Stores a user and their password hash; the new user's id.
async fn sign_up(
    db: &PgPool,
    name: &str,
    email: &str,
    password_hash: &str,
) -> Result<i64, sqlx::Error> {
    // One connection, in a transaction until commit. An early return by
    // `?` drops `tx`, and a dropped transaction rolls back.
    let mut tx = db.begin().await?;
    let id = sqlx::query_scalar!(
        "INSERT INTO users (name, email) VALUES ($1, $2) RETURNING id",
        name,
        email
    )
    .fetch_one(&mut *tx)
    .await?;
    sqlx::query!(
        "INSERT INTO credentials (user_id, password_hash) VALUES ($1, $2)",
        id,
        password_hash
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    /// Rows in `users` and in `credentials`, read on another connection of
    /// the pool: only what was committed counts.
    async fn rows(db: &PgPool) -> (i64, i64) {
        sqlx::query_as("SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM credentials)")
            .fetch_one(db)
            .await
            .unwrap()
    }

    /// From now on every INSERT into `credentials` fails, as a full disk or
    /// a lost connection could make it fail between the two statements.
    async fn refuse_credentials(db: &PgPool) {
        // CHECK (false) holds for no row; NOT VALID spares existing ones.
        sqlx::query(
            "ALTER TABLE credentials ADD CONSTRAINT no_credentials CHECK (false) NOT VALID",
        )
        .execute(db)
        .await
        .unwrap();
    }

    #[sqlx::test]
    async fn a_sign_up_stores_the_user_and_the_hash(db: PgPool) {
        let id = sign_up(&db, "Ada", "ada@example.com", "hash-of-ada")
            .await
            .unwrap();
        // Committed: another connection sees both rows.
        assert_eq!(rows(&db).await, (1, 1), "one user and one credential");
        let (name, hash): (String, String) = sqlx::query_as(
            "SELECT name, password_hash FROM users JOIN credentials ON user_id = id
             WHERE id = $1",
        )
        .bind(id)
        .fetch_one(&db)
        .await
        .unwrap();
        assert_eq!((name.as_str(), hash.as_str()), ("Ada", "hash-of-ada"));
    }

    #[sqlx::test]
    async fn a_failing_second_insert_leaves_no_user(db: PgPool) {
        refuse_credentials(&db).await;
        let error = sign_up(&db, "Ada", "ada@example.com", "hash-of-ada")
            .await
            .expect_err("the credentials INSERT fails, so sign_up should too");
        let constraint = error.as_database_error().and_then(|e| e.constraint());
        assert_eq!(
            constraint,
            Some("no_credentials"),
            "return the database's error: {error}"
        );
        assert_eq!(
            rows(&db).await,
            (0, 0),
            "the user was written without a password: half a sign-up"
        );
    }

    #[sqlx::test]
    async fn a_failure_leaves_earlier_users_alone(db: PgPool) {
        sign_up(&db, "Grace", "grace@example.com", "hash-of-grace")
            .await
            .unwrap();
        refuse_credentials(&db).await;
        assert!(sign_up(&db, "Ada", "ada@example.com", "h").await.is_err());
        assert_eq!(rows(&db).await, (1, 1), "Grace alone, with her hash");
    }

    #[sqlx::test]
    async fn a_taken_email_stores_nothing(db: PgPool) {
        sign_up(&db, "Ada", "ada@example.com", "hash-of-ada")
            .await
            .unwrap();
        let error = sign_up(&db, "Ada", "ADA@example.com", "another")
            .await
            .unwrap_err();
        let constraint = error.as_database_error().and_then(|e| e.constraint());
        assert_eq!(constraint, Some("users_email_key"), "{error}");
        assert_eq!(rows(&db).await, (1, 1));
    }
}
// ANCHOR_END: tests
