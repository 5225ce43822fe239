//! Chapter 13: iterator chains that do not compile to the hand-written
//! loop's code, and some that do, each timed against that loop.

use std::hint::black_box;
use std::time::Instant;

// ANCHOR: chain
/// Bytes in two log files, rotated then current: a `for` loop over `chain`.
#[unsafe(no_mangle)]
#[inline(never)]
pub fn chain_for(rotated: &[u32], current: &[u32]) -> u64 {
    let mut total = 0;
    for &bytes in rotated.iter().chain(current) {
        total += u64::from(bytes);
    }
    total
}

/// The same chain, consumed by `for_each` instead of a `for` loop.
#[unsafe(no_mangle)]
#[inline(never)]
pub fn chain_for_each(rotated: &[u32], current: &[u32]) -> u64 {
    let mut total = 0;
    rotated
        .iter()
        .chain(current)
        .for_each(|&bytes| total += u64::from(bytes));
    total
}

/// And consumed by `sum`.
#[unsafe(no_mangle)]
#[inline(never)]
pub fn chain_sum(rotated: &[u32], current: &[u32]) -> u64 {
    rotated
        .iter()
        .chain(current)
        .map(|&bytes| u64::from(bytes))
        .sum()
}

/// What you would write by hand: one loop per file.
#[unsafe(no_mangle)]
#[inline(never)]
pub fn two_loops(rotated: &[u32], current: &[u32]) -> u64 {
    let mut total = 0;
    for &bytes in rotated {
        total += u64::from(bytes);
    }
    for &bytes in current {
        total += u64::from(bytes);
    }
    total
}
// ANCHOR_END: chain

// ANCHOR: flat_map
/// Bytes over pages of results: a `for` loop over `flat_map`.
#[unsafe(no_mangle)]
#[inline(never)]
pub fn flat_map_for(pages: &[Vec<u32>]) -> u64 {
    let mut total = 0;
    for &bytes in pages.iter().flat_map(|page| page.iter()) {
        total += u64::from(bytes);
    }
    total
}

/// The same `flat_map`, consumed by `sum`.
#[unsafe(no_mangle)]
#[inline(never)]
pub fn flat_map_sum(pages: &[Vec<u32>]) -> u64 {
    pages
        .iter()
        .flat_map(|page| page.iter())
        .map(|&bytes| u64::from(bytes))
        .sum()
}

/// By hand: a loop in a loop.
#[unsafe(no_mangle)]
#[inline(never)]
pub fn nested_loops(pages: &[Vec<u32>]) -> u64 {
    let mut total = 0;
    for page in pages {
        for &bytes in page {
            total += u64::from(bytes);
        }
    }
    total
}
// ANCHOR_END: flat_map

// ANCHOR: windows
/// Timestamps that went backwards: `windows(2)`.
#[unsafe(no_mangle)]
#[inline(never)]
pub fn backwards_windows(seen_at: &[u64]) -> usize {
    seen_at.windows(2).filter(|pair| pair[1] < pair[0]).count()
}

/// The same with `zip` of the slice and the slice shifted by one.
#[unsafe(no_mangle)]
#[inline(never)]
pub fn backwards_zip(seen_at: &[u64]) -> usize {
    seen_at
        .iter()
        .zip(&seen_at[1..])
        .filter(|(before, after)| after < before)
        .count()
}

/// By hand, with an index.
#[unsafe(no_mangle)]
#[inline(never)]
pub fn backwards_indexed(seen_at: &[u64]) -> usize {
    let mut count = 0;
    for i in 1..seen_at.len() {
        if seen_at[i] < seen_at[i - 1] {
            count += 1;
        }
    }
    count
}
// ANCHOR_END: windows

// ANCHOR: held
/// Every fourth entry, a sample: `step_by` against `i += 4`.
#[unsafe(no_mangle)]
#[inline(never)]
pub fn sample_step_by(bytes: &[u32]) -> u64 {
    bytes.iter().step_by(4).map(|&b| u64::from(b)).sum()
}

#[unsafe(no_mangle)]
#[inline(never)]
pub fn sample_indexed(bytes: &[u32]) -> u64 {
    let (mut total, mut i) = (0, 0);
    while i < bytes.len() {
        total += u64::from(bytes[i]);
        i += 4;
    }
    total
}

/// Skip the warm-up (leading zeros), then sum: `skip_while` against a loop.
#[unsafe(no_mangle)]
#[inline(never)]
pub fn after_warmup_skip_while(bytes: &[u32]) -> u64 {
    bytes
        .iter()
        .skip_while(|&&b| b == 0)
        .map(|&b| u64::from(b))
        .sum()
}

#[unsafe(no_mangle)]
#[inline(never)]
pub fn after_warmup_indexed(bytes: &[u32]) -> u64 {
    let mut i = 0;
    while i < bytes.len() && bytes[i] == 0 {
        i += 1;
    }
    let mut total = 0;
    while i < bytes.len() {
        total += u64::from(bytes[i]);
        i += 1;
    }
    total
}

/// A sum of floats, which must add in order: `sum` against a loop.
#[unsafe(no_mangle)]
#[inline(never)]
pub fn latency_sum_iter(ms: &[f64]) -> f64 {
    ms.iter().sum()
}

