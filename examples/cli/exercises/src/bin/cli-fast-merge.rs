//! Exercise: merge two threads' partial totals, so that the parallel fold gives the sequential answer.

// ANCHOR: solution
use std::collections::{BTreeMap, HashMap};

/// How many malformed lines are reported by number.
const MALFORMED_EXAMPLES: usize = 5;

/// One parsed request, reduced to what the totals need.
struct Line<'a> {
    /// Seconds since the epoch.
    time: i64,
    path: &'a str,
    status: u16,
    duration_us: Option<u64>,
}

/// The running totals of one thread.
#[derive(Debug, Clone, Default, PartialEq)]
struct Stats {
    requests: u64,
    malformed: u64,
    /// (input, line number) of the first malformed lines, in input order.
    malformed_examples: Vec<(usize, u64)>,
    status: BTreeMap<u16, u64>,
    paths: HashMap<String, u64>,
    /// Requests per minute since the epoch.
    minutes: BTreeMap<i64, u64>,
    /// The longest duration seen, if any line had one.
    slowest_us: Option<u64>,
}

impl Stats {
    fn record(&mut self, line: &Line<'_>) {
        self.requests += 1;
        *self.status.entry(line.status).or_insert(0) += 1;
        *self.paths.entry(line.path.to_string()).or_insert(0) += 1;
        *self.minutes.entry(line.time.div_euclid(60)).or_insert(0) += 1;
        self.slowest_us = self.slowest_us.max(line.duration_us);
    }

    fn record_malformed(&mut self, input: usize, line: u64) {
        self.malformed += 1;
        if self.malformed_examples.len() < MALFORMED_EXAMPLES {
            self.malformed_examples.push((input, line));
        }
    }

    /// Adds another thread's totals to these. Chunks finish in any order.
    fn merge(mut self, other: Stats) -> Stats {
        self.requests += other.requests;
        self.malformed += other.malformed;
        // Keep the first examples of the input, whichever side has them.
        self.malformed_examples.extend(other.malformed_examples);
        self.malformed_examples.sort_unstable();
        self.malformed_examples.truncate(MALFORMED_EXAMPLES);
        for (status, count) in other.status {
            *self.status.entry(status).or_insert(0) += count;
        }
        // By value: each of other's keys moves into this map, no copy.
        for (path, count) in other.paths {
            *self.paths.entry(path).or_insert(0) += count;
        }
        for (minute, count) in other.minutes {
            *self.minutes.entry(minute).or_insert(0) += count;
        }
        // None is less than any Some, so max keeps a duration over none.
        self.slowest_us = self.slowest_us.max(other.slowest_us);
        self
    }
}

