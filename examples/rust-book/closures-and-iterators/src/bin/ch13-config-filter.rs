//! Chapter 13: a log filter chosen by configuration at run time. Each rule
//! is a different closure type, so the rules are boxed behind one type.

use std::cmp::Reverse;

struct Entry {
    path: &'static str,
    status: u16,
    ms: u32,
}

/// Any closure that takes an entry and answers yes or no.
type Predicate = Box<dyn Fn(&Entry) -> bool>;

/// Turns one `key=value` rule into a closure that owns its settings.
fn rule(text: &str) -> Result<Predicate, String> {
    let (key, value) = text
        .split_once('=')
        .ok_or(format!("{text:?}: expected key=value"))?;
    match key {
        "class" => {
            let class: u16 = match value {
                "2xx" => 2,
                "4xx" => 4,
                "5xx" => 5,
                _ => return Err(format!("{value:?}: expected 2xx, 4xx or 5xx")),
            };
            Ok(Box::new(move |entry| entry.status / 100 == class))
        }
        "min_ms" => {
            let min: u32 = value.parse().map_err(|err| format!("min_ms: {err}"))?;
            Ok(Box::new(move |entry| entry.ms >= min))
        }
        "prefix" => {
            let prefix = value.to_string();
            Ok(Box::new(move |entry| entry.path.starts_with(&prefix)))
        }
        _ => Err(format!("unknown rule {key:?}")),
    }
}

/// Every rule must hold: one more closure, owning the list of rules.
fn all_of(rules: Vec<Predicate>) -> Predicate {
    Box::new(move |entry| rules.iter().all(|rule| rule(entry)))
}

/// Reads a setting such as `LOG_FILTER="class=5xx,min_ms=100"`.
fn filter_from_config(config: &str) -> Result<Predicate, String> {
    let rules = config.split(',').map(rule).collect::<Result<Vec<_>, _>>()?;
    Ok(all_of(rules))
}

fn main() {
    let log: Vec<Entry> = [
        ("/users", 200, 12),
        ("/users/42", 503, 340),
        ("/orders", 500, 95),
        ("/users/7", 404, 8),
        ("/orders/9", 502, 1210),
        ("/health", 200, 1),
    ]
    .into_iter()
    .map(|(path, status, ms)| Entry { path, status, ms })
    .collect();

    for config in [
        "class=5xx,min_ms=100",
        "prefix=/users",
        "class=3xx",
        "min_ms=fast",
    ] {
        let keep = match filter_from_config(config) {
            Ok(keep) => keep,
            Err(err) => {
                println!("{config:?}: refused, {err}");
                continue;
            }
        };
        let mut hits: Vec<&Entry> = log.iter().filter(|entry| keep(entry)).collect();
        // Slowest first: sort_by_key calls the closure to get each key.
        hits.sort_by_key(|entry| Reverse(entry.ms));
        let shown: Vec<String> = hits
            .iter()
            .map(|entry| format!("{} {} {}ms", entry.status, entry.path, entry.ms))
            .collect();
        println!("{config:?}: {shown:?}");
    }
}
