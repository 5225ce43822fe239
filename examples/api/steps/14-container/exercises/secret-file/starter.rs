//! Exercise: the database URL from a file. The URL holds the database's
//! password, and an environment variable is easy to leak: `docker inspect`
//! prints it, and so does anything that dumps the environment. Docker
//! secrets and Kubernetes mount a secret as a file instead, and services
//! read `NAME_FILE`, the file's path, beside `NAME`. Read DATABASE_URL, or
//! else the file DATABASE_URL_FILE names (without its trailing newline);
//! both set, or neither, or a file that cannot be read or is empty, stops
//! the start-up with a message naming the setting, never the secret.

/// A setting that is missing or malformed, named so the operator can fix it.
#[derive(Debug, thiserror::Error)]
#[error("{name}: {problem}")]
pub struct ConfigError {
    name: &'static str,
    problem: String,
}

pub fn database_url(lookup: impl Fn(&str) -> Option<String>) -> Result<String, ConfigError> {
    // As the service reads it today: the variable alone.
    lookup("DATABASE_URL").ok_or(ConfigError {
        name: "DATABASE_URL",
        problem: "is not set; it should look like postgres://user@localhost/db".into(),
    })
}

fn main() {
    match database_url(|name| std::env::var(name).ok()) {
        // Never print the URL itself: it holds the password.
        Ok(url) => println!("a database URL of {} bytes", url.len()),
        Err(error) => eprintln!("users-api: {error}"),
    }
}
