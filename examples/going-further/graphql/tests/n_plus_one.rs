//! The N+1 problem, counted: one GraphQL request for a page of users with
//! their jobs, resolved one user at a time and then through the
//! DataLoader. The statements are counted as sqlx sends them
//! (src/query_count.rs); this binary holds one test, so no other test's
//! statements land in the count.

mod common;

use std::time::Duration;

use common::{graphql, seed, start};
use serde_json::json;
use sqlx::PgPool;
use tracing_subscriber::layer::SubscriberExt;
use users_graphql::query_count::QueryCount;

const USERS: i64 = 100;
const JOBS_EACH: i64 = 3;

// ANCHOR: documents
const USERS_WITH_JOBS: &str =
    "{ users(first: 100) { edges { node { name jobs { kind state } } } } }";
const AND_BACK_TO_THE_USER: &str =
    "{ users(first: 100) { edges { node { name jobs { kind user { name } } } } } }";
// ANCHOR_END: documents

// ANCHOR: count
#[sqlx::test(migrator = "users_graphql::MIGRATOR")]
async fn a_page_of_users_with_jobs_costs_n_plus_one_statements_without_a_dataloader(db: PgPool) {
    let count = QueryCount::default();
    tracing::subscriber::set_global_default(tracing_subscriber::registry().with(count.clone()))
        .expect("the only subscriber of this test binary");
    seed(&db, USERS, JOBS_EACH).await;

    println!("{USERS} users, {JOBS_EACH} jobs each; SQL statements for one request:");
    println!("{:<40} {:>11} {:>11}", "document", "per user", "DataLoader");
    for (name, document) in [
        ("users › jobs", USERS_WITH_JOBS),
        ("users › jobs › user", AND_BACK_TO_THE_USER),
    ] {
        let mut statements = Vec::new();
        for batching in [false, true] {
            // A 5 ms batch window, not the default 1 ms: this debug build,
            // on a machine busy with other builds, can take longer than
            // 1 ms to reach every key of a level, and a late key starts a
            // batch of its own.
            let server = start(db.clone(), |s| {
                s.batching = batching;
                s.batch_delay = Duration::from_millis(5);
            })
            .await;
            count.take(); // what came before this request
            let answer = graphql(&server, document, json!({})).await;
            statements.push(count.take());
            let edges = answer.body["data"]["users"]["edges"]
                .as_array()
                .expect("a page of users");
            assert_eq!(edges.len(), USERS as usize, "{:?}", answer.body["errors"]);
            assert!(
                edges
                    .iter()
                    .all(|e| e["node"]["jobs"].as_array().unwrap().len() == JOBS_EACH as usize)
            );
            server.stop().await.unwrap();
        }
        println!("{name:<40} {:>11} {:>11}", statements[0], statements[1]);
        // Per user: one statement for the page, one per user for its jobs,
        // and (second document) one per job for its user. Exact.
        let levels = if document == USERS_WITH_JOBS { 1 } else { 2 };
        let per_job = if levels == 2 {
            (USERS * JOBS_EACH) as u64
        } else {
            0
        };
        assert_eq!(statements[0], 1 + USERS as u64 + per_job);
        // DataLoader: one per level when all of a level's keys arrive within
        // the batch window; a busy machine can split a level into two or
        // three batches, never into one per key.
        assert!(statements[1] > levels, "{statements:?}");
        assert!(statements[1] <= 1 + 3 * levels, "{statements:?}");
    }
}
// ANCHOR_END: count
