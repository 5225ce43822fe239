//! Chapter 15: Box<T> makes a recursive type possible. A log filter such as
//! `status >= 500 OR (path = /login AND NOT method = GET)` is a tree, and
//! each node owns the nodes under it through a Box.

use std::fmt;

/// One line of an access log, already parsed.
struct Entry {
    method: &'static str,
    path: &'static str,
    status: u16,
}

// ANCHOR: filter
/// A filter over log entries. A variant that contains filters holds them
/// in a Box: a pointer of fixed size to a node on the heap.
enum Filter {
    StatusAtLeast(u16),
    Path(String),
    Method(String),
    Not(Box<Filter>),
    And(Box<Filter>, Box<Filter>),
    Or(Box<Filter>, Box<Filter>),
}
// ANCHOR_END: filter

impl Filter {
    /// Small constructors, so that building a tree reads like the filter.
    fn and(self, other: Filter) -> Filter {
        Filter::And(Box::new(self), Box::new(other))
    }

    fn or(self, other: Filter) -> Filter {
        Filter::Or(Box::new(self), Box::new(other))
    }

    fn negated(self) -> Filter {
        Filter::Not(Box::new(self))
    }

    fn matches(&self, entry: &Entry) -> bool {
        match self {
            Filter::StatusAtLeast(min) => entry.status >= *min,
            Filter::Path(path) => entry.path == path,
            Filter::Method(method) => entry.method == method,
            Filter::Not(inner) => !inner.matches(entry),
            Filter::And(left, right) => left.matches(entry) && right.matches(entry),
            Filter::Or(left, right) => left.matches(entry) || right.matches(entry),
        }
    }

    /// Removes double negations. It takes the tree by value and moves the
    /// nodes out of their boxes instead of copying them.
    fn simplify(self) -> Filter {
        match self {
            Filter::Not(inner) => match *inner {
                Filter::Not(twice) => twice.simplify(),
                other => other.simplify().negated(),
            },
            Filter::And(left, right) => left.simplify().and(right.simplify()),
            Filter::Or(left, right) => left.simplify().or(right.simplify()),
            leaf => leaf,
        }
    }
}

impl fmt::Display for Filter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Filter::StatusAtLeast(min) => write!(f, "status >= {min}"),
            Filter::Path(path) => write!(f, "path = {path}"),
            Filter::Method(method) => write!(f, "method = {method}"),
            Filter::Not(inner) => write!(f, "NOT {inner}"),
            Filter::And(left, right) => write!(f, "({left} AND {right})"),
            Filter::Or(left, right) => write!(f, "({left} OR {right})"),
        }
    }
}

fn main() {
    let log = [
        ("GET", "/health", 200),
        ("POST", "/login", 401),
        ("GET", "/login", 200),
        ("GET", "/users", 503),
        ("POST", "/users", 201),
    ]
    .map(|(method, path, status)| Entry {
        method,
        path,
        status,
    });

    // Server errors, or anything but a GET on /login.
    let filter = Filter::StatusAtLeast(500)
        .or(Filter::Path("/login".to_string()).and(Filter::Method("GET".to_string()).negated()));
    println!("filter: {filter}");
    for entry in &log {
        let verdict = if filter.matches(entry) {
            "keep"
        } else {
            "skip"
        };
        println!(
            "  {} {} {} -> {verdict}",
            entry.method, entry.path, entry.status
        );
    }

    let twice = Filter::Method("GET".to_string()).negated().negated();
    print!("simplify: {twice}");
    println!(" -> {}", twice.simplify());
}
