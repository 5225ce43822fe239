//! Exercise: parse "host:port" into an Addr, with an error enum `?` can fill.

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
        // TODO: wrap the cause in the right variant, so that `?` on a
        // Result<_, ParseIntError> works inside parse_addr.
        todo!()
    }
}

fn parse_addr(text: &str) -> Result<Addr, AddrError> {
    // TODO: split the text at the ':' (no colon: MissingColon), refuse an
    // empty host (EmptyHost), and parse the port as a u16 with `?`.
    todo!()
}

fn main() {
    for text in ["db.internal:5432", "localhost", ":8080", "cache:http"] {
        match parse_addr(text) {
            Ok(addr) => println!("{text} -> host {}, port {}", addr.host, addr.port),
            Err(err) => println!("{text} -> error: {err}"),
        }
    }
}
