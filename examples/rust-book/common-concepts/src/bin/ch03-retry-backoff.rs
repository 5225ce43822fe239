//! Functions, expressions and `loop` with a value: a retry loop with backoff.

const BASE_DELAY_MS: u64 = 100;
const MAX_DELAY_MS: u64 = 1_000;
const MAX_ATTEMPTS: u32 = 6;

// ANCHOR: backoff
/// Delay before retry number `attempt` (1, 2, 3...): doubles, then capped.
fn backoff_ms(attempt: u32) -> u64 {
    let factor = 2_u64.saturating_pow(attempt - 1);
    let delay = BASE_DELAY_MS.saturating_mul(factor);
    // The last expression, with no semicolon, is the return value.
    if delay > MAX_DELAY_MS {
        MAX_DELAY_MS
    } else {
        delay
    }
}
// ANCHOR_END: backoff

/// A stand-in for a flaky upstream: answers 503 three times, then 200.
fn call_upstream(attempt: u32) -> u16 {
    if attempt <= 3 { 503 } else { 200 }
}

fn main() {
    let mut attempt = 0;
    let mut waited_ms = 0;

    // `loop` is an expression: `break value` hands the value out.
    let status = loop {
        attempt += 1;
        let status = call_upstream(attempt);
        if status < 500 || attempt == MAX_ATTEMPTS {
            break status;
        }
        let delay = backoff_ms(attempt);
        println!("attempt {attempt}: {status}, retrying in {delay} ms");
        waited_ms += delay; // a real client would sleep here
    };

    // ANCHOR: outcome
    // `if` is an expression too: both branches give a &str.
    let outcome = if status == 200 { "ok" } else { "gave up" };
    // ANCHOR_END: outcome
    println!("attempt {attempt}: {status} -> {outcome} after {waited_ms} ms of backoff");

    // A block is an expression: its value is its last line.
    let worst_case_ms = {
        let mut sum = 0;
        for n in 1..MAX_ATTEMPTS {
            sum += backoff_ms(n);
        }
        sum
    };
    println!("worst case: {worst_case_ms} ms over {MAX_ATTEMPTS} attempts");
}
