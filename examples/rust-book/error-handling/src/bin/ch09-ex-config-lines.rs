//! Exercise: parse KEY=VALUE config lines, reporting the first bad line.

// ANCHOR: solution
use std::collections::BTreeMap;
use std::error::Error;
use std::fmt;

/// Why a config file was refused. Line numbers count from 1, like an editor's.
#[derive(Debug, PartialEq)]
enum ConfigError {
    /// The line has no `=`, or nothing before it.
    Malformed { line: usize },
    /// The line sets a key that an earlier line already set.
    Duplicate { line: usize, key: String },
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::Malformed { line } => write!(f, "line {line}: expected KEY=VALUE"),
            ConfigError::Duplicate { line, key } => write!(f, "line {line}: {key} is set twice"),
        }
    }
}

impl Error for ConfigError {}

/// Reads `KEY=VALUE` lines. Blank lines and lines starting with `#` are
/// skipped, keys and values are trimmed, and the first bad line stops it.
fn parse_config(text: &str) -> Result<BTreeMap<String, String>, ConfigError> {
    let mut config = BTreeMap::new();
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        // split_once cuts at the first '=', so a value may contain more.
        let (key, value) = trimmed
            .split_once('=')
            .ok_or(ConfigError::Malformed { line })?;
        let key = key.trim();
        if key.is_empty() {
            return Err(ConfigError::Malformed { line });
        }
        if config
            .insert(key.to_string(), value.trim().to_string())
            .is_some()
        {
            let key = key.to_string();
            return Err(ConfigError::Duplicate { line, key });
        }
    }
    Ok(config)
}

fn main() {
    let good = "# users-api\nPORT=8080\n\nDATABASE_URL = postgres://db/app?sslmode=require\n";
    let bad = "PORT=8080\nWORKERS 4\nPORT=9090\n";
    for text in [good, bad] {
        match parse_config(text) {
            Ok(config) => {
                for (key, value) in &config {
                    println!("{key} = {value}");
                }
            }
            Err(err) => println!("error: {err}"),
        }
    }
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_values_are_read_and_comments_and_blank_lines_skipped() {
        let config =
            parse_config("# comment\nPORT=8080\n\nHOST=0.0.0.0\n").expect("a valid config");
        assert_eq!(
            config.len(),
            2,
            "only PORT and HOST are settings, got {config:?}"
        );
        assert_eq!(config["PORT"], "8080");
        assert_eq!(config["HOST"], "0.0.0.0");
    }

    #[test]
    fn spaces_around_keys_and_values_are_trimmed() {
        let config = parse_config("  LOG_LEVEL =  debug  ").expect("a valid config");
        assert_eq!(
            config.get("LOG_LEVEL").map(String::as_str),
            Some("debug"),
            "the key and the value should both be trimmed, got {config:?}"
        );
    }

    #[test]
    fn a_value_may_contain_an_equals_sign() {
        let config =
            parse_config("DATABASE_URL=postgres://db/app?sslmode=require").expect("a valid config");
        assert_eq!(
            config["DATABASE_URL"], "postgres://db/app?sslmode=require",
            "only the first '=' separates the key from the value"
        );
    }

    #[test]
    fn a_line_without_an_equals_sign_is_reported_with_its_number() {
        assert_eq!(
            parse_config("PORT=8080\n# workers\nWORKERS 4\n"),
            Err(ConfigError::Malformed { line: 3 }),
            "line 3 has no '=' (line numbers count from 1, comments included)"
        );
    }

    #[test]
    fn the_first_bad_line_is_the_one_reported() {
        assert_eq!(
            parse_config("PORT=8080\n=oops\nWORKERS 4\n"),
            Err(ConfigError::Malformed { line: 2 }),
            "line 2 has an empty key and comes before the bad line 3"
        );
    }

    #[test]
    fn a_key_set_twice_is_a_duplicate() {
        let result = parse_config("PORT=8080\nPORT=9090\n");
        assert_eq!(
            result,
            Err(ConfigError::Duplicate {
                line: 2,
                key: "PORT".to_string()
            }),
            "the second PORT, on line 2, should be refused"
        );
        assert_eq!(result.unwrap_err().to_string(), "line 2: PORT is set twice");
    }
}
// ANCHOR_END: tests
