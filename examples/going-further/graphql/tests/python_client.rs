//! The API from another language: tests/client.py, Python with only its
//! standard library, against the running server on 127.0.0.1.

mod common;

use std::process::Command;

use common::{seed, start};
use sqlx::PgPool;

// ANCHOR: python
#[sqlx::test(migrator = "users_graphql::MIGRATOR")]
async fn a_python_client_creates_and_pages(db: PgPool) {
    seed(&db, 3, 2).await;
    let server = start(db, |_| {}).await;
    let url = format!("http://{}/graphql", server.addr);

    // Off the runtime's thread: the server answers on that thread while
    // Python waits for it.
    let output = tokio::task::spawn_blocking(move || {
        Command::new("python3")
            .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/client.py"))
            .arg(url)
            .output()
            .expect("python3 is installed (apt-get install python3)")
    })
    .await
    .unwrap();

    let stdout = String::from_utf8_lossy(&output.stdout);
    print!("{stdout}");
    assert!(
        output.status.success(),
        "client.py failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("created: {'id': '4', 'name': 'Grace'}"));
    // Four users, two a page: the client followed the cursor to page 2.
    assert!(stdout.contains("page 2: Grace, jobs []"));
    server.stop().await.unwrap();
}
// ANCHOR_END: python
