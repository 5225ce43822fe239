//! The binary as a user runs it: real arguments, real exit codes, real stderr.

use assert_cmd::Command;
use predicates::prelude::*;

fn logstat() -> Command {
    // The package's own binary: `logstat` in your crate.
    Command::cargo_bin(env!("CARGO_PKG_NAME")).unwrap()
}

#[test]
fn the_arguments_arrive_typed() {
    logstat()
        .args(["--status", "5xx,404", "--top", "3", "a.log", "b.log"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Class(\n            5,\n        ),",
        ))
        .stdout(predicate::str::contains(
            "Code(\n            404,\n        ),",
        ))
        .stdout(predicate::str::contains("top: 3,"))
        .stdout(predicate::str::contains("\"b.log\","));
}

// ANCHOR: test_errors
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
