//! Integer types and overflow: choose what happens at the edge, per operation.

fn main() {
    // A u8 holds 0..=255, plenty for a retry count.
    let max_retries: u8 = 5;
    println!(
        "u8 range: {}..={}, retries: {max_retries}",
        u8::MIN,
        u8::MAX
    );

    // checked_*: None on overflow. For sizes that must never be wrong.
    let uploaded: u32 = 4_000_000_000; // bytes so far, near u32::MAX
    let chunk: u32 = 500_000_000;
    match uploaded.checked_add(chunk) {
        Some(total) => println!("checked: {total} bytes"),
        None => println!("checked: overflow, reject the upload (413)"),
    }
    // Widen first instead: u64 counts 16 EiB.
    let total = u64::from(uploaded) + u64::from(chunk);
    println!("as u64: {total} bytes");

    // saturating_*: stop at the limit. For quotas and gauges.
    let remaining_quota: u16 = 3;
    let after_burst = remaining_quota.saturating_sub(10);
    println!("saturating: quota {remaining_quota} - 10 = {after_burst}");

    // wrapping_*: modular on purpose. For sequence numbers and hashes.
    let mut seq: u16 = 65_534;
    for _ in 0..3 {
        seq = seq.wrapping_add(1);
        print!("{seq} ");
    }
    println!("(wrapped)");

    // `as` never fails: it truncates. 300 does not fit in a u8.
    let status_like: u16 = 300;
    println!("300 as u8 = {}", status_like as u8);

    // Integer division truncates; use f64 for an average.
    let total_ms: u64 = 1_001;
    let requests: u64 = 4;
    let avg = total_ms as f64 / requests as f64;
    println!(
        "avg {} ms (integer), {avg:.2} ms (f64)",
        total_ms / requests
    );
}
