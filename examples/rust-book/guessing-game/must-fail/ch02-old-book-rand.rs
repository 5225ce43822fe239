// The Book's Chapter 2 before its listings moved to rand 0.10, built against
// rand 0.10: thread_rng() is gone (now rng()), and so is gen_range (now
// random_range, on the RngExt trait).
use rand::Rng;

fn main() {
    let secret_number = rand::thread_rng().gen_range(1..=100);
    println!("The secret number is: {secret_number}");
}
