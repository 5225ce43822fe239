//! From inputs to totals. For now the totals are lines and bytes; the
//! next step parses every line.

use crate::error::InputError;
use crate::input::{CHUNK_SIZE, Chunks, Input};

/// How much one input held: its lines, and the bytes read into chunks
/// (decompressed; a line skipped for its length counts as its newline).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub lines: u64,
    pub bytes: u64,
}

/// Reads one input to its end, a chunk at a time.
pub fn count(input: Input) -> Result<Counts, InputError> {
    let name = input.name;
    let mut counts = Counts::default();
    for chunk in Chunks::new(input.reader, CHUNK_SIZE) {
        let chunk = chunk.map_err(|source| InputError::Read {
            name: name.clone(),
            source,
        })?;
        counts.bytes += chunk.data.len() as u64;
        let text = String::from_utf8_lossy(&chunk.data);
        // Only an input's last chunk can end without a newline.
        let (whole, cut) = text.split_at(text.rfind('\n').map_or(0, |end| end + 1));
        counts.lines += lines(whole).count() as u64 + u64::from(!cut.is_empty());
    }
    Ok(counts)
}

// ANCHOR: lines
/// The lines of a chunk, split where memchr finds newlines (SIMD). Each
/// ends at a newline: the caller has set aside any text after the last.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes()).map(move |newline| {
        // A newline is ASCII, so `start` and `newline` are char boundaries.
        let line = &text[start..newline];
        start = newline + 1;
        line
    })
}
// ANCHOR_END: lines
