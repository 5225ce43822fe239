//! Signing in and out. `POST /sessions` trades an email and a password for a
//! random token, shown to the client once; the `sessions` table keeps only
//! the token's SHA-256, so a leaked copy of the table signs nobody in.
//! `DELETE /sessions/current` ends the session the request came with.

use axum::Json;
use axum::extract::State;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{ApiError, Challenge};
use crate::password;
use crate::users::required;

/// How long a session lasts; then the client signs in again.
pub const SESSION_DAYS: i32 = 7;

/// The one answer to a wrong email and to a wrong password: which of the
/// two was wrong would tell a stranger which emails have an account.
///
/// A 401 with the bare `Bearer` challenge. RFC 9110 requires a challenge
/// on every 401, and no scheme is one this route itself takes: it reads
/// the email and password from the body. The alternatives are a 401 with
/// no challenge, which breaks that rule, or OAuth 2.0's 400 for a wrong
/// password at its token endpoint, which a client reads as a malformed
/// request. The challenge names the scheme every protected route takes,
/// and "sign in, then send Bearer" is the remedy either way.
pub const WRONG_CREDENTIALS: &str = "wrong email or password";

/// The body of POST /sessions. Both fields `Option`, as in `CreateUser`,
/// so a missing one gets our 422 naming it; no `Debug`, so that no log line
/// can print the password.
#[derive(Deserialize)]
pub struct SignIn {
    pub email: Option<String>,
    pub password: Option<String>,
}

/// What a client keeps after signing in: the token to send as
/// `Authorization: Bearer <token>`, and until when it works.
#[derive(Debug, Serialize)]
pub struct NewSession {
    pub token: String,
    pub user_id: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub expires_at: OffsetDateTime,
}

// ANCHOR: token
/// A new session token: 32 bytes from the operating system's random source,
/// as 64 hex digits. 256 random bits cannot be guessed, so the token needs
/// no slow hash like a password does; a fast SHA-256 of it is enough.
fn new_token() -> String {
    let mut bytes = [0u8; 32];
    // Without a random source the service cannot sign anyone in safely; the
    // panic becomes a 500 (CatchPanicLayer), never a guessable token.
    getrandom::fill(&mut bytes).expect("the operating system's random source failed");
    hex::encode(bytes)
}

/// What the table stores in place of the token.
pub fn token_sha256(token: &str) -> Vec<u8> {
    Sha256::digest(token.as_bytes()).to_vec()
}
// ANCHOR_END: token

// ANCHOR: sign_in
/// POST /sessions: the email and password of a user for a new session.
pub async fn sign_in(
    State(state): State<AppState>,
    payload: Result<Json<SignIn>, JsonRejection>,
) -> Result<(StatusCode, Json<NewSession>), ApiError> {
    let Json(payload) = payload?;
    // Trimmed as sign-up trims it (users.rs), or a padded email that
    // signed up could never sign in.
    let email = required(payload.email, "email")?.trim().to_string();
    let password = required(payload.password, "password")?;
    let found = sqlx::query!(
        "SELECT u.id, c.password_hash FROM users u JOIN credentials c ON c.user_id = u.id
         WHERE lower(u.email) = lower($1)",
        email
    )
    .fetch_optional(&state.db)
    .await?;
    // No such user: the password is checked all the same, against the
    // dummy hash, by the same call at the configured cost, so the answer's
    // timing does not tell who has an account.
    let (user_id, stored) = match found {
        Some(user) => (Some(user.id), user.password_hash),
        None => (None, state.dummy_hash.to_string()),
    };
    let argon2 = state.argon2.clone();
    let valid = password::verify(argon2, &state.hash_permits, password, stored).await?;
    let Some(user_id) = user_id.filter(|_| valid) else {
        return Err(ApiError::Unauthenticated {
            challenge: Challenge::Bearer,
            message: WRONG_CREDENTIALS,
        });
    };
    let token = new_token();
    // The database's clock sets the expiry that its `now()` is compared with.
    let expires_at = sqlx::query_scalar!(
        "INSERT INTO sessions (token_sha256, user_id, expires_at)
         VALUES ($1, $2, now() + make_interval(days => $3))
         RETURNING expires_at",
        token_sha256(&token),
        user_id,
        SESSION_DAYS
    )
    .fetch_one(&state.db)
    .await?;
    let session = NewSession {
        token,
        user_id,
        expires_at,
    };
    Ok((StatusCode::CREATED, Json(session)))
}
// ANCHOR_END: sign_in

// ANCHOR: sign_out
/// DELETE /sessions/current: ends the session the request came with; the
/// user's other sessions (another device) go on.
pub async fn sign_out(
    actor: CurrentUser,
    State(state): State<AppState>,
) -> Result<StatusCode, ApiError> {
    sqlx::query!(
        "DELETE FROM sessions WHERE token_sha256 = $1",
        actor.session
    )
    .execute(&state.db)
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
// ANCHOR_END: sign_out
