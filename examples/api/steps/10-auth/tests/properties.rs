//! Property tests through the real router against a real PostgreSQL, with a
//! fresh database per test from `#[sqlx::test]`, as in `api.rs`.
//!
//! What they prove, for the inputs proptest draws (strings of every kind in
//! `name` and `email`, JSON escapes no Rust string can hold, values of the
//! wrong type, numbers at and past the edges of i32, i64 and u64, and text
//! that is no number at all, in every query and path parameter):
//! - every answer is the status the lessons document for that input, a 2xx
//!   exactly when the input is valid, and never a 5xx;
//! - every error body has the service's shape, `{"error": …, "field"?: …}`;
//! - what a 2xx stores is what was sent, trimmed.
//!
//! Each expectation is worked out from the documented rules (`name_ok`,
//! `email_ok`, the page bounds), not by calling the service's own checks.

mod common;

use std::future::Future;
use std::sync::{Arc, Mutex};

use axum::extract::Query;
use axum::http::{Method, StatusCode, Uri};
use proptest::prelude::*;
use proptest::test_runner::{TestCaseError, TestRunner};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use sqlx::PgPool;
use users_api::users::{CreateUser, Page, UpdateUser};

use common::{bearer, config, json_request, request, send, session_for};

/// Cases per property: proptest's default.
const CASES: u32 = 256;

/// The list takes more: a query is cheap, and the input that once overflowed
/// (`offset` = i64::MAX with a valid `limit`) is about one draw in a hundred.
const LIST_CASES: u32 = 1_000;

// ANCHOR: check
/// Runs `property` on `cases` inputs from the strategy `make` builds.
/// proptest's runner is synchronous, so it runs on a blocking thread and
/// waits for each case with `block_on`, while the test's own runtime keeps
/// driving the database connections. A failure reports the smallest input
/// proptest could shrink it to.
async fn check<S, F, Fut>(cases: u32, make: impl FnOnce() -> S + Send + 'static, property: F)
where
    S: Strategy,
    F: Fn(S::Value) -> Fut + Send + 'static,
    Fut: Future<Output = Result<(), TestCaseError>>,
{
    let runtime = tokio::runtime::Handle::current();
    let config = ProptestConfig {
        cases,
        // As the proptest! macro does: a failing case's seed is saved beside
        // this file, in properties.proptest-regressions, and tried first on
        // the next run.
        source_file: Some(file!()),
        ..ProptestConfig::default()
    };
    let outcome = tokio::task::spawn_blocking(move || {
        TestRunner::new(config)
            .run(&make(), |input| runtime.block_on(property(input)))
            .map_err(|failure| failure.to_string())
    })
    .await
    .expect("the property runner itself failed");
    if let Err(failure) = outcome {
        panic!("{failure}");
    }
}
// ANCHOR_END: check

/// The answer an input must get: a status and, where the rules fix it, the body.
#[derive(Debug)]
struct Expected {
    status: StatusCode,
    body: Option<Value>,
}

impl Expected {
    fn status(status: StatusCode) -> Self {
        Expected { status, body: None }
    }
    fn field(field: &str, error: &str) -> Self {
        Expected {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            body: Some(json!({ "error": error, "field": field })),
        }
    }
}

/// Checks the answer against the expectation, and any error body against the
/// service's shape: a non-empty `error`, at most a `field` it knows, nothing else.
fn answer_is(
    (status, body): &(StatusCode, Value),
    expected: &Expected,
    input: &str,
) -> Result<(), TestCaseError> {
    prop_assert_eq!(*status, expected.status, "{} answered {}", input, body);
    if let Some(want) = &expected.body {
        prop_assert_eq!(body, want, "{}", input);
    }
    if !status.is_success() {
        let object = body.as_object();
        prop_assert!(object.is_some(), "{}: error body {}", input, body);
        let object = object.unwrap();
        let error = object.get("error").and_then(Value::as_str);
        prop_assert!(error.is_some_and(|e| !e.is_empty()), "{}: {}", input, body);
        let extra = object.keys().filter(|k| *k != "error" && *k != "field");
        prop_assert_eq!(extra.count(), 0, "{}: {}", input, body);
        if let Some(field) = object.get("field") {
            prop_assert!(field == "name" || field == "email", "{}: {}", input, body);
        }
    }
    Ok(())
}

// ---- The documented rules, restated from the lessons ----

const NUL: &str = "must not contain the NUL character (\\u0000)";

/// A name: no NUL, 1 to 100 characters once trimmed.
fn name_ok(name: &str) -> Result<String, Expected> {
    if name.contains('\0') {
        return Err(Expected::field("name", &format!("name {NUL}")));
    }
    let name = name.trim();
    match name.chars().count() {
        1..=100 => Ok(name.to_string()),
        _ => Err(Expected::field("name", "name must be 1 to 100 characters")),
    }
}

/// An email: no NUL; trimmed, `local@domain` with a dot in the domain and
/// one `@` in all, at most 254 characters.
fn email_ok(email: &str) -> Result<String, Expected> {
    if email.contains('\0') {
        return Err(Expected::field("email", &format!("email {NUL}")));
    }
    let email = email.trim();
    let shaped = match email.split_once('@') {
        Some((local, domain)) => !local.is_empty() && domain.contains('.') && !domain.contains('@'),
        None => false,
    };
    if shaped && email.chars().count() <= 254 {
        Ok(email.to_string())
    } else {
        Err(Expected::field(
            "email",
            "email must look like name@example.com",
        ))
    }
}

/// What a JSON body that axum rejects before the handler gets: over the size
/// limit 413, not JSON 400, JSON of the wrong shape 422 (no field: serde's
/// message). `None` when the body reaches the handler.
fn rejected<Payload: DeserializeOwned>(body: &str) -> Option<Expected> {
    if body.len() > users_api::MAX_BODY_BYTES {
        return Some(Expected::status(StatusCode::PAYLOAD_TOO_LARGE));
    }
    let error = serde_json::from_str::<Payload>(body).err()?;
    Some(Expected::status(if error.is_data() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::BAD_REQUEST
    }))
}

