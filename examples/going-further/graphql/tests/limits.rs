//! Hostile documents against the running server: too deep, too wide, and
//! introspection while it is off. Each must be refused with a clear error,
//! before any resolver runs; a normal document must pass.

mod common;

use common::{Answer, errors, graphql, seed, start};
use serde_json::json;
use sqlx::PgPool;

/// What the server said, one line, for the capture.
fn show(name: &str, answer: &Answer) {
    let errors = errors(answer);
    if errors.is_empty() {
        let analyzer = &answer.body["extensions"]["analyzer"];
        println!(
            "{name}: HTTP {}, data, depth {}, complexity {}",
            answer.status, analyzer["depth"], analyzer["complexity"]
        );
    } else {
        println!(
            "{name}: HTTP {}, refused: {}",
            answer.status,
            errors.join("; ")
        );
    }
}

// ANCHOR: normal
#[sqlx::test(migrator = "users_graphql::MIGRATOR")]
async fn a_normal_page_passes(db: PgPool) {
    seed(&db, 100, 3).await;
    let server = start(db, |_| {}).await;
    let answer = graphql(
        &server,
        "{ users(first: 100) {
            edges { node { id name jobs { kind state } } }
            pageInfo { hasNextPage endCursor }
        } }",
        json!({}),
    )
    .await;
    show("a page of 100 users with their jobs", &answer);
    assert!(errors(&answer).is_empty(), "{:?}", answer.body);
    assert_eq!(
        answer.body["data"]["users"]["edges"]
            .as_array()
            .unwrap()
            .len(),
        100
    );
    server.stop().await.unwrap();
}
// ANCHOR_END: normal

