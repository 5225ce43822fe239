//! Exercise: an extractor that requires a signed-in user. A handler that
//! takes `CurrentUser` runs only for a request whose `Authorization: Bearer`
//! header names a live session; every other request gets 401 Unauthorized
//! with a `WWW-Authenticate: Bearer` challenge, and the handler never runs.
//! The sessions are a map from token to session here; the service keeps
//! them in PostgreSQL, under the token's SHA-256.

// ANCHOR: solution
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde_json::json;

/// What signing in stored for one token.
#[derive(Clone, Debug)]
struct Session {
    user_id: i64,
    expires_at: SystemTime,
}

#[derive(Clone, Default)]
struct AppState {
    /// Keyed by the token the client was given when it signed in.
    sessions: Arc<HashMap<String, Session>>,
}

/// The signed-in user, for the handlers that require one.
#[derive(Debug)]
struct CurrentUser {
    id: i64,
}

/// No credentials, another scheme than Bearer, or no token after it.
const SIGN_IN_FIRST: &str = "sign in first: send Authorization: Bearer <token>";
/// A token that names no session, or one past its expiry.
const SIGN_IN_AGAIN: &str = "session unknown or expired: sign in again";

/// The rejection: 401 and the challenge RFC 9110 requires with it.
#[derive(Debug)]
struct Unauthorized(&'static str);

impl IntoResponse for Unauthorized {
    fn into_response(self) -> Response {
        let challenge = [(header::WWW_AUTHENTICATE, "Bearer")];
        let body = Json(json!({ "error": self.0 }));
        (StatusCode::UNAUTHORIZED, challenge, body).into_response()
    }
}

impl FromRequestParts<AppState> for CurrentUser {
    type Rejection = Unauthorized;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split_once(' '))
            // The scheme's name is case-insensitive (RFC 9110, 11.1).
            .filter(|(scheme, token)| scheme.eq_ignore_ascii_case("bearer") && !token.is_empty())
            .map(|(_, token)| token)
            .ok_or(Unauthorized(SIGN_IN_FIRST))?;
        match state.sessions.get(token) {
            Some(session) if session.expires_at > SystemTime::now() => Ok(CurrentUser {
                id: session.user_id,
            }),
            // Unknown and expired alike: the client's next move is the same.
            _ => Err(Unauthorized(SIGN_IN_AGAIN)),
        }
    }
}

async fn me(user: CurrentUser) -> String {
    format!("signed in as user {}", user.id)
}

fn app(state: AppState) -> Router {
    Router::new().route("/me", get(me)).with_state(state)
}

/// Ada (user 1) signed in an hour ago; Grace's session (user 2) has expired.
fn sample_state() -> AppState {
    let now = SystemTime::now();
    let session = |user_id, expires_at| Session {
        user_id,
        expires_at,
    };
    let sessions = HashMap::from([
        (
            "tok-ada".to_string(),
            session(1, now + Duration::from_secs(3600)),
        ),
        (
            "tok-old".to_string(),
            session(2, now - Duration::from_secs(1)),
        ),
    ]);
    AppState {
        sessions: Arc::new(sessions),
    }
}

#[tokio::main]
async fn main() {
    use axum::body::Body;
    use axum::http::Request;
    use tower::ServiceExt;
    for authorization in [Some("Bearer tok-ada"), None, Some("Bearer tok-old")] {
        let mut request = Request::get("/me");
        if let Some(value) = authorization {
            request = request.header(header::AUTHORIZATION, value);
        }
        let response = app(sample_state())
            .oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap();
        println!("{authorization:?} -> {}", response.status());
    }
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::Request;
    use http_body_util::BodyExt;
    use serde_json::Value;
    use tower::ServiceExt;

    /// GET /me with this Authorization header, if any: the status, the
    /// WWW-Authenticate header, if any, and the body.
    async fn me_with(authorization: Option<&str>) -> (StatusCode, Option<String>, String) {
        let mut request = Request::get("/me");
        if let Some(value) = authorization {
            request = request.header(header::AUTHORIZATION, value);
        }
        let response = app(sample_state())
            .oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let challenge = response
            .headers()
            .get(header::WWW_AUTHENTICATE)
            .map(|v| v.to_str().unwrap().to_string());
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (
            status,
            challenge,
            String::from_utf8(bytes.to_vec()).unwrap(),
        )
    }

    fn refused(why: &str) -> (StatusCode, Option<String>, String) {
        let body: Value = json!({ "error": why });
        (
            StatusCode::UNAUTHORIZED,
            Some("Bearer".into()),
            body.to_string(),
        )
    }

    #[tokio::test]
    async fn a_live_session_reaches_the_handler() {
        let (status, challenge, body) = me_with(Some("Bearer tok-ada")).await;
        assert_eq!((status, challenge), (StatusCode::OK, None));
        assert_eq!(body, "signed in as user 1");
    }

    #[tokio::test]
    async fn the_scheme_is_case_insensitive() {
        assert_eq!(me_with(Some("bearer tok-ada")).await.0, StatusCode::OK);
        assert_eq!(me_with(Some("BEARER tok-ada")).await.0, StatusCode::OK);
    }

    #[tokio::test]
    async fn no_authorization_header_is_401_with_the_challenge() {
        assert_eq!(me_with(None).await, refused(SIGN_IN_FIRST));
    }

    #[tokio::test]
    async fn another_scheme_or_no_token_is_401() {
        for value in ["Basic YWRhOnNlY3JldA==", "Bearer", "Bearer ", "tok-ada"] {
            assert_eq!(
                me_with(Some(value)).await,
                refused(SIGN_IN_FIRST),
                "{value:?}"
            );
        }
    }

    #[tokio::test]
    async fn an_unknown_token_is_401() {
        let answer = me_with(Some("Bearer tok-nobody")).await;
        assert_eq!(answer, refused(SIGN_IN_AGAIN));
    }

    #[tokio::test]
    async fn an_expired_session_is_401() {
        let answer = me_with(Some("Bearer tok-old")).await;
        assert_eq!(answer, refused(SIGN_IN_AGAIN));
    }
}
// ANCHOR_END: tests
