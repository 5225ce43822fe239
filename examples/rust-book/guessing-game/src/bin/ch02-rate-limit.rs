//! Chapter 2: compare request counts with a limit, one line of stdin at a time.
use std::cmp::Ordering;
use std::io;

const LIMIT: u32 = 100;

fn main() {
    // One buffer for every line: read_line appends, so clear it each time.
    let mut line = String::new();
    loop {
        line.clear();
        let bytes = io::stdin()
            .read_line(&mut line)
            .expect("stdin should be readable");
        if bytes == 0 {
            break; // 0 bytes read: the input has ended
        }

        // A line that is not a count is reported and skipped, not fatal.
        // ANCHOR: count
        let count: u32 = match line.trim().parse() {
            Ok(number) => number,
            Err(_) => {
                println!("{:?} is not a request count, skipped", line.trim());
                continue;
            }
        };
        // ANCHOR_END: count

        match count.cmp(&LIMIT) {
            Ordering::Less => println!("{count}: under the limit, {} left", LIMIT - count),
            Ordering::Equal => println!("{count}: at the limit, the next request gets a 429"),
            Ordering::Greater => println!("{count}: over by {}, answer 429", count - LIMIT),
        }
    }
    println!("end of input");
}