fn main() {
    let (mut left, mut right) = (Stats::default(), Stats::default());
    left.record(&Line {
        time: 0,
        path: "/a",
        status: 200,
        duration_us: Some(900),
    });
    right.record(&Line {
        time: 61,
        path: "/a",
        status: 500,
        duration_us: None,
    });
    right.record_malformed(0, 7);
    println!("{:#?}", left.merge(right));
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A line of input: a request, or a malformed line.
    #[derive(Debug, Clone)]
    enum Event {
        Request {
            time: i64,
            path: &'static str,
            status: u16,
            duration_us: Option<u64>,
        },
        Malformed,
    }

    /// Counts `events` as one thread would; `first` is the number of the first line.
    fn count(events: &[Event], first: u64) -> Stats {
        let mut stats = Stats::default();
        for (number, event) in (first..).zip(events) {
            match event {
                Event::Request {
                    time,
                    path,
                    status,
                    duration_us,
                } => stats.record(&Line {
                    time: *time,
                    path,
                    status: *status,
                    duration_us: *duration_us,
                }),
                Event::Malformed => stats.record_malformed(0, number),
            }
        }
        stats
    }

    fn request(time: i64, path: &'static str, status: u16, duration_us: Option<u64>) -> Event {
        Event::Request {
            time,
            path,
            status,
            duration_us,
        }
    }

    fn sample() -> Vec<Event> {
        vec![
            request(0, "/a", 200, Some(1_000)),
            Event::Malformed,
            request(59, "/b", 404, None),
            request(60, "/a", 200, Some(3_000)),
            Event::Malformed,
            request(61, "/c", 500, Some(2_000)),
        ]
    }

    #[test]
    fn merging_with_nothing_changes_nothing() {
        let stats = count(&sample(), 1);
        assert_eq!(
            stats.clone().merge(Stats::default()),
            stats,
            "x.merge(empty)"
        );
        assert_eq!(
            Stats::default().merge(stats.clone()),
            stats,
            "empty.merge(x): rayon's reduce starts from an empty Stats"
        );
    }

    #[test]
    fn two_halves_add_up_to_the_whole() {
        let events = sample();
        let whole = count(&events, 1);
        let merged = count(&events[..3], 1).merge(count(&events[3..], 4));
        assert_eq!(merged, whole);
    }

    #[test]
    fn counts_for_the_same_key_are_added() {
        let events = sample();
        let merged = count(&events, 1).merge(count(&events, 7));
        assert_eq!(merged.paths["/a"], 4, "/a twice on each side");
        assert_eq!(merged.status[&200], 4);
        assert_eq!(
            merged.minutes[&1], 4,
            "minute 1 holds the requests at 60 and 61 s, on each side"
        );
        assert_eq!(merged.requests, 8);
    }

    #[test]
    fn the_slowest_duration_is_the_larger_one() {
        let fast = count(&[request(0, "/", 200, Some(5))], 1);
        let slow = count(&[request(0, "/", 200, Some(9))], 2);
        let unknown = count(&[request(0, "/", 200, None)], 3);
        assert_eq!(fast.clone().merge(slow.clone()).slowest_us, Some(9));
        assert_eq!(slow.merge(fast.clone()).slowest_us, Some(9));
        assert_eq!(
            unknown.clone().merge(fast).slowest_us,
            Some(5),
            "a side without durations does not erase the other's"
        );
        assert_eq!(unknown.clone().merge(unknown).slowest_us, None);
    }

    #[test]
    fn the_first_malformed_lines_are_kept_whatever_finishes_first() {
        let malformed = vec![Event::Malformed; 4];
        let early = count(&malformed, 1); // lines 1 to 4
        let late = count(&malformed, 101); // lines 101 to 104
        let merged = late.merge(early);
        assert_eq!(merged.malformed, 8);
        assert_eq!(
            merged.malformed_examples,
            [(0, 1), (0, 2), (0, 3), (0, 4), (0, 101)],
            "the five lowest line numbers, in order"
        );
    }

    fn event() -> impl Strategy<Value = Event> {
        prop_oneof![
            1 => Just(Event::Malformed),
            4 => (0i64..600, prop::sample::select(vec!["/", "/a", "/b", "/api/users"]), 100u16..600, prop::option::of(0u64..10_000))
                .prop_map(|(time, path, status, duration_us)| Event::Request { time, path, status, duration_us }),
        ]
    }

    proptest! {
        #[test]
        fn any_split_merged_in_any_order_equals_one_pass(
            events in prop::collection::vec(event(), 0..60),
            cuts in prop::collection::vec(any::<prop::sample::Index>(), 0..5),
            reverse in any::<bool>(),
        ) {
            let mut cuts: Vec<usize> = cuts.iter().map(|i| i.index(events.len() + 1)).collect();
            cuts.push(0);
            cuts.push(events.len());
            cuts.sort_unstable();
            let mut parts: Vec<Stats> = cuts.windows(2).map(|w| count(&events[w[0]..w[1]], w[0] as u64 + 1)).collect();
            if reverse {
                parts.reverse();
            }
            let merged = parts.into_iter().fold(Stats::default(), Stats::merge);
            prop_assert_eq!(merged, count(&events, 1));
        }
    }
}
// ANCHOR_END: tests
