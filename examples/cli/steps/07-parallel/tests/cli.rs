//! The binary as a user runs it: real files, real exit codes, real stderr.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn logstat() -> Command {
    // The package's own binary: `logstat` in your crate.
    let mut command = Command::cargo_bin(env!("CARGO_PKG_NAME")).unwrap();
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

fn json_report(args: &[&str]) -> Value {
    let output = logstat().args(args).arg("--json").output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

// ANCHOR: test_report
#[test]
fn reports_on_the_sample_log() {
    logstat()
        .arg("samples/access.log")
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "48 requests in samples/access.log\n",
        ))
        .stdout(predicate::str::contains(
            "/api/users             13   27.1%",
        ))
        .stdout(predicate::str::contains(
            "samples/access.log:18: timestamp cut off",
        ));
}
// ANCHOR_END: test_report

#[test]
fn gzip_stdin_and_plain_files_give_the_same_counts() {
    let plain = json_report(&["samples/access.log"]);
    let gzip = json_report(&["samples/access.log.gz"]);
    let stdin = logstat()
        .arg("--json")
        .pipe_stdin("samples/access.log")
        .unwrap()
        .output()
        .unwrap();
    let stdin: Value = serde_json::from_slice(&stdin.stdout).unwrap();
    for report in [&gzip, &stdin] {
        for key in [
            "requests",
            "status_codes",
            "top_paths",
            "latency_ms",
            "per_minute",
        ] {
            assert_eq!(report[key], plain[key], "{key}");
        }
    }
    assert_eq!(stdin["inputs"][0]["name"], "standard input");
}

// ANCHOR: test_parallel
#[test]
fn one_thread_and_many_agree_on_a_multi_chunk_input() {
    // Four chunks' worth of lines, so that chunks really go to several threads.
    let line = std::fs::read_to_string("samples/access.log").unwrap();
    let big = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(big.path(), line.repeat(4 * (1 << 20) / line.len() + 1)).unwrap();
    let path = big.path().to_str().unwrap();
    let one = json_report(&[path, "--jobs", "1"]);
    let four = json_report(&[path, "--jobs", "4"]);
    assert_eq!(one, four);
    assert!(one["requests"].as_u64().unwrap() > 25_000);
    assert_eq!(
        one["malformed"]["first"][0],
        format!("{path}:18: timestamp cut off: no closing bracket")
    );
}
// ANCHOR_END: test_parallel

#[test]
fn auto_detects_each_inputs_format() {
    let report = json_report(&["samples/app.jsonl", "samples/access.log"]);
    assert_eq!(report["inputs"][0]["format"], "json");
    assert_eq!(report["inputs"][1]["format"], "combined");
    assert_eq!(
        report["malformed"]["first"][0],
        "samples/app.jsonl:10: not a JSON log object"
    );
}

#[test]
fn a_forced_format_makes_other_lines_malformed() {
    let report = json_report(&["--format", "common", "samples/access.log"]);
    assert_eq!(report["requests"], 0);
    assert_eq!(report["malformed"]["count"], 50);
}

#[test]
fn filters_by_status_path_and_time() {
    let errors = json_report(&["samples/access.log", "--status", "4xx,503"]);
    assert_eq!(errors["requests"], 5);
    assert_eq!(errors["filtered_out"], 43);
    let users = json_report(&["samples/access.log", "--path-prefix", "/api/users"]);
    assert!(
        users["top_paths"]
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["path"].as_str().unwrap().starts_with("/api/users"))
    );
    let minute = json_report(&[
        "samples/access.log",
        "--since",
        "2026-11-24T10:01:00Z",
        "--until",
        "2026-11-24T10:02:00Z",
    ]);
    assert_eq!(minute["per_minute"]["first"], "2026-11-24T10:01Z");
    assert_eq!(minute["per_minute"]["last"], "2026-11-24T10:01Z");
}

// ANCHOR: test_errors
#[test]
fn a_missing_file_is_one_line_and_exit_1() {
    logstat()
        .args(["samples/access.log", "nowhere.log"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("logstat: cannot open nowhere.log: No such file or directory (os error 2)\n");
}

#[test]
fn usage_errors_are_one_line_and_exit_2() {
    for (args, message) in [
        (
            &["--frobnicate"][..],
            "unexpected argument '--frobnicate' found",
        ),
        (
            &["--format", "xml"],
            "[possible values: auto, common, combined, json]",
        ),
        (
            &["--status", "6xx"],
            "'6xx' is not a status code (404) or class (5xx)",
        ),
        (&["--since", "yesterday"], "not an RFC 3339 time"),
        (&["--top", "many"], "--top"),
        (&["--jobs", "0"], "--jobs"),
    ] {
        let output = logstat().args(args).output().unwrap();
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.starts_with("logstat: ") && stderr.contains(message),
            "{stderr}"
        );
    }
}
// ANCHOR_END: test_errors

#[test]
fn a_directory_or_a_corrupt_gzip_is_a_read_error() {
    logstat()
        .arg("samples")
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with(
            "logstat: cannot read samples: ",
        ));
    let corrupt = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(
        corrupt.path(),
        [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff],
    )
    .unwrap();
    logstat()
        .arg(corrupt.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot read"));
}

#[test]
fn binary_garbage_is_counted_as_malformed_with_exit_0() {
    let garbage: Vec<u8> = (0..20_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), garbage).unwrap();
    let report = json_report(&[file.path().to_str().unwrap()]);
    assert_eq!(report["requests"], 0);
    assert!(report["malformed"]["count"].as_u64().unwrap() > 0);
}

#[test]
fn help_and_version_succeed_on_stdout() {
    logstat()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Usage: logstat [OPTIONS] [FILES]...",
        ))
        .stdout(predicate::str::contains("--path-prefix <PREFIX>"));
    logstat()
        .arg("--version")
        .assert()
        .success()
        .stdout("logstat 0.1.0\n");
}
