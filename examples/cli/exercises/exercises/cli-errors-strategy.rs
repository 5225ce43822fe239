//! Exercise: a proptest strategy that generates log entries varied enough to catch parser bugs.

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
        // TODO: this always generates the same entry, so a property test
        // built on it checks one case. Combine strategies for each field.
        Just(Entry {
            method: "GET".into(),
            path: "/".into(),
            status: 200,
            bytes: Some(512),
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
