//! A function returning one of two borrowed strings needs a lifetime
//! annotation; a function with a single borrowed input does not.

/// Of two Accept-Language entries, returns the one with the higher weight
/// ("fr;q=0.9" beats "en;q=0.8"); on a tie, the first.
// ANCHOR: preferred
fn preferred<'a>(first: &'a str, second: &'a str) -> &'a str {
    if weight(second) > weight(first) {
        second
    } else {
        first
    }
}
// ANCHOR_END: preferred

/// The q value of an entry: 1.0 when it has none, as HTTP says.
fn weight(entry: &str) -> f32 {
    let q = entry.split_once(";q=").map(|(_, q)| q.parse().ok());
    q.flatten().unwrap_or(1.0)
}

/// The tag without its weight. One reference in, one out: elision applies.
fn tag(entry: &str) -> &str {
    entry.split(';').next().unwrap_or(entry)
}

/// A string literal is stored in the binary itself, so it is `&'static str`.
const DEFAULT_LANGUAGE: &str = "en";

fn best_language(header: &str) -> &str {
    let mut entries = header.split(',').map(str::trim).filter(|e| !e.is_empty());
    let Some(first) = entries.next() else {
        return DEFAULT_LANGUAGE; // 'static is long enough for any lifetime
    };
    tag(entries.fold(first, preferred))
}

fn main() {
    // As a server holds them: owned Strings, read from requests.
    let headers = vec![
        String::from("en;q=0.8, fr;q=0.9"),
        String::from("de, en;q=0.5, fr;q=0.7"),
        String::new(),
    ];
    for header in &headers {
        println!("{header:?} -> {}", best_language(header));
    }
}
