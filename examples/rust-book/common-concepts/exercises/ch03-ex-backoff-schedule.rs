//! Exercise: the delays of a retry schedule, doubling up to a cap.

/// The delays in milliseconds before each of the first six retries:
/// `base_ms` first, then double the previous one, never above `cap_ms`.
fn backoff_schedule(base_ms: u64, cap_ms: u64) -> [u64; 6] {
    // TODO: build an array of six delays and return it (no `return` needed:
    // make the array the last expression of the function).
    // - the first delay is base_ms, each next one is twice the previous one;
    // - no delay may be above cap_ms;
    // - doubling must never overflow, even for a base near u64::MAX.
    todo!()
}

fn main() {
    let delays = backoff_schedule(100, 1_000);
    println!("retry delays (ms): {delays:?}");
}
