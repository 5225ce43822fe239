//! Chapter 2 exercise: turn a line of text into a port, or reject it.

// ANCHOR: solution
/// The port written in `input`, ignoring surrounding whitespace (a line
/// from read_line ends with a newline). None when it is not a number, is
/// out of range for a port, or is 0, which asks for any free port instead.
fn parse_port(input: &str) -> Option<u16> {
    match input.trim().parse::<u16>() {
        Ok(0) => None,
        Ok(port) => Some(port),
        Err(_) => None,
    }
}

fn main() {
    for input in ["8080\n", "  443 ", "0", "70000", "http", ""] {
        println!("{input:?} -> {:?}", parse_port(input));
    }
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_with_its_newline_is_a_port() {
        assert_eq!(
            parse_port("8080\n"),
            Some(8080),
            "read_line keeps the newline: trim it before parsing"
        );
    }

    #[test]
    fn spaces_around_the_number_are_ignored() {
        assert_eq!(parse_port("  443 "), Some(443));
    }

    #[test]
    fn zero_is_rejected() {
        assert_eq!(parse_port("0"), None, "port 0 is not a port to configure");
    }

    #[test]
    fn numbers_above_65535_are_rejected() {
        assert_eq!(parse_port("70000"), None, "a port fits in 16 bits");
        assert_eq!(
            parse_port("65535"),
            Some(65535),
            "65535 is the last valid port"
        );
    }

    #[test]
    fn words_negatives_and_empty_input_are_rejected() {
        for input in ["http", "-1", "80 80", ""] {
            assert_eq!(parse_port(input), None, "{input:?} is not a port");
        }
    }
}
// ANCHOR_END: tests
