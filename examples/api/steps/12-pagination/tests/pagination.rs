//! Pages of users, by offset and after a cursor. The users are written with
//! SQL (no password needed to be listed), so ids run from 1 in order.

mod common;

use axum::Router;
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};
use sqlx::PgPool;

use common::{config, request, send};

/// Users 1 to `count`, by SQL, as the measurement seeds 100,000 of them.
async fn seed(db: &PgPool, count: i32) {
    sqlx::query(
        "INSERT INTO users (name, email)
         SELECT 'User ' || i, 'user' || i || '@example.com' FROM generate_series(1, $1) AS i",
    )
    .bind(count)
    .execute(db)
    .await
    .unwrap();
}

/// GET `uri`, which must answer 200: the ids on the page, and the page.
async fn page(app: &Router, uri: &str) -> (Vec<i64>, Value) {
    let (status, body) = send(app, request(Method::GET, uri)).await;
    assert_eq!(status, StatusCode::OK, "{uri}: {body}");
    let ids = body["users"]
        .as_array()
        .unwrap()
        .iter()
        .map(|user| user["id"].as_i64().unwrap())
        .collect();
    (ids, body)
}

/// The page's fields besides `users`, for one comparison.
fn cursors(body: &Value) -> Value {
    json!({
        "limit": body["limit"],
        "offset": body["offset"],
        "after": body["after"],
        "next_offset": body["next_offset"],
        "next_after": body["next_after"],
    })
}

// ANCHOR: keyset
#[sqlx::test]
async fn keyset_pages_through_users(db: PgPool) {
    seed(&db, 5).await;
    let app = users_api::app(db, &config());
    // The first page is the same either way, and offers both ways on.
    let (ids, first) = page(&app, "/users?limit=2").await;
    assert_eq!(ids, [1, 2]);
    assert_eq!(
        cursors(&first),
        json!({ "limit": 2, "offset": 0, "after": null, "next_offset": 2, "next_after": 2 })
    );
    let (ids, second) = page(&app, "/users?limit=2&after=2").await;
    assert_eq!(ids, [3, 4]);
    assert_eq!(
        cursors(&second),
        json!({ "limit": 2, "offset": null, "after": 2, "next_offset": null, "next_after": 4 })
    );
    // The last page: one user, and no cursor onwards.
    let (ids, last) = page(&app, "/users?limit=2&after=4").await;
    assert_eq!(ids, [5]);
    assert_eq!(last["next_after"], Value::Null);
}
// ANCHOR_END: keyset

/// A page that is exactly full is not the last: the extra row says whether
/// one follows, so the page after 4 of 4 users is not offered.
#[sqlx::test]
async fn a_full_last_page_has_no_next_cursor(db: PgPool) {
    seed(&db, 4).await;
    let app = users_api::app(db, &config());
    let (ids, body) = page(&app, "/users?limit=2&after=2").await;
    assert_eq!(ids, [3, 4]);
    assert_eq!(body["next_after"], Value::Null);
}

// ANCHOR: shift
/// A row deleted before the reader's position moves every later row one
/// place forward: the next offset page skips a user, the cursor does not.
#[sqlx::test]
async fn a_deleted_row_shifts_offset_pages_not_keyset_pages(db: PgPool) {
    seed(&db, 6).await;
    let app = users_api::app(db.clone(), &config());
    let (ids, first) = page(&app, "/users?limit=2").await;
    assert_eq!(ids, [1, 2]);
    // Someone else deletes user 1 while the reader looks at page one.
    sqlx::query("DELETE FROM users WHERE id = 1")
        .execute(&db)
        .await
        .unwrap();
    let by_offset = format!("/users?limit=2&offset={}", first["next_offset"]);
    let by_cursor = format!("/users?limit=2&after={}", first["next_after"]);
    assert_eq!(page(&app, &by_offset).await.0, [4, 5], "user 3 skipped");
    assert_eq!(page(&app, &by_cursor).await.0, [3, 4]);
}
// ANCHOR_END: shift

async fn assert_bad_page(app: &Router, uri: &str, error: &str) {
    assert_eq!(
        send(app, request(Method::GET, uri)).await,
        (StatusCode::BAD_REQUEST, json!({ "error": error })),
        "{uri}"
    );
}

// ANCHOR: refusals
#[sqlx::test]
async fn after_and_offset_together_is_400(db: PgPool) {
    let app = users_api::app(db, &config());
    let error = "send after or offset, not both";
    assert_bad_page(&app, "/users?after=2&offset=2", error).await;
    // Not even when they would agree: which one wins is not the client's guess.
    assert_bad_page(&app, "/users?after=0&offset=0", error).await;
}

#[sqlx::test]
async fn the_limit_rule_holds_after_a_cursor(db: PgPool) {
    let app = users_api::app(db, &config());
    let error = "limit must be between 1 and 100";
    assert_bad_page(&app, "/users?after=2&limit=0", error).await;
    assert_bad_page(&app, "/users?after=2&limit=101", error).await;
}

#[sqlx::test]
async fn a_cursor_that_is_no_number_is_400(db: PgPool) {
    let app = users_api::app(db, &config());
    let error = "Failed to deserialize query string: after: invalid digit found in string";
    assert_bad_page(&app, "/users?after=abc", error).await;
}
// ANCHOR_END: refusals
