//! The errors that stop a run: an input that cannot be opened or read.
//! A malformed line is not one of them (see `ParseError`).

use std::io;

use thiserror::Error;

// ANCHOR: input_error
#[derive(Debug, Error)]
pub enum InputError {
    // The io::Error is the `source`, not part of the message: anyhow's
    // `{:#}` prints the chain, "cannot open x.log: No such file or directory".
    #[error("cannot open {name}")]
    Open { name: String, source: io::Error },
    #[error("cannot read {name}")]
    Read { name: String, source: io::Error },
}
// ANCHOR_END: input_error
