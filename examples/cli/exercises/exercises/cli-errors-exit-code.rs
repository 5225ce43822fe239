//! Exercise: turn the end of a run into one line on standard error and an exit code.

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
    // TODO: follow `source()` down the chain.
    error.to_string()
}

/// Writes the report or the error, and returns the exit code: 0 for a report
/// (even if the reader of stdout went away), 1 for a failed run or a report
/// that could not be written, 2 for a usage error.
fn finish(
    result: Result<String, RunError>,
    stdout: &mut impl Write,
    stderr: &mut impl Write,
) -> u8 {
    // TODO: the exit codes above, and a failed write of the report; every
    // message is one line starting with "logstat: ".
    match result {
        Ok(report) => {
            let _ = stdout.write_all(report.as_bytes());
            0
        }
        Err(error) => {
            let _ = writeln!(stderr, "{}", one_line(&error));
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
