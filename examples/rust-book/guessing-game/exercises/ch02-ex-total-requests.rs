//! Chapter 2 exercise: add up request counts, one per line, until END.

/// Adds up the request counts in `input`, one per line, and counts the
/// lines that are not a count. Surrounding spaces are ignored, blank lines
/// are neither added nor counted, and a line `END` stops the reading.
/// Returns (total, skipped).
fn total_requests(input: &str) -> (u32, u32) {
    // TODO: go through input.lines() with a for loop. Trim each line; on
    // END, break; on a blank line, continue; otherwise parse it as a u32
    // and match on the Result to add it to the total or count it as skipped.
    todo!()
}

fn main() {
    let input = "120\n80\nn/a\n\n300\nEND\n999\n";
    let (total, skipped) = total_requests(input);
    println!("{total} requests, {skipped} line(s) skipped");
}
