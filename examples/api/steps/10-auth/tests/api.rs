//! The router driven without a socket: `oneshot` hands it one request and
//! returns its response, as the server does for each request it reads off a
//! connection. `#[sqlx::test]` gives each test a database of its own, new
//! and migrated, on the server DATABASE_URL names, so each starts with no
//! users and ids from 1, and the tests can run side by side. One test per
//! input the API refuses: the list of failures names every broken rule.

mod common;

use std::time::{Duration, Instant};

use argon2::password_hash::phc::PasswordHash;
use argon2::{Argon2, PasswordVerifier};
use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use axum::routing::get;
use serde_json::{Value, json};
use sqlx::PgPool;
use sqlx::postgres::PgPoolOptions;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use tower::ServiceExt;
use users_api::config::Config;

use common::{
    ALLOWED_ORIGIN, bearer, capture_log, config, json_request, request, send, session_for,
};

/// A password every user created here is given: 28 characters.
const PASSWORD: &str = "correct horse battery staple";

fn post_json(uri: &str, body: &Value) -> Request<Body> {
    json_request(Method::POST, uri, body.to_string())
}

fn patch_json(uri: &str, body: &Value) -> Request<Body> {
    json_request(Method::PATCH, uri, body.to_string())
}

/// The token of a signed-in admin, user 1000. An admin is made with SQL
/// only, as in production; the id is set outside the sequence, so the users
/// a test creates through the API still get ids from 1.
async fn admin_token(db: &PgPool) -> String {
    sqlx::query(
        "INSERT INTO users (id, name, email, role) OVERRIDING SYSTEM VALUE
         VALUES (1000, 'Root', 'root@example.com', 'admin')",
    )
    .execute(db)
    .await
    .unwrap();
    session_for(db, 1000).await
}

