//! The OpenAPI document of the service, generated at compile time from the
//! handlers' `#[utoipa::path]` attributes and the `ToSchema` derives of the
//! types they take and return, and served at GET /openapi.json. A client
//! generator, a documentation viewer or a fuzzer reads it there.

use axum::Json;
use utoipa::openapi::schema::{AllOfBuilder, AnyOfBuilder, ObjectBuilder, Type};
use utoipa::{Modify, OpenApi};

use crate::{health, users};

// ANCHOR: doc
/// Title, version, description and licence come from Cargo.toml; every
/// operation listed here brings the schemas it names along.
#[derive(OpenApi)]
#[openapi(
    paths(
        health::health,
        users::list,
        users::create,
        users::get,
        users::update,
        users::delete,
        openapi_json,
    ),
    modifiers(&UpdateNeedsAField),
    tags(
        (name = "users", description = "Create, read, list, update and delete users"),
        (name = "health", description = "Whether the service can serve requests"),
        (name = "openapi", description = "This document"),
    )
)]
pub struct ApiDoc;
// ANCHOR_END: doc

// ANCHOR: modify
/// PATCH reads `"name": null` as "leave the name alone", so both fields are
/// nullable, yet it needs one of them to be a string: a rule no derive
/// attribute can state. The document gets it here, after generation, as
/// "UpdateUser, and also name or email present as a string".
struct UpdateNeedsAField;

impl Modify for UpdateNeedsAField {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let schemas = &mut openapi.components.as_mut().expect("components").schemas;
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
#[utoipa::path(
    get,
    path = "/openapi.json",
    operation_id = "openapi",
    tag = "openapi",
    responses((status = 200, description = "This OpenAPI document", body = Object))
)]
pub async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
// ANCHOR_END: serve
