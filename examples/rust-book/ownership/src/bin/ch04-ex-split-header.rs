// ANCHOR: solution
/// Splits a header line such as "Host: api.local:8080" at its first colon
/// into the name and the value, both slices of `line`. Spaces around the
/// value are removed. Returns None when there is no colon, or when the name
/// is empty or contains a space.
fn split_header(line: &str) -> Option<(&str, &str)> {
    // `?` returns None at once when there is no colon (Chapter 9 covers it).
    let colon = line.find(':')?;
    let name = &line[..colon];
    // `colon + 1` is a valid place to cut: ':' is a single byte.
    let value = line[colon + 1..].trim();
    if name.is_empty() || name.contains(' ') {
        return None;
    }
    Some((name, value))
}

fn main() {
    for line in ["Host: api.local:8080", "Accept:   */*  ", "no colon here"] {
        println!("{line:?} -> {:?}", split_header(line));
    }
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    /// True when `part` is a view into `line`, not a copy of its text.
    fn points_into(line: &str, part: &str) -> bool {
        let start = line.as_ptr() as usize;
        let at = part.as_ptr() as usize;
        at >= start && at + part.len() <= start + line.len()
    }

    #[test]
    fn the_line_is_split_at_the_first_colon() {
        assert_eq!(
            split_header("Host: api.local:8080"),
            Some(("Host", "api.local:8080")),
            "the port's colon belongs to the value"
        );
    }

    #[test]
    fn spaces_around_the_value_are_removed() {
        assert_eq!(split_header("Accept:   */*  "), Some(("Accept", "*/*")));
        assert_eq!(
            split_header("X-Empty:"),
            Some(("X-Empty", "")),
            "an empty value is allowed"
        );
    }

    #[test]
    fn a_line_without_a_colon_is_not_a_header() {
        assert_eq!(split_header("no colon here"), None);
    }

    #[test]
    fn an_empty_or_spaced_name_is_rejected() {
        assert_eq!(split_header(": text/plain"), None, "the name is empty");
        assert_eq!(
            split_header("Content Type: text/plain"),
            None,
            "a name cannot contain a space"
        );
    }

    #[test]
    fn both_parts_are_slices_of_the_line() {
        let line = String::from("Content-Type: application/json");
        let (name, value) = split_header(&line).expect("a valid header");
        assert!(
            points_into(&line, name),
            "the name should borrow from the line"
        );
        assert!(
            points_into(&line, value),
            "the value should borrow from the line"
        );
    }
}
// ANCHOR_END: tests
