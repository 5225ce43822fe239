//! Exercise: a latency percentile from a window of ten requests.

/// Nearest-rank percentile: the smallest latency such that at least `p`
/// percent of the window is at or below it. `p` above 100 counts as 100.
fn percentile(window: [u32; 10], p: u32) -> u32 {
    // TODO:
    // 1. copy the window into a `mut` variable and sort it (`.sort()`);
    // 2. rank = p percent of 10, rounded UP (p90 -> 9, p99 -> 10, p0 -> 0);
    // 3. return the rank-th smallest value (array indexes start at 0), and
    //    never index out of bounds, whatever p is.
    todo!()
}

fn main() {
    let window = [12, 8, 250, 15, 9, 31, 11, 1_200, 14, 10];
    for p in [50, 90, 99] {
        println!("p{p}: {} ms", percentile(window, p));
    }
}
