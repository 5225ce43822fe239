//! Chapter 17: a runtime in miniature, on one thread. Tasks wait in a ready
//! queue, a waker puts its task back in the queue, and when no task is ready
//! the runtime waits for the next timer. The clock is pretend: instead of
//! sleeping, the runtime moves it forward, so every run prints the same.
//! Standard library only.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

/// The pretend clock, in milliseconds, and the timers that wait on it.
struct Clock {
    now: u64,
    timers: Vec<(u64, Waker)>,
}

thread_local! {
    static CLOCK: RefCell<Clock> = const { RefCell::new(Clock { now: 0, timers: Vec::new() }) };
}

fn now() -> u64 {
    CLOCK.with(|clock| clock.borrow().now)
}

/// A future that is ready once the clock has reached `until`.
struct Sleep {
    until: u64,
}

fn sleep(ms: u64) -> Sleep {
    Sleep { until: now() + ms }
}

impl Future for Sleep {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        CLOCK.with(|clock| {
            let mut clock = clock.borrow_mut();
            if clock.now >= self.until {
                return Poll::Ready(());
            }
            // Not yet: leave the waker with the timers, and step aside.
            clock.timers.push((self.until, cx.waker().clone()));
            Poll::Pending
        })
    }
}

/// A task's waker: it puts the task's number back in the ready queue.
struct TaskWaker {
    task: usize,
    ready: Arc<Mutex<VecDeque<usize>>>,
}

impl Wake for TaskWaker {
    fn wake(self: Arc<Self>) {
        self.ready.lock().unwrap().push_back(self.task);
    }
}

type Task = Pin<Box<dyn Future<Output = ()>>>;

fn run(tasks: Vec<Task>) {
    // Every task starts out ready.
    let ready = Arc::new(Mutex::new((0..tasks.len()).collect::<VecDeque<_>>()));
    let mut tasks: Vec<Option<Task>> = tasks.into_iter().map(Some).collect();
    loop {
        // 1. Poll each task that is ready, once.
        loop {
            let next = ready.lock().unwrap().pop_front();
            let Some(task) = next else { break };
            let Some(future) = tasks[task].as_mut() else {
                continue;
            };
            println!("[{:>2} ms] runtime: poll task {task}", now());
            let waker = Waker::from(Arc::new(TaskWaker {
                task,
                ready: Arc::clone(&ready),
            }));
            let mut cx = Context::from_waker(&waker);
            if future.as_mut().poll(&mut cx).is_ready() {
                tasks[task] = None;
            }
        }
        // 2. Nothing is ready: wait for the earliest timer (here: move the
        //    clock to it), then wake every task whose timer is due.
        let due = CLOCK.with(|clock| {
            let mut clock = clock.borrow_mut();
            let earliest = clock.timers.iter().map(|(at, _)| *at).min()?;
            println!(
                "[{:>2} ms] runtime: nothing ready, next timer at {earliest} ms",
                clock.now
            );
            clock.now = earliest;
            let (due, waiting) = clock.timers.drain(..).partition(|(at, _)| *at <= earliest);
            clock.timers = waiting;
            Some(due)
        });
        // No task ready and no timer left: nothing can happen any more
        // (here, because every task has finished).
        let Some(due) = due else { return };
        for (_, waker) in due {
            waker.wake();
        }
    }
}

async fn call(backend: &'static str, latency_ms: u64) {
    println!("[{:>2} ms]   {backend}: request sent", now());
    sleep(latency_ms).await;
    println!(
        "[{:>2} ms]   {backend}: answered after {latency_ms} ms",
        now()
    );
}

fn main() {
    run(vec![
        Box::pin(call("users", 30)),
        Box::pin(call("orders", 50)),
        Box::pin(call("billing", 20)),
    ]);
    println!("three calls of 30, 50 and 20 ms: all done at {} ms", now());
}
