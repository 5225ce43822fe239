//! Exercise: the client's half of a deadline. A gRPC client sends the time
//! it has left in the `grpc-timeout` header: a positive integer of at most
//! 8 digits, then one unit letter: `n` nanoseconds, `u` microseconds, `m`
//! milliseconds, `S` seconds, `M` minutes, `H` hours.

use std::time::Duration;

/// Writes `timeout` in the most precise unit whose value fits in 8 digits.
/// A value that is not a whole number of that unit is rounded up, never
/// down: the header may give the server a little more time than the
/// caller granted, never less. Past 99999999 hours, it says 99999999H.
pub fn encode_grpc_timeout(timeout: Duration) -> String {
    // A first try: milliseconds for everything. Too coarse below a
    // millisecond, rounded the wrong way, and too long (9 digits) for two days.
    format!("{}m", timeout.as_millis())
}

fn main() {
    for timeout in [
        Duration::from_millis(250),
        Duration::from_secs(30),
        Duration::from_secs(2 * 86_400),
    ] {
        println!(
            "{timeout:?} -> grpc-timeout: {}",
            encode_grpc_timeout(timeout)
        );
    }
}
