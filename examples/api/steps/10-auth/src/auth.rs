//! Who sends a request, and what they may do. `CurrentUser` is an extractor:
//! a handler that takes one runs only for a request whose
//! `Authorization: Bearer <token>` names a live session; any other request is
//! answered 401 before the handler runs. What a signed-in user may change is
//! `may_modify`'s rule, answered 403 when it says no.

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;

use crate::AppState;
use crate::error::{ApiError, Challenge};
use crate::sessions::token_sha256;

/// What a user may do beyond their own account. Only SQL makes an admin
/// (`UPDATE users SET role = 'admin' WHERE ...`): no endpoint can grant it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    Member,
    Admin,
}

// ANCHOR: current_user
/// The signed-in user, as the request's session says.
#[derive(Debug)]
pub struct CurrentUser {
    pub id: i64,
    pub role: Role,
    /// Which session the request came with, so signing out ends that one.
    pub session: Vec<u8>,
}

/// Without credentials: no Authorization header, another scheme, no token.
pub const SIGN_IN_FIRST: &str = "sign in first: send Authorization: Bearer <token>";
/// With a token that names no live session.
pub const SIGN_IN_AGAIN: &str = "session unknown or expired: sign in again";

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split_once(' '))
            // A scheme's name is case-insensitive (RFC 9110, section 11.1).
            .filter(|(scheme, token)| scheme.eq_ignore_ascii_case("bearer") && !token.is_empty())
            .map(|(_, token)| token)
            .ok_or(ApiError::Unauthenticated {
                challenge: Challenge::Bearer,
                message: SIGN_IN_FIRST,
            })?;
        // The table holds only the token's hash: look it up by hash.
        let session = token_sha256(token);
        let row = sqlx::query!(
            "SELECT u.id, u.role FROM sessions s JOIN users u ON u.id = s.user_id
             WHERE s.token_sha256 = $1 AND s.expires_at > now()",
            &session
        )
        .fetch_optional(&state.db)
        .await?
        // Unknown and expired alike: the client's next move is the same.
        .ok_or(ApiError::Unauthenticated {
            challenge: Challenge::InvalidToken,
            message: SIGN_IN_AGAIN,
        })?;
        let role = match row.role.as_str() {
            "admin" => Role::Admin,
            // The column's CHECK allows only 'member' besides.
            _ => Role::Member,
        };
        Ok(CurrentUser {
            id: row.id,
            role,
            session,
        })
    }
}
// ANCHOR_END: current_user

// ANCHOR: may_modify
impl CurrentUser {
    /// PATCH and DELETE /users/{target}: the user themselves, or an admin.
    /// Asked before any query, so a member learns nothing about whether
    /// `target` exists: 403 either way.
    pub fn may_modify(&self, target: i64) -> Result<(), ApiError> {
        if self.id == target || self.role == Role::Admin {
            Ok(())
        } else {
            Err(ApiError::Forbidden(
                "only the user themselves or an admin may change this user",
            ))
        }
    }
}
// ANCHOR_END: may_modify
