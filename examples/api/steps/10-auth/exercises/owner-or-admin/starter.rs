//! Exercise: who may change a user. `PATCH` and `DELETE /users/{id}` are
//! allowed to the user themselves and to an admin. Nobody signed in is 401
//! Unauthorized, with the `WWW-Authenticate: Bearer` challenge; signed in as
//! someone else is 403 Forbidden, with no challenge, since signing in again
//! would not help.

use axum::Json;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Role {
    Member,
    Admin,
}

/// Who sends the request, as the session says.
#[derive(Clone, Copy, Debug)]
struct Actor {
    id: i64,
    role: Role,
}

#[derive(Debug, PartialEq)]
enum ApiError {
    /// No valid session: who is asking is unknown.
    Unauthenticated,
    /// Known, and not allowed.
    Forbidden,
}

/// The rule for `PATCH` and `DELETE /users/{target}`: `None` when nobody is
/// signed in. It needs no database, so it runs before any query, and it
/// refuses a member whether or not the target exists.
fn may_modify(actor: Option<Actor>, target: i64) -> Result<(), ApiError> {
    // Everyone may change everyone: apply the rule the comment above states.
    let _ = (actor, target);
    Ok(())
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        // A common first try: one 403 for every refusal. Give each variant
        // the status, header and body the tests expect.
        (StatusCode::FORBIDDEN, Json(json!({ "error": "forbidden" }))).into_response()
    }
}

fn main() {
    let ada = Actor {
        id: 1,
        role: Role::Member,
    };
    let root = Actor {
        id: 9,
        role: Role::Admin,
    };
    for (who, actor) in [("nobody", None), ("ada", Some(ada)), ("admin", Some(root))] {
        for target in [1, 2] {
            let answer = match may_modify(actor, target) {
                Ok(()) => "allowed".to_string(),
                Err(error) => error.into_response().status().to_string(),
            };
            println!("{who} changes user {target}: {answer}");
        }
    }
}
