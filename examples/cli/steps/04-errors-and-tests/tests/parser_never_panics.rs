//! Property tests: whatever the bytes, parsing returns a line or a reason,
//! never a panic. The generators mix plain noise with near-misses of real
//! lines, which reach deeper into the parser than noise does.

use logstat::filter::Filter;
use logstat::input::Chunk;
use logstat::line::{DurationUnit, Format, Parser};
use logstat::scan::scan_chunk;
use logstat::stats::Stats;
use proptest::prelude::*;

const REAL: &str = r#"10.0.0.7 - - [24/Nov/2026:10:00:01 +0000] "GET /api/users?page=2 HTTP/1.1" 200 512 "-" "curl/8.5.0" 0.042"#;
const JSON: &str = r#"{"time":"2026-11-24T10:00:01Z","method":"GET","path":"/a","status":200,"bytes":1,"duration_ms":1.5}"#;

const FORMATS: [Format; 4] = [Format::Auto, Format::Common, Format::Combined, Format::Json];

/// A real line with a few bytes replaced, inserted or cut.
fn near_miss(base: &'static str) -> impl Strategy<Value = String> {
    (prop::collection::vec((0..base.len(), any::<char>(), 0..3u8), 1..4)).prop_map(move |edits| {
        let mut line: Vec<char> = base.chars().collect();
        for (at, c, op) in edits {
            if line.is_empty() {
                line.push(c);
                continue;
            }
            let at = at.min(line.len() - 1);
            match op {
                0 => line[at] = c,
                1 => line.insert(at, c),
                _ => line.truncate(at),
            }
        }
        line.into_iter().collect()
    })
}

// ANCHOR: proptest
proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_string_parses_or_fails_cleanly(line in any::<String>()) {
        for format in FORMATS {
            let _ = Parser::new(format, DurationUnit::S).parse(&line);
        }
    }

    #[test]
    fn near_misses_of_real_lines_parse_or_fail_cleanly(clf in near_miss(REAL), json in near_miss(JSON)) {
        for format in FORMATS {
            let _ = Parser::new(format, DurationUnit::Ms).parse(&clf);
            let _ = Parser::new(format, DurationUnit::Us).parse(&json);
        }
    }

    #[test]
    fn any_bytes_scan_to_counts_that_add_up(data in prop::collection::vec(any::<u8>(), 0..2000)) {
        let mut stats = Stats::default();
        let chunk = Chunk::new(1, data);
        scan_chunk(&chunk, 0, &mut Parser::new(Format::Auto, DurationUnit::S), &Filter::default(), &mut stats);
        prop_assert_eq!(stats.lines, stats.requests + stats.filtered_out + stats.malformed);
    }
}
// ANCHOR_END: proptest
