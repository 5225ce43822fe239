//! Chapter 2 exercise: turn a line of text into a port, or reject it.

/// The port written in `input`, ignoring surrounding whitespace (a line
/// from read_line ends with a newline). None when it is not a number, is
/// out of range for a port, or is 0, which asks for any free port instead.
fn parse_port(input: &str) -> Option<u16> {
    // TODO: trim the input, parse it as a u16 and match on the Result:
    // Ok with a port other than 0 gives Some(port), anything else None.
    todo!()
}

fn main() {
    for input in ["8080\n", "  443 ", "0", "70000", "http", ""] {
        println!("{input:?} -> {:?}", parse_port(input));
    }
}
