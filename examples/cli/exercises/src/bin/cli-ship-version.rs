//! Exercise: a version line that says which commit a binary was built from.

// ANCHOR: solution
/// `describe` is what `git describe --tags --always --dirty` printed when the
/// binary was built (a build script passes it on), if git was there at all.
fn version_text(package: &str, describe: Option<&str>) -> String {
    let Some(describe) = describe.filter(|d| !d.is_empty()) else {
        return package.to_string();
    };
    let (describe, modified) = match describe.strip_suffix("-dirty") {
        Some(rest) => (rest, true),
        None => (describe, false),
    };
    let mut notes = Vec::new();
    // From the right: a tag may itself contain dashes (v1.0.0-rc.1).
    let mut parts = describe.rsplitn(3, '-');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(hash), Some(count), Some(tag))
            if hash.strip_prefix('g').is_some_and(is_hash)
                && !count.is_empty()
                && count.bytes().all(|b| b.is_ascii_digit()) =>
        {
            let commits = if count == "1" { "commit" } else { "commits" };
            notes.push(format!("{count} {commits} after {tag}"));
            notes.push(hash[1..].to_string());
        }
        _ if is_hash(describe) => notes.push(describe.to_string()),
        _ if describe.strip_prefix('v').unwrap_or(describe) == package => {}
        _ => notes.push(format!("at {describe}")),
    }
    if modified {
        notes.push("modified".to_string());
    }
    if notes.is_empty() {
        package.to_string()
    } else {
        format!("{package} ({})", notes.join(", "))
    }
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_git_it_is_the_package_version() {
        assert_eq!(version_text("0.3.1", None), "0.3.1");
        assert_eq!(
            version_text("0.3.1", Some("")),
            "0.3.1",
            "an empty describe is no describe"
        );
    }

    #[test]
    fn on_the_release_tag_it_is_the_package_version() {
        assert_eq!(version_text("0.3.1", Some("v0.3.1")), "0.3.1");
        assert_eq!(
            version_text("0.3.1", Some("0.3.1")),
            "0.3.1",
            "a tag without the v"
        );
    }

    #[test]
    fn on_another_tag_it_says_which() {
        assert_eq!(version_text("0.3.1", Some("v0.3.0")), "0.3.1 (at v0.3.0)");
        assert_eq!(
            version_text("0.3.1", Some("release-2026-11")),
            "0.3.1 (at release-2026-11)",
            "dashes in a tag are not a commit count"
        );
    }

    #[test]
    fn commits_after_a_tag_give_the_count_and_the_hash() {
        assert_eq!(
            version_text("0.3.1", Some("v0.3.1-4-gabc1234")),
            "0.3.1 (4 commits after v0.3.1, abc1234)"
        );
        assert_eq!(
            version_text("0.3.1", Some("v0.3.1-1-gabc1234")),
            "0.3.1 (1 commit after v0.3.1, abc1234)"
        );
    }

    #[test]
    fn a_tag_with_dashes_is_split_from_the_right() {
        assert_eq!(
            version_text("1.0.0", Some("v1.0.0-rc.1-3-gdeadbee")),
            "1.0.0 (3 commits after v1.0.0-rc.1, deadbee)"
        );
        assert_eq!(
            version_text("1.0.0", Some("v1.0.0-rc.1")),
            "1.0.0 (at v1.0.0-rc.1)"
        );
    }

    #[test]
    fn without_tags_it_is_the_hash() {
        assert_eq!(version_text("0.3.1", Some("abc1234")), "0.3.1 (abc1234)");
        assert_eq!(
            version_text("0.3.1", Some("abc12")),
            "0.3.1 (at abc12)",
            "too short for a hash: a tag"
        );
    }

    #[test]
    fn uncommitted_changes_are_marked() {
        assert_eq!(
            version_text("0.3.1", Some("v0.3.1-dirty")),
            "0.3.1 (modified)"
        );
        assert_eq!(
            version_text("0.3.1", Some("v0.3.1-2-g0123abc-dirty")),
            "0.3.1 (2 commits after v0.3.1, 0123abc, modified)"
        );
        assert_eq!(
            version_text("0.3.1", Some("abc1234-dirty")),
            "0.3.1 (abc1234, modified)"
        );
    }
}
// ANCHOR_END: tests
