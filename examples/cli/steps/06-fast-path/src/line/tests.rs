//! Parser tests on lines shaped like real Apache and nginx output, on the
//! ways lines go wrong, and on bytes no log should hold.

use super::*;

fn parse(format: Format, line: &str) -> Result<LogLine<'_>, ParseError> {
    Parser::new(format, DurationUnit::S).parse(line)
}

// ANCHOR: test_combined
#[test]
fn reads_an_nginx_combined_line_with_request_time() {
    let line = r#"203.0.113.9 - - [24/Nov/2026:10:00:01 +0000] "GET /api/users?page=2 HTTP/2.0" 200 512 "https://example.com/" "Mozilla/5.0 (X11; Linux x86_64)" 0.042"#;
    let parsed = parse(Format::Combined, line).unwrap();
    assert_eq!(parsed.method, "GET");
    assert_eq!(
        parsed.path, "/api/users",
        "the query string is not part of the path"
    );
    assert_eq!(parsed.status, 200);
    assert_eq!(parsed.bytes, Some(512));
    assert_eq!(parsed.duration_us, Some(42_000));
    assert!(
        matches!(parsed.path, Cow::Borrowed(_)),
        "zero-copy: the path points into the line"
    );
}
// ANCHOR_END: test_combined

#[test]
fn reads_apache_common_with_a_dash_size_and_a_user() {
    let line =
        r#"192.0.2.4 - frank [10/Oct/2026:13:55:36 -0700] "HEAD /index.html HTTP/1.0" 304 -"#;
    let parsed = parse(Format::Common, line).unwrap();
    assert_eq!(
        (
            parsed.method.as_ref(),
            parsed.path.as_ref(),
            parsed.status,
            parsed.bytes
        ),
        ("HEAD", "/index.html", 304, None)
    );
    assert_eq!(
        parsed.time,
        crate::timestamp::parse_rfc3339("2026-10-10T20:55:36Z").unwrap()
    );
}

#[test]
fn reads_a_microsecond_duration_when_told_the_unit() {
    let line = r#"::1 - - [24/Nov/2026:10:00:01 +0000] "POST /users HTTP/1.1" 201 63 "-" "curl/8.5.0" 1834"#;
    let parsed = Parser::new(Format::Combined, DurationUnit::Us)
        .parse(line)
        .unwrap();
    assert_eq!(parsed.duration_us, Some(1834));
}

#[test]
fn escaped_quotes_stay_inside_their_field() {
    let line =
        r#"::1 - - [24/Nov/2026:10:00:01 +0000] "GET /a HTTP/1.1" 200 1 "-" "a \"quoted\" agent""#;
    assert_eq!(parse(Format::Combined, line).unwrap().status, 200);
}

