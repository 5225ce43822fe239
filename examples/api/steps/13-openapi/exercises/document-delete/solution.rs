//! Exercise: document `DELETE /users/{id}` so that its OpenAPI operation
//! promises every status the handler can answer, and nothing else, and
//! says that it needs a signed-in user. The handler is the step's rule
//! in miniature: a bearer token names the actor; the user themselves or an
//! admin may delete; users 1, 2 and 9 exist.

// ANCHOR: solution
use axum::Router;
use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::delete;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[utoipa::path(
    delete,
    path = "/users/{id}",
    operation_id = "deleteUser",
    tag = "users",
    params(("id" = i64, Path, description = "The user's id")),
    security(("session_token" = [])),
    responses(
        (status = 204, description = "The user is deleted"),
        (status = 400, description = "The id is not a 64-bit integer"),
        (status = 401, description = "No valid session: sign in first",
            headers(("www-authenticate" = String, description = "Bearer"))),
        (status = 403, description = "Signed in as someone else, who is not an admin"),
        (status = 404, description = "No user has this id"),
    )
)]
async fn delete_user(headers: HeaderMap, id: Result<Path<i64>, PathRejection>) -> Response {
    // The extractor's order in the step: who is asking comes first.
    let Some((actor, admin)) = session(&headers) else {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer")],
        )
            .into_response();
    };
    let Ok(Path(id)) = id else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    if actor != id && !admin {
        return StatusCode::FORBIDDEN.into_response();
    }
    if ![1, 2, 9].contains(&id) {
        return StatusCode::NOT_FOUND.into_response();
    }
    StatusCode::NO_CONTENT.into_response()
}

/// The sessions this example knows: Ada (user 1) and an admin (user 9).
fn session(headers: &HeaderMap) -> Option<(i64, bool)> {
    match headers.get(header::AUTHORIZATION)?.to_str().ok()? {
        "Bearer ada-token" => Some((1, false)),
        "Bearer admin-token" => Some((9, true)),
        _ => None,
    }
}

/// The scheme that `security(("session_token" = []))` names: a bearer token
/// in the Authorization header.
struct SessionToken;

impl Modify for SessionToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let scheme = HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .description(Some("The token POST /sessions answers with"))
            .build();
        openapi
            .components
            .get_or_insert_with(Default::default)
            .add_security_scheme("session_token", SecurityScheme::Http(scheme));
    }
}

#[derive(OpenApi)]
#[openapi(paths(delete_user), modifiers(&SessionToken))]
struct ApiDoc;

fn app() -> Router {
    Router::new().route("/users/{id}", delete(delete_user))
}

fn main() {
    let doc = ApiDoc::openapi().to_pretty_json().unwrap();
    println!("{doc}");
    let _ = app();
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;
    use axum::http::Request;
    use serde_json::{Value, json};
    use tower::ServiceExt;

    fn operation() -> Value {
        let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
        doc["paths"]["/users/{id}"]["delete"].clone()
    }

    async fn status(uri: &str, token: Option<&str>) -> StatusCode {
        let mut request = Request::delete(uri);
        if let Some(token) = token {
            request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
        }
        let request = request.body(Body::empty()).unwrap();
        app().oneshot(request).await.unwrap().status()
    }

    #[tokio::test]
    async fn every_status_the_handler_answers_is_documented() {
        let documented = operation()["responses"].clone();
        for (uri, token) in [
            ("/users/1", Some("ada-token")),
            ("/users/1", None),
            ("/users/1", Some("a-guess")),
            ("/users/one", Some("ada-token")),
            ("/users/2", Some("ada-token")),
            ("/users/404", Some("admin-token")),
        ] {
            let status = status(uri, token).await;
            assert!(
                documented.get(status.as_str()).is_some(),
                "DELETE {uri} with {token:?} answers {status}, which the operation does not document"
            );
        }
    }

    #[test]
    fn nothing_is_promised_that_cannot_happen() {
        let responses = operation()["responses"].clone();
        let statuses: Vec<&String> = responses.as_object().unwrap().keys().collect();
        assert_eq!(statuses, ["204", "400", "401", "403", "404"]);
    }

    #[test]
    fn the_operation_needs_a_session_token() {
        assert_eq!(operation()["security"], json!([{ "session_token": [] }]));
        let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
        let scheme = &doc["components"]["securitySchemes"]["session_token"];
        assert_eq!(
            (&scheme["type"], &scheme["scheme"]),
            (&json!("http"), &json!("bearer"))
        );
    }

    #[test]
    fn the_401_documents_its_challenge() {
        let unauthorized = &operation()["responses"]["401"];
        assert!(
            unauthorized["headers"].get("www-authenticate").is_some(),
            "401 without its www-authenticate header: {unauthorized}"
        );
    }

    #[tokio::test]
    async fn the_handler_still_deletes_for_the_owner() {
        assert_eq!(
            status("/users/1", Some("ada-token")).await,
            StatusCode::NO_CONTENT
        );
        assert_eq!(
            status("/users/2", Some("admin-token")).await,
            StatusCode::NO_CONTENT
        );
    }
}
// ANCHOR_END: tests
