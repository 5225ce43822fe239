// read_line needs to change the String it is given.
use std::io;

fn main() {
    let port = String::new();
    io::stdin()
        .read_line(&mut port)
        .expect("stdin should be readable");
    println!("port: {port}");
}
