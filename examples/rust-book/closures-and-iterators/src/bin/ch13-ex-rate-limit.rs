//! Exercise: build a rate limiter from a configuration string, as a
//! closure that owns its settings and its counters.

// ANCHOR: solution
use std::collections::HashMap;

/// Reads a limit such as `"3/10s"` (3 requests per client per 10 seconds)
/// and returns a closure answering "may this client make a request at
/// second `now`?". Windows are fixed: seconds 0 to 9, 10 to 19, and so on,
/// and each client's count starts again at 0 in each new window.
fn rate_limiter(config: &str) -> Result<impl FnMut(&str, u64) -> bool, String> {
    let (max, window) = config
        .split_once('/')
        .ok_or(format!("{config:?}: expected <requests>/<seconds>s"))?;
    let max: u32 = max.parse().map_err(|err| format!("requests: {err}"))?;
    let window: u64 = window
        .strip_suffix('s')
        .ok_or(format!("{window:?}: the window ends in s"))?
        .parse()
        .map_err(|err| format!("window: {err}"))?;
    if window == 0 {
        return Err(String::from("the window must be at least 1s"));
    }

    // Per client: which window its count belongs to, and the count.
    let mut seen: HashMap<String, (u64, u32)> = HashMap::new();
    Ok(move |client: &str, now: u64| {
        let current = now / window;
        let (in_window, count) = seen.entry(client.to_string()).or_insert((current, 0));
        if *in_window != current {
            (*in_window, *count) = (current, 0);
        }
        if *count < max {
            *count += 1;
            true
        } else {
            false
        }
    })
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_up_to_the_limit_in_a_window() {
        let mut allow = rate_limiter("3/10s").expect("\"3/10s\" is valid");
        let answers: Vec<bool> = [0, 1, 2, 3, 9].iter().map(|&now| allow("a", now)).collect();
        assert_eq!(
            answers,
            [true, true, true, false, false],
            "3 requests pass in seconds 0 to 9, then no more"
        );
    }

    #[test]
    fn a_new_window_starts_a_new_count() {
        let mut allow = rate_limiter("1/10s").expect("\"1/10s\" is valid");
        assert!(allow("a", 5));
        assert!(!allow("a", 9), "second request in window 0..9");
        assert!(allow("a", 10), "second 10 opens a new window");
        assert!(allow("a", 25), "and second 25 another");
    }

    #[test]
    fn clients_are_counted_apart() {
        let mut allow = rate_limiter("1/60s").expect("\"1/60s\" is valid");
        assert!(allow("10.0.0.1", 0));
        assert!(allow("10.0.0.2", 0), "another client has its own count");
        assert!(!allow("10.0.0.1", 1));
    }

    #[test]
    fn two_limiters_do_not_share_counts() {
        let mut login = rate_limiter("1/60s").expect("valid");
        let mut search = rate_limiter("1/60s").expect("valid");
        assert!(login("a", 0));
        assert!(search("a", 0), "each closure owns its own counters");
    }

    #[test]
    fn a_bad_config_is_an_error() {
        for config in ["3 per 10s", "3/10", "x/10s", "3/xs", "3/0s", ""] {
            assert!(
                rate_limiter(config).is_err(),
                "{config:?} should be refused"
            );
        }
    }
}
// ANCHOR_END: tests
