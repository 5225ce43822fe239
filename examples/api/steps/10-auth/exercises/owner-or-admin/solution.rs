//! Exercise: who may change a user. `PATCH` and `DELETE /users/{id}` are
//! allowed to the user themselves and to an admin. Nobody signed in is 401
//! Unauthorized, with the `WWW-Authenticate: Bearer` challenge; signed in as
//! someone else is 403 Forbidden, with no challenge, since signing in again
//! would not help.

// ANCHOR: solution
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
    let actor = actor.ok_or(ApiError::Unauthenticated)?;
    if actor.id == target || actor.role == Role::Admin {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match self {
            ApiError::Unauthenticated => (
                StatusCode::UNAUTHORIZED,
                // RFC 9110: a 401 names the scheme that would work.
                [(header::WWW_AUTHENTICATE, "Bearer")],
                Json(json!({ "error": "sign in first: send Authorization: Bearer <token>" })),
            )
                .into_response(),
            ApiError::Forbidden => (
                StatusCode::FORBIDDEN,
                Json(
                    json!({ "error": "only the user themselves or an admin may change this user" }),
                ),
            )
                .into_response(),
        }
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;
    use serde_json::Value;

    const ADA: Actor = Actor {
        id: 1,
        role: Role::Member,
    };
    const ADMIN: Actor = Actor {
        id: 9,
        role: Role::Admin,
    };

    #[test]
    fn nobody_signed_in_is_unauthenticated() {
        assert_eq!(may_modify(None, 1), Err(ApiError::Unauthenticated));
    }

    #[test]
    fn a_member_may_change_themselves_only() {
        assert_eq!(may_modify(Some(ADA), 1), Ok(()));
        assert_eq!(may_modify(Some(ADA), 2), Err(ApiError::Forbidden));
        // Whether user 404 exists or not: a member learns nothing from trying.
        assert_eq!(may_modify(Some(ADA), 404), Err(ApiError::Forbidden));
    }

    #[test]
    fn an_admin_may_change_anyone() {
        for target in [1, 2, 9, 404] {
            assert_eq!(may_modify(Some(ADMIN), target), Ok(()), "user {target}");
        }
    }

    /// The status, the WWW-Authenticate header if any, and the JSON body.
    async fn answer(error: ApiError) -> (StatusCode, Option<String>, Value) {
        let response = error.into_response();
        let status = response.status();
        let challenge = response
            .headers()
            .get(header::WWW_AUTHENTICATE)
            .map(|v| v.to_str().unwrap().to_string());
        let bytes = response.into_body().collect().await.unwrap().to_bytes();
        (status, challenge, serde_json::from_slice(&bytes).unwrap())
    }

    #[tokio::test]
    async fn the_401_carries_the_bearer_challenge() {
        let expected = json!({ "error": "sign in first: send Authorization: Bearer <token>" });
        assert_eq!(
            answer(ApiError::Unauthenticated).await,
            (StatusCode::UNAUTHORIZED, Some("Bearer".into()), expected)
        );
    }

    #[tokio::test]
    async fn the_403_carries_no_challenge() {
        let expected =
            json!({ "error": "only the user themselves or an admin may change this user" });
        assert_eq!(
            answer(ApiError::Forbidden).await,
            (StatusCode::FORBIDDEN, None, expected)
        );
    }
}
// ANCHOR_END: tests
