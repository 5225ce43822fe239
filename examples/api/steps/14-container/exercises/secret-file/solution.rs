//! Exercise: the database URL from a file. The URL holds the database's
//! password, and an environment variable is easy to leak: `docker inspect`
//! prints it, and so does anything that dumps the environment. Docker
//! secrets and Kubernetes mount a secret as a file instead, and services
//! read `NAME_FILE`, the file's path, beside `NAME`. Read DATABASE_URL, or
//! else the file DATABASE_URL_FILE names (without its trailing newline);
//! both set, or neither, or a file that cannot be read or is empty, stops
//! the start-up with a message naming the setting, never the secret.

// ANCHOR: solution
/// A setting that is missing or malformed, named so the operator can fix it.
#[derive(Debug, thiserror::Error)]
#[error("{name}: {problem}")]
pub struct ConfigError {
    name: &'static str,
    problem: String,
}

pub fn database_url(lookup: impl Fn(&str) -> Option<String>) -> Result<String, ConfigError> {
    match (lookup("DATABASE_URL"), lookup("DATABASE_URL_FILE")) {
        (Some(_), Some(_)) => Err(ConfigError {
            name: "DATABASE_URL_FILE",
            problem: "set it or DATABASE_URL, not both".into(),
        }),
        (Some(url), None) => Ok(url),
        (None, Some(path)) => {
            let text = std::fs::read_to_string(&path).map_err(|e| ConfigError {
                name: "DATABASE_URL_FILE",
                problem: format!("cannot read {path:?}: {e}"),
            })?;
            // Editors and `echo` end a file with a newline; a URL never does.
            let url = text.trim_end();
            if url.is_empty() {
                return Err(ConfigError {
                    name: "DATABASE_URL_FILE",
                    problem: format!("{path:?} is empty"),
                });
            }
            Ok(url.to_string())
        }
        (None, None) => Err(ConfigError {
            name: "DATABASE_URL",
            problem: "is not set, nor DATABASE_URL_FILE; it should look like postgres://user@localhost/db".into(),
        }),
    }
}

fn main() {
    match database_url(|name| std::env::var(name).ok()) {
        // Never print the URL itself: it holds the password.
        Ok(url) => println!("a database URL of {} bytes", url.len()),
        Err(error) => eprintln!("users-api: {error}"),
    }
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;
    use std::path::PathBuf;

    const URL: &str = "postgres://app:s3cret@db:5432/users";

    /// `database_url` over a made-up environment, not the process's.
    fn url(pairs: &[(&str, &str)]) -> Result<String, ConfigError> {
        let env: HashMap<&str, &str> = pairs.iter().copied().collect();
        database_url(|name| env.get(name).map(|value| value.to_string()))
    }

    /// A file of the test's own (tests run in parallel) holding `text`.
    fn secret(test: &str, text: &str) -> PathBuf {
        let path = std::env::temp_dir().join(format!("secret-file-{test}-{}", std::process::id()));
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn the_variable_still_works() {
        assert_eq!(url(&[("DATABASE_URL", URL)]).unwrap(), URL);
    }

    #[test]
    fn the_file_is_read_without_its_newline() {
        let path = secret("newline", &format!("{URL}\n"));
        let got = url(&[("DATABASE_URL_FILE", path.to_str().unwrap())]);
        assert_eq!(got.unwrap(), URL);
    }

    #[test]
    fn both_at_once_is_refused_without_showing_the_secret() {
        let path = secret("both", URL);
        let error = url(&[
            ("DATABASE_URL", URL),
            ("DATABASE_URL_FILE", path.to_str().unwrap()),
        ])
        .unwrap_err()
        .to_string();
        assert_eq!(error, "DATABASE_URL_FILE: set it or DATABASE_URL, not both");
    }

    #[test]
    fn a_missing_file_is_named() {
        let error = url(&[("DATABASE_URL_FILE", "/run/secrets/none")])
            .unwrap_err()
            .to_string();
        assert!(
            error.starts_with("DATABASE_URL_FILE: cannot read \"/run/secrets/none\": "),
            "{error}"
        );
    }

    #[test]
    fn an_empty_file_is_refused() {
        let path = secret("empty", "\n");
        let error = url(&[("DATABASE_URL_FILE", path.to_str().unwrap())]).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!("DATABASE_URL_FILE: {path:?} is empty")
        );
    }

    #[test]
    fn neither_names_both() {
        let error = url(&[]).unwrap_err().to_string();
        assert!(
            error.starts_with("DATABASE_URL: is not set, nor DATABASE_URL_FILE"),
            "{error}"
        );
    }
}
// ANCHOR_END: tests
