//! Must fail: a parsed `LogLine<'a>` borrows the text it was parsed from, so
//! it cannot outlive that text. Keeping lines after their buffer is reused or
//! dropped needs owned data (counts, or owned strings), which is what `Stats` keeps.
use logstat::line::{DurationUnit, Format, LogLine, Parser};

const LINE: &str = r#"::1 - - [24/Nov/2026:10:00:00 +0000] "GET / HTTP/1.1" 200 1"#;

// ANCHOR: outlives
fn main() {
    let mut parser = Parser::new(Format::Common, DurationUnit::S);
    let mut kept: Vec<LogLine> = Vec::new();
    for second in 0..2 {
        let buffer = format!("{LINE} 0.00{second}");
        let line = parser.parse(&buffer).unwrap();
        kept.push(line);
    }
    println!("kept {} lines", kept.len());
}
// ANCHOR_END: outlives
