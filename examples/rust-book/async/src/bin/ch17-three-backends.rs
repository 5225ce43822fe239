//! Chapter 17: three backend calls with tokio, one after another, then
//! concurrently with join! and with spawned tasks. Then CPU work, where only
//! tasks on several worker threads run in parallel. Real time: the figures
//! vary from run to run.

use std::time::{Duration, Instant};

/// Stands in for a call to another service: `latency` of waiting, no CPU.
async fn fetch(backend: &'static str, latency: Duration) -> String {
    tokio::time::sleep(latency).await;
    format!("{backend} ({} ms)", latency.as_millis())
}

/// Stands in for CPU work (parsing, hashing): the thread is busy for `time`.
fn busy(time: Duration) -> u64 {
    let start = Instant::now();
    let mut spins = 0u64;
    while start.elapsed() < time {
        spins = spins.wrapping_add(1);
    }
    spins
}

/// The same work as a future: no `.await` inside, so one poll runs it all.
async fn cpu_job(time: Duration) -> u64 {
    busy(time)
}

fn ms(since: Instant) -> u128 {
    since.elapsed().as_millis()
}

#[tokio::main]
async fn main() {
    let (users, orders, billing) = (
        Duration::from_millis(30),
        Duration::from_millis(50),
        Duration::from_millis(20),
    );

    let start = Instant::now();
    let a = fetch("users", users).await;
    let b = fetch("orders", orders).await;
    let c = fetch("billing", billing).await;
    println!("one after another: {} ms for {a}, {b}, {c}", ms(start));

    let start = Instant::now();
    let (a, b, c) = tokio::join!(
        fetch("users", users),
        fetch("orders", orders),
        fetch("billing", billing),
    );
    println!("tokio::join!:      {} ms for {a}, {b}, {c}", ms(start));

    let start = Instant::now();
    let handles = vec![
        tokio::spawn(fetch("users", users)),
        tokio::spawn(fetch("orders", orders)),
        tokio::spawn(fetch("billing", billing)),
    ];
    let mut answers = Vec::new();
    for handle in handles {
        answers.push(handle.await.expect("the task panicked"));
    }
    println!(
        "tokio::spawn:      {} ms for {}",
        ms(start),
        answers.join(", ")
    );

    let workers = tokio::runtime::Handle::current().metrics().num_workers();
    let work = Duration::from_millis(40);
    println!(
        "CPU work, 3 jobs of {} ms, {workers} worker threads:",
        work.as_millis()
    );

    let start = Instant::now();
    tokio::join!(cpu_job(work), cpu_job(work), cpu_job(work));
    println!("  tokio::join!:    {} ms", ms(start));

    let start = Instant::now();
    let jobs: Vec<_> = (0..3).map(|_| tokio::spawn(cpu_job(work))).collect();
    for job in jobs {
        job.await.expect("the task panicked");
    }
    println!("  tokio::spawn:    {} ms", ms(start));
}
