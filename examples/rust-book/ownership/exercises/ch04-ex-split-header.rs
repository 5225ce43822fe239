/// Splits a header line such as "Host: api.local:8080" at its first colon
/// into the name and the value, both slices of `line`. Spaces around the
/// value are removed. Returns None when there is no colon, or when the name
/// is empty or contains a space.
fn split_header(line: &str) -> Option<(&str, &str)> {
    // TODO: find the first ':', slice the name before it and the value
    // after it, trim the value, and reject an empty name or one with a
    // space in it. Both returned &str must be slices of `line`.
    todo!("split {line:?} into a name and a value")
}

fn main() {
    for line in ["Host: api.local:8080", "Accept:   */*  ", "no colon here"] {
        println!("{line:?} -> {:?}", split_header(line));
    }
}
