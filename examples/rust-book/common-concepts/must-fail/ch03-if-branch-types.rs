// Does not compile: the two branches of an `if` give different types.
fn main() {
    let configured_timeout_s = 0;
    let timeout = if configured_timeout_s > 0 {
        configured_timeout_s
    } else {
        "none"
    };
    println!("timeout: {timeout}");
}
