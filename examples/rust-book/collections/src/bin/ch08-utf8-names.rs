//! String and &str: UTF-8 text, measured in bytes.

// ANCHOR: first_chars
/// The first `max` characters of `name`, as a slice of it (no copy).
fn first_chars(name: &str, max: usize) -> &str {
    match name.char_indices().nth(max) {
        // The byte offset where character number `max` starts: a safe cut.
        Some((cut, _)) => &name[..cut],
        None => name,
    }
}
// ANCHOR_END: first_chars

fn main() {
    for name in ["alice", "Zoë", "日本"] {
        println!(
            "{name}: len {} bytes, {} chars, bytes {:?}",
            name.len(),
            name.chars().count(),
            name.as_bytes()
        );
    }

    // Byte 3 of "Zoë" falls inside 'ë': get() answers None instead of panicking.
    let name = "Zoë";
    println!("is byte 3 a boundary? {}", name.is_char_boundary(3));
    println!(
        "get(..3) = {:?}, get(..2) = {:?}",
        name.get(..3),
        name.get(..2)
    );
    println!("first 2 chars: {}", first_chars(name, 2));
    println!("first 1 char of 日本: {}", first_chars("日本", 1));

    // Building text: push_str appends in place, format! makes a new String.
    let mut greeting = String::from("Welcome back, ");
    greeting.push_str(name);
    greeting.push('!');
    println!("{greeting}");
    let (method, path, status) = ("GET", "/users/7", 200);
    let status_line = format!("{method} {path} -> {status}");
    println!("{status_line}");

    // HTTP header names are case-insensitive ASCII: compare them lower-cased.
    let raw = "Content-Type";
    let key = raw.to_ascii_lowercase();
    println!("{raw} -> {key}");
    println!("same header? {}", raw.eq_ignore_ascii_case("CONTENT-TYPE"));
    // to_lowercase is the Unicode-aware version, for text that is not ASCII.
    println!("{}", "ZOË".to_lowercase());

    // ANCHOR: first_char
    // No raw[0]: ask for the first char (an Option: the text may be empty)...
    println!("first char: {:?}", raw.chars().next());
    // ...or, when the question is really about a prefix, ask that.
    println!("custom header? {}", "X-Request-Id".starts_with("X-"));
    // ANCHOR_END: first_char
}
