//! Exercise: the query behind `CurrentUser`. The tables are the step's
//! (`migrations/`): `sessions` keeps the SHA-256 of each token, the user it
//! belongs to and when it expires; `users` has each user's `role`. Write
//! `user_for_token` with `sqlx::query_as!`: the user and role of the session
//! the token names, or `None` when no session has it or it has expired.

// ANCHOR: solution
use sha2::{Digest, Sha256};
use sqlx::PgPool;

#[derive(Debug, PartialEq)]
struct SessionUser {
    id: i64,
    role: String,
}

/// What the table stores in place of a token.
fn token_sha256(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}

/// Whose live session `token` is, with their role: one query.
async fn user_for_token(db: &PgPool, token: &str) -> Result<Option<SessionUser>, sqlx::Error> {
    sqlx::query_as!(
        SessionUser,
        "SELECT u.id, u.role FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_sha256 = $1 AND s.expires_at > now()",
        token_sha256(token)
    )
    .fetch_optional(db)
    .await
}

/// On a database the service has migrated (DATABASE_URL), one look-up.
#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let db = PgPool::connect(&std::env::var("DATABASE_URL")?).await?;
    let token = std::env::args().nth(1).unwrap_or_default();
    match user_for_token(&db, &token).await? {
        Some(user) => println!("user {} ({})", user.id, user.role),
        None => println!("no live session has that token"),
    }
    Ok(())
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    /// Ada (1, a member) and Root (2, an admin), each signed in; Ada also
    /// has a session that expired a second ago.
    async fn sessions(db: &PgPool) {
        sqlx::query(
            "INSERT INTO users (name, email, role)
             VALUES ('Ada', 'ada@example.com', 'member'), ('Root', 'root@example.com', 'admin')",
        )
        .execute(db)
        .await
        .unwrap();
        for (token, user, expires) in [
            ("tok-ada", 1, "1 hour"),
            ("tok-root", 2, "1 hour"),
            ("tok-old", 1, "-1 second"),
        ] {
            sqlx::query("INSERT INTO sessions VALUES ($1, $2, now() + $3::interval)")
                .bind(token_sha256(token))
                .bind(user)
                .bind(expires)
                .execute(db)
                .await
                .unwrap();
        }
    }

    fn user(id: i64, role: &str) -> Option<SessionUser> {
        Some(SessionUser {
            id,
            role: role.into(),
        })
    }

    #[sqlx::test]
    async fn a_live_session_names_its_user_and_role(db: PgPool) {
        sessions(&db).await;
        assert_eq!(
            user_for_token(&db, "tok-ada").await.unwrap(),
            user(1, "member")
        );
        assert_eq!(
            user_for_token(&db, "tok-root").await.unwrap(),
            user(2, "admin")
        );
    }

    #[sqlx::test]
    async fn an_expired_session_is_none(db: PgPool) {
        sessions(&db).await;
        assert_eq!(user_for_token(&db, "tok-old").await.unwrap(), None);
    }

    #[sqlx::test]
    async fn an_unknown_token_is_none(db: PgPool) {
        sessions(&db).await;
        assert_eq!(user_for_token(&db, "tok-nobody").await.unwrap(), None);
    }

    /// The table holds hashes: a row whose key is the token's own 32 bytes
    /// is not that token's session.
    #[sqlx::test]
    async fn the_token_is_looked_up_by_its_hash(db: PgPool) {
        sessions(&db).await;
        let token = "x".repeat(32);
        sqlx::query("INSERT INTO sessions VALUES ($1, 1, now() + interval '1 hour')")
            .bind(token.as_bytes())
            .execute(&db)
            .await
            .unwrap();
        assert_eq!(user_for_token(&db, &token).await.unwrap(), None);
    }
}
// ANCHOR_END: tests
