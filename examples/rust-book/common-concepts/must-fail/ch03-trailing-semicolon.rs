// Does not compile: the semicolon turns the function's value into a statement.
fn backoff_ms(attempt: u32) -> u64 {
    100 * 2_u64.pow(attempt);
}

fn main() {
    println!("third retry waits {} ms", backoff_ms(3));
}
