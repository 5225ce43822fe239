//! The quirks real servers write, one test each: what logstat reads as a
//! request, and what it reports as malformed, with which line and why.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

/// A Combined line with a request time, as nginx writes it.
fn line(client: &str, request: &str, status: u16, user_agent: &str) -> String {
    format!(
        r#"{client} - - [24/Nov/2026:11:00:01 +0000] "{request}" {status} 512 "-" "{user_agent}" 0.012"#
    )
}

fn ok(request: &str) -> String {
    line("203.0.113.9", request, 200, "curl/8.5.0")
}

/// logstat's JSON report on a file holding these bytes, with `args`.
fn report_on(bytes: &[u8], args: &[&str]) -> (Value, String) {
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), bytes).unwrap();
    let name = file.path().display().to_string();
    (json_report(file.path(), args), name)
}

fn json_report(path: &Path, args: &[&str]) -> Value {
    let output = Command::cargo_bin(env!("CARGO_PKG_NAME"))
        .unwrap()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg(path)
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The malformed lines the report names, without the file name.
fn malformed(report: &Value, name: &str) -> Vec<String> {
    report["malformed"]["first"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap().strip_prefix(name).unwrap().to_string())
        .collect()
}

fn paths(report: &Value) -> Vec<String> {
    report["top_paths"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["path"].as_str().unwrap().to_string())
        .collect()
}

fn lines(lines: &[String]) -> Vec<u8> {
    let mut text = lines.join("\n");
    text.push('\n');
    text.into_bytes()
}

// ANCHOR: test_truncated
#[test]
fn a_truncated_last_line_is_malformed_with_its_number() {
    let mut log = lines(&[ok("GET /a HTTP/1.1"), ok("GET /b HTTP/1.1")]);
    // Cut mid-field, no newline: the server's write never finished.
    log.extend_from_slice(br#"203.0.113.9 - - [24/Nov/2026:11:00:01 +0000] "GET /c HT"#);
    let (report, name) = report_on(&log, &[]);
    assert_eq!(report["requests"], 2);
    assert_eq!(
        malformed(&report, &name),
        [":3: no newline at the end: the line was cut short"]
    );
}
// ANCHOR_END: test_truncated

#[test]
fn a_last_line_without_newline_is_reported_even_when_it_looks_whole() {
    // Cut inside its last number, a line still parses: 0.01 for 0.012.
    let mut log = lines(&[ok("GET /a HTTP/1.1")]);
    log.extend_from_slice(ok("GET /b HTTP/1.1").trim_end_matches('2').as_bytes());
    let (report, name) = report_on(&log, &[]);
    assert_eq!(report["requests"], 1);
    assert_eq!(
        malformed(&report, &name),
        [":2: no newline at the end: the line was cut short"]
    );
}

#[test]
fn line_numbers_stay_exact_across_chunk_boundaries_and_threads() {
    // Over 3 MiB of lines: logstat reads 1 MiB chunks, so a line near each
    // MiB falls across a boundary. Broken lines sit on both sides of the
    // first boundary and at the very end.
    let good = ok("GET /a HTTP/1.1");
    let per_mib = (1 << 20) / (good.len() + 1);
    let count = 3 * per_mib + 10;
    let mut log: Vec<String> = vec![good.clone(); count];
    let cut_agent =
        line("::1", "GET /a HTTP/1.1", 200, "x").replace(r#""x" 0.012"#, r#""Mozilla/5.0 (X11"#);
    for at in [per_mib - 1, per_mib, per_mib + 1, 2 * per_mib] {
        log[at] = cut_agent.clone();
    }
    let mut bytes = lines(&log);
    bytes.extend_from_slice(b"203.0.113.9 - - [24/Nov/2026:11:00:01 +00");
    let expected: Vec<String> = [per_mib, per_mib + 1, per_mib + 2, 2 * per_mib + 1]
        .iter()
        .map(|n| format!(":{n}: user agent cut off: no closing quote"))
        .chain([format!(
            ":{}: no newline at the end: the line was cut short",
            count + 1
        )])
        .collect();
    for jobs in ["1", "2"] {
        let (report, name) = report_on(&bytes, &["--jobs", jobs]);
        assert_eq!(report["requests"], count as u64 - 4, "--jobs {jobs}");
        assert_eq!(report["malformed"]["count"], 5, "--jobs {jobs}");
        assert_eq!(malformed(&report, &name), expected, "--jobs {jobs}");
    }
}

#[test]
fn a_user_agent_cut_off_mid_field_is_malformed() {
    let cut = line("::1", "GET /a HTTP/1.1", 200, "x")
        .replace(r#""x" 0.012"#, r#""Mozilla/5.0 (X11; Lin"#);
    let (report, name) = report_on(&lines(&[ok("GET /a HTTP/1.1"), cut]), &[]);
    assert_eq!(report["requests"], 1);
    assert_eq!(
        malformed(&report, &name),
        [":2: user agent cut off: no closing quote"]
    );
}

#[test]
fn ipv6_clients_are_read_with_or_without_brackets() {
    let clients = [
        "2001:db8::1",
        "::1",
        "::ffff:192.0.2.1",
        "[2001:db8::2]:51234",
    ];
    let log: Vec<String> = clients
        .iter()
        .map(|client| line(client, "GET /a HTTP/1.1", 200, "curl/8.5.0"))
        .collect();
    let (report, _) = report_on(&lines(&log), &[]);
    assert_eq!(report["requests"], 4);
    assert_eq!(report["malformed"]["count"], 0);
}

#[test]
fn request_lines_with_spaces_or_escaped_quotes_are_read() {
    let log = [
        // A space in the target: servers answer 400 and log it as sent.
        line(
            "192.0.2.44",
            "GET /docs/annual report.pdf HTTP/1.1",
            400,
            "-",
        ),
        // Apache escapes a quote as \", nginx as \x22.
        ok(r#"GET /a\"b HTTP/1.1"#),
        ok(r"GET /a\x22b HTTP/1.1"),
        line(
            "::1",
            "GET /c HTTP/1.1",
            200,
            r#"Mozilla/5.0 \"compatible\""#,
        ),
        line("::1", "GET /c HTTP/1.1", 200, r"Bot \x22v2\x22"),
    ];
    let (report, _) = report_on(&lines(&log), &[]);
    assert_eq!(report["requests"], 5);
    assert_eq!(
        paths(&report),
        ["/c", "/a\\\"b", "/a\\x22b", "/docs/annual report.pdf"]
    );
}

#[test]
fn invalid_utf8_in_the_path_or_user_agent_is_replaced_not_rejected() {
    let mut log = lines(&[
        ok("GET /caf@ HTTP/1.1"),
        line("::1", "GET /d HTTP/1.1", 200, "bad @@ agent"),
    ]);
    // Latin-1 é in the path, two bytes that are never UTF-8 in the agent.
    let at = log.iter().position(|&b| b == b'@').unwrap();
    log[at] = 0xE9;
    let at = log.iter().position(|&b| b == b'@').unwrap();
    log.splice(at..at + 2, [0xFF, 0xFE]);
    let (report, _) = report_on(&log, &[]);
    assert_eq!(report["requests"], 2);
    assert_eq!(paths(&report), ["/caf\u{FFFD}", "/d"]);
}

#[test]
fn http2_http3_and_dash_request_lines_are_read() {
    let log = [
        ok("GET /a HTTP/2.0"),
        ok("GET /a HTTP/2"),
        ok("GET /a?page=2 HTTP/3"),
        // nginx's "-": a connection closed before it sent a request.
        line("198.51.100.7", "-", 400, "-"),
    ];
    let (report, _) = report_on(&lines(&log), &[]);
    assert_eq!(report["requests"], 4);
    assert_eq!(paths(&report), ["/a", "-"]);
    assert_eq!(report["status_codes"]["400"], 1);
}

#[test]
fn very_long_lines_are_read_whole() {
    // A 64 KiB path, and a referrer longer than logstat's 1 MiB chunk.
    let long_path = format!("/search/{}", "a".repeat(64 * 1024));
    let long_referrer = ok("GET /r HTTP/1.1").replace(
        r#""-""#,
        &format!(r#""https://example.com/{}""#, "x".repeat(3 << 19)),
    );
    let log = [
        ok("GET /a HTTP/1.1"),
        ok(&format!("GET {long_path} HTTP/1.1")),
        long_referrer,
        ok("GET /a HTTP/1.1"),
        ok("GET /a HTTP/1.1").replace("[24", "24"),
    ];
    let (report, name) = report_on(&lines(&log), &[]);
    assert_eq!(report["requests"], 4);
    assert_eq!(
        paths(&report),
        ["/a".to_string(), "/r".to_string(), long_path]
    );
    // The line after the long ones still has its own number.
    assert_eq!(malformed(&report, &name), [":5: missing timestamp"]);
}

#[test]
fn a_line_over_the_limit_is_skipped_and_named() {
    // 17 MiB of user agent: over logstat's 16 MiB limit on one line.
    let huge = ok("GET /huge HTTP/1.1").replace("curl/8.5.0", &"z".repeat(17 << 20));
    let log = [ok("GET /a HTTP/1.1"), huge, ok("GET /a HTTP/1.1")];
    let (report, name) = report_on(&lines(&log), &[]);
    assert_eq!(report["requests"], 2);
    assert_eq!(paths(&report), ["/a"]);
    assert_eq!(
        malformed(&report, &name),
        [":2: longer than 16 MiB: skipped"]
    );
    // With no newline at all, the input is one line: skipped, never held whole.
    let (report, name) = report_on(&vec![b'x'; 40 << 20], &[]);
    assert_eq!(report["requests"], 0);
    assert_eq!(
        malformed(&report, &name),
        [":1: longer than 16 MiB: skipped"]
    );
}

// ANCHOR: test_sample
#[test]
fn the_real_world_sample_reports_exactly_its_two_broken_lines() {
    let report = json_report(Path::new("samples/real-world.log"), &[]);
    assert_eq!(report["requests"], 18);
    assert_eq!(
        malformed(&report, "samples/real-world.log"),
        [
            ":13: user agent cut off: no closing quote",
            ":20: no newline at the end: the line was cut short",
        ]
    );
}
// ANCHOR_END: test_sample
