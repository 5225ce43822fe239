//! Exercise: group the items of a stream into batches, as a service does
//! before a bulk INSERT: a batch is written when it is full, or when no new
//! item has come for a while, or when the stream ends.

// ANCHOR: solution
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
    let mut done = Vec::new();
    let mut batch = Vec::new();
    loop {
        match tokio::time::timeout(quiet, items.next()).await {
            Ok(Some(item)) => {
                batch.push(item);
                if batch.len() == max {
                    done.push(std::mem::take(&mut batch));
                }
            }
            Ok(None) => break,
            Err(_quiet) => {
                if !batch.is_empty() {
                    done.push(std::mem::take(&mut batch));
                }
            }
        }
    }
    if !batch.is_empty() {
        done.push(batch);
    }
    done
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    const QUIET: Duration = Duration::from_millis(30);

    /// A stream that sends `groups` one after another, with a pause of
    /// `pause` after each group.
    fn sender(groups: Vec<Vec<u32>>, pause: Duration) -> ReceiverStream<u32> {
        let (tx, rx) = mpsc::channel(64);
        tokio::spawn(async move {
            for group in groups {
                for item in group {
                    tx.send(item).await.unwrap();
                }
                tokio::time::sleep(pause).await;
            }
        });
        ReceiverStream::new(rx)
    }

    #[tokio::test]
    async fn full_batches_are_closed_at_max() {
        let items = tokio_stream::iter(1..=7);
        assert_eq!(
            batches(items, 3, QUIET).await,
            [vec![1, 2, 3], vec![4, 5, 6], vec![7]],
            "7 items, 3 per batch: two full batches, then the last item when the stream ends"
        );
    }

    #[tokio::test]
    async fn an_empty_stream_gives_no_batch() {
        let items = tokio_stream::iter(Vec::<u32>::new());
        assert!(batches(items, 3, QUIET).await.is_empty());
    }

    #[tokio::test]
    async fn a_quiet_pause_closes_a_batch() {
        let items = sender(
            vec![vec![1, 2], vec![3], vec![4, 5]],
            Duration::from_millis(150),
        );
        assert_eq!(
            batches(items, 10, QUIET).await,
            [vec![1, 2], vec![3], vec![4, 5]],
            "a pause of 150 ms is longer than the 30 ms allowed: each group is a batch"
        );
    }

    #[tokio::test]
    async fn a_pause_after_a_full_batch_adds_no_empty_one() {
        let items = sender(vec![vec![1, 2], vec![3, 4]], Duration::from_millis(150));
        assert_eq!(
            batches(items, 2, QUIET).await,
            [vec![1, 2], vec![3, 4]],
            "each group fills a batch; the pauses after them must not add empty batches"
        );
    }
}
// ANCHOR_END: tests
