//! Compiles, then panics: a byte range that cuts a character in half.

fn main() {
    let message = "Café au lait for user 42";
    // Keep at most 4 bytes of the message for a fixed-width log column.
    let column = &message[..4];
    println!("[{column}]");
}
