//! Must fail (E0277): a String cannot be indexed by an integer.

/// Is this an "X-" header? The Java/Python reflex: look at character 0.
fn is_custom_header(name: &String) -> bool {
    name[0] == 'X'
}

fn main() {
    let name = String::from("X-Request-Id");
    println!("{name} custom? {}", is_custom_header(&name));
}
