//! Must not compile (E0277): `?` cannot convert ParseIntError into an error
//! enum that has no From<ParseIntError> implementation.

#[derive(Debug)]
enum ConfigError {
    Missing(&'static str),
}

fn workers(raw: Option<&str>) -> Result<u8, ConfigError> {
    let raw = raw.ok_or(ConfigError::Missing("workers"))?;
    let count = raw.parse::<u8>()?;
    Ok(count)
}

fn main() {
    println!("{:?}", workers(Some("4")));
}
