//! Must not compile (E0425): an item marked #[cfg(test)] exists only when
//! the crate is built for its tests, and main is built without them.

#[derive(Debug)]
struct Config {
    port: u16,
    database_url: String,
}

/// Settings for tests: any free port, a throwaway database.
#[cfg(test)]
fn test_config() -> Config {
    Config {
        port: 0,
        database_url: "postgres://localhost/app_test".to_string(),
    }
}

fn main() {
    // "Only for a quick demo": main borrows the tests' settings.
    let config = test_config();
    println!("{config:?}");
}
