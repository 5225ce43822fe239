//! Chapter 1 exercise: the address a service listens on, from its arguments.

// ANCHOR: solution
/// The address to bind, as "host:port". The first argument is the port
/// (default "3000"), the second the host (default "127.0.0.1").
fn listen_address(args: &[String]) -> String {
    let port = if args.is_empty() { "3000" } else { &args[0] };
    let host = if args.len() >= 2 {
        &args[1]
    } else {
        "127.0.0.1"
    };
    format!("{host}:{port}")
}

fn main() {
    // Skip the program's path: the function only sees real arguments.
    let args: Vec<String> = std::env::args().skip(1).collect();
    println!("listening on {}", listen_address(&args));
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    /// Builds the argument list the function receives.
    fn args(values: &[&str]) -> Vec<String> {
        values.iter().map(|v| v.to_string()).collect()
    }

    #[test]
    fn without_arguments_both_defaults_are_used() {
        assert_eq!(listen_address(&args(&[])), "127.0.0.1:3000");
    }

    #[test]
    fn the_first_argument_is_the_port() {
        assert_eq!(
            listen_address(&args(&["8080"])),
            "127.0.0.1:8080",
            "with one argument, only the port changes"
        );
    }

    #[test]
    fn the_second_argument_is_the_host() {
        assert_eq!(
            listen_address(&args(&["8080", "0.0.0.0"])),
            "0.0.0.0:8080",
            "the host comes first in the address, though it is the second argument"
        );
    }

    #[test]
    fn extra_arguments_are_ignored() {
        assert_eq!(
            listen_address(&args(&["80", "localhost", "--verbose"])),
            "localhost:80",
            "only the first two arguments count"
        );
    }
}
// ANCHOR_END: tests
