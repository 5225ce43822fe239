//! Exercise: a `Modify` that documents the session token once for the whole
//! document. It adds the `session_token` scheme (HTTP bearer) to the
//! components, and to every operation that names that scheme in its
//! `security` it adds the 401 the `CurrentUser` extractor answers, with its
//! `WWW-Authenticate` header, so no handler has to repeat it. An operation
//! without a session stays as it was.

// ANCHOR: solution
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
        let scheme = HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build();
        openapi
            .components
            .get_or_insert_with(Default::default)
            .add_security_scheme("session_token", SecurityScheme::Http(scheme));
        let needs_session = SecurityRequirement::new("session_token", Vec::<String>::new());
        let challenge = HeaderBuilder::new()
            .schema(Some(Object::with_type(Type::String)))
            .description(Some("Bearer"))
            .build();
        let unauthorized = ResponseBuilder::new()
            .description("No valid session: sign in first")
            .header("www-authenticate", challenge)
            .build();
        for item in openapi.paths.paths.values_mut() {
            let operations = [
                &mut item.get,
                &mut item.post,
                &mut item.put,
                &mut item.patch,
                &mut item.delete,
            ];
            for operation in operations.into_iter().flatten() {
                let secured = operation
                    .security
                    .as_ref()
                    .is_some_and(|security| security.contains(&needs_session));
                if secured {
                    operation
                        .responses
                        .responses
                        .insert("401".to_string(), unauthorized.clone().into());
                }
            }
        }
    }
}

#[derive(OpenApi)]
#[openapi(paths(list_users, update_user, delete_user), modifiers(&SessionToken))]
struct ApiDoc;

fn main() {
    println!("{}", ApiDoc::openapi().to_pretty_json().unwrap());
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    fn document() -> Value {
        serde_json::to_value(ApiDoc::openapi()).unwrap()
    }

    fn statuses(operation: &Value) -> Vec<String> {
        operation["responses"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect()
    }

    #[test]
    fn the_scheme_is_http_bearer() {
        let doc = document();
        let scheme = &doc["components"]["securitySchemes"]["session_token"];
        assert_eq!(scheme["type"], "http", "{scheme}");
        assert_eq!(scheme["scheme"], "bearer", "{scheme}");
    }

    #[test]
    fn operations_with_a_session_document_the_401_and_its_challenge() {
        let doc = document();
        for method in ["patch", "delete"] {
            let unauthorized = &doc["paths"]["/users/{id}"][method]["responses"]["401"];
            assert!(
                unauthorized.is_object(),
                "{method} /users/{{id}} has no 401"
            );
            assert!(
                unauthorized["headers"]["www-authenticate"].is_object(),
                "{method}'s 401 lacks its www-authenticate header: {unauthorized}"
            );
        }
    }

    #[test]
    fn their_own_answers_stay() {
        let doc = document();
        assert_eq!(
            statuses(&doc["paths"]["/users/{id}"]["patch"]),
            ["200", "401", "403"]
        );
        assert_eq!(
            statuses(&doc["paths"]["/users/{id}"]["delete"]),
            ["204", "401", "403"]
        );
    }

    #[test]
    fn an_operation_without_a_session_gets_no_401() {
        let list = &document()["paths"]["/users"]["get"];
        assert_eq!(statuses(list), ["200"]);
        assert_eq!(list.get("security"), None);
    }

    #[test]
    fn the_document_names_only_schemes_it_defines() {
        let doc = document();
        let schemes = &doc["components"]["securitySchemes"];
        for (path, item) in doc["paths"].as_object().unwrap() {
            for (method, operation) in item.as_object().unwrap() {
                for requirement in operation["security"].as_array().into_iter().flatten() {
                    for name in requirement.as_object().unwrap().keys() {
                        assert!(
                            schemes[name].is_object(),
                            "{method} {path} needs {name}, undefined"
                        );
                    }
                }
            }
        }
        assert_eq!(
            doc["paths"]["/users/{id}"]["patch"]["security"],
            json!([{ "session_token": [] }])
        );
    }
}
// ANCHOR_END: tests
