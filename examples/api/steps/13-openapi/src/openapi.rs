//! The OpenAPI document of the service. Each handler's `#[utoipa::path]`
//! states its method, path, parameters, body and answers; `routes()` in
//! lib.rs registers the handlers from those same attributes (utoipa-axum's
//! `routes!`), so a route cannot be served without its description, nor
//! described at a path it is not served at. This file adds what no attribute
//! can say, and serves the result at GET /openapi.json.

use std::sync::LazyLock;

use axum::Json;
use utoipa::openapi::schema::{AllOfBuilder, AnyOfBuilder, ObjectBuilder, Type};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

// ANCHOR: doc
/// The document's start: its title and the tags the operations name. The
/// operations and the schemas they use are added by `routes!` in lib.rs.
#[derive(OpenApi)]
#[openapi(
    info(title = "users-api", description = "Create, read, list, update and delete users; sign in and out."),
    tags(
        (name = "users", description = "Create, read, list, update and delete users"),
        (name = "sessions", description = "Sign in for a token; sign out"),
        (name = "health", description = "Whether the service can serve requests"),
        (name = "openapi", description = "This document"),
    )
)]
pub struct ApiDoc;

/// What the attributes cannot say, applied once every operation and schema
/// is in the document. (A `modifiers(...)` list on the derive would run
/// inside `ApiDoc::openapi()`, before `routes!` has added anything.)
pub fn finish(document: &mut utoipa::openapi::OpenApi) {
    SessionToken.modify(document);
    UpdateNeedsAField.modify(document);
}
// ANCHOR_END: doc

// ANCHOR: security
/// The scheme that `security(("session_token" = []))` names on the
/// operations that take a `CurrentUser`: the token from POST /sessions, sent
/// as `Authorization: Bearer <token>`. A client generator adds the header;
/// a documentation viewer offers a field for the token.
struct SessionToken;

impl Modify for SessionToken {
    fn modify(&self, document: &mut utoipa::openapi::OpenApi) {
        let scheme = HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .description(Some("The token POST /sessions answers with"))
            .build();
        document
            .components
            .get_or_insert_with(Default::default)
            .add_security_scheme("session_token", SecurityScheme::Http(scheme));
    }
}
// ANCHOR_END: security

// ANCHOR: modify
/// PATCH reads `"name": null` as "leave the name alone", so both fields are
/// nullable, yet it needs one of them to be a string: a rule no derive
/// attribute can state. The document gets it here, after generation, as
/// "UpdateUser, and also name or email present as a string".
struct UpdateNeedsAField;

impl Modify for UpdateNeedsAField {
    fn modify(&self, document: &mut utoipa::openapi::OpenApi) {
        let schemas = &mut document.components.as_mut().expect("components").schemas;
        let fields = schemas
            .remove("UpdateUser")
            .expect("UpdateUser is in the document");
        let a_string = |field: &str| {
            ObjectBuilder::new()
                .property(field, ObjectBuilder::new().schema_type(Type::String))
                .required(field)
        };
        let one_of_them = AnyOfBuilder::new()
            .item(a_string("name"))
            .item(a_string("email"));
        let schema = AllOfBuilder::new().item(fields).item(one_of_them);
        schemas.insert("UpdateUser".to_string(), schema.into());
    }
}
// ANCHOR_END: modify

// ANCHOR: serve
/// Made once, on the first request, from the same `routes()` the service
/// runs: the router built there is dropped, the document kept.
static DOCUMENT: LazyLock<utoipa::openapi::OpenApi> = LazyLock::new(|| crate::routes().1);

#[utoipa::path(
    get,
    path = "/openapi.json",
    operation_id = "openapi",
    tag = "openapi",
    responses((status = 200, description = "This OpenAPI document", body = Object))
)]
pub async fn openapi_json() -> Json<&'static utoipa::openapi::OpenApi> {
    Json(&DOCUMENT)
}
// ANCHOR_END: serve
