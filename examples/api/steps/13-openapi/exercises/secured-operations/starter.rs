//! Exercise: a `Modify` that documents the session token once for the whole
//! document. It adds the `session_token` scheme (HTTP bearer) to the
//! components, and to every operation that names that scheme in its
//! `security` it adds the 401 the `CurrentUser` extractor answers, with its
//! `WWW-Authenticate` header, so no handler has to repeat it. An operation
//! without a session stays as it was.

#![allow(unused_imports)] // until modify uses them
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
use utoipa::openapi::{Object, Type};
use utoipa::{Modify, OpenApi};

#[utoipa::path(get, path = "/users", responses((status = 200, description = "One page of users")))]
#[allow(dead_code)]
async fn list_users() {}

#[utoipa::path(
    patch,
    path = "/users/{id}",
    params(("id" = i64, Path)),
    security(("session_token" = [])),
    responses(
        (status = 200, description = "The user, updated"),
        (status = 403, description = "Signed in as someone else, who is not an admin"),
    )
)]
#[allow(dead_code)]
async fn update_user() {}

#[utoipa::path(
    delete,
    path = "/users/{id}",
    params(("id" = i64, Path)),
    security(("session_token" = [])),
    responses(
        (status = 204, description = "The user is deleted"),
        (status = 403, description = "Signed in as someone else, who is not an admin"),
    )
)]
#[allow(dead_code)]
async fn delete_user() {}

struct SessionToken;

impl Modify for SessionToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        // Add the `session_token` scheme (HTTP, bearer) to the components,
        // then a 401 with a `www-authenticate` header to every operation
        // whose `security` names that scheme. The builders imported above
        // make each part.
        let _ = openapi;
    }
}

#[derive(OpenApi)]
#[openapi(paths(list_users, update_user, delete_user), modifiers(&SessionToken))]
struct ApiDoc;

fn main() {
    println!("{}", ApiDoc::openapi().to_pretty_json().unwrap());
}
