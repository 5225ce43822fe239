//! Exercise: document `DELETE /users/{id}` so that its OpenAPI operation
//! promises every status the handler can answer, and nothing else, and
//! says that it needs a signed-in user. The handler is the step's rule
//! in miniature: a bearer token names the actor; the user themselves or an
//! admin may delete; users 1, 2 and 9 exist.

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
    // Say that the operation needs the `session_token` scheme, and document
    // every status the handler below can answer (the 401 with its header).
    responses((status = 204, description = "The user is deleted"))
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
