//! Exercise: write the test. `assert_blank_name_is_refused` gets the users
//! app and must panic, as a failing test does, unless POST /users with
//! `{"name": "   ", "email": "ada@example.com"}` (a name of three spaces)
//! is answered 422 Unprocessable Entity with exactly
//! `{"error": "name must be 1 to 100 characters", "field": "name"}`, and
//! GET /users afterwards still answers 200 with no user: `[]`.

// ANCHOR: solution
use std::sync::{Arc, Mutex};

use axum::body::Body;
use axum::extract::State;
use axum::http::{Request, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use http_body_util::BodyExt;
use serde::Deserialize;
use serde_json::{Value, json};
use tower::ServiceExt;

/// The users, in memory: this app stands in for the service.
type Users = Arc<Mutex<Vec<Value>>>;

#[derive(Deserialize)]
struct NewUser {
    name: String,
    email: String,
}

const NAME_RULE: &str = "name must be 1 to 100 characters";

/// The rule: 1 to 100 characters once trimmed.
fn name_ok(name: &str) -> bool {
    (1..=100).contains(&name.trim().chars().count())
}

/// Adds a user; returns it with its id.
fn store(users: &Users, name: &str, email: &str) -> Value {
    let mut users = users.lock().unwrap();
    let user = json!({ "id": users.len() + 1, "name": name, "email": email });
    users.push(user.clone());
    user
}

async fn create(State(users): State<Users>, Json(new): Json<NewUser>) -> Response {
    if !name_ok(&new.name) {
        let body = json!({ "error": NAME_RULE, "field": "name" });
        return (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response();
    }
    let user = store(&users, new.name.trim(), &new.email);
    (StatusCode::CREATED, Json(user)).into_response()
}

async fn list(State(users): State<Users>) -> Json<Value> {
    Json(Value::Array(users.lock().unwrap().clone()))
}

/// The app with the given POST /users handler and an empty list of users.
fn app_with<H, T>(create: H) -> Router
where
    H: axum::handler::Handler<T, Users>,
    T: 'static,
{
    let routes = Router::new().route("/users", get(list).post(create));
    routes.with_state(Users::default())
}

fn app() -> Router {
    app_with(create)
}

/// The lesson's helper: the status, and the body as JSON (Null when empty).
async fn send(app: &Router, request: Request<Body>) -> (StatusCode, Value) {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let body = if bytes.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&bytes)
            .unwrap_or_else(|_| panic!("not JSON: {}", String::from_utf8_lossy(&bytes)))
    };
    (status, body)
}

/// Panics unless a blank name is refused with a 422 naming the field, and
/// nothing is stored.
async fn assert_blank_name_is_refused(app: Router) {
    let blank = json!({ "name": "   ", "email": "ada@example.com" });
    let request = Request::post("/users")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(blank.to_string()))
        .unwrap();
    // Status and body in one comparison: a failure shows both.
    assert_eq!(
        send(&app, request).await,
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            json!({ "error": "name must be 1 to 100 characters", "field": "name" })
        )
    );
    // A refusal that stored the user anyway would pass the lines above.
    let list = Request::get("/users").body(Body::empty()).unwrap();
    assert_eq!(send(&app, list).await, (StatusCode::OK, json!([])));
}

#[tokio::main]
async fn main() {
    assert_blank_name_is_refused(app()).await;
    println!("the test passed on the correct app");
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the learner's test fails (panics) on `app`.
    async fn test_fails_on(app: Router) -> bool {
        let test = tokio::spawn(assert_blank_name_is_refused(app));
        test.await.is_err_and(|error| error.is_panic())
    }

    fn answer(status: StatusCode, body: Value) -> Response {
        (status, Json(body)).into_response()
    }

    #[tokio::test]
    async fn passes_on_the_correct_app() {
        assert!(
            !test_fails_on(app()).await,
            "the test should pass on the correct app"
        );
    }

    /// Checks the length before trimming: "   " is three characters.
    #[tokio::test]
    async fn fails_on_an_app_that_forgets_to_trim() {
        async fn untrimmed(State(users): State<Users>, Json(new): Json<NewUser>) -> Response {
            if !(1..=100).contains(&new.name.chars().count()) {
                let body = json!({ "error": NAME_RULE, "field": "name" });
                return answer(StatusCode::UNPROCESSABLE_ENTITY, body);
            }
            answer(StatusCode::CREATED, store(&users, &new.name, &new.email))
        }
        assert!(
            test_fails_on(app_with(untrimmed)).await,
            "this app creates the user: the test should fail"
        );
    }

    #[tokio::test]
    async fn fails_on_an_app_that_answers_400() {
        async fn bad_request(users: State<Users>, new: Json<NewUser>) -> Response {
            let mut response = create(users, new).await;
            if response.status() == StatusCode::UNPROCESSABLE_ENTITY {
                *response.status_mut() = StatusCode::BAD_REQUEST;
            }
            response
        }
        assert!(
            test_fails_on(app_with(bad_request)).await,
            "this app answers 400, not 422: the test should fail"
        );
    }

    #[tokio::test]
    async fn fails_on_an_app_that_does_not_name_the_field() {
        async fn no_field(State(users): State<Users>, Json(new): Json<NewUser>) -> Response {
            if !name_ok(&new.name) {
                let body = json!({ "error": NAME_RULE });
                return answer(StatusCode::UNPROCESSABLE_ENTITY, body);
            }
            answer(StatusCode::CREATED, store(&users, &new.name, &new.email))
        }
        assert!(
            test_fails_on(app_with(no_field)).await,
            "this app's body has no \"field\": the test should fail"
        );
    }

    #[tokio::test]
    async fn fails_on_an_app_that_words_the_error_otherwise() {
        async fn vague(State(users): State<Users>, Json(new): Json<NewUser>) -> Response {
            if !name_ok(&new.name) {
                let body = json!({ "error": "invalid input", "field": "name" });
                return answer(StatusCode::UNPROCESSABLE_ENTITY, body);
            }
            answer(StatusCode::CREATED, store(&users, &new.name, &new.email))
        }
        assert!(
            test_fails_on(app_with(vague)).await,
            "this app's message is not the API's: the test should fail"
        );
    }

    /// Stores first and checks after: the answer is right, the data is not.
    #[tokio::test]
    async fn fails_on_an_app_that_stores_before_checking() {
        async fn stores_first(State(users): State<Users>, Json(new): Json<NewUser>) -> Response {
            let user = store(&users, new.name.trim(), &new.email);
            if !name_ok(&new.name) {
                let body = json!({ "error": NAME_RULE, "field": "name" });
                return answer(StatusCode::UNPROCESSABLE_ENTITY, body);
            }
            answer(StatusCode::CREATED, user)
        }
        assert!(
            test_fails_on(app_with(stores_first)).await,
            "this app keeps the refused user: the test should fail"
        );
    }
}
// ANCHOR_END: tests