// ---- Strategies ----

/// Text of every kind: any Unicode, a mix weighted toward spaces, NUL and
/// characters of several byte lengths, empty, and lengths at and past the
/// limits (100 and 254) up to past the 16 KiB body limit.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        3 => r"[ \t\n\x00\u{a0}\u{3000}aZ@.é漢😀]{0,12}",
        1 => Just(String::new()),
        1 => prop::sample::select(vec![99, 100, 101, 127, 128, 254, 255, 9_000])
            .prop_map(|n| "é".repeat(n)),
    ]
}

/// An email: either any text, or text put together as `local@domain.tld` so
/// that unusual characters also pass the check and reach the database.
fn email_text() -> impl Strategy<Value = String> {
    prop_oneof![
        text(),
        (text(), text(), text()).prop_map(|(local, domain, tld)| format!("{local}@{domain}.{tld}")),
    ]
}

/// One field of a JSON body, as JSON text, or left out (`None`). Mostly a
/// string; sometimes escapes no Rust string can hold (lone UTF-16
/// surrogates), a raw NUL escape, or a value of another type.
fn field(string: impl Strategy<Value = String>) -> impl Strategy<Value = Option<String>> {
    let odd = vec![
        r#""\ud800""#,
        r#""\udfff""#,
        r#""a\ud83db""#,
        r#""\ud83d\ude00""#,
        r#""\u0000""#,
        "null",
        "0",
        "-1",
        "1e400",
        "true",
        "[]",
        "{}",
    ];
    prop::option::weighted(
        0.9,
        prop_oneof![
            4 => string.prop_map(|s| serde_json::to_string(&s).unwrap()),
            1 => prop::sample::select(odd).prop_map(String::from),
        ],
    )
}

fn body_of(fields: &[(&str, &Option<String>)]) -> String {
    let fields: Vec<String> = fields
        .iter()
        .filter_map(|(key, value)| value.as_ref().map(|v| format!("\"{key}\": {v}")))
        .collect();
    format!("{{{}}}", fields.join(", "))
}

