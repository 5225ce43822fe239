//! Must fail (panics): cutting a name to a byte length splits a character.

/// Shortens a user name for a narrow column, wrongly: 3 BYTES, not 3 characters.
fn column(name: &str) -> &str {
    if name.len() > 3 { &name[..3] } else { name }
}

fn main() {
    for name in ["alice", "日本語", "Zoë"] {
        println!("{}", column(name));
    }
}
