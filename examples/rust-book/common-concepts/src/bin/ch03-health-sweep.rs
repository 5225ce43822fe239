//! `for` over ranges, `while`, and loop labels: a health-check sweep.

// Status codes from 4 instances in each of 3 regions: an array of tuples.
const CHECKS: [(&str, [u16; 4]); 3] = [
    ("eu-west", [200, 200, 200, 200]),
    ("us-east", [200, 503, 200, 500]),
    ("ap-south", [200, 200, 502, 200]),
];

fn main() {
    // A label names a loop, so an inner loop can leave or continue the outer one.
    'regions: for (region, statuses) in CHECKS {
        for status in statuses {
            if status >= 500 {
                println!("{region}: got {status}, skipping the rest of the region");
                continue 'regions; // one bad instance is enough: next region
            }
        }
        println!("{region}: all healthy");
    }

    // `while` for a condition that is not a count: drain until empty.
    let mut queued = 7;
    let batch = 3;
    while queued > 0 {
        let sent = if queued < batch { queued } else { batch };
        queued -= sent;
        println!("flushed {sent}, {queued} left");
    }

    // Ranges: `a..b` excludes b, `a..=b` includes it, `.rev()` counts down.
    for seconds in (1..=3).rev() {
        println!("shutting down in {seconds}...");
    }
}
