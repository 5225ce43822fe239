//! Queries, the mutation and pagination, as GraphQL documents over HTTP to
//! the running server.

mod common;

use common::{errors, graphql, seed, start};
use serde_json::json;
use sqlx::PgPool;

// ANCHOR: user_with_jobs
#[sqlx::test(migrator = "users_graphql::MIGRATOR")]
async fn a_user_with_their_jobs(db: PgPool) {
    seed(&db, 2, 3).await;
    let server = start(db, |_| {}).await;

    let answer = graphql(
        &server,
        "query One($id: ID!) { user(id: $id) { name jobs { kind state user { name } } } }",
        json!({ "id": "2" }),
    )
    .await;

    assert_eq!(answer.status, 200);
    let user = &answer.body["data"]["user"];
    assert_eq!(user["name"], "User 2");
    let jobs = user["jobs"].as_array().unwrap();
    assert_eq!(jobs.len(), 3);
    // Newest first: the job seeded first (done) comes last.
    assert_eq!(jobs[0]["state"], "queued");
    assert_eq!(jobs[2]["state"], "done");
    assert!(jobs.iter().all(|job| job["user"]["name"] == "User 2"));
    server.stop().await.unwrap();
}
// ANCHOR_END: user_with_jobs

#[sqlx::test(migrator = "users_graphql::MIGRATOR")]
async fn an_unknown_user_is_null_and_a_bad_id_an_error(db: PgPool) {
    let server = start(db, |_| {}).await;
    let answer = graphql(&server, r#"{ user(id: "42") { name } }"#, json!({})).await;
    assert_eq!(
        answer.body,
        json!({ "data": { "user": null }, "extensions": answer.body["extensions"] })
    );

    let answer = graphql(&server, r#"{ user(id: "abc") { name } }"#, json!({})).await;
    assert_eq!(errors(&answer), [r#""abc" is not a user id"#]);
    assert_eq!(
        answer.body["errors"][0]["extensions"]["code"],
        "BAD_USER_INPUT"
    );
    server.stop().await.unwrap();
}

// ANCHOR: pages
#[sqlx::test(migrator = "users_graphql::MIGRATOR")]
async fn pages_follow_the_cursor_to_the_end(db: PgPool) {
    seed(&db, 5, 0).await;
    let server = start(db, |_| {}).await;
    let query = "query Page($after: String) {
        users(first: 2, after: $after) {
            edges { cursor node { name } }
            pageInfo { hasNextPage endCursor }
        }
    }";

    let mut names = Vec::new();
    let mut after = serde_json::Value::Null;
    loop {
        let answer = graphql(&server, query, json!({ "after": after })).await;
        let page = &answer.body["data"]["users"];
        names.extend(
            page["edges"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["node"]["name"].clone()),
        );
        if page["pageInfo"]["hasNextPage"] == false {
            break;
        }
        after = page["pageInfo"]["endCursor"].clone();
    }

    assert_eq!(names, ["User 1", "User 2", "User 3", "User 4", "User 5"]);
    server.stop().await.unwrap();
}
// ANCHOR_END: pages

#[sqlx::test(migrator = "users_graphql::MIGRATOR")]
async fn a_page_larger_than_100_is_refused(db: PgPool) {
    let server = start(db, |_| {}).await;
    let answer = graphql(
        &server,
        "{ users(first: 101) { edges { node { id } } } }",
        json!({}),
    )
    .await;
    assert_eq!(errors(&answer), ["first must be between 0 and 100"]);
    server.stop().await.unwrap();
}

// ANCHOR: create_user
#[sqlx::test(migrator = "users_graphql::MIGRATOR")]
async fn create_user_then_the_same_email_again(db: PgPool) {
    let server = start(db, |_| {}).await;
    let create = "mutation Create($name: String!, $email: String!) {
        createUser(name: $name, email: $email) { id name email }
    }";

    let answer = graphql(
        &server,
        create,
        json!({ "name": "Ada", "email": "ada@example.com" }),
    )
    .await;
    let created = &answer.body["data"]["createUser"];
    assert_eq!(created["name"], "Ada");
    let id = created["id"].as_str().unwrap().to_owned();

    let read = graphql(
        &server,
        "query($id: ID!) { user(id: $id) { email } }",
        json!({ "id": id }),
    )
    .await;
    assert_eq!(read.body["data"]["user"]["email"], "ada@example.com");

    // The same address in other case: the unique index is on lower(email).
    let again = graphql(
        &server,
        create,
        json!({ "name": "Ada", "email": "ADA@example.com" }),
    )
    .await;
    assert_eq!(errors(&again), ["a user with this email already exists"]);
    assert_eq!(again.body["errors"][0]["extensions"]["code"], "CONFLICT");

    let empty = graphql(
        &server,
        create,
        json!({ "name": " ", "email": "x@example.com" }),
    )
    .await;
    assert_eq!(errors(&empty), ["name must be 1 to 100 characters"]);
    server.stop().await.unwrap();
}
// ANCHOR_END: create_user
