//! Exercise: count paths without allocating for every line.

// ANCHOR: solution
use std::collections::HashMap;

/// The request path of a Common Log Format line, without its query string:
/// the 7th space-separated word. A slice of the line: nothing is copied.
fn path_of(line: &str) -> Option<&str> {
    let target = line.split(' ').nth(6)?;
    Some(target.split_once('?').map_or(target, |(path, _)| path))
}

#[derive(Debug, Default)]
struct PathCounts {
    paths: HashMap<String, u64>,
    malformed: u64,
}

impl PathCounts {
    /// Counts one path. Looks it up by `&str` first, so a path is copied
    /// into an owned `String` only the first time it is seen.
    fn record(&mut self, path: &str) {
        match self.paths.get_mut(path) {
            Some(count) => *count += 1,
            None => {
                self.paths.insert(path.to_string(), 1);
            }
        }
    }

    fn count_lines(&mut self, text: &str) {
        for line in text.lines() {
            match path_of(line) {
                Some(path) => self.record(path),
                None => self.malformed += 1,
            }
        }
    }
}

fn main() {
    let log = "\
1.2.3.4 - - [24/Nov/2026:10:00:00 +0000] \"GET /a?x=1 HTTP/1.1\" 200 5
1.2.3.4 - - [24/Nov/2026:10:00:01 +0000] \"GET /a HTTP/1.1\" 200 5
1.2.3.4 - - [24/Nov/2026:10:00:02 +0000] \"GET /b HTTP/1.1\" 404 -
";
    let mut counts = PathCounts::default();
    counts.count_lines(log);
    println!("{:?}", counts.paths);
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::cell::Cell;

    /// The system allocator, counting the allocations each thread makes.
    struct Counting;

    thread_local! {
        static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
    }

    fn count_one() {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
    }

    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            count_one();
            // SAFETY: the caller's contract is passed on unchanged.
            unsafe { System.alloc(layout) }
        }
        unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
            // SAFETY: as above.
            unsafe { System.dealloc(ptr, layout) }
        }
        unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            count_one();
            // SAFETY: as above.
            unsafe { System.realloc(ptr, layout, new_size) }
        }
    }

    #[global_allocator]
    static GLOBAL: Counting = Counting;

    /// How many allocations `f` makes on this thread.
    fn allocations_in(f: impl FnOnce()) -> usize {
        let before = ALLOCATIONS.with(Cell::get);
        f();
        ALLOCATIONS.with(Cell::get) - before
    }

    fn log(lines: usize) -> String {
        (0..lines)
            .map(|i| format!("10.0.0.{} - - [24/Nov/2026:10:00:00 +0000] \"GET /items/{}?page={i} HTTP/1.1\" 200 {i}\n", i % 250, i % 7))
            .collect()
    }

    #[test]
    fn paths_are_the_seventh_word_without_the_query() {
        let line =
            r#"203.0.113.9 - - [24/Nov/2026:10:00:00 +0000] "GET /users?page=2 HTTP/1.1" 200 512"#;
        assert_eq!(path_of(line), Some("/users"));
        assert_eq!(path_of("too short"), None);
        let path = path_of(line).unwrap();
        assert!(
            line.as_bytes().as_ptr_range().contains(&path.as_ptr()),
            "the path should be a slice of the line"
        );
    }

    #[test]
    fn counts_every_line() {
        let mut counts = PathCounts::default();
        counts.count_lines(&log(700));
        counts.count_lines("garbage\n");
        assert_eq!(counts.paths.len(), 7);
        assert_eq!(counts.paths["/items/0"], 100);
        assert_eq!(counts.paths.values().sum::<u64>(), 700);
        assert_eq!(counts.malformed, 1);
    }

    #[test]
    fn finding_a_path_allocates_nothing() {
        let text = log(100);
        let found = allocations_in(|| {
            for line in text.lines() {
                assert!(path_of(line).is_some());
            }
        });
        assert_eq!(
            found, 0,
            "path_of allocated {found} times for 100 lines: collect nothing, copy nothing"
        );
    }

    #[test]
    fn a_path_seen_before_costs_no_allocation() {
        let text = log(1_000);
        let mut counts = PathCounts::default();
        counts.count_lines(&text); // the 7 distinct paths are stored here
        let second = allocations_in(|| counts.count_lines(&text));
        assert_eq!(
            second, 0,
            "counting 1,000 lines of known paths allocated {second} times"
        );
    }

    #[test]
    fn a_new_path_is_stored_once() {
        let mut counts = PathCounts::default();
        let first = allocations_in(|| counts.record("/a/path/longer/than/it/looks"));
        assert!(
            first >= 1,
            "the first time, the map must own a copy of the path"
        );
        let again = allocations_in(|| counts.record("/a/path/longer/than/it/looks"));
        assert_eq!(again, 0, "the second time, the path is only looked up");
        assert_eq!(counts.paths["/a/path/longer/than/it/looks"], 2);
    }
}
// ANCHOR_END: tests
