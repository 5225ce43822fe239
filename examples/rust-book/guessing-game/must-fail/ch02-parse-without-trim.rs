// What read_line leaves in the buffer when someone types 8080 and Enter.
fn main() {
    let port = String::from("8080\n");
    let port: u16 = port
        .parse()
        .expect("the port should be a whole number from 0 to 65535");
    println!("binding 127.0.0.1:{port}");
}
