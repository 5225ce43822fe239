//! Exercise: an extractor that requires a signed-in user. A handler that
//! takes `CurrentUser` runs only for a request whose `Authorization: Bearer`
//! header names a live session; every other request gets 401 Unauthorized
//! with a `WWW-Authenticate: Bearer` challenge, and the handler never runs.
//! The sessions are a map from token to session here; the service keeps
//! them in PostgreSQL, under the token's SHA-256.

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
        // Read the Authorization header from `parts.headers`, take the token
        // after a Bearer scheme (its name in any case), and look it up in
        // `state.sessions`; refuse with SIGN_IN_FIRST or SIGN_IN_AGAIN.
        let header = parts.headers.get(header::AUTHORIZATION);
        todo!("find {header:?} among {} sessions", state.sessions.len())
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