#[unsafe(no_mangle)]
#[inline(never)]
#[allow(clippy::needless_range_loop)]
pub fn latency_sum_indexed(ms: &[f64]) -> f64 {
    let mut total = 0.0;
    for i in 0..ms.len() {
        total += ms[i];
    }
    total
}

/// Kilobytes from bytes into a new Vec: `collect` against `push` into a
/// Vec made with the right capacity.
#[unsafe(no_mangle)]
#[inline(never)]
pub fn kilobytes_collect(bytes: &[u32]) -> Vec<u32> {
    bytes.iter().map(|&b| b / 1024).collect()
}

#[unsafe(no_mangle)]
#[inline(never)]
pub fn kilobytes_push(bytes: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(bytes.len());
    for &b in bytes {
        out.push(b / 1024);
    }
    out
}
// ANCHOR_END: held

const VALUES: usize = 1_000_000;
const ROUNDS: usize = 101;

/// Times each variant ROUNDS times, taking turns so that a busy moment of
/// the machine slows all of them alike, checks that they agree, and prints
/// each median. The first variant, written by hand, is the reference.
/// `black_box` keeps the result alive, so no call is optimised away.
fn compare<R: PartialEq + std::fmt::Debug>(title: &str, variants: &[(&str, &dyn Fn() -> R)]) {
    let expected = variants[0].1();
    let mut times = vec![Vec::with_capacity(ROUNDS); variants.len()];
    for _ in 0..ROUNDS {
        for ((name, run), times) in variants.iter().zip(&mut times) {
            let start = Instant::now();
            let result = black_box(run());
            times.push(start.elapsed().as_secs_f64() * 1e6);
            assert_eq!(result, expected, "{name} disagrees");
        }
    }
    let medians: Vec<f64> = times
        .iter_mut()
        .map(|times| {
            times.sort_by(f64::total_cmp);
            times[ROUNDS / 2]
        })
        .collect();
    println!("{title}");
    for ((name, _), us) in variants.iter().zip(&medians) {
        println!(
            "  {name:<20} {us:8.1} µs  ({:.2} × by hand)",
            us / medians[0]
        );
    }
}

/// The same pseudo-random numbers on every run (xorshift32).
fn numbers(count: usize) -> Vec<u32> {
    let mut state = 0x2545_f491_u32;
    (0..count)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state
        })
        .collect()
}

fn main() {
    let bytes: Vec<u32> = numbers(VALUES).iter().map(|n| n % 100_000).collect();
    let (rotated, current) = bytes.split_at(VALUES / 2);
    let pages: Vec<Vec<u32>> = bytes.chunks(50).map(|page| page.to_vec()).collect();
    // Mostly increasing timestamps, some a little behind the one before.
    let seen_at: Vec<u64> = (0..VALUES as u64)
        .zip(numbers(VALUES))
        .map(|(i, n)| i * 10 + u64::from(n % 80))
        .collect();
    let mut warm = bytes.clone();
    warm[..1000].fill(0);
    let ms: Vec<f64> = bytes.iter().map(|&b| f64::from(b) / 1000.0).collect();
    // Each input goes through black_box, so nothing is computed in advance.
    let (rotated, current) = (black_box(rotated), black_box(current));
    let (pages, seen_at) = (black_box(&pages[..]), black_box(&seen_at[..]));
    let (bytes, warm, ms) = (
        black_box(&bytes[..]),
        black_box(&warm[..]),
        black_box(&ms[..]),
    );

    println!("{VALUES} values per input (pages: {} of 50)", pages.len());
    println!("median of {ROUNDS} calls per function, taking turns, release build\n");

    compare(
        "two files, chained",
        &[
            ("two loops", &|| two_loops(rotated, current)),
            ("chain, for loop", &|| chain_for(rotated, current)),
            ("chain, for_each", &|| chain_for_each(rotated, current)),
            ("chain, sum", &|| chain_sum(rotated, current)),
        ],
    );
    compare(
        "pages of results, flattened",
        &[
            ("nested loops", &|| nested_loops(pages)),
            ("flat_map, for loop", &|| flat_map_for(pages)),
            ("flat_map, sum", &|| flat_map_sum(pages)),
        ],
    );
    compare(
        "timestamps that went backwards",
        &[
            ("index loop", &|| backwards_indexed(seen_at)),
            ("windows(2)", &|| backwards_windows(seen_at)),
            ("zip with [1..]", &|| backwards_zip(seen_at)),
        ],
    );
    compare(
        "every fourth value",
        &[
            ("while, i += 4", &|| sample_indexed(bytes)),
            ("step_by(4)", &|| sample_step_by(bytes)),
        ],
    );
    compare(
        "sum after the leading zeros",
        &[
            ("two while loops", &|| after_warmup_indexed(warm)),
            ("skip_while", &|| after_warmup_skip_while(warm)),
        ],
    );
    compare(
        "sum of f64",
        &[
            ("index loop", &|| latency_sum_indexed(ms)),
            ("sum", &|| latency_sum_iter(ms)),
        ],
    );
    compare(
        "a new Vec, value by value",
        &[
            ("push, capacity set", &|| kilobytes_push(bytes)),
            ("map, collect", &|| kilobytes_collect(bytes)),
        ],
    );
}
