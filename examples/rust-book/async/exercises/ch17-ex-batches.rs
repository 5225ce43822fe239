//! Exercise: group the items of a stream into batches, as a service does
//! before a bulk INSERT: a batch is written when it is full, or when no new
//! item has come for a while, or when the stream ends.

use std::time::Duration;
use tokio::sync::mpsc;
use tokio_stream::wrappers::ReceiverStream;
use tokio_stream::{Stream, StreamExt};

/// Reads `items` to its end. A batch is closed when it holds `max` items, or
/// when `quiet` passes with no new item; an empty batch is never returned.
async fn batches<T>(
    mut items: impl Stream<Item = T> + Unpin,
    max: usize,
    quiet: Duration,
) -> Vec<Vec<T>> {
    // TODO: read the stream with `items.next()` under tokio::time::timeout:
    // an item joins the batch, a full batch is closed, a timeout closes the
    // batch in progress (if it has items), and the end of the stream too.
    todo!()
}

#[tokio::main]
async fn main() {
    let (tx, rx) = mpsc::channel(16);
    tokio::spawn(async move {
        for id in 1..=7 {
            tx.send(id).await.unwrap();
        }
    });
    let done = batches(ReceiverStream::new(rx), 3, Duration::from_millis(20)).await;
    println!("{done:?}");
}
