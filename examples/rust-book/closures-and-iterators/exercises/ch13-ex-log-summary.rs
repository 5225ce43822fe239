//! Exercise: summarise an access log in one pass of iterator adapters,
//! stopping at the first line that does not parse.

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
    // TODO: with no `for` or `while` loop: number the lines, leave out the
    // blank ones and the comments (`#`), and fold the rest into a Summary
    // with `try_fold`, returning Err(BadLine { line }) from the closure at
    // the first line `parse` refuses.
    todo!()
}

fn main() {
    let log = "# path status ms bytes\n/users 200 12 5120\n/orders 503 340 0\n\n/health 200 1 2\n";
    println!("{:?}", summarize(log));
    println!(
        "{:?}",
        summarize("/users 200 12 5120\n/orders 503 slow 0\n")
    );
}