// ANCHOR: deep
#[sqlx::test(migrator = "users_graphql::MIGRATOR")]
async fn a_deep_document_is_refused(db: PgPool) {
    seed(&db, 1, 1).await;
    let server = start(db, |_| {}).await;
    // Round the cycle jobs › user four times.
    let mut cycle = String::from("name");
    for _ in 0..4 {
        cycle = format!("jobs {{ user {{ {cycle} }} }}");
    }

    // From one user: every `jobs` multiplies the cost by 20, so the
    // complexity limit refuses it before the depth limit is asked.
    let answer = graphql(
        &server,
        &format!(r#"{{ user(id: "1") {{ {cycle} }} }}"#),
        json!({}),
    )
    .await;
    show("user › jobs › user › … (depth 10)", &answer);
    assert_eq!(errors(&answer), ["Query is too complex."]);

    // From an empty page: the cost is 0 × anything, and only the depth
    // limit stands between this document and the server.
    let document = format!("{{ users(first: 0) {{ edges {{ node {{ {cycle} }} }} }} }}");
    let answer = graphql(&server, &document, json!({})).await;
    show(
        "users(first: 0) › edges › node › jobs › user › … (depth 12)",
        &answer,
    );
    assert_eq!(errors(&answer), ["Query is nested too deep."]);
    assert!(
        answer.body["data"].is_null(),
        "nothing ran: {:?}",
        answer.body
    );
    server.stop().await.unwrap();
}
// ANCHOR_END: deep

// ANCHOR: wide
#[sqlx::test(migrator = "users_graphql::MIGRATOR")]
async fn a_wide_document_is_refused(db: PgPool) {
    seed(&db, 1, 1).await;
    let server = start(db, |_| {}).await;
    // Shallow (depth 5), but the same page of 100 users 20 times, under
    // aliases: each copy costs 2,200, the whole 44,000.
    let copies: String = (0..20)
        .map(|i| format!("u{i}: users(first: 100) {{ edges {{ node {{ jobs {{ kind }} }} }} }} "))
        .collect();
    let answer = graphql(&server, &format!("{{ {copies} }}"), json!({})).await;
    show("20 aliased pages of 100 users with jobs", &answer);
    assert_eq!(errors(&answer), ["Query is too complex."]);

    // One field with a huge page is priced before the resolver could
    // refuse it: 1,000,000 × its selection.
    let answer = graphql(
        &server,
        "{ users(first: 1000000) { edges { node { name } } } }",
        json!({}),
    )
    .await;
    show("users(first: 1000000)", &answer);
    assert_eq!(errors(&answer), ["Query is too complex."]);
    server.stop().await.unwrap();
}
// ANCHOR_END: wide

// ANCHOR: overflow
#[sqlx::test(migrator = "users_graphql::MIGRATOR")]
async fn a_price_too_large_for_usize_is_refused(db: PgPool) {
    seed(&db, 1, 1).await;
    let server = start(db, |_| {}).await;
    // Fifteen rounds of jobs › user: 31 nested selections, under
    // async-graphql's recursion limit of 32, and a price of 20^15 × …,
    // more than a 64-bit usize holds. Plain `*` would panic in a debug
    // build and wrap around to a small price in a release build.
    let mut cycle = String::from("name");
    for _ in 0..15 {
        cycle = format!("jobs {{ user {{ {cycle} }} }}");
    }
    let answer = graphql(
        &server,
        &format!(r#"{{ user(id: "1") {{ name {cycle} }} }}"#),
        json!({}),
    )
    .await;
    show("user › (jobs › user) × 15", &answer);
    assert_eq!(errors(&answer), ["Query is too complex."]);
    server.stop().await.unwrap();
}
// ANCHOR_END: overflow

// ANCHOR: lookups
#[sqlx::test(migrator = "users_graphql::MIGRATOR")]
async fn many_aliased_lookups_are_refused(db: PgPool) {
    seed(&db, 1, 0).await;
    let server = start(db, |_| {}).await;
    // Each root `user` lookup is one SQL statement of its own. Priced at
    // 100, at most 99 fit in a document: 100 of them are refused.
    let lookups = |n: usize| -> String {
        (0..n)
            .map(|i| format!(r#"u{i}: user(id: "1") {{ name }} "#))
            .collect()
    };
    let answer = graphql(&server, &format!("{{ {} }}", lookups(99)), json!({})).await;
    show("99 aliased user lookups", &answer);
    assert!(errors(&answer).is_empty(), "{:?}", answer.body);
    let answer = graphql(&server, &format!("{{ {} }}", lookups(100)), json!({})).await;
    show("100 aliased user lookups", &answer);
    assert_eq!(errors(&answer), ["Query is too complex."]);
    server.stop().await.unwrap();
}
// ANCHOR_END: lookups

// ANCHOR: introspection
const INTROSPECTION: &str = "{ __schema { queryType { name } types { name } } }";

#[sqlx::test(migrator = "users_graphql::MIGRATOR")]
async fn introspection_is_off_by_default(db: PgPool) {
    let server = start(db, |_| {}).await;
    let answer = graphql(&server, INTROSPECTION, json!({})).await;
    println!(
        "__schema, introspection off (the default): HTTP {}, {}",
        answer.status, answer.body["data"]
    );
    // async-graphql answers null, not an error: the field is simply not
    // there for this schema, and no type name leaks.
    assert_eq!(answer.body["data"], json!({ "__schema": null }));
    assert!(errors(&answer).is_empty());
    let answer = graphql(
        &server,
        r#"{ __type(name: "User") { fields { name } } }"#,
        json!({}),
    )
    .await;
    assert_eq!(answer.body["data"], json!({ "__type": null }));

    // __typename is not introspection of the schema: clients (Apollo,
    // Relay) add it to every selection, and it must keep working.
    let answer = graphql(&server, "{ __typename }", json!({})).await;
    assert_eq!(answer.body["data"]["__typename"], "Query");
    server.stop().await.unwrap();
}

#[sqlx::test(migrator = "users_graphql::MIGRATOR")]
async fn introspection_answers_when_turned_on(db: PgPool) {
    let server = start(db, |s| s.introspection = true).await;
    let answer = graphql(&server, INTROSPECTION, json!({})).await;
    show("__schema, GRAPHQL_INTROSPECTION=1", &answer);
    assert_eq!(
        answer.body["data"]["__schema"]["queryType"]["name"],
        "Query"
    );
    let types = answer.body["data"]["__schema"]["types"].as_array().unwrap();
    assert!(types.iter().any(|t| t["name"] == "UserConnection"));
    server.stop().await.unwrap();
}
// ANCHOR_END: introspection

// ANCHOR: batch
#[sqlx::test(migrator = "users_graphql::MIGRATOR")]
async fn a_batch_of_documents_is_refused(db: PgPool) {
    let server = start(db, |_| {}).await;
    // A JSON array of documents: each under the limits, together as much
    // work as the client likes. The GraphQLRequest extractor takes one.
    let one = json!({ "query": "{ users(first: 100) { edges { node { name } } } }" });
    let answer = common::post(&server, &json!(vec![one; 50])).await;
    println!(
        "a JSON array of 50 documents: HTTP {}, {}",
        answer.status, answer.body
    );
    assert_eq!(answer.status, 400);
    server.stop().await.unwrap();
}
// ANCHOR_END: batch
