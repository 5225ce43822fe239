//! Exercise: a monitoring check on logstat's report, with the exit codes monitoring tools read.

// ANCHOR: solution
/// The figures of logstat's report that this check looks at.
struct Report {
    requests: u64,
    /// Requests with a 5xx status.
    server_errors: u64,
    malformed: u64,
}

/// Percentages of 5xx responses at which the check raises its level.
struct Limits {
    warning: f64,
    critical: f64,
}

/// The four results a Nagios-style check can give, in exit-code order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Ok,
    Warning,
    Critical,
    Unknown,
}

impl Level {
    fn code(self) -> u8 {
        match self {
            Level::Ok => 0,
            Level::Warning => 1,
            Level::Critical => 2,
            Level::Unknown => 3,
        }
    }
}

/// The level and the one line of text the monitoring tool shows.
fn check(report: &Report, limits: &Limits) -> (Level, String) {
    let lines = report.requests + report.malformed;
    if report.requests == 0 {
        return (
            Level::Unknown,
            "UNKNOWN - no requests in the log".to_string(),
        );
    }
    // More broken lines than good ones: the numbers would mean nothing.
    if report.malformed > report.requests {
        let text = format!(
            "UNKNOWN - {} of {lines} lines malformed: is --format right?",
            report.malformed
        );
        return (Level::Unknown, text);
    }
    let percent = report.server_errors as f64 * 100.0 / report.requests as f64;
    let (level, word) = if percent >= limits.critical {
        (Level::Critical, "CRITICAL")
    } else if percent >= limits.warning {
        (Level::Warning, "WARNING")
    } else {
        (Level::Ok, "OK")
    };
    let text = format!(
        "{word} - {percent:.1}% 5xx ({} of {} requests)",
        report.server_errors, report.requests
    );
    (level, text)
}

fn main() -> std::process::ExitCode {
    let report = Report {
        requests: 750,
        server_errors: 3,
        malformed: 2,
    };
    let (level, text) = check(
        &report,
        &Limits {
            warning: 1.0,
            critical: 5.0,
        },
    );
    println!("{text}");
    std::process::ExitCode::from(level.code())
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: Limits = Limits {
        warning: 1.0,
        critical: 5.0,
    };

    fn report(requests: u64, server_errors: u64, malformed: u64) -> Report {
        Report {
            requests,
            server_errors,
            malformed,
        }
    }

    #[test]
    fn each_level_has_its_exit_code() {
        let codes = [Level::Ok, Level::Warning, Level::Critical, Level::Unknown].map(Level::code);
        assert_eq!(codes, [0, 1, 2, 3]);
    }

    #[test]
    fn few_errors_are_ok() {
        assert_eq!(
            check(&report(750, 3, 2), &LIMITS),
            (Level::Ok, "OK - 0.4% 5xx (3 of 750 requests)".to_string())
        );
        assert_eq!(
            check(&report(10, 0, 0), &LIMITS),
            (Level::Ok, "OK - 0.0% 5xx (0 of 10 requests)".to_string())
        );
    }

    #[test]
    fn a_limit_reached_exactly_raises_the_level() {
        assert_eq!(
            check(&report(100, 1, 0), &LIMITS).0,
            Level::Warning,
            "1% with warning at 1%"
        );
        assert_eq!(
            check(&report(100, 5, 0), &LIMITS).0,
            Level::Critical,
            "5% with critical at 5%"
        );
        assert_eq!(check(&report(1000, 9, 0), &LIMITS).0, Level::Ok, "0.9%");
        assert_eq!(
            check(&report(1000, 49, 0), &LIMITS).0,
            Level::Warning,
            "4.9%"
        );
    }

    #[test]
    fn the_text_names_the_level_with_one_decimal() {
        assert_eq!(
            check(&report(3, 1, 0), &LIMITS).1,
            "CRITICAL - 33.3% 5xx (1 of 3 requests)"
        );
        assert_eq!(
            check(&report(200, 5, 0), &LIMITS).1,
            "WARNING - 2.5% 5xx (5 of 200 requests)"
        );
    }

    #[test]
    fn no_requests_is_unknown_not_ok() {
        assert_eq!(
            check(&report(0, 0, 0), &LIMITS),
            (
                Level::Unknown,
                "UNKNOWN - no requests in the log".to_string()
            )
        );
        assert_eq!(
            check(&report(0, 0, 12), &LIMITS).0,
            Level::Unknown,
            "only malformed lines"
        );
    }

    #[test]
    fn mostly_malformed_lines_are_unknown() {
        assert_eq!(
            check(&report(20, 0, 80), &LIMITS),
            (
                Level::Unknown,
                "UNKNOWN - 80 of 100 lines malformed: is --format right?".to_string()
            )
        );
        assert_eq!(
            check(&report(50, 0, 50), &LIMITS).0,
            Level::Ok,
            "half malformed is still a report"
        );
    }
}
// ANCHOR_END: tests
