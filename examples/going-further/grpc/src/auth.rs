//! Who may call: a client presents a bearer token, `authorization: Bearer
//! <token>`, in the call's metadata (gRPC) or the request's headers (REST).
//! One shared token, as a service that only other services call might use;
//! the users API's sessions would slot in at the same place.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tonic::Status;

/// The token the server accepts. No `Debug`: it must not reach a log line.
#[derive(Clone)]
pub struct Token(Arc<str>);

impl Token {
    /// Refuses a token short enough to guess.
    pub fn new(token: &str) -> Result<Token, String> {
        if token.len() < 16 {
            return Err("the token must be at least 16 characters".into());
        }
        Ok(Token(token.into()))
    }

    // ANCHOR: check
    /// Checks an `authorization` value. Why it failed goes to the client
    /// (missing or wrong), never what the right token would be.
    pub fn check(&self, authorization: Option<&str>) -> Result<(), &'static str> {
        let presented = authorization
            .and_then(|value| value.strip_prefix("Bearer "))
            .ok_or("missing bearer token")?;
        if !same_bytes(presented.as_bytes(), self.0.as_bytes()) {
            return Err("invalid bearer token");
        }
        Ok(())
    }
    // ANCHOR_END: check
}

/// Compares in time that depends on the lengths only, not on where the
/// first difference is: an attacker timing answers learns nothing about
/// how many leading bytes were right.
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

// ANCHOR: interceptor
/// The gRPC side, a tonic interceptor: it sees each call's metadata before
/// the service does, and an `Err` ends the call with that status. The
/// service itself never runs for a refused call.
pub fn interceptor(
    token: Token,
) -> impl FnMut(tonic::Request<()>) -> Result<tonic::Request<()>, Status> + Clone {
    move |request: tonic::Request<()>| {
        let authorization = request
            .metadata()
            .get("authorization")
            .and_then(|v| v.to_str().ok());
        match token.check(authorization) {
            Ok(()) => Ok(request),
            Err(why) => Err(Status::unauthenticated(why)),
        }
    }
}
// ANCHOR_END: interceptor

/// The REST side of the same check, as axum middleware: 401 with a
/// `WWW-Authenticate` challenge, as RFC 9110 asks of every 401.
pub async fn require_token(State(token): State<Token>, request: Request, next: Next) -> Response {
    match token.check(authorization(request.headers())) {
        Ok(()) => next.run(request).await,
        Err(why) => (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer")],
            why,
        )
            .into_response(),
    }
}

fn authorization(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
}
