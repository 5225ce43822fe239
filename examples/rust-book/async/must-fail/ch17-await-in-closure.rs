//! Must not compile (E0728): `.await` inside a closure, which is not async.

use std::time::Duration;

async fn name_of(id: u32) -> String {
    tokio::time::sleep(Duration::from_millis(10)).await;
    format!("user-{id}")
}

#[tokio::main]
async fn main() {
    let ids = [1, 2, 3];
    let names: Vec<String> = ids.iter().map(|id| name_of(*id).await).collect();
    println!("{names:?}");
}
