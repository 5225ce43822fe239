//! Chapter 17: streams. A task sends access-log events into a channel, the
//! receiver becomes a Stream, and StreamExt's adapters filter, map and take
//! from it as Iterator's do, with an `.await` for each item. Then a stream
//! that goes quiet, given a timeout per item.

use std::time::Duration;
use tokio::sync::mpsc;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::ReceiverStream;

#[derive(Debug)]
struct Event {
    path: &'static str,
    status: u16,
    ms: u32,
}

/// What the producer sends: path, status, milliseconds.
const EVENTS: [(&str, u16, u32); 8] = [
    ("/health", 200, 1),
    ("/users", 200, 12),
    ("/users/7", 404, 3),
    ("/orders", 503, 950),
    ("/users", 200, 9),
    ("/orders", 500, 40),
    ("/billing", 502, 1200),
    ("/orders", 503, 980),
];

async fn first_server_errors() {
    // A bounded channel: a sender waits when 4 events are waiting.
    let (tx, rx) = mpsc::channel::<Event>(4);
    tokio::spawn(async move {
        for (path, status, ms) in EVENTS {
            let event = Event { path, status, ms };
            // An error means the receiver is gone: stop producing.
            if tx.send(event).await.is_err() {
                return;
            }
        }
    });

    let mut alerts = ReceiverStream::new(rx)
        .filter(|event| event.status >= 500)
        .map(|event| format!("{} {} in {} ms", event.status, event.path, event.ms))
        .take(3);

    println!("the first 3 server errors:");
    while let Some(alert) = alerts.next().await {
        println!("  {alert}");
    }
}

async fn quiet_stream() {
    let (tx, rx) = mpsc::channel::<&str>(4);
    tokio::spawn(async move {
        for line in ["GET /users", "GET /orders"] {
            tx.send(line).await.unwrap();
        }
        // Then nothing for a long time, with the channel still open.
        tokio::time::sleep(Duration::from_secs(10)).await;
    });

    println!("a stream that goes quiet, 100 ms allowed per item:");
    let lines = ReceiverStream::new(rx).timeout(Duration::from_millis(100));
    tokio::pin!(lines);
    while let Some(item) = lines.next().await {
        match item {
            Ok(line) => println!("  {line}"),
            Err(elapsed) => {
                println!("  {elapsed}: giving up on the stream");
                break;
            }
        }
    }
}

#[tokio::main]
async fn main() {
    first_server_errors().await;
    quiet_stream().await;
}
