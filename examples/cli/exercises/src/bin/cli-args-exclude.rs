//! Exercise: two new options on logstat's command line, declared with clap's derive.

// ANCHOR: solution
use std::path::PathBuf;

use clap::Parser;

/// Reports on HTTP access logs (a slice of logstat's command line).
#[derive(Debug, Parser)]
#[command(name = "logstat")]
struct Cli {
    /// Log files; none, or -, reads standard input
    files: Vec<PathBuf>,

    /// How many of the most requested paths to list, from 1 to 1000
    #[arg(short = 'n', long, default_value_t = 10, value_name = "N",
          value_parser = clap::value_parser!(u16).range(1..=1000))]
    top: u16,

    /// Leave out paths that start with any of these, e.g. /health,/metrics
    #[arg(long, value_delimiter = ',', value_name = "PREFIX")]
    exclude: Vec<String>,

    /// Print the report as JSON
    #[arg(long)]
    json: bool,
}

fn main() {
    match Cli::try_parse_from(["logstat", "-n", "3", "--exclude", "/health,/metrics"]) {
        Ok(cli) => println!("{cli:?}"),
        Err(error) => print!("{error}"),
    }
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use clap::error::ErrorKind;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("logstat").chain(args.iter().copied()))
    }

    #[test]
    fn without_the_options_nothing_is_excluded_and_top_is_10() {
        let cli = parse(&["access.log"]).expect("a file alone is a valid command line");
        assert_eq!(cli.files, [PathBuf::from("access.log")]);
        assert_eq!(cli.top, 10, "--top defaults to 10");
        assert!(cli.exclude.is_empty(), "no --exclude: nothing excluded");
        assert!(!cli.json);
    }

    #[test]
    fn exclude_can_be_repeated() {
        let cli = parse(&["--exclude", "/health", "--exclude", "/metrics", "a.log"]).unwrap();
        assert_eq!(cli.exclude, ["/health", "/metrics"]);
        assert_eq!(
            cli.files,
            [PathBuf::from("a.log")],
            "the file is still positional"
        );
    }

    #[test]
    fn exclude_takes_a_comma_separated_list() {
        let cli = parse(&["--exclude", "/health,/metrics", "--exclude=/static/"]).unwrap();
        assert_eq!(
            cli.exclude,
            ["/health", "/metrics", "/static/"],
            "commas split a value, and repeats add to the list in order"
        );
    }

    #[test]
    fn exclude_needs_a_value() {
        let error = parse(&["--exclude"]).expect_err("--exclude without a prefix is a usage error");
        assert_eq!(error.kind(), ErrorKind::InvalidValue, "{error}");
    }

    #[test]
    fn n_is_short_for_top() {
        assert_eq!(parse(&["-n", "3"]).map(|cli| cli.top).ok(), Some(3), "-n 3");
        assert_eq!(
            parse(&["-n5"]).map(|cli| cli.top).ok(),
            Some(5),
            "-n5, value attached"
        );
        assert_eq!(
            parse(&["--top", "7"]).map(|cli| cli.top).ok(),
            Some(7),
            "--top 7 still works"
        );
    }

    #[test]
    fn top_accepts_1_to_1000() {
        assert_eq!(parse(&["--top", "1"]).map(|cli| cli.top).ok(), Some(1));
        assert_eq!(
            parse(&["--top", "1000"]).map(|cli| cli.top).ok(),
            Some(1000)
        );
        for bad in ["0", "1001", "70000"] {
            let error = parse(&["--top", bad]).expect_err("outside 1..=1000 is refused");
            assert_eq!(
                error.kind(),
                ErrorKind::ValueValidation,
                "--top {bad}: {error}"
            );
        }
    }

    #[test]
    fn the_help_lists_the_new_options() {
        let help = parse(&["--help"])
            .expect_err("--help stops the parse")
            .to_string();
        assert!(
            help.contains("-n, --top <N>"),
            "the help should show -n beside --top:\n{help}"
        );
        assert!(
            help.contains("--exclude <PREFIX>"),
            "the help should show --exclude <PREFIX>:\n{help}"
        );
    }
}
// ANCHOR_END: tests
