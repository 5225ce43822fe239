//! Chapter 17: what blocking inside async costs, measured. On a runtime with
//! one thread, a ticker task asks to wake every 10 ms and records how late it
//! wakes, while another task does 3 jobs of 50 ms of CPU work: inline, in
//! slices with a yield between them, and on the blocking pool.

use std::time::{Duration, Instant};

const TICK: Duration = Duration::from_millis(10);
const JOB: Duration = Duration::from_millis(50);
const JOBS: u32 = 3;

/// CPU work that never reaches an `.await`: the thread is busy for `time`.
fn cpu_work(time: Duration) -> u64 {
    let start = Instant::now();
    let mut spins = 0u64;
    while start.elapsed() < time {
        spins = spins.wrapping_add(1);
    }
    spins
}

/// Sleeps TICK at a time until `stop`, and returns the worst lateness.
async fn ticker(stop: Instant) -> Duration {
    let mut worst = Duration::ZERO;
    while Instant::now() < stop {
        let asked = Instant::now();
        tokio::time::sleep(TICK).await;
        worst = worst.max(asked.elapsed().saturating_sub(TICK));
    }
    worst
}

#[derive(Clone, Copy)]
enum Way {
    Inline,
    Sliced,
    SpawnBlocking,
}

async fn jobs(way: Way) {
    for _ in 0..JOBS {
        match way {
            // 50 ms without an `.await`: nothing else runs on this thread.
            Way::Inline => {
                cpu_work(JOB);
            }
            // The same work in 1 ms slices, handing the thread back after each.
            Way::Sliced => {
                for _ in 0..JOB.as_millis() {
                    cpu_work(Duration::from_millis(1));
                    tokio::task::yield_now().await;
                }
            }
            // On the blocking pool's thread; this task awaits the result.
            Way::SpawnBlocking => {
                tokio::task::spawn_blocking(|| cpu_work(JOB)).await.unwrap();
            }
        }
    }
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    println!(
        "one runtime thread; a ticker sleeping {} ms at a time, for {} ms;",
        TICK.as_millis(),
        (JOB * (JOBS + 1)).as_millis()
    );
    println!(
        "beside it, {JOBS} jobs of {} ms of CPU work each",
        JOB.as_millis()
    );
    let ways = [
        (None, "no jobs"),
        (Some(Way::Inline), "jobs inline"),
        (Some(Way::Sliced), "jobs in 1 ms slices with yield_now"),
        (Some(Way::SpawnBlocking), "jobs in spawn_blocking"),
    ];
    for (way, label) in ways {
        let worst = runtime.block_on(async move {
            let stop = Instant::now() + JOB * (JOBS + 1);
            // Two tasks on the one thread: the ticker first, then the jobs.
            let ticker = tokio::spawn(ticker(stop));
            let jobs = way.map(|way| tokio::spawn(jobs(way)));
            if let Some(jobs) = jobs {
                jobs.await.unwrap();
            }
            ticker.await.unwrap()
        });
        println!(
            "{label:<36} worst tick late by {:.1} ms",
            worst.as_secs_f64() * 1000.0
        );
    }
}
