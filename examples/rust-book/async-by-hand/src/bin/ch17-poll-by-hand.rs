//! Chapter 17: a future polled by hand. An async fn does nothing until it is
//! polled, each poll runs it to its next `.await` that is not ready, and a
//! waker is how a future asks to be polled again. Standard library only.

use std::future::Future;
use std::pin::{Pin, pin};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::task::{Context, Poll, Wake, Waker};

/// Stands in for an answer from the network that arrives after `polls_left` more polls.
struct Reply {
    what: &'static str,
    polls_left: u32,
}

impl Future for Reply {
    type Output = &'static str;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<&'static str> {
        if self.polls_left == 0 {
            println!("    {}: ready", self.what);
            return Poll::Ready(self.what);
        }
        println!("    {}: pending, {} to go", self.what, self.polls_left);
        self.polls_left -= 1;
        // A real future gives the waker to what it waits on (a socket, a
        // timer), which calls it when there is news. This one calls it at once.
        cx.waker().wake_by_ref();
        Poll::Pending
    }
}

async fn handle(id: u32) -> String {
    println!("  handle({id}): started");
    let user = Reply {
        what: "SELECT user",
        polls_left: 2,
    }
    .await;
    let roles = Reply {
        what: "GET /roles",
        polls_left: 1,
    }
    .await;
    format!("request {id}: {user}, then {roles}")
}

/// The waker's state: "poll me again".
struct WakeFlag(AtomicBool);

impl Wake for WakeFlag {
    fn wake(self: Arc<Self>) {
        self.0.store(true, Ordering::SeqCst);
    }
}

/// Runs one future to its end on this thread.
fn block_on<F: Future>(future: F) -> F::Output {
    let flag = Arc::new(WakeFlag(AtomicBool::new(true)));
    let waker = Waker::from(Arc::clone(&flag));
    let mut cx = Context::from_waker(&waker);
    let mut future = pin!(future);
    let mut polls = 0;
    loop {
        if !flag.0.swap(false, Ordering::SeqCst) {
            // A runtime would sleep here until a socket or a timer calls the
            // waker. This program has neither, so nothing could ever wake it.
            panic!("the future is pending and nothing will wake it");
        }
        polls += 1;
        println!("poll {polls}");
        if let Poll::Ready(output) = future.as_mut().poll(&mut cx) {
            return output;
        }
    }
}

fn main() {
    // One poll by hand, with std's waker that does nothing (Rust 1.85 and later).
    let mut cx = Context::from_waker(Waker::noop());
    let mut ping = pin!(Reply {
        what: "PING",
        polls_left: 1,
    });
    let first = ping.as_mut().poll(&mut cx);
    println!("one poll of PING returned {first:?}");

    let request = handle(7);
    println!("handle(7) returned a future; its body has not run");
    let response = block_on(request);
    println!("{response}");
}
