//! The errors that stop a run: an input that cannot be opened or read.
//! A malformed line is not one of them (see `ParseError`).

use std::io;

use thiserror::Error;

// ANCHOR: input_error
#[derive(Debug, Error)]
pub enum InputError {
    #[error("cannot open {name}: {source}")]
    Open { name: String, source: io::Error },
    #[error("cannot read {name}: {source}")]
    Read { name: String, source: io::Error },
}
// ANCHOR_END: input_error
