//! Must panic: unwrap on the Err of a port with a typo in it.

fn main() {
    // As if read from the PORT variable: a letter o typed instead of a zero.
    let raw = "8o80";
    let port: u16 = raw.parse().unwrap();
    println!("listening on port {port}");
}
