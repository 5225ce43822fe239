//! Chapter 16: a fixed pool of worker threads fed by a channel of jobs.
//! Results come back on a second channel, tagged with the job's index, and
//! the main thread puts them back in order.

use std::sync::{Arc, Mutex, mpsc};
use std::thread;

const WORKERS: usize = 3;

/// The work: an ETag for an upload (a real one would hash the file's bytes).
fn etag(name: &str) -> u32 {
    name.bytes().fold(7, |sum, byte| {
        sum.wrapping_mul(31).wrapping_add(u32::from(byte))
    })
}

fn main() {
    let uploads = [
        "avatar-1.png",
        "avatar-2.png",
        "invoice-17.pdf",
        "report-q3.csv",
        "welcome.html",
        "logo.svg",
        "reset.html",
    ];

    let (job_tx, job_rx) = mpsc::channel::<(usize, String)>();
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (result_tx, result_rx) = mpsc::channel::<(usize, u32)>();

    let mut workers = Vec::new();
    for _ in 0..WORKERS {
        let job_rx = Arc::clone(&job_rx);
        let result_tx = result_tx.clone();
        workers.push(thread::spawn(move || {
            let mut done = 0;
            loop {
                let next = job_rx.lock().unwrap().recv();
                let Ok((index, name)) = next else { break };
                result_tx.send((index, etag(&name))).unwrap();
                done += 1;
            }
            done
        }));
    }
    drop(result_tx);

    for (index, name) in uploads.iter().enumerate() {
        job_tx.send((index, name.to_string())).unwrap();
    }
    drop(job_tx);

    let mut results: Vec<(usize, u32)> = result_rx.iter().collect();
    results.sort_by_key(|&(index, _)| index);
    for (index, tag) in results {
        println!("{:<15} etag {tag:08x}", uploads[index]);
    }

    let done: usize = workers.into_iter().map(|w| w.join().unwrap()).sum();
    println!("{WORKERS} workers did {done} of {} jobs", uploads.len());
}
