//! Exercise: turn the end of a run into one line on standard error and an exit code.

// ANCHOR: solution
use std::error::Error;
use std::fmt;
use std::io::{self, Write};

/// Why a run stopped without a report.
#[derive(Debug)]
enum RunError {
    /// The command line was wrong: exit code 2.
    Usage(String),
    /// An input could not be opened: exit code 1.
    Open { name: String, source: io::Error },
    /// An input could not be read to its end: exit code 1.
    Read { name: String, source: io::Error },
}

impl fmt::Display for RunError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RunError::Usage(message) => write!(f, "{message}"),
            RunError::Open { name, .. } => write!(f, "cannot open {name}"),
            RunError::Read { name, .. } => write!(f, "cannot read {name}"),
        }
    }
}

impl Error for RunError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            RunError::Usage(_) => None,
            RunError::Open { source, .. } | RunError::Read { source, .. } => Some(source),
        }
    }
}

/// The error and every cause under it, joined by ": ", as anyhow's `{:#}` prints them.
fn one_line(error: &dyn Error) -> String {
    let mut line = error.to_string();
    let mut cause = error.source();
    while let Some(next) = cause {
        line.push_str(": ");
        line.push_str(&next.to_string());
        cause = next.source();
    }
    line
}

/// Writes the report or the error, and returns the exit code: 0 for a report
/// (even if the reader of stdout went away), 1 for a failed run or a report
/// that could not be written, 2 for a usage error.
fn finish(
    result: Result<String, RunError>,
    stdout: &mut impl Write,
    stderr: &mut impl Write,
) -> u8 {
    match result {
        Ok(report) => match stdout
            .write_all(report.as_bytes())
            .and_then(|()| stdout.flush())
        {
            Ok(()) => 0,
            // `logstat access.log | head` closed the pipe: what the user asked for.
            Err(error) if error.kind() == io::ErrorKind::BrokenPipe => 0,
            Err(error) => {
                let _ = writeln!(stderr, "logstat: cannot write the report: {error}");
                1
            }
        },
        Err(RunError::Usage(message)) => {
            let _ = writeln!(stderr, "logstat: {message}; see logstat --help");
            2
        }
        Err(error) => {
            let _ = writeln!(stderr, "logstat: {}", one_line(&error));
            1
        }
    }
}

fn main() {
    let endings = [
        Ok("requests 42\n".to_string()),
        Err(RunError::Usage("unexpected argument '--jsn'".into())),
        Err(RunError::Open {
            name: "nowhere.log".into(),
            source: io::Error::new(io::ErrorKind::NotFound, "No such file or directory"),
        }),
        Err(RunError::Read {
            name: "a.log.gz".into(),
            source: io::Error::new(io::ErrorKind::InvalidData, "corrupt deflate stream"),
        }),
    ];
    for ending in endings {
        let code = finish(ending, &mut io::stdout(), &mut io::stdout());
        println!("exit code {code}");
    }
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    /// Runs `finish` and returns (exit code, stdout, stderr).
    fn run(result: Result<String, RunError>) -> (u8, String, String) {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let code = finish(result, &mut out, &mut err);
        (
            code,
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap(),
        )
    }

    fn not_found() -> io::Error {
        io::Error::new(io::ErrorKind::NotFound, "No such file or directory")
    }

    /// A writer whose every write fails with `kind`.
    struct Failing(io::ErrorKind);

    impl Write for Failing {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::new(self.0, "write failed"))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_report_goes_to_stdout_with_code_0() {
        assert_eq!(
            run(Ok("requests 42\n".into())),
            (0, "requests 42\n".into(), String::new())
        );
    }

    #[test]
    fn a_missing_file_is_one_line_with_its_cause_and_code_1() {
        let error = RunError::Open {
            name: "nowhere.log".into(),
            source: not_found(),
        };
        assert_eq!(
            run(Err(error)),
            (
                1,
                String::new(),
                "logstat: cannot open nowhere.log: No such file or directory\n".into()
            )
        );
    }

    #[test]
    fn a_read_error_keeps_its_cause_too() {
        let error = RunError::Read {
            name: "a.log.gz".into(),
            source: io::Error::new(io::ErrorKind::InvalidData, "corrupt deflate stream"),
        };
        let (code, _, stderr) = run(Err(error));
        assert_eq!(
            (code, stderr.as_str()),
            (1, "logstat: cannot read a.log.gz: corrupt deflate stream\n")
        );
    }

    #[test]
    fn a_usage_error_has_code_2() {
        let (code, stdout, stderr) =
            run(Err(RunError::Usage("unexpected argument '--jsn'".into())));
        assert_eq!(
            code, 2,
            "usage errors exit with 2, like Go's flag and Python's argparse"
        );
        assert_eq!(stdout, "");
        assert_eq!(
            stderr,
            "logstat: unexpected argument '--jsn'; see logstat --help\n"
        );
    }

    #[test]
    fn one_line_follows_the_whole_chain() {
        #[derive(Debug)]
        struct Layer(&'static str, Option<Box<Layer>>);
        impl fmt::Display for Layer {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.0)
            }
        }
        impl Error for Layer {
            fn source(&self) -> Option<&(dyn Error + 'static)> {
                self.1
                    .as_deref()
                    .map(|inner| inner as &(dyn Error + 'static))
            }
        }
        let chain = Layer(
            "cannot read a.log.gz",
            Some(Box::new(Layer(
                "bad gzip member",
                Some(Box::new(Layer("checksum mismatch", None))),
            ))),
        );
        assert_eq!(
            one_line(&chain),
            "cannot read a.log.gz: bad gzip member: checksum mismatch"
        );
        assert_eq!(
            one_line(&Layer("alone", None)),
            "alone",
            "no cause: no colon"
        );
    }

    #[test]
    fn a_closed_pipe_is_not_a_failure() {
        let mut stderr = Vec::new();
        let code = finish(
            Ok("report\n".into()),
            &mut Failing(io::ErrorKind::BrokenPipe),
            &mut stderr,
        );
        assert_eq!(
            (code, stderr.as_slice()),
            (0, &b""[..]),
            "`logstat ... | head` must exit 0 and say nothing"
        );
    }

    #[test]
    fn any_other_write_error_is_a_failure() {
        let mut stderr = Vec::new();
        let code = finish(
            Ok("report\n".into()),
            &mut Failing(io::ErrorKind::StorageFull),
            &mut stderr,
        );
        assert_eq!(code, 1, "a full disk lost the report: exit 1");
        assert_eq!(
            String::from_utf8(stderr).unwrap(),
            "logstat: cannot write the report: write failed\n"
        );
    }
}
// ANCHOR_END: tests
