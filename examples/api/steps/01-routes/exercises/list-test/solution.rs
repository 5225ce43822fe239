//! Exercise: write the test. `assert_lists_ada_and_grace` gets a router that
//! should hold two users, Ada (id 1) and Grace (id 2), and must panic, as a
//! failing test does, unless GET /users answers 200 OK with exactly
//! `[{"id":1,"name":"Ada"},{"id":2,"name":"Grace"}]`.

// ANCHOR: solution
use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::routing::get;
use axum::{Json, Router};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;

/// The app under test: the users it is given, listed at GET /users.
fn app(users: Value) -> Router {
    Router::new().route("/users", get(move || async move { Json(users) }))
}

/// Panics unless GET /users lists Ada and Grace, in id order, with 200 OK.
async fn assert_lists_ada_and_grace(app: Router) {
    let request = Request::get("/users").body(Body::empty()).unwrap();
    let response = app.oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    // Compare parsed JSON, not text: spacing and key order are not the API.
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let body: Value = serde_json::from_slice(&bytes).expect("the body should be JSON");
    assert_eq!(
        body,
        json!([{ "id": 1, "name": "Ada" }, { "id": 2, "name": "Grace" }])
    );
}

#[tokio::main]
async fn main() {
    let users = json!([{ "id": 1, "name": "Ada" }, { "id": 2, "name": "Grace" }]);
    assert_lists_ada_and_grace(app(users)).await;
    println!("the check passed on the correct app");
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the learner's check fails (panics) on `app`.
    async fn check_fails_on(app: Router) -> bool {
        let check = tokio::spawn(assert_lists_ada_and_grace(app));
        check.await.is_err_and(|error| error.is_panic())
    }

    fn ada_and_grace() -> Value {
        json!([{ "id": 1, "name": "Ada" }, { "id": 2, "name": "Grace" }])
    }

    #[tokio::test]
    async fn passes_on_an_app_that_lists_both_users() {
        assert!(
            !check_fails_on(app(ada_and_grace())).await,
            "the check should pass on a correct app"
        );
    }

    #[tokio::test]
    async fn fails_on_an_app_without_the_route() {
        let no_route = Router::new().route("/user", get(|| async { Json(ada_and_grace()) }));
        assert!(
            check_fails_on(no_route).await,
            "GET /users answers 404 here: the check should fail"
        );
    }

    #[tokio::test]
    async fn fails_on_an_app_that_loses_a_user() {
        let only_ada = app(json!([{ "id": 1, "name": "Ada" }]));
        assert!(
            check_fails_on(only_ada).await,
            "Grace is missing here: the check should fail"
        );
    }

    #[tokio::test]
    async fn fails_on_an_app_that_lists_them_out_of_order() {
        let reversed = app(json!([{ "id": 2, "name": "Grace" }, { "id": 1, "name": "Ada" }]));
        assert!(
            check_fails_on(reversed).await,
            "the users come in id order: the check should fail"
        );
    }

    #[tokio::test]
    async fn fails_on_an_app_that_answers_with_another_status() {
        let created = Router::new().route(
            "/users",
            get(|| async { (StatusCode::CREATED, Json(ada_and_grace())) }),
        );
        assert!(
            check_fails_on(created).await,
            "201 Created is not what a list answers: the check should fail"
        );
    }
}
// ANCHOR_END: tests
