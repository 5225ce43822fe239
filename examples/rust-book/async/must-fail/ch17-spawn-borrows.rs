//! Must not compile (E0373): a spawned task borrows a local of the function
//! that spawned it.

use std::time::Duration;

async fn send_welcome(email: &str) {
    tokio::time::sleep(Duration::from_millis(10)).await;
    println!("welcome mail sent to {email}");
}

#[tokio::main]
async fn main() {
    let email = String::from("ada@example.com");
    let mail = tokio::spawn(async {
        send_welcome(&email).await;
    });
    mail.await.unwrap();
}
