// ANCHOR: solution
//! Exercise: return a slice of a header without copying it, with a
//! signature that says which argument the result borrows from.

/// The value of cookie `name` in a Cookie header such as
/// `"theme=dark; session=7f3a"`, or None when it is not there.
///
/// The result borrows from `header` only ('h); `name` is just compared,
/// so it has a lifetime of its own and may be dropped first.
pub fn cookie<'h>(header: &'h str, name: &str) -> Option<&'h str> {
    header.split(';').find_map(|pair| {
        let (key, value) = pair.trim().split_once('=')?;
        if key == name { Some(value) } else { None }
    })
}

fn main() {
    let header = String::from("theme=dark; session=7f3a; lang=fr");
    for name in ["session", "lang", "cart"] {
        println!("{name}: {:?}", cookie(&header, name));
    }
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_cookie_anywhere_in_the_header() {
        let header = "theme=dark; session=7f3a; lang=fr";
        assert_eq!(cookie(header, "theme"), Some("dark"), "the first cookie");
        assert_eq!(
            cookie(header, "session"),
            Some("7f3a"),
            "a cookie in the middle, after \"; \""
        );
        assert_eq!(cookie(header, "lang"), Some("fr"), "the last cookie");
    }

    #[test]
    fn a_missing_cookie_is_none() {
        assert_eq!(cookie("theme=dark", "session"), None);
        assert_eq!(
            cookie("", "session"),
            None,
            "an empty header has no cookies"
        );
    }

    #[test]
    fn a_name_must_match_whole_not_as_a_prefix() {
        let header = "session_id=1; session=2";
        assert_eq!(
            cookie(header, "session"),
            Some("2"),
            "session_id is another cookie than session"
        );
        assert_eq!(
            cookie(header, "sess"),
            None,
            "a prefix of a name is not the name"
        );
    }

    #[test]
    fn the_value_outlives_the_name_it_was_looked_up_with() {
        let header = String::from("theme=dark; session=7f3a");
        let value = {
            let name = String::from("session"); // dropped at the end of this block
            cookie(&header, &name)
        };
        assert_eq!(value, Some("7f3a"));
    }

    #[test]
    fn the_value_is_a_slice_of_the_header_not_a_copy() {
        let header = String::from("session=7f3a");
        let value = cookie(&header, "session").expect("session is in the header");
        let inside = header.as_bytes().as_ptr_range().contains(&value.as_ptr());
        assert!(
            inside,
            "the returned &str should point into the header's own bytes"
        );
    }
}
// ANCHOR_END: tests
