//! Must not compile (E0596): calling a closure that changes what it
//! captured needs a mutable binding.

fn main() {
    let mut hits = 0;
    let count = |path: &str| {
        hits += 1;
        println!("hit {hits}: {path}");
    };
    count("/health");
    count("/users");
}
