//! Exercise: count paths without allocating for every line.

use std::collections::HashMap;

/// The request path of a Common Log Format line, without its query string:
/// the 7th space-separated word.
fn path_of(line: &str) -> Option<&str> {
    // TODO: this collects every line's words into a new Vec.
    let words: Vec<&str> = line.split(' ').collect();
    let target = *words.get(6)?;
    Some(target.split_once('?').map_or(target, |(path, _)| path))
}

#[derive(Debug, Default)]
struct PathCounts {
    paths: HashMap<String, u64>,
    malformed: u64,
}

impl PathCounts {
    /// Counts one path.
    fn record(&mut self, path: &str) {
        // TODO: `entry` needs an owned key, so this copies the path on every
        // line, even when the map already holds it.
        *self.paths.entry(path.to_string()).or_insert(0) += 1;
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
