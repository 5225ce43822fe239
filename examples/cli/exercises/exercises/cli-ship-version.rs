//! Exercise: a version line that says which commit a binary was built from.

/// `describe` is what `git describe --tags --always --dirty` printed when the
/// binary was built (a build script passes it on), if git was there at all.
fn version_text(package: &str, describe: Option<&str>) -> String {
    // TODO: read `describe` (a tag, a tag-count-ghash, or a bare hash, each
    // maybe followed by -dirty) and add what it says after the version.
    let _ = describe;
    package.to_string()
}

/// An abbreviated commit hash: 7 to 40 lowercase hex digits.
fn is_hash(text: &str) -> bool {
    (7..=40).contains(&text.len()) && text.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

fn main() {
    // Cargo sets CARGO_PKG_VERSION; a build script would set LOGSTAT_DESCRIBE.
    let package = option_env!("CARGO_PKG_VERSION").unwrap_or("0.0.0");
    println!(
        "logstat {}",
        version_text(package, option_env!("LOGSTAT_DESCRIBE"))
    );
}
