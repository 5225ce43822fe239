//! Tuples and arrays: summarise a fixed window of request latencies.

// Fixed-size data known at compile time: an array [type; length].
const LATENCIES_MS: [u32; 10] = [12, 8, 250, 15, 9, 31, 11, 1_200, 14, 10];
const BUCKET_LIMITS_MS: [u32; 3] = [10, 100, 1_000];

/// Returns several values at once as a tuple: (min, max, mean).
fn min_max_mean(window: [u32; 10]) -> (u32, u32, f64) {
    let mut min = u32::MAX;
    let mut max = 0;
    let mut sum: u64 = 0; // u64: a sum of u32 values can pass u32::MAX
    for ms in window {
        min = min.min(ms);
        max = max.max(ms);
        sum += u64::from(ms);
    }
    (min, max, sum as f64 / window.len() as f64)
}

fn main() {
    // Destructure the tuple into three variables.
    let (min, max, mean) = min_max_mean(LATENCIES_MS);
    println!("min {min} ms, max {max} ms, mean {mean:.1} ms");

    // A tuple as a "best so far" pair: (request index, latency).
    let mut slowest = (0, 0);
    for (index, ms) in LATENCIES_MS.into_iter().enumerate() {
        if ms > slowest.1 {
            slowest = (index, ms);
        }
    }
    println!("slowest: request #{} took {} ms", slowest.0, slowest.1);

    // One counter per bucket, plus one for "slower than every limit".
    let mut counts = [0_u32; 4];
    for ms in LATENCIES_MS {
        let mut bucket = 0;
        while bucket < BUCKET_LIMITS_MS.len() && ms > BUCKET_LIMITS_MS[bucket] {
            bucket += 1;
        }
        counts[bucket] += 1;
    }
    for (bucket, limit) in BUCKET_LIMITS_MS.into_iter().enumerate() {
        println!("<= {limit:>5} ms: {}", counts[bucket]);
    }
    println!(">  {:>5} ms: {}", BUCKET_LIMITS_MS[2], counts[3]);
}
