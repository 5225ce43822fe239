//! Chapter 13: the same question answered with an index loop and with an
//! iterator chain, compiled with optimisations and timed. Each function
//! keeps its own name in the binary (`no_mangle`) and is never inlined
//! into its caller, so its machine code can be read with objdump.

use std::hint::black_box;
use std::time::Instant;

/// One access-log entry: 8 bytes in memory.
#[derive(Clone, Copy)]
pub struct Entry {
    pub status: u16,
    pub bytes: u32,
}

// ANCHOR: count
/// How many responses were server errors, with an index.
#[unsafe(no_mangle)] // keep the plain name, for objdump
#[inline(never)] // keep it a function of its own
#[allow(clippy::needless_range_loop)] // the index is the point here
pub fn count_5xx_indexed(statuses: &[u16]) -> usize {
    let mut count = 0;
    for i in 0..statuses.len() {
        if statuses[i] >= 500 {
            count += 1;
        }
    }
    count
}

/// The same count with an iterator chain.
#[unsafe(no_mangle)]
#[inline(never)]
pub fn count_5xx_iter(statuses: &[u16]) -> usize {
    statuses.iter().filter(|&&status| status >= 500).count()
}
// ANCHOR_END: count

// ANCHOR: bytes
/// Bytes sent in 2xx responses, with an index.
#[unsafe(no_mangle)]
#[inline(never)]
#[allow(clippy::needless_range_loop)]
pub fn bytes_2xx_indexed(log: &[Entry]) -> u64 {
    let mut total = 0;
    for i in 0..log.len() {
        if (200..300).contains(&log[i].status) {
            total += u64::from(log[i].bytes);
        }
    }
    total
}

/// The same sum with an iterator chain.
#[unsafe(no_mangle)]
#[inline(never)]
pub fn bytes_2xx_iter(log: &[Entry]) -> u64 {
    log.iter()
        .filter(|entry| (200..300).contains(&entry.status))
        .map(|entry| u64::from(entry.bytes))
        .sum()
}

/// The index loop again, reading the whole entry before the test.
#[unsafe(no_mangle)]
#[inline(never)]
#[allow(clippy::needless_range_loop)]
pub fn bytes_2xx_copied(log: &[Entry]) -> u64 {
    let mut total = 0;
    for i in 0..log.len() {
        let entry = log[i];
        if (200..300).contains(&entry.status) {
            total += u64::from(entry.bytes);
        }
    }
    total
}
// ANCHOR_END: bytes

const ENTRIES: usize = 1_000_000;
const ROUNDS: usize = 101;

/// Times each variant ROUNDS times, taking turns so that a busy moment of
/// the machine slows all of them alike, checks that they agree, and prints
/// each median. The first variant, the index loop, is the reference.
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
            "  {name:<14} {us:8.1} µs  ({:.2} × the index loop)",
            us / medians[0]
        );
    }
}

/// A fixed pseudo-random log (xorshift32): the same on every run.
fn sample_log(statuses: [u16; 8]) -> Vec<Entry> {
    let mut state = 0x2545_f491_u32;
    (0..ENTRIES)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            Entry {
                status: statuses[(state % 8) as usize],
                bytes: state % 100_000,
            }
        })
        .collect()
}

fn main() {
    let mixed = sample_log([200, 200, 200, 201, 304, 404, 500, 503]);
    let all_200 = sample_log([200; 8]);
    let statuses: Vec<u16> = mixed.iter().map(|entry| entry.status).collect();
    // black_box hides the inputs from the optimiser: nothing is computed
    // ahead of time.
    let (mixed, all_200, statuses) = (
        black_box(&mixed[..]),
        black_box(&all_200[..]),
        black_box(&statuses[..]),
    );

    println!("{ENTRIES} log entries, half of them 2xx, in a pseudo-random order");
    println!("median of {ROUNDS} calls per function, taking turns, release build\n");

    compare(
        "count of 5xx responses",
        &[
            ("index loop", &|| count_5xx_indexed(statuses)),
            ("iterator", &|| count_5xx_iter(statuses)),
        ],
    );
    compare(
        "bytes of 2xx responses",
        &[
            ("index loop", &|| bytes_2xx_indexed(mixed)),
            ("iterator", &|| bytes_2xx_iter(mixed)),
            ("entry copied", &|| bytes_2xx_copied(mixed)),
        ],
    );
    compare(
        "bytes of 2xx responses, every status 200",
        &[
            ("index loop", &|| bytes_2xx_indexed(all_200)),
            ("iterator", &|| bytes_2xx_iter(all_200)),
            ("entry copied", &|| bytes_2xx_copied(all_200)),
        ],
    );
}
