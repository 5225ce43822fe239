// ANCHOR: solution
//! Exercise: a latency percentile from a window of ten requests.

/// Nearest-rank percentile: the smallest latency such that at least `p`
/// percent of the window is at or below it. `p` above 100 counts as 100.
fn percentile(window: [u32; 10], p: u32) -> u32 {
    // Arrays are Copy: `sorted` is a copy, the caller's window is untouched.
    let mut sorted = window;
    sorted.sort_unstable();
    let p = p.min(100);
    // rank = ceil(p% of 10), in integers: no floating-point rounding.
    let rank = (p * sorted.len() as u32).div_ceil(100);
    if rank == 0 {
        sorted[0]
    } else {
        sorted[rank as usize - 1]
    }
}

fn main() {
    let window = [12, 8, 250, 15, 9, 31, 11, 1_200, 14, 10];
    for p in [50, 90, 99] {
        println!("p{p}: {} ms", percentile(window, p));
    }
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    // 1 to 10 in no particular order: the function must sort.
    const SHUFFLED: [u32; 10] = [7, 3, 10, 1, 9, 2, 8, 5, 6, 4];

    #[test]
    fn the_median_of_one_to_ten_is_five() {
        assert_eq!(
            percentile(SHUFFLED, 50),
            5,
            "p50: rank ceil(50% of 10) = 5, the 5th smallest"
        );
    }

    #[test]
    fn p90_is_the_ninth_smallest() {
        assert_eq!(percentile(SHUFFLED, 90), 9, "p90: rank ceil(90% of 10) = 9");
    }

    #[test]
    fn p99_of_ten_requests_is_the_slowest_one() {
        assert_eq!(
            percentile(SHUFFLED, 99),
            10,
            "p99: rank ceil(9.9) = 10, so the maximum"
        );
    }

    #[test]
    fn p0_is_the_fastest_request() {
        assert_eq!(
            percentile(SHUFFLED, 0),
            1,
            "p0 should be the minimum, not an index out of bounds"
        );
    }

    #[test]
    fn a_percentile_above_100_is_the_slowest_request() {
        assert_eq!(
            percentile(SHUFFLED, 250),
            10,
            "p250 should be treated as p100, not panic"
        );
    }
}
// ANCHOR_END: tests
