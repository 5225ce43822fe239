//! Exercise: a proptest strategy that generates log entries varied enough to catch parser bugs.

// ANCHOR: solution
/// The fields of a Common Log Format line that this exercise cares about.
#[derive(Debug, Clone, PartialEq)]
struct Entry {
    method: String,
    path: String,
    status: u16,
    /// None is written as `-`: no body.
    bytes: Option<u64>,
}

fn format_line(entry: &Entry) -> String {
    let bytes = entry.bytes.map_or("-".to_string(), |b| b.to_string());
    format!(
        "203.0.113.9 - - [24/Nov/2026:10:00:00 +0000] \"{} {} HTTP/1.1\" {} {bytes}",
        entry.method, entry.path, entry.status
    )
}

fn parse_line(line: &str) -> Option<Entry> {
    let (_, rest) = line.split_once("] \"")?;
    let (request, rest) = rest.split_once("\" ")?;
    let mut words = request.split(' ');
    let (method, path, protocol) = (words.next()?, words.next()?, words.next()?);
    if words.next().is_some() || protocol != "HTTP/1.1" || !path.starts_with('/') {
        return None;
    }
    let (status, bytes) = rest.split_once(' ')?;
    let status = status.parse().ok().filter(|s| (100..=599).contains(s))?;
    let bytes = match bytes {
        "-" => None,
        digits => Some(digits.parse().ok()?),
    };
    Some(Entry {
        method: method.into(),
        path: path.into(),
        status,
        bytes,
    })
}

#[cfg(test)]
mod strategies {
    use super::Entry;
    use proptest::prelude::*;

    /// Entries a server could log, from every corner of each field.
    pub fn entry() -> impl Strategy<Value = Entry> {
        let method = prop::sample::select(vec![
            "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS",
        ]);
        // One to five segments, each possibly empty: "/", "/a/", "/users/7/orders"…
        let path = prop::collection::vec("[A-Za-z0-9._~%é-]{0,8}", 1..6)
            .prop_map(|segments| format!("/{}", segments.join("/")));
        let status = 100u16..=599;
        // A third no body, a third an empty body, a third any size up to u64::MAX.
        let bytes = prop_oneof![Just(None), Just(Some(0)), any::<u64>().prop_map(Some)];
        (method, path, status, bytes).prop_map(|(method, path, status, bytes)| Entry {
            method: method.to_string(),
            path,
            status,
            bytes,
        })
    }
}

fn main() {
    let entry = Entry {
        method: "GET".into(),
        path: "/users".into(),
        status: 200,
        bytes: None,
    };
    let line = format_line(&entry);
    println!("{line}\n{:?}", parse_line(&line));
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::strategies::entry;
    use super::*;
    use proptest::prelude::*;
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

    /// 500 cases from a fixed seed, so every run checks the same entries.
    fn runner() -> TestRunner {
        let config = Config {
            cases: 500,
            failure_persistence: None,
            ..Config::default()
        };
        TestRunner::new_with_rng(config, TestRng::deterministic_rng(RngAlgorithm::ChaCha))
    }

    fn samples() -> Vec<Entry> {
        let mut runner = runner();
        (0..500)
            .map(|_| {
                entry()
                    .new_tree(&mut runner)
                    .expect("the strategy makes values")
                    .current()
            })
            .collect()
    }

    /// Whether the round trip through `parse` holds for every generated entry.
    fn round_trip_holds(parse: fn(&str) -> Option<Entry>) -> bool {
        runner()
            .run(&entry(), |e| {
                prop_assert_eq!(parse(&format_line(&e)), Some(e));
                Ok(())
            })
            .is_ok()
    }

    #[test]
    fn every_entry_is_one_a_server_could_log() {
        for e in samples() {
            assert!(
                !e.method.is_empty() && e.method.bytes().all(|b| b.is_ascii_uppercase()),
                "method {:?}",
                e.method
            );
            assert!(
                e.path.starts_with('/'),
                "a path starts with '/': {:?}",
                e.path
            );
            assert!(
                !e.path.contains([' ', '"', '?', '\\']) && !e.path.contains(char::is_control),
                "no space, quote, '?', backslash or control character in a logged path: {:?}",
                e.path
            );
            assert!((100..=599).contains(&e.status), "status {}", e.status);
        }
    }

    #[test]
    fn the_round_trip_holds_for_the_real_parser() {
        assert!(
            round_trip_holds(parse_line),
            "parse_line(format_line(e)) should give e back for every generated entry"
        );
    }

    #[test]
    fn entries_cover_every_status_class_and_both_kinds_of_size() {
        let samples = samples();
        for class in 1..=5 {
            assert!(
                samples.iter().any(|e| e.status / 100 == class),
                "no {class}xx status in 500 entries"
            );
        }
        assert!(
            samples.iter().any(|e| e.bytes.is_none()),
            "no entry without a body (-)"
        );
        assert!(
            samples.iter().any(|e| e.bytes.is_some()),
            "no entry with a size"
        );
        let methods: std::collections::HashSet<_> =
            samples.iter().map(|e| e.method.as_str()).collect();
        assert!(methods.len() >= 3, "only these methods: {methods:?}");
    }

    // Three broken parsers. A good strategy makes the round trip fail for each.

    /// Keeps sizes in a u32, as if written for small files.
    fn parse_u32_sizes(line: &str) -> Option<Entry> {
        let mut e = parse_line(line)?;
        e.bytes = e.bytes.map(|b| u64::from(b as u32));
        Some(e)
    }

    /// Reads `-` as 0.
    fn parse_dash_as_zero(line: &str) -> Option<Entry> {
        let mut e = parse_line(line)?;
        e.bytes = Some(e.bytes.unwrap_or(0));
        Some(e)
    }

    /// Keeps only the path's first segment.
    fn parse_first_segment(line: &str) -> Option<Entry> {
        let mut e = parse_line(line)?;
        if let Some(end) = e.path[1..].find('/') {
            e.path.truncate(end + 1);
        }
        Some(e)
    }

    #[test]
    fn catches_a_parser_that_keeps_sizes_in_a_u32() {
        assert!(
            !round_trip_holds(parse_u32_sizes),
            "no generated size was above u32::MAX"
        );
    }

    #[test]
    fn catches_a_parser_that_reads_a_dash_as_zero() {
        assert!(
            !round_trip_holds(parse_dash_as_zero),
            "no generated entry had no body"
        );
    }

    #[test]
    fn catches_a_parser_that_cuts_the_path() {
        assert!(
            !round_trip_holds(parse_first_segment),
            "no generated path had two segments"
        );
    }
}
// ANCHOR_END: tests
