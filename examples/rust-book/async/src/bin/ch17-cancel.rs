//! Chapter 17: cancellation. A future that is dropped stops at the `.await`
//! it was waiting on: a timeout, the losing branch of select! and an aborted
//! task all drop one. A Drop guard shows when it happens, and a two-step
//! transfer shows what is left half done.

use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Prints when the future that holds it is dropped, finished or not.
struct OnDrop(&'static str);

impl Drop for OnDrop {
    fn drop(&mut self) {
        println!("  [drop] {}", self.0);
    }
}

async fn call(backend: &'static str, latency_ms: u64) -> &'static str {
    let _guard = OnDrop(backend);
    tokio::time::sleep(Duration::from_millis(latency_ms)).await;
    println!("  {backend} answered");
    backend
}

struct Accounts {
    alice: i64,
    bob: i64,
}

/// Two steps with an `.await` between them: not cancel safe.
async fn transfer(accounts: &Mutex<Accounts>, amount: i64) {
    let _guard = OnDrop("transfer");
    accounts.lock().unwrap().alice -= amount;
    println!("  step 1: took {amount} from alice");
    // Stands in for a call to an audit service before the second write.
    tokio::time::sleep(Duration::from_millis(500)).await;
    accounts.lock().unwrap().bob += amount;
    println!("  step 2: gave {amount} to bob");
}

#[tokio::main]
async fn main() {
    println!("timeout of 50 ms around a call of 1000 ms:");
    let outcome = tokio::time::timeout(Duration::from_millis(50), call("slow backend", 1000)).await;
    println!("  -> {outcome:?}");

    println!("select! between a replica (20 ms) and the primary (1000 ms):");
    let winner = tokio::select! {
        name = call("replica", 20) => name,
        name = call("primary", 1000) => name,
    };
    println!("  -> {winner} won");

    println!("a spawned task, aborted after 50 ms:");
    let task = tokio::spawn(call("report job", 1000));
    tokio::time::sleep(Duration::from_millis(50)).await;
    task.abort();
    match task.await {
        Ok(name) => println!("  -> {name} finished"),
        Err(err) => println!("  -> cancelled: {}", err.is_cancelled()),
    }

    println!("a two-step transfer of 30, timed out after 50 ms:");
    let accounts = Arc::new(Mutex::new(Accounts { alice: 100, bob: 0 }));
    let outcome = tokio::time::timeout(Duration::from_millis(50), transfer(&accounts, 30)).await;
    let accounts = accounts.lock().unwrap();
    println!(
        "  -> {outcome:?}; alice {}, bob {}: {} of 100 left",
        accounts.alice,
        accounts.bob,
        accounts.alice + accounts.bob
    );
}