/// Creates users named `names`, with ids from 1 in that order.
async fn create_users(app: &Router, names: &[&str]) {
    for name in names {
        let email = format!("{name}@example.com");
        let user = json!({ "name": name, "email": email, "password": PASSWORD });
        let (status, body) = send(app, post_json("/users", &user)).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
}

// ANCHOR: tests
#[sqlx::test]
async fn health_checks_the_database(db: PgPool) {
    let app = users_api::app(db.clone(), &config());
    let answer = send(&app, request(Method::GET, "/health")).await;
    assert_eq!(answer, (StatusCode::OK, json!({ "status": "ok" })));
    // The database gone: the process still answers, but not "ok".
    db.close().await;
    let answer = send(&app, request(Method::GET, "/health")).await;
    assert_eq!(
        answer,
        (
            StatusCode::SERVICE_UNAVAILABLE,
            json!({ "error": "database unavailable" })
        )
    );
}

/// A database that does not answer in time: the check's own wait, shorter
/// than the request's timeout, answers with its JSON 503 before the timeout
/// layer's empty one could.
#[sqlx::test]
async fn health_answers_in_time_when_the_database_stalls(db: PgPool) {
    // A pool of one connection, held here: the check waits for it in vain.
    let stalled = PgPoolOptions::new()
        .max_connections(1)
        .connect_with((*db.connect_options()).clone())
        .await
        .unwrap();
    let _held = stalled.acquire().await.unwrap();
    // The shortest timeout REQUEST_TIMEOUT_SECS can set, and shorter than
    // MAX_WAIT: the check must still answer first.
    let one_second = Config {
        request_timeout: Duration::from_secs(1),
        ..config()
    };
    let app = users_api::app(stalled.clone(), &one_second);
    let answer = send(&app, request(Method::GET, "/health")).await;
    let unavailable = json!({ "error": "database unavailable" });
    assert_eq!(answer, (StatusCode::SERVICE_UNAVAILABLE, unavailable));
}

// ANCHOR: create_then_get
#[sqlx::test]
async fn create_then_get(db: PgPool) {
    let app = users_api::app(db, &config());
    let ada = json!({ "name": "Ada", "email": "ada@example.com", "password": PASSWORD });
    let (status, created) = send(&app, post_json("/users", &ada)).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(
        (&created["id"], &created["name"]),
        (&json!(1), &json!("Ada"))
    );
    assert_eq!(created["email"], "ada@example.com");

    // Both handlers serialize the same `User`: the same JSON.
    let answer = send(&app, request(Method::GET, "/users/1")).await;
    assert_eq!(answer, (StatusCode::OK, created));
}
// ANCHOR_END: create_then_get

#[sqlx::test]
async fn created_at_is_rfc3339_in_utc(db: PgPool) {
    let app = users_api::app(db, &config());
    let before = OffsetDateTime::now_utc();
    create_users(&app, &["Ada"]).await;
    let (_, body) = send(&app, request(Method::GET, "/users/1")).await;
    let text = body["created_at"].as_str().unwrap().to_string();
    let created_at = OffsetDateTime::parse(&text, &Rfc3339).expect(&text);
    assert!(text.ends_with('Z'), "{text}");
    // PostgreSQL's clock, not this process's, stamps the row, and the server
    // may run elsewhere (a VM, a managed service) and be a little off.
    let skew = (created_at - before).abs();
    assert!(skew < time::Duration::minutes(1), "{text}: {skew} off");
}
// ANCHOR_END: tests

#[sqlx::test]
async fn list_shows_every_user_by_id(db: PgPool) {
    let app = users_api::app(db, &config());
    create_users(&app, &["Ada", "Grace"]).await;
    let (status, body) = send(&app, request(Method::GET, "/users")).await;
    assert_eq!(status, StatusCode::OK);
    let names: Vec<_> = body["users"]
        .as_array()
        .unwrap()
        .iter()
        .map(|user| (user["id"].clone(), user["name"].clone()))
        .collect();
    assert_eq!(
        names,
        [(json!(1), json!("Ada")), (json!(2), json!("Grace"))]
    );
}

#[sqlx::test]
async fn unknown_id_is_404(db: PgPool) {
    let app = users_api::app(db, &config());
    assert_eq!(
        send(&app, request(Method::GET, "/users/42")).await,
        (
            StatusCode::NOT_FOUND,
            json!({ "error": "no user with id 42" })
        )
    );
}

// ANCHOR: rejections
/// The id does not fit `Path<i64>`: axum's 400 and its explanation, in our shape.
#[sqlx::test]
async fn non_numeric_id_is_400_in_our_shape(db: PgPool) {
    let app = users_api::app(db, &config());
    let expected = "Invalid URL: Cannot parse `forty-two` to a `i64`";
    assert_eq!(
        send(&app, request(Method::GET, "/users/forty-two")).await,
        (StatusCode::BAD_REQUEST, json!({ "error": expected }))
    );
}

#[sqlx::test]
async fn wrong_content_type_is_415_in_our_shape(db: PgPool) {
    let app = users_api::app(db, &config());
    let form = Request::post("/users")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from("name=Ada"))
        .unwrap();
    let (status, body) = send(&app, form).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert!(body["error"].is_string(), "{body}");
}
// ANCHOR_END: rejections

