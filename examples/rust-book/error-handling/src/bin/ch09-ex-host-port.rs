//! Exercise: parse "host:port" into an Addr, with an error enum `?` can fill.

// ANCHOR: solution
use std::error::Error;
use std::fmt;
use std::num::ParseIntError;

/// Where a backend service listens, e.g. `db.internal:5432`.
#[derive(Debug, PartialEq)]
struct Addr {
    host: String,
    port: u16,
}

/// Why a "host:port" string was refused.
#[derive(Debug, PartialEq)]
enum AddrError {
    /// There is no `:` at all.
    MissingColon,
    /// Nothing comes before the `:`.
    EmptyHost,
    /// What follows the `:` is not a number from 0 to 65535.
    BadPort(ParseIntError),
}

impl fmt::Display for AddrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AddrError::MissingColon => write!(f, "expected host:port"),
            AddrError::EmptyHost => write!(f, "the host is empty"),
            AddrError::BadPort(cause) => write!(f, "bad port: {cause}"),
        }
    }
}

impl Error for AddrError {}

impl From<ParseIntError> for AddrError {
    fn from(cause: ParseIntError) -> Self {
        AddrError::BadPort(cause)
    }
}

fn parse_addr(text: &str) -> Result<Addr, AddrError> {
    let (host, port) = text.split_once(':').ok_or(AddrError::MissingColon)?;
    if host.is_empty() {
        return Err(AddrError::EmptyHost);
    }
    // From<ParseIntError> is what lets `?` turn a bad port into BadPort.
    let port: u16 = port.parse()?;
    Ok(Addr {
        host: host.to_string(),
        port,
    })
}

fn main() {
    for text in ["db.internal:5432", "localhost", ":8080", "cache:http"] {
        match parse_addr(text) {
            Ok(addr) => println!("{text} -> host {}, port {}", addr.host, addr.port),
            Err(err) => println!("{text} -> error: {err}"),
        }
    }
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use std::num::IntErrorKind;

    #[test]
    fn a_host_and_a_port_become_an_addr() {
        let addr = parse_addr("db.internal:5432");
        let expected = Addr {
            host: "db.internal".to_string(),
            port: 5432,
        };
        assert_eq!(
            addr,
            Ok(expected),
            "\"db.internal:5432\" is a valid address"
        );
    }

    #[test]
    fn text_without_a_colon_is_missing_colon() {
        assert_eq!(
            parse_addr("localhost"),
            Err(AddrError::MissingColon),
            "no ':' in the text should give AddrError::MissingColon"
        );
    }

    #[test]
    fn nothing_before_the_colon_is_an_empty_host() {
        assert_eq!(
            parse_addr(":8080"),
            Err(AddrError::EmptyHost),
            "\":8080\" has no host: expected AddrError::EmptyHost"
        );
    }

    #[test]
    fn a_port_that_is_not_a_number_is_a_bad_port() {
        let result = parse_addr("cache:http");
        assert!(
            matches!(&result, Err(AddrError::BadPort(e)) if *e.kind() == IntErrorKind::InvalidDigit),
            "\"http\" is not a number: expected BadPort(InvalidDigit), got {result:?}"
        );
    }

    #[test]
    fn a_port_above_65535_is_a_bad_port() {
        let result = parse_addr("cache:70000");
        assert!(
            matches!(&result, Err(AddrError::BadPort(e)) if *e.kind() == IntErrorKind::PosOverflow),
            "70000 does not fit in a u16: expected BadPort(PosOverflow), got {result:?}"
        );
    }

    #[test]
    fn the_error_message_says_what_is_wrong() {
        let err = parse_addr("cache:").unwrap_err();
        assert_eq!(
            err.to_string(),
            "bad port: cannot parse integer from empty string",
            "an empty port should be a BadPort whose message includes the cause"
        );
    }
}
// ANCHOR_END: tests
