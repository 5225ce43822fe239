//! Does not compile: two mutable references into the same Vec at once.

fn main() {
    // Active connections per backend: move one from backend 0 to backend 1.
    let mut active = vec![12_u32, 3];
    let from = &mut active[0];
    let to = &mut active[1];
    *from -= 1;
    *to += 1;
    println!("active connections per backend: {active:?}");
}
