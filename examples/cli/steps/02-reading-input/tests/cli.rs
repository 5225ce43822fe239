//! The binary as a user runs it: real files, real exit codes, real stderr.

use assert_cmd::Command;
use predicates::prelude::*;

fn logstat() -> Command {
    // The package's own binary: `logstat` in your crate.
    Command::cargo_bin(env!("CARGO_PKG_NAME")).unwrap()
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

fn in_crate() -> Command {
    let mut command = logstat();
    command.current_dir(env!("CARGO_MANIFEST_DIR"));
    command
}

#[test]
fn files_gzip_and_standard_input_hold_the_same_lines() {
    in_crate()
        .args(["samples/access.log", "samples/access.log.gz"])
        .assert()
        .success()
        .stdout(
            "samples/access.log: 50 lines, 5946 bytes\n\
             samples/access.log.gz: 50 lines, 5946 bytes\n",
        );
    in_crate()
        .pipe_stdin("samples/access.log")
        .unwrap()
        .assert()
        .success()
        .stdout("standard input: 50 lines, 5946 bytes\n");
}

#[test]
fn a_last_line_without_newline_still_counts() {
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), "one\ntwo\nthree").unwrap();
    logstat()
        .arg(file.path())
        .assert()
        .success()
        .stdout(predicate::str::ends_with(": 3 lines, 13 bytes\n"));
}

#[test]
fn a_missing_file_is_one_line_and_exit_1() {
    in_crate()
        .args(["samples/access.log", "nowhere.log"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("logstat: cannot open nowhere.log: No such file or directory (os error 2)\n");
}

#[test]
fn a_directory_or_a_corrupt_gzip_is_a_read_error() {
    in_crate()
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
