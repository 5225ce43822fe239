//! Exercise: return a slice of a header without copying it, with a
//! signature that says which argument the result borrows from.

/// The value of cookie `name` in a Cookie header such as
/// `"theme=dark; session=7f3a"`, or None when it is not there.
///
/// The result borrows from `header` only ('h); `name` is just compared,
/// so it has a lifetime of its own and may be dropped first.
pub fn cookie<'h>(header: &'h str, name: &str) -> Option<&'h str> {
    // Split the header into `name=value` pairs, trim the spaces around each
    // pair, and return the value of the pair whose name is exactly `name`.
    todo!()
}

fn main() {
    let header = String::from("theme=dark; session=7f3a; lang=fr");
    for name in ["session", "lang", "cart"] {
        println!("{name}: {:?}", cookie(&header, name));
    }
}
