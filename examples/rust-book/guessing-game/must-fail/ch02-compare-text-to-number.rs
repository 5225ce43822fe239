// The count is still the text that was read, not a number.
use std::io;

const LIMIT: u32 = 100;

fn main() {
    let mut count = String::new();
    io::stdin()
        .read_line(&mut count)
        .expect("stdin should be readable");

    if count > LIMIT {
        println!("over the limit: answer 429");
    }
}