// ANCHOR: bodies
/// A field left out or `null` is `None`: our 422, naming it.
#[sqlx::test]
async fn missing_field_is_422_naming_it(db: PgPool) {
    let app = users_api::app(db, &config());
    for (body, missing) in [
        (json!({ "name": "Ada" }), "email"),
        (json!({ "email": "ada@example.com" }), "name"),
        (json!({ "name": "Ada", "email": null }), "email"),
        (
            json!({ "name": "Ada", "email": "ada@example.com" }),
            "password",
        ),
    ] {
        let (status, answer) = send(&app, post_json("/users", &body)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let expected = json!({ "error": format!("{missing} is required"), "field": missing });
        assert_eq!(answer, expected);
    }
}

/// A value of the wrong type is serde's refusal: axum's 422, in our shape.
#[sqlx::test]
async fn wrong_type_is_axums_422(db: PgPool) {
    let app = users_api::app(db, &config());
    let body = json!({ "name": 5, "email": "ada@example.com" });
    let (status, answer) = send(&app, post_json("/users", &body)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let message = answer["error"].as_str().unwrap().to_string();
    let serdes_words = "name: invalid type: integer `5`, expected a string";
    assert!(message.contains(serdes_words), "{message}");
}

#[sqlx::test]
async fn broken_json_is_400(db: PgPool) {
    let app = users_api::app(db, &config());
    let broken = Request::post("/users")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(r#"{"name": "Ada", "#))
        .unwrap();
    let (status, answer) = send(&app, broken).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(answer["error"].is_string(), "{answer}");
}

/// Keys the payload does not declare are skipped: a client cannot choose
/// its id or its creation time.
#[sqlx::test]
async fn unknown_keys_are_ignored(db: PgPool) {
    let app = users_api::app(db, &config());
    let body = json!({
        "name": "Ada",
        "email": "ada@example.com",
        "password": PASSWORD,
        "id": 99,
        "created_at": "1970-01-01T00:00:00Z"
    });
    let (status, user) = send(&app, post_json("/users", &body)).await;
    assert_eq!(status, StatusCode::CREATED);
    assert_eq!(user["id"], 1);
    assert_ne!(user["created_at"], "1970-01-01T00:00:00Z");
}
// ANCHOR_END: bodies

// ANCHOR: validation
/// POSTs `user` and expects our 422 naming `field` with `message`, and no
/// user stored: what every refused value must get.
async fn assert_refused(app: &Router, user: Value, field: &str, message: &str) {
    let answer = send(app, post_json("/users", &user)).await;
    let expected = json!({ "error": message, "field": field });
    assert_eq!(
        answer,
        (StatusCode::UNPROCESSABLE_ENTITY, expected),
        "{user}"
    );
    let (_, list) = send(app, request(Method::GET, "/users")).await;
    assert_eq!(list["users"], json!([]), "stored anyway: {user}");
}

const NAME_RULE: &str = "name must be 1 to 100 characters";
const EMAIL_RULE: &str = "email must look like name@example.com";

#[sqlx::test]
async fn blank_name_is_422(db: PgPool) {
    let user = json!({ "name": "   ", "email": "ada@example.com" });
    assert_refused(&users_api::app(db, &config()), user, "name", NAME_RULE).await;
}

#[sqlx::test]
async fn name_of_101_characters_is_422(db: PgPool) {
    let user = json!({ "name": "x".repeat(101), "email": "ada@example.com" });
    assert_refused(&users_api::app(db, &config()), user, "name", NAME_RULE).await;
}

/// PostgreSQL's `text` cannot hold NUL: without the check, a 500.
#[sqlx::test]
async fn nul_in_a_name_is_422_not_a_database_error(db: PgPool) {
    let user = json!({ "name": "Ada\0", "email": "ada@example.com" });
    let message = "name must not contain the NUL character (\\u0000)";
    assert_refused(&users_api::app(db, &config()), user, "name", message).await;
}

#[sqlx::test]
async fn email_without_at_is_422(db: PgPool) {
    let user = json!({ "name": "Ada", "email": "ada.example.com" });
    assert_refused(&users_api::app(db, &config()), user, "email", EMAIL_RULE).await;
}

#[sqlx::test]
async fn email_without_a_dot_in_its_domain_is_422(db: PgPool) {
    let user = json!({ "name": "Ada", "email": "ada@example" });
    assert_refused(&users_api::app(db, &config()), user, "email", EMAIL_RULE).await;
}

/// The limit is in characters, as the table's CHECK counts them: 100 `é`
/// are 200 bytes, and a name.
#[sqlx::test]
async fn name_of_100_two_byte_characters_is_accepted(db: PgPool) {
    let app = users_api::app(db, &config());
    let name = "é".repeat(100);
    let user = json!({ "name": name, "email": "e@example.com", "password": PASSWORD });
    let (status, body) = send(&app, post_json("/users", &user)).await;
    assert_eq!((status, &body["name"]), (StatusCode::CREATED, &json!(name)));
}

/// What the checks return is what is stored: the name without its spaces.
#[sqlx::test]
async fn names_and_emails_are_stored_trimmed(db: PgPool) {
    let app = users_api::app(db, &config());
    let spaced = json!({
        "name": "  Ada Lovelace ",
        "email": " ada@example.com ",
        "password": PASSWORD
    });
    let (status, body) = send(&app, post_json("/users", &spaced)).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    assert_eq!(
        (&body["name"], &body["email"]),
        (&json!("Ada Lovelace"), &json!("ada@example.com"))
    );
}

/// A PATCH that changes nothing is refused, naming no field; one that
/// changes a field to a bad value names it.
#[sqlx::test]
async fn patch_is_checked_like_create(db: PgPool) {
    let app = users_api::app(db.clone(), &config());
    create_users(&app, &["Ada"]).await;
    let ada = session_for(&db, 1).await;
    // Empty, misspelt, or null: nothing to change, and no field to blame.
    for body in [
        json!({}),
        json!({ "nmae": "Ada L." }),
        json!({ "name": null }),
    ] {
        let (status, answer) = send(&app, bearer(patch_json("/users/1", &body), &ada)).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let expected = json!({ "error": "nothing to update: send name, email or both" });
        assert_eq!(answer, expected);
    }
    let bad_email = patch_json("/users/1", &json!({ "email": "ada" }));
    let (status, answer) = send(&app, bearer(bad_email, &ada)).await;
    assert_eq!(
        (status, answer["field"].clone()),
        (StatusCode::UNPROCESSABLE_ENTITY, json!("email"))
    );
}
// ANCHOR_END: validation

// ANCHOR: pages
#[sqlx::test]
async fn list_pages_through_users(db: PgPool) {
    let app = users_api::app(db, &config());
    create_users(&app, &["Ada", "Grace", "Linus"]).await;
    let page = |uri| {
        let app = app.clone();
        async move { send(&app, request(Method::GET, uri)).await.1 }
    };
    let first = page("/users?limit=2").await;
    assert_eq!(first["users"].as_array().unwrap().len(), 2);
    assert_eq!(first["next_offset"], 2);
    let last = page("/users?limit=2&offset=2").await;
    assert_eq!(last["users"][0]["name"], "Linus");
    assert_eq!(last["next_offset"], Value::Null);
}

/// GETs `uri` and expects a 400 whose body is exactly `error`.
async fn assert_bad_page(app: &Router, uri: &str, error: &str) {
    let expected = (StatusCode::BAD_REQUEST, json!({ "error": error }));
    assert_eq!(
        send(app, request(Method::GET, uri)).await,
        expected,
        "{uri}"
    );
}

const LIMIT_RULE: &str = "limit must be between 1 and 100";

#[sqlx::test]
async fn limit_0_is_400(db: PgPool) {
    assert_bad_page(&users_api::app(db, &config()), "/users?limit=0", LIMIT_RULE).await;
}

#[sqlx::test]
async fn limit_101_is_400(db: PgPool) {
    assert_bad_page(
        &users_api::app(db, &config()),
        "/users?limit=101",
        LIMIT_RULE,
    )
    .await;
}

#[sqlx::test]
async fn negative_offset_is_400(db: PgPool) {
    let error = "offset must be 0 or more";
    assert_bad_page(&users_api::app(db, &config()), "/users?offset=-1", error).await;
}

/// Not a number: serde's refusal, before the handler runs, in our shape.
#[sqlx::test]
async fn limit_that_is_no_number_is_400(db: PgPool) {
    let error = "Failed to deserialize query string: limit: invalid digit found in string";
    assert_bad_page(&users_api::app(db, &config()), "/users?limit=ten", error).await;
}
// ANCHOR_END: pages

// ANCHOR: update
#[sqlx::test]
async fn patch_changes_only_the_fields_sent(db: PgPool) {
    let app = users_api::app(db.clone(), &config());
    create_users(&app, &["Ada"]).await;
    // An admin: the only one who may ask for a user that does not exist.
    let admin = admin_token(&db).await;
    let rename = json!({ "name": "Ada Lovelace" });
    let (_, before) = send(&app, request(Method::GET, "/users/1")).await;
    let (status, body) = send(&app, bearer(patch_json("/users/1", &rename), &admin)).await;
    assert_eq!(status, StatusCode::OK);
    let mut expected = before;
    expected["name"] = json!("Ada Lovelace");
    assert_eq!(body, expected);

    let (status, _) = send(&app, bearer(patch_json("/users/2", &rename), &admin)).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}
// ANCHOR_END: update

#[sqlx::test]
async fn delete_removes_once_and_the_id_is_not_reused(db: PgPool) {
    let app = users_api::app(db.clone(), &config());
    let ada = json!({ "name": "Ada", "email": "ada@example.com", "password": PASSWORD });
    send(&app, post_json("/users", &ada)).await;
    let admin = admin_token(&db).await;
    let delete = || bearer(request(Method::DELETE, "/users/1"), &admin);
    assert_eq!(send(&app, delete()).await.0, StatusCode::NO_CONTENT);
    assert_eq!(send(&app, delete()).await.0, StatusCode::NOT_FOUND);

    let (_, body) = send(&app, post_json("/users", &ada)).await;
    assert_eq!(body["id"], 2);
}

// ANCHOR: router_answers
/// A path that matches with a method it does not have: 405, and the methods
/// it does have in `allow`, without any handler of ours running.
#[sqlx::test]
async fn wrong_method_is_405_listing_the_allowed_ones(db: PgPool) {
    let app = users_api::app(db, &config());
    let response = app.oneshot(request(Method::PUT, "/users/1")).await.unwrap();
    assert_eq!(response.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(response.headers()[header::ALLOW], "GET,HEAD,PATCH,DELETE");
}

#[sqlx::test]
async fn unknown_path_is_404(db: PgPool) {
    let app = users_api::app(db, &config());
    let answer = send(&app, request(Method::GET, "/nope")).await;
    assert_eq!(answer, (StatusCode::NOT_FOUND, Value::Null));
}

/// A `get` route answers HEAD too, with the body left off.
#[sqlx::test]
async fn head_is_get_without_the_body(db: PgPool) {
    let app = users_api::app(db, &config());
    let answer = send(&app, request(Method::HEAD, "/health")).await;
    assert_eq!(answer, (StatusCode::OK, Value::Null));
}
// ANCHOR_END: router_answers

// ANCHOR: database
/// Emails are unique whatever their case: the index on lower(email) refuses
/// the second row, and the handler turns that into a 409.
#[sqlx::test]
async fn taken_email_is_409_in_any_case(db: PgPool) {
    let app = users_api::app(db, &config());
    create_users(&app, &["Ada"]).await;
    let again = json!({ "name": "Ada", "email": "ADA@example.com", "password": PASSWORD });
    let expected = json!({ "error": "a user with this email already exists", "field": "email" });
    assert_eq!(
        send(&app, post_json("/users", &again)).await,
        (StatusCode::CONFLICT, expected)
    );
}

#[sqlx::test]
async fn patch_to_a_taken_email_is_409(db: PgPool) {
    let app = users_api::app(db.clone(), &config());
    create_users(&app, &["Ada", "Grace"]).await;
    let grace = session_for(&db, 2).await;
    let taken = json!({ "email": "ada@example.com" });
    let (status, _) = send(&app, bearer(patch_json("/users/2", &taken), &grace)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let (_, grace) = send(&app, request(Method::GET, "/users/2")).await;
    assert_eq!(grace["email"], "Grace@example.com");
}

/// What the API wrote is a row that SQL reads back.
#[sqlx::test]
async fn a_created_user_is_a_row(db: PgPool) {
    let app = users_api::app(db.clone(), &config());
    create_users(&app, &["Ada"]).await;
    let row: (i64, String, String) = sqlx::query_as("SELECT id, name, email FROM users")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(row, (1, "Ada".into(), "Ada@example.com".into()));
}

/// Values travel apart from the SQL text, as bind parameters: a name that
/// looks like SQL is stored and read back as it is.
#[sqlx::test]
async fn input_that_looks_like_sql_is_just_data(db: PgPool) {
    let app = users_api::app(db, &config());
    let name = "Robert'); DROP TABLE users;--";
    let bobby = json!({ "name": name, "email": "bobby@example.com", "password": PASSWORD });
    let (status, _) = send(&app, post_json("/users", &bobby)).await;
    assert_eq!(status, StatusCode::CREATED);
    let (_, body) = send(&app, request(Method::GET, "/users/1")).await;
    assert_eq!(body["name"], name);
}

// ANCHOR_END: database

// ANCHOR: passwords
/// A password is required, and 8 to 128 characters, spaces included.
#[sqlx::test]
async fn a_password_is_8_to_128_characters(db: PgPool) {
    let app = users_api::app(db, &config());
    let rule = "password must be 8 to 128 characters";
    for short in ["", "seven 7"] {
        let user = json!({ "name": "Ada", "email": "ada@example.com", "password": short });
        assert_refused(&app, user, "password", rule).await;
    }
    let long = json!({ "name": "Ada", "email": "ada@example.com", "password": "x".repeat(129) });
    assert_refused(&app, long, "password", rule).await;
    for (n, password) in ["eight 8!".to_string(), "é".repeat(128)].iter().enumerate() {
        let user =
            json!({ "name": "Ada", "email": format!("ada{n}@example.com"), "password": password });
        let (status, body) = send(&app, post_json("/users", &user)).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
    }
}

/// The password is kept as an Argon2id hash that verifies it, in
/// `credentials`, and no answer carries either.
#[sqlx::test]
async fn the_password_is_stored_hashed_and_never_sent(db: PgPool) {
    let app = users_api::app(db.clone(), &config());
    create_users(&app, &["Ada"]).await;
    let answers = [
        send(&app, request(Method::GET, "/users/1")).await.1,
        send(&app, request(Method::GET, "/users")).await.1,
    ];
    for answer in answers {
        let text = answer.to_string();
        assert!(
            !text.contains("password") && !text.contains(PASSWORD),
            "{text}"
        );
    }
    let stored: String =
        sqlx::query_scalar("SELECT password_hash FROM credentials WHERE user_id = 1")
            .fetch_one(&db)
            .await
            .unwrap();
    // The algorithm and the parameters it was made with travel with it.
    assert!(
        stored.starts_with("$argon2id$v=19$m=8,t=1,p=1$"),
        "{stored}"
    );
    let hash = PasswordHash::new(&stored).unwrap();
    assert!(
        Argon2::default()
            .verify_password(PASSWORD.as_bytes(), &hash)
            .is_ok()
    );
    assert!(
        Argon2::default()
            .verify_password(b"correct horse", &hash)
            .is_err()
    );
}

/// Each hash has a salt of its own: one password, two different hashes.
#[sqlx::test]
async fn one_password_two_users_two_hashes(db: PgPool) {
    let app = users_api::app(db.clone(), &config());
    create_users(&app, &["Ada", "Grace"]).await;
    let hashes: Vec<String> = sqlx::query_scalar("SELECT password_hash FROM credentials")
        .fetch_all(&db)
        .await
        .unwrap();
    assert_eq!(hashes.len(), 2);
    assert_ne!(hashes[0], hashes[1]);
}

/// ON DELETE CASCADE: a deleted user's hash goes with it.
#[sqlx::test]
async fn deleting_a_user_deletes_its_password(db: PgPool) {
    let app = users_api::app(db.clone(), &config());
    create_users(&app, &["Ada"]).await;
    let ada = session_for(&db, 1).await;
    let (status, _) = send(&app, bearer(request(Method::DELETE, "/users/1"), &ada)).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM credentials")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(left, 0);
}
// ANCHOR_END: passwords

// ANCHOR: permits
/// A sign-up waits for a hash permit, and gets a 503 with the usual error
/// body when none comes in time; nothing is written.
#[sqlx::test]
async fn a_sign_up_with_no_hash_permit_in_time_is_503(db: PgPool) {
    // No permit at all: what a request sees while every permit is held.
    let busy = Config {
        max_hashes: 0,
        hash_wait: Duration::from_millis(50),
        ..config()
    };
    let app = users_api::app(db.clone(), &busy);
    let ada = json!({ "name": "Ada", "email": "ada@example.com", "password": PASSWORD });
    let answer = send(&app, json_request(Method::POST, "/users", ada.to_string())).await;
    let busy = json!({ "error": "the server is busy: try again shortly" });
    assert_eq!(answer, (StatusCode::SERVICE_UNAVAILABLE, busy));
    let users: i64 = sqlx::query_scalar("SELECT count(*) FROM users")
        .fetch_one(&db)
        .await
        .unwrap();
    assert_eq!(users, 0);
}

/// A hash gives its permit back when it is done: with one permit, sign-ups
/// one after another all get theirs.
#[sqlx::test]
async fn a_hash_gives_its_permit_back(db: PgPool) {
    let one = Config {
        max_hashes: 1,
        ..config()
    };
    let app = users_api::app(db, &one);
    create_users(&app, &["Ada", "Grace", "Alan"]).await;
}
// ANCHOR_END: permits

// ANCHOR: outage
/// With no connection to be had, reading, listing and creating each fail
/// with a 500 that says nothing of the database's insides, which go to the
/// log instead.
#[sqlx::test]
async fn database_gone_is_500_without_details(db: PgPool) {
    let (log, _guard) = capture_log();
    let app = users_api::app(db.clone(), &config());
    db.close().await;
    let ada = json!({ "name": "Ada", "email": "ada@example.com", "password": PASSWORD });
    for attempt in [
        request(Method::GET, "/users/1"),
        request(Method::GET, "/users"),
        post_json("/users", &ada),
    ] {
        let expected = json!({ "error": "internal error" });
        assert_eq!(
            send(&app, attempt).await,
            (StatusCode::INTERNAL_SERVER_ERROR, expected)
        );
    }
    let log = log.text();
    let details = log
        .lines()
        .filter(|line| line.contains("ERROR") && line.contains("closed pool"))
        .count();
    assert_eq!(
        details, 3,
        "one ERROR line with SQLx's words per request:\n{log}"
    );
}
// ANCHOR_END: outage

// ANCHOR: layers_tests
#[sqlx::test]
async fn every_response_carries_a_request_id(db: PgPool) {
    let app = users_api::app(db, &config());
    let response = app
        .clone()
        .oneshot(request(Method::GET, "/health"))
        .await
        .unwrap();
    let id = response.headers()[users_api::REQUEST_ID].to_str().unwrap();
    assert_eq!(id.len(), 36, "a UUID: {id}");
    // An id the caller sends (a gateway, another service) is kept.
    let forwarded = Request::get("/health")
        .header(users_api::REQUEST_ID, "from-the-gateway")
        .body(Body::empty())
        .unwrap();
    let response = app.oneshot(forwarded).await.unwrap();
    assert_eq!(
        response.headers()[users_api::REQUEST_ID],
        "from-the-gateway"
    );
}

#[sqlx::test]
async fn cors_answers_only_the_allowed_origins(db: PgPool) {
    let app = users_api::app(db, &config());
    let preflight = |origin: &str| {
        Request::options("/users")
            .header(header::ORIGIN, origin)
            .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
            .body(Body::empty())
            .unwrap()
    };
    let allowed = ALLOWED_ORIGIN;
    let response = app.clone().oneshot(preflight(allowed)).await.unwrap();
    assert_eq!(
        response.headers()[header::ACCESS_CONTROL_ALLOW_ORIGIN],
        allowed
    );
    let response = app
        .oneshot(preflight("https://evil.example"))
        .await
        .unwrap();
    let headers = response.headers();
    assert!(
        !headers.contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN),
        "{headers:?}"
    );
}

#[sqlx::test]
async fn browser_code_may_read_the_request_id(db: PgPool) {
    let app = users_api::app(db, &config());
    let allowed = ALLOWED_ORIGIN;
    let request = Request::get("/health")
        .header(header::ORIGIN, allowed)
        .body(Body::empty())
        .unwrap();
    let response = app.oneshot(request).await.unwrap();
    let headers = response.headers();
    assert_eq!(headers[header::ACCESS_CONTROL_ALLOW_ORIGIN], allowed);
    assert_eq!(
        headers[header::ACCESS_CONTROL_EXPOSE_HEADERS],
        users_api::REQUEST_ID
    );
}

#[sqlx::test]
async fn a_body_over_the_limit_is_413(db: PgPool) {
    let app = users_api::app(db, &config());
    let name = "x".repeat(users_api::MAX_BODY_BYTES);
    let user = json!({ "name": name, "email": "big@example.com" });
    let (status, body) = send(&app, post_json("/users", &user)).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        body["error"].as_str().unwrap().contains("length limit"),
        "{body}"
    );
}

#[tokio::test]
async fn a_request_past_the_timeout_is_503() {
    async fn slow() -> &'static str {
        tokio::time::sleep(Duration::from_secs(5)).await;
        "too late"
    }
    // A route of the test's own, in the service's layers with a short timeout.
    let router = Router::new().route("/slow", get(slow));
    let short = Config {
        request_timeout: Duration::from_millis(100),
        ..config()
    };
    let app = users_api::layers(router, &short);
    let started = Instant::now();
    let answer = send(&app, request(Method::GET, "/slow")).await;
    assert_eq!(answer, (StatusCode::SERVICE_UNAVAILABLE, Value::Null));
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "the handler was not cut off"
    );
}
// ANCHOR_END: layers_tests
