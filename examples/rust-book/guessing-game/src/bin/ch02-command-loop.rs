//! Chapter 2: a counter served over a line protocol, one command per line.
use std::io;

fn main() {
    let mut counter: u64 = 0;

    // lines() yields each line without its newline, until the input ends.
    for line in io::stdin().lines() {
        let line = line.expect("stdin should be readable UTF-8");
        let mut words = line.split_whitespace();
        let command = words.next().unwrap_or("");

        // Replies as Redis writes them: `:` an integer, `+` OK, `-` an error.
        match command {
            "GET" => println!(":{counter}"),
            "INCR" => {
                let step = match words.next() {
                    None => 1,
                    Some(text) => match text.parse::<u64>() {
                        Ok(number) => number,
                        Err(_) => {
                            println!("-ERR not a number: {text}");
                            continue;
                        }
                    },
                };
                counter += step;
                println!(":{counter}");
            }
            "RESET" => {
                counter = 0;
                println!("+OK");
            }
            "QUIT" => {
                println!("+BYE");
                break; // the rest of the input is never read
            }
            "" => continue, // a blank line
            other => println!("-ERR unknown command {other}"),
        }
    }
}
