//! Exercise: build a rate limiter from a configuration string, as a
//! closure that owns its settings and its counters.

use std::collections::HashMap;

/// Reads a limit such as `"3/10s"` (3 requests per client per 10 seconds)
/// and returns a closure answering "may this client make a request at
/// second `now`?". Windows are fixed: seconds 0 to 9, 10 to 19, and so on,
/// and each client's count starts again at 0 in each new window.
fn rate_limiter(config: &str) -> Result<impl FnMut(&str, u64) -> bool, String> {
    // TODO: read the two numbers (a missing '/' or 's', a bad number or a
    // window of 0s is an Err), then return a `move` closure that keeps
    // each client's window and count. This placeholder allows everything.
    let _ = config;
    Ok(|_client: &str, _now: u64| true)
}

fn main() {
    let mut allow = rate_limiter("2/10s").expect("a valid limit");
    for (client, now) in [
        ("10.0.0.1", 1),
        ("10.0.0.1", 2),
        ("10.0.0.1", 3),
        ("10.0.0.2", 3),
        ("10.0.0.1", 11),
    ] {
        println!(
            "{client} at {now}s: {}",
            if allow(client, now) { "allowed" } else { "429" }
        );
    }
    for config in ["2 per 10s", "2/10", "2/0s"] {
        println!("{config:?}: {:?}", rate_limiter(config).err());
    }
}
