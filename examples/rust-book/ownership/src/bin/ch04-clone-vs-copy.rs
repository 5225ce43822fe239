//! What a String is in memory, and what a move, a clone and a copy cost.

fn main() {
    // The String value is three machine words: a pointer to a heap buffer,
    // the buffer's capacity and the text's length. The text is in the buffer.
    let word = size_of::<usize>();
    println!("String is 3 words: {}", size_of::<String>() == 3 * word);
    println!("&str is 2 words: {}", size_of::<&str>() == 2 * word);

    let mut token = String::with_capacity(32);
    token.push_str("session-7f3a");
    println!(
        "token: length {}, capacity {}",
        token.len(),
        token.capacity()
    );

    // A move copies the three words and retires the old name. The buffer
    // stays where it was: not one byte of text is copied.
    let buffer = token.as_ptr();
    let moved = token;
    println!("move kept the buffer: {}", moved.as_ptr() == buffer);

    // A clone asks the allocator for a new buffer and copies every byte.
    let cloned = moved.clone();
    println!(
        "clone has its own buffer: {}",
        cloned.as_ptr() != moved.as_ptr()
    );

    // Cloning a Vec<String> clones every String in it: a deep copy, where
    // a Java `new ArrayList<>(list)` or a Python `list.copy()` shares them.
    let mut headers = vec![String::from("accept: */*"), String::from("host: api.local")];
    let snapshot = headers.clone();
    headers[1].push_str(":8080");
    println!("headers:  {headers:?}");
    println!("snapshot: {snapshot:?}");

    // Copy types (integers, bool, char, and tuples or arrays of them) own no
    // heap memory, so copying their bytes copies the whole value.
    let limits: (u32, u16) = (100, 30);
    let mut per_route = limits;
    per_route.0 = 10;
    println!("limits {limits:?}, per route {per_route:?}");
}