/// A valid password, as JSON: the same in every POST, since these
/// properties are about the name and the email (api.rs tests its rule).
fn password() -> Option<String> {
    Some(r#""correct horse battery staple""#.to_string())
}

/// The value a JSON field carries once parsed: `None` when left out or null.
fn parsed(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .and_then(|json| serde_json::from_str::<Option<String>>(json).ok().flatten())
}

/// Integers at the edges of i32, i64 and u64 and one past each, small ones
/// around the page bounds, and text that is not a decimal integer.
fn number_text() -> impl Strategy<Value = String> {
    let edges: Vec<String> = [
        i64::from(i32::MIN) - 1,
        i64::from(i32::MIN),
        i64::from(i32::MAX),
        i64::from(i32::MAX) + 1,
        i64::MIN,
        i64::MAX,
        -1,
        0,
        1,
        20,
        100,
        101,
    ]
    .iter()
    .map(i64::to_string)
    .chain(
        [
            "9223372036854775808",
            "-9223372036854775809",
            "18446744073709551615",
            "18446744073709551616",
            "",
            " 1",
            "1 ",
            "+1",
            "-0",
            "007",
            "1.0",
            "1e2",
            "0x10",
            "1_000",
            "NaN",
            "inf",
            "٣",
            "ten",
        ]
        .map(String::from),
    )
    .collect();
    prop_oneof![
        6 => prop::sample::select(edges),
        1 => any::<i64>().prop_map(|n| n.to_string()),
        1 => any::<u64>().prop_map(|n| n.to_string()),
        1 => any::<String>(),
    ]
}

/// Percent-encodes everything but unreserved characters, so any text fits in
/// a URI and the server decodes exactly that text.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

// ---- Properties ----

#[sqlx::test]
async fn post_answers_every_body_as_documented(pool: PgPool) {
    let app = users_api::app(pool.clone(), &config());
    let strategy = || (field(text()), field(email_text()));
    check(CASES, strategy, move |(name, email)| {
        let (app, pool) = (app.clone(), pool.clone());
        async move {
            let body = body_of(&[
                ("name", &name),
                ("email", &email),
                ("password", &password()),
            ]);
            let expected = rejected::<CreateUser>(&body).unwrap_or_else(|| {
                let name = parsed(&name).ok_or(Expected::field("name", "name is required"));
                let name = name.and_then(|n| name_ok(&n));
                let email = parsed(&email).ok_or(Expected::field("email", "email is required"));
                match (name, email.and_then(|e| email_ok(&e))) {
                    (Err(expected), _) | (Ok(_), Err(expected)) => expected,
                    (Ok(name), Ok(email)) => Expected {
                        status: StatusCode::CREATED,
                        body: Some(json!({ "name": name, "email": email })),
                    },
                }
            });
            let answer = send(&app, json_request(Method::POST, "/users", body.clone())).await;
            // What the database kept, read back before the table is emptied.
            let fetched = if answer.0 == StatusCode::CREATED {
                let uri = format!("/users/{}", answer.1["id"]);
                Some(send(&app, request(Method::GET, &uri)).await)
            } else {
                None
            };
            // Each case starts from an empty table, so no email is ever taken.
            sqlx::query("DELETE FROM users")
                .execute(&pool)
                .await
                .unwrap();
            if expected.status == StatusCode::CREATED {
                // Stored as sent, trimmed: compare the fields the input decides.
                let (status, user) = &answer;
                prop_assert_eq!(*status, StatusCode::CREATED, "{} answered {}", body, user);
                let want = expected.body.as_ref().unwrap();
                prop_assert_eq!(&user["name"], &want["name"], "{}", body);
                prop_assert_eq!(&user["email"], &want["email"], "{}", body);
                prop_assert_eq!(fetched, Some((StatusCode::OK, user.clone())));
            } else {
                answer_is(&answer, &expected, &body)?;
            }
            Ok(())
        }
    })
    .await;
}

#[sqlx::test]
async fn patch_answers_every_body_as_documented(pool: PgPool) {
    let app = users_api::app(pool.clone(), &config());
    let created = send(
        &app,
        json_request(
            Method::POST,
            "/users",
            r#"{"name": "Ada", "email": "ada@example.com", "password": "correct horse"}"#,
        ),
    )
    .await
    .1;
    let uri = format!("/users/{}", created["id"]);
    // Ada changes herself.
    let token = session_for(&pool, created["id"].as_i64().unwrap()).await;
    // The user as stored after the last successful PATCH.
    let stored = Arc::new(Mutex::new(created));
    let strategy = || (field(text()), field(email_text()));
    check(CASES, strategy, move |(name, email)| {
        let (app, uri, stored, token) = (app.clone(), uri.clone(), stored.clone(), token.clone());
        async move {
            let body = body_of(&[("name", &name), ("email", &email)]);
            let before = stored.lock().unwrap().clone();
            let expected = rejected::<UpdateUser>(&body).unwrap_or_else(|| {
                let (name, email) = (parsed(&name), parsed(&email));
                if name.is_none() && email.is_none() {
                    return Expected {
                        status: StatusCode::UNPROCESSABLE_ENTITY,
                        body: Some(
                            json!({ "error": "nothing to update: send name, email or both" }),
                        ),
                    };
                }
                let name = name.map(|n| name_ok(&n)).transpose();
                match (name, email.map(|e| email_ok(&e)).transpose()) {
                    (Err(expected), _) | (Ok(_), Err(expected)) => expected,
                    (Ok(name), Ok(email)) => {
                        let mut after = before.clone();
                        if let Some(name) = name {
                            after["name"] = json!(name);
                        }
                        if let Some(email) = email {
                            after["email"] = json!(email);
                        }
                        Expected {
                            status: StatusCode::OK,
                            body: Some(after),
                        }
                    }
                }
            });
            let patch = bearer(json_request(Method::PATCH, &uri, body.clone()), &token);
            let answer = send(&app, patch).await;
            answer_is(&answer, &expected, &body)?;
            if answer.0 == StatusCode::OK {
                *stored.lock().unwrap() = answer.1;
            }
            Ok(())
        }
    })
    .await;
}

/// `?limit=&offset=` and a parameter the API does not read (which may also
/// repeat `limit` or `offset`), each present or not.
#[sqlx::test]
async fn list_answers_every_query_as_documented(pool: PgPool) {
    let app = users_api::app(pool, &config());
    for n in 1..=3 {
        let body = json!({
            "name": format!("User {n}"),
            "email": format!("u{n}@example.com"),
            "password": "correct horse"
        });
        send(&app, json_request(Method::POST, "/users", body.to_string())).await;
    }
    let strategy = || {
        let other = prop::sample::select(vec![
            "page", "sort", "LIMIT", "limit[]", "", "limit", "offset",
        ]);
        (
            // A limit in range half the time, so the offset is not refused
            // only for the limit's sake.
            prop::option::weighted(
                0.8,
                prop_oneof![(1..=100i64).prop_map(|n| n.to_string()), number_text()],
            ),
            prop::option::weighted(0.8, number_text()),
            prop::option::of((other, number_text())),
        )
    };
    check(LIST_CASES, strategy, move |(limit, offset, other)| {
        let app = app.clone();
        async move {
            let params: Vec<String> = [("limit", limit), ("offset", offset)]
                .into_iter()
                .chain(other.map(|(key, value)| (key, Some(value))))
                .filter_map(|(key, value)| value.map(|v| format!("{}={}", encode(key), encode(&v))))
                .collect();
            let uri = format!("/users?{}", params.join("&"));
            // Reading the query string is axum's; the bounds are the API's.
            let expected = match Query::<Page>::try_from_uri(&uri.parse::<Uri>().unwrap()) {
                Err(_) => Expected::status(StatusCode::BAD_REQUEST),
                Ok(Query(page)) => {
                    let (limit, offset) = (page.limit.unwrap_or(20), page.offset.unwrap_or(0));
                    let error = if !(1..=100).contains(&limit) {
                        Some("limit must be between 1 and 100")
                    } else if offset < 0 {
                        Some("offset must be 0 or more")
                    } else {
                        None
                    };
                    match error {
                        Some(error) => Expected {
                            status: StatusCode::BAD_REQUEST,
                            body: Some(json!({ "error": error })),
                        },
                        None => {
                            // Three users, ids 1 to 3, in id order.
                            let skip = usize::try_from(offset).unwrap_or(usize::MAX).min(3);
                            let shown = (3 - skip).min(limit as usize);
                            let more = skip + shown < 3;
                            Expected {
                                status: StatusCode::OK,
                                body: Some(json!({
                                    "count": shown,
                                    "limit": limit,
                                    "offset": offset,
                                    "next_offset": more.then(|| offset + limit),
                                })),
                            }
                        }
                    }
                }
            };
            let (status, mut body) = send(&app, request(Method::GET, &uri)).await;
            if status == StatusCode::OK {
                // The users themselves are the list test's business; count them.
                let count = body["users"].as_array().map(Vec::len);
                body = json!({
                    "count": count,
                    "limit": body["limit"],
                    "offset": body["offset"],
                    "next_offset": body["next_offset"],
                });
            }
            answer_is(&(status, body), &expected, &uri)
        }
    })
    .await;
}

/// `{id}` on GET, PATCH and DELETE: any text, numbers at the edges included.
#[sqlx::test]
async fn every_id_in_the_path_is_answered_as_documented(pool: PgPool) {
    let app = users_api::app(pool.clone(), &config());
    let strategy = || {
        let method = prop::sample::select(vec![Method::GET, Method::PATCH, Method::DELETE]);
        (
            method,
            number_text().prop_filter("a path segment", |s| !s.is_empty()),
        )
    };
    check(CASES, strategy, move |(method, id)| {
        let (app, pool) = (app.clone(), pool.clone());
        async move {
            // One user, id 1, present for every case (a DELETE is undone
            // here), and signed in as an admin, who may change any id.
            sqlx::query(
                "INSERT INTO users (id, name, email, role) OVERRIDING SYSTEM VALUE
                 VALUES (1, 'Ada', 'ada@example.com', 'admin') ON CONFLICT DO NOTHING",
            )
            .execute(&pool)
            .await
            .unwrap();
            let token = session_for(&pool, 1).await;
            let uri = format!("/users/{}", encode(&id));
            let expected = match id.parse::<i64>() {
                Err(_) => Expected::status(StatusCode::BAD_REQUEST),
                Ok(1) if method == Method::DELETE => Expected::status(StatusCode::NO_CONTENT),
                Ok(1) => Expected::status(StatusCode::OK),
                Ok(n) => Expected {
                    status: StatusCode::NOT_FOUND,
                    body: Some(json!({ "error": format!("no user with id {n}") })),
                },
            };
            let input = format!("{method} {uri}");
            let request = json_request(method, &uri, r#"{"name": "Ada"}"#);
            let answer = send(&app, bearer(request, &token)).await;
            answer_is(&answer, &expected, &input)
        }
    })
    .await;
}
