//! Chapter 13: one access log, many questions, each answered by a chain of
//! iterator adapters and one consumer at the end. No index variable.

use std::collections::{BTreeMap, HashMap};

/// `method path status milliseconds bytes`, one request per line.
const LOG: &str = "\
# method path status ms bytes
GET /users 200 12 5120
GET /users/42 200 9 812
POST /users 201 31 96
GET /users/7 404 3 0
GET /orders 500 95 0
GET /users/42 200 7 812
GET /orders/9 50
GET /orders/9 502 1210 0
GET /health 200 1 2
";

struct Entry<'a> {
    path: &'a str,
    status: u16,
    ms: u32,
    bytes: u64,
}

/// Digits only, stopping at the first character that is not one (None)
/// or at an overflow (None too): `try_fold` ends the loop early.
fn number(text: &str) -> Option<u64> {
    if text.is_empty() {
        return None;
    }
    text.bytes().try_fold(0u64, |n, byte| {
        let digit = u64::from(byte.checked_sub(b'0').filter(|d| *d <= 9)?);
        n.checked_mul(10)?.checked_add(digit)
    })
}

fn parse(line: &str) -> Result<Entry<'_>, String> {
    let fields: Vec<&str> = line.split_whitespace().collect();
    let [_method, path, status, ms, bytes] = fields[..] else {
        return Err(format!("expected 5 fields, found {}", fields.len()));
    };
    let bad = |what: &str| format!("bad {what}");
    Ok(Entry {
        path,
        status: number(status)
            .and_then(|n| u16::try_from(n).ok())
            .ok_or_else(|| bad("status"))?,
        ms: number(ms)
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| bad("ms"))?,
        bytes: number(bytes).ok_or_else(|| bad("bytes"))?,
    })
}

fn main() {
    // Nothing is read yet: `requests` is a recipe, cheap to copy.
    let requests = LOG.lines().filter(|line| !line.starts_with('#'));

    // filter_map: keep what parses, drop what does not.
    let entries: Vec<Entry> = requests
        .clone()
        .filter_map(|line| parse(line).ok())
        .collect();
    println!(
        "{} of {} lines parsed",
        entries.len(),
        requests.clone().count()
    );

    // filter + map + sum: bytes sent in successful responses.
    let bytes_2xx: u64 = entries
        .iter()
        .filter(|entry| (200..300).contains(&entry.status))
        .map(|entry| entry.bytes)
        .sum();
    println!("bytes in 2xx responses: {bytes_2xx}");

    // max_by_key: the slowest request (None for an empty log).
    if let Some(slowest) = entries.iter().max_by_key(|entry| entry.ms) {
        println!("slowest: {} in {} ms", slowest.path, slowest.ms);
    }

    // find_map: the first Some the closure returns, then stop.
    let first_5xx = entries
        .iter()
        .find_map(|entry| (entry.status >= 500).then_some(entry.path));
    println!("first server error: {first_5xx:?}");

    // fold: one pass, an accumulator threaded through every step.
    let (count, total_ms) = entries.iter().fold((0, 0), |(count, total), entry| {
        (count + 1, total + entry.ms)
    });
    println!(
        "mean latency: {} ms over {count} requests",
        total_ms / count
    );

    // collect into a map: pairs become entries, a later key overwrites.
    let size_by_path: HashMap<&str, u64> = entries
        .iter()
        .map(|entry| (entry.path, entry.bytes))
        .collect();
    println!("size of /users/42: {} bytes", size_by_path["/users/42"]);

    // fold into a map that sorts its keys, for a stable report.
    let per_status = entries.iter().fold(BTreeMap::new(), |mut counts, entry| {
        *counts.entry(entry.status).or_insert(0) += 1;
        counts
    });
    println!("per status: {per_status:?}");

    // collect into Result<Vec<_>, _>: every line, or the first error.
    let strict: Result<Vec<Entry>, String> = requests.clone().map(parse).collect();
    println!("strict parse: {:?}", strict.map(|entries| entries.len()));

    // try_fold: a running total that stops at the first bad line and says
    // which one it was (numbered from 1, the header included).
    let total = LOG
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.starts_with('#'))
        .try_fold(0u64, |total, (index, line)| {
            let entry = parse(line).map_err(|err| format!("line {}: {err}", index + 1))?;
            Ok::<u64, String>(total + entry.bytes)
        });
    println!("total bytes, strictly: {total:?}");
}