// ANCHOR: test_request_lines
#[test]
fn request_lines_as_servers_log_them() {
    // (request line, method, path): the protocol is the last word, if any.
    let cases = [
        ("GET /a HTTP/1.1", "GET", "/a"),
        ("GET /a HTTP/2.0", "GET", "/a"),
        ("GET /a?b=1 HTTP/2", "GET", "/a"),
        ("GET /a HTTP/3", "GET", "/a"),
        ("GET /a b HTTP/1.1", "GET", "/a b"),
        ("GET /a b?c d HTTP/1.1", "GET", "/a b"),
        ("GET /a", "GET", "/a"),
        (r#"GET /a\"b HTTP/1.1"#, "GET", r#"/a\"b"#),
        (r"GET /a\x22b HTTP/1.1", "GET", r"/a\x22b"),
        ("-", "", "-"),
    ];
    for (request, method, path) in cases {
        assert_eq!(split_request(request), (method, path), "{request}");
    }
}
// ANCHOR_END: test_request_lines

#[test]
fn a_cut_off_field_says_which_and_what_is_missing() {
    let cases = [
        (
            r#"::1 - - [24/Nov/2026:10:00:01 +0000] "GET / HTTP/1.1" 200 1 "-" "Mozilla/5.0 (X11; Lin"#,
            ParseError::Unclosed("user agent", "quote"),
        ),
        (
            r#"::1 - - [24/Nov/2026:10:00:01 +0000] "GET / HTTP/1.1" 200 1 "-" "ends in a backslash\"#,
            ParseError::Unclosed("user agent", "quote"),
        ),
        (
            r#"::1 - - [24/Nov/2026:10:0"#,
            ParseError::Unclosed("timestamp", "bracket"),
        ),
    ];
    for (line, expected) in cases {
        assert_eq!(parse(Format::Combined, line), Err(expected), "{line}");
    }
}

#[test]
fn a_request_line_that_is_not_one_keeps_its_text() {
    // nginx logs "-" for a connection closed before a request, and the raw
    // bytes of a TLS hello sent to a plain-HTTP port, both with a 400.
    let dash = r#"198.51.100.7 - - [24/Nov/2026:10:00:02 +0000] "-" 400 0 "-" "-""#;
    let tls = r#"198.51.100.7 - - [24/Nov/2026:10:00:02 +0000] "\x16\x03\x01\x00\xF1\x01" 400 157 "-" "-""#;
    assert_eq!(parse(Format::Combined, dash).unwrap().path, "-");
    assert_eq!(parse(Format::Combined, tls).unwrap().method, "");
}

// ANCHOR: test_malformed
#[test]
fn says_why_a_line_is_malformed() {
    let cases = [
        ("", ParseError::Empty),
        ("garbage", ParseError::Missing("identity")),
        (
            r#"::1 - - 24/Nov/2026:10:00:01 "GET / HTTP/1.1" 200 1"#,
            ParseError::Missing("timestamp"),
        ),
        (
            r#"::1 - - [31/Feb/2026:10:00:01 +0000] "GET / HTTP/1.1" 200 1"#,
            ParseError::Timestamp,
        ),
        (
            r#"::1 - - [24/Nov/2026:10:00:01 +0000] "GET / HTTP/1.1 200 1"#,
            ParseError::Unclosed("request", "quote"),
        ),
        (
            r#"::1 - - [24/Nov/2026:10:00:01 +0000] "GET / HTTP/1.1" 2000 1"#,
            ParseError::Status,
        ),
        (
            r#"::1 - - [24/Nov/2026:10:00:01 +0000] "GET / HTTP/1.1" 200 -5"#,
            ParseError::Bytes,
        ),
        (
            r#"::1 - - [24/Nov/2026:10:00:01 +0000] "GET / HTTP/1.1" 200 1 "-""#,
            ParseError::Missing("user agent"),
        ),
        (
            r#"::1 - - [24/Nov/2026:10:00:01 +0000] "GET / HTTP/1.1" 200 1 "-" "x" fast"#,
            ParseError::Duration,
        ),
    ];
    for (line, expected) in cases {
        assert_eq!(parse(Format::Combined, line), Err(expected), "{line}");
    }
}
// ANCHOR_END: test_malformed

#[test]
fn a_status_is_three_digits_from_100_to_599() {
    for status in ["+20", "099", "600", "20x", "2000", "20"] {
        let line = format!(r#"::1 - - [24/Nov/2026:10:00:01 +0000] "GET / HTTP/1.1" {status} 1"#);
        assert_eq!(
            parse(Format::Common, &line),
            Err(ParseError::Status),
            "{status}"
        );
    }
    let line = r#"::1 - - [24/Nov/2026:10:00:01 +0000] "GET /?q=1 HTTP/1.1" 599 1"#;
    let parsed = parse(Format::Common, line).unwrap();
    assert_eq!((parsed.status, parsed.path.as_ref()), (599, "/"));
}

#[test]
fn common_refuses_combined_extras_and_combined_needs_them() {
    let combined =
        r#"::1 - - [24/Nov/2026:10:00:01 +0000] "GET / HTTP/1.1" 200 1 "-" "curl/8.5.0""#;
    let common = r#"::1 - - [24/Nov/2026:10:00:01 +0000] "GET / HTTP/1.1" 200 1"#;
    assert_eq!(
        parse(Format::Common, combined),
        Err(ParseError::Trailing("response size"))
    );
    assert_eq!(
        parse(Format::Combined, common),
        Err(ParseError::Missing("referer"))
    );
    assert_eq!(detect(combined), Some(Format::Combined));
    assert_eq!(detect(common), Some(Format::Common));
}

#[test]
fn reads_json_lines_with_escapes_and_extra_fields() {
    let line = r#"{"time":"2026-11-24T10:00:01.250+01:00","method":"GET","path":"/caf\u00e9?x=1","status":503,"bytes":null,"duration_ms":12.5,"trace_id":"abc"}"#;
    let parsed = parse(Format::Json, line).unwrap();
    assert_eq!(parsed.path, "/café");
    assert!(
        matches!(parsed.path, Cow::Owned(_)),
        "an escaped string is unescaped into a copy"
    );
    assert_eq!(
        (parsed.status, parsed.bytes, parsed.duration_us),
        (503, None, Some(12_500))
    );
    assert_eq!(
        parsed.time,
        crate::timestamp::parse_rfc3339("2026-11-24T09:00:01Z").unwrap()
    );
    assert_eq!(detect(line), Some(Format::Json));
}

#[test]
fn rejects_json_that_is_not_a_log_object() {
    for line in [
        r#"{"time":"yesterday","path":"/","status":200}"#,
        r#"{"path":"/","status":200}"#,
        "[1,2]",
        r#"{"time":"2026-11-24T10:00:00Z","path":"/","status":99}"#,
        r#"{"time":"2026-11-24T10:00:00Z","path":"/","status":200,"duration_ms":-1}"#,
    ] {
        assert!(parse(Format::Json, line).is_err(), "{line}");
    }
}

#[test]
fn odd_bytes_are_malformed_or_parsed_never_a_panic() {
    // Multi-byte characters where the parser slices by byte offsets.
    for line in [
        "é é é [24/Nov/2026:10:00:01 +0000] \"GET /ü HTTP/1.1\" 200 1",
        "\u{FFFD}\u{FFFD} - - [",
        "::1 - - [24/Nov/2026:10:00:01 +0000] \"\\",
        "\0\0\0 \0 \0 [\0]",
        "{\"time\":\"\u{0}\"}",
    ] {
        for format in [Format::Auto, Format::Common, Format::Combined, Format::Json] {
            let _ = parse(format, line);
        }
    }
    let parsed = parse(
        Format::Common,
        "é é é [24/Nov/2026:10:00:01 +0000] \"GET /ü HTTP/1.1\" 200 1",
    )
    .unwrap();
    assert_eq!(parsed.path, "/ü");
}

#[test]
fn decimal_durations_are_exact_in_every_unit_and_sizes_are_digits_only() {
    for (text, unit, micros) in [
        ("0.004", DurationUnit::S, 4_000),
        ("1.5", DurationUnit::S, 1_500_000),
        ("0.123456", DurationUnit::S, 123_456),
        ("0.123456", DurationUnit::Ms, 123),
        ("12.5", DurationUnit::Ms, 12_500),
        ("1834", DurationUnit::Us, 1_834),
        ("7.9", DurationUnit::Us, 7),
        ("3.", DurationUnit::S, 3_000_000),
    ] {
        assert_eq!(parse_duration(text, unit), Some(micros), "{text} {unit:?}");
    }
    assert_eq!(ascii_u64("18446744073709551615"), Some(u64::MAX));
    for size in ["+5", "18446744073709551616", "1e3", " 5"] {
        assert_eq!(ascii_u64(size), None, "{size}");
    }
}

// ANCHOR: test_fast_path
/// The field-by-field parser, with its cache warmed by `warm` (the fast
/// path needs the previous line's timestamp), and the fast path's answer.
fn both_ways(line: &str, combined: bool, unit: DurationUnit) -> (ParsedBy<'_>, ParsedBy<'_>) {
    const WARM: &str = "24/Nov/2026:10:00:01 +0000";
    let mut cache = TimestampCache::default();
    cache.get_or_parse(WARM, crate::timestamp::parse_clf);
    let fast = fast_path::parse(line, combined, unit, &cache).map(Ok);
    let fields = Some(parse_clf_fields(line, combined, unit, &mut cache));
    (fast, fields)
}
type ParsedBy<'a> = Option<Result<LogLine<'a>, ParseError>>;

const USUAL: &str = r#"10.0.0.7 - - [24/Nov/2026:10:00:01 +0000] "GET /api/users?page=2 HTTP/1.1" 200 512 "-" "curl/8.5.0" 0.042"#;

#[test]
fn the_fast_path_reads_the_usual_line_as_the_field_parser_does() {
    for (line, combined) in [
        (USUAL, true),
        (
            r#"::1 - - [24/Nov/2026:10:00:01 +0000] "POST /users HTTP/1.1" 201 - "https://a.example/" "Mozilla/5.0 (X11)""#,
            true,
        ),
        (
            r#"192.0.2.4 - - [24/Nov/2026:10:00:01 +0000] "HEAD /index.html HTTP/1.0" 304 0"#,
            false,
        ),
    ] {
        let (fast, fields) = both_ways(line, combined, DurationUnit::S);
        assert!(fast.is_some(), "the fast path should read {line}");
        assert_eq!(fast, fields, "{line}");
    }
}

#[test]
fn the_fast_path_leaves_every_other_shape_to_the_field_parser() {
    for line in [
        USUAL.replace("curl/8.5.0", r#"curl \"8\""#),
        USUAL.replace(" 200 ", "  200 "),
        USUAL.replace("- - [", "- frank ["),
        USUAL.replace("10:00:01 +0000", "10:00:02 +0000"),
        USUAL.replace(" 512 ", " 512x "),
        format!(" {USUAL}"),
        format!("{USUAL} "),
        format!("{USUAL}\t"),
        USUAL.replace(" 0.042", " 0.042 extra"),
        USUAL.replace(" 0.042", " -1"),
    ] {
        let (fast, _) = both_ways(&line, true, DurationUnit::S);
        assert_eq!(fast, None, "{line}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
    /// Near-misses of the usual line, in both formats and every unit: when the
    /// fast path answers, the field-by-field parser gives the same line.
    #[test]
    fn the_fast_path_answers_only_what_the_field_parser_would(
        edits in proptest::collection::vec((0..USUAL.len(), proptest::sample::select(
            vec![' ', '"', '\\', '[', ']', '-', '?', '\t', '0', '9', 'a', '.', 'é']), 0..3u8), 0..3),
        combined in proptest::bool::ANY,
        unit in proptest::sample::select(vec![DurationUnit::S, DurationUnit::Ms, DurationUnit::Us]),
    ) {
        let mut line: Vec<char> = USUAL.chars().collect();
        for (at, c, op) in edits {
            let at = at.min(line.len().saturating_sub(1));
            match op {
                0 if !line.is_empty() => line[at] = c,
                1 => line.insert(at, c),
                _ => line.truncate(at),
            }
        }
        let line: String = line.into_iter().collect();
        let (fast, fields) = both_ways(&line, combined, unit);
        if fast.is_some() {
            proptest::prop_assert_eq!(fast, fields, "{}", line);
        }
    }
}
// ANCHOR_END: test_fast_path
