//! Chapter 16: scoped threads. Every thread started inside `thread::scope`
//! has ended when `scope` returns, so those threads may borrow local data:
//! no Arc, no clone, no 'static.

use std::collections::BTreeMap;
use std::thread;

const LOG: &str = "\
GET /users 200 512
GET /users/7 200 1024
POST /login 401 64
GET /orders 200 2048
GET /orders/9 500 128
GET /health 200 16
POST /orders 201 256
GET /users 304 0
GET /search 503 128
GET /users/7 200 1024";

const PARTS: usize = 2;

fn main() {
    let lines: Vec<&str> = LOG.lines().collect();
    let mut bytes_per_part = [0u64; PARTS];

    let per_status = thread::scope(|s| {
        let mut handles = Vec::new();
        let part_len = lines.len().div_ceil(PARTS);
        for (part, bytes) in lines.chunks(part_len).zip(bytes_per_part.iter_mut()) {
            handles.push(s.spawn(move || {
                let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
                for line in part {
                    let fields: Vec<&str> = line.split_whitespace().collect();
                    *counts.entry(fields[2]).or_insert(0) += 1;
                    *bytes += fields[3].parse::<u64>().unwrap_or(0);
                }
                counts
            }));
        }
        let mut total: BTreeMap<&str, u32> = BTreeMap::new();
        for handle in handles {
            for (status, count) in handle.join().unwrap() {
                *total.entry(status).or_insert(0) += count;
            }
        }
        total
    });

    println!("{} lines in {PARTS} parts", lines.len());
    println!("bytes sent, per part: {bytes_per_part:?}");
    for (status, count) in &per_status {
        println!("{status}: {count}");
    }
}
