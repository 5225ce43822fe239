//! Exercise: summarise an access log in one pass of iterator adapters,
//! stopping at the first line that does not parse.

// ANCHOR: solution
/// What the report needs from a log.
#[derive(Debug, Default, PartialEq)]
struct Summary {
    requests: usize,
    server_errors: usize,
    bytes: u64,
    /// The path and milliseconds of the slowest request; the first one
    /// when several are equally slow.
    slowest: Option<(String, u32)>,
}

/// The first line that does not parse, numbered from 1 like an editor.
#[derive(Debug, PartialEq)]
struct BadLine {
    line: usize,
}

/// One request: `path status ms bytes`.
struct Request<'a> {
    path: &'a str,
    status: u16,
    ms: u32,
    bytes: u64,
}

/// Given: one line, or None when it is not `path status ms bytes`.
fn parse(line: &str) -> Option<Request<'_>> {
    let mut fields = line.split_whitespace();
    let request = Request {
        path: fields.next()?,
        status: fields.next()?.parse().ok()?,
        ms: fields.next()?.parse().ok()?,
        bytes: fields.next()?.parse().ok()?,
    };
    fields.next().is_none().then_some(request)
}

fn summarize(log: &str) -> Result<Summary, BadLine> {
    log.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty() && !line.starts_with('#'))
        .try_fold(Summary::default(), |mut summary, (index, line)| {
            let request = parse(line).ok_or(BadLine { line: index + 1 })?;
            summary.requests += 1;
            if request.status >= 500 {
                summary.server_errors += 1;
            }
            summary.bytes += request.bytes;
            if summary
                .slowest
                .as_ref()
                .is_none_or(|(_, ms)| request.ms > *ms)
            {
                summary.slowest = Some((request.path.to_string(), request.ms));
            }
            Ok(summary)
        })
}

fn main() {
    let log = "# path status ms bytes\n/users 200 12 5120\n/orders 503 340 0\n\n/health 200 1 2\n";
    println!("{:?}", summarize(log));
    println!(
        "{:?}",
        summarize("/users 200 12 5120\n/orders 503 slow 0\n")
    );
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    const LOG: &str = "\
# path status ms bytes
/users 200 12 5120
/users/42 200 9 812
/orders 500 95 0

/orders/9 502 1210 0
/health 200 1 2
";

    #[test]
    fn counts_requests_errors_and_bytes() {
        let summary = summarize(LOG).expect("every request line in LOG parses");
        assert_eq!(
            summary.requests, 5,
            "5 request lines; the comment and the blank line are not requests"
        );
        assert_eq!(summary.server_errors, 2, "500 and 502 are server errors");
        assert_eq!(summary.bytes, 5120 + 812 + 2, "bytes of every request");
    }

    #[test]
    fn finds_the_slowest_request() {
        let summary = summarize(LOG).expect("every request line in LOG parses");
        assert_eq!(summary.slowest, Some(("/orders/9".to_string(), 1210)));
    }

    #[test]
    fn a_tie_keeps_the_first_slowest() {
        let summary = summarize("/a 200 7 1\n/b 200 7 1\n").expect("both lines parse");
        assert_eq!(
            summary.slowest,
            Some(("/a".to_string(), 7)),
            "/a and /b both took 7 ms: keep /a"
        );
    }

    #[test]
    fn an_empty_log_is_an_empty_summary() {
        assert_eq!(summarize(""), Ok(Summary::default()));
        assert_eq!(summarize("# only a comment\n\n"), Ok(Summary::default()));
    }

    #[test]
    fn stops_at_the_first_bad_line_counting_every_line() {
        let log = "# header\n/users 200 12 5120\n\n/orders 503 slow 0\n/broken\n";
        assert_eq!(
            summarize(log),
            Err(BadLine { line: 4 }),
            "line 4 has `slow` for ms; the comment and the blank line still count as lines, and /broken comes later"
        );
    }

    #[test]
    fn a_line_with_an_extra_field_is_bad() {
        assert_eq!(
            summarize("/users 200 12 5120 extra\n"),
            Err(BadLine { line: 1 })
        );
    }
}
// ANCHOR_END: tests
