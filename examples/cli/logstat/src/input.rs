//! Inputs: files or standard input, gzip detected by its magic bytes, read
//! in chunks that end on a line boundary. Only a few chunks are in memory at
//! once, so a 100 GB log needs no more memory than a 1 MB one.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use flate2::bufread::MultiGzDecoder;

use crate::error::InputError;

/// The buffer that looks at the first bytes (gzip or not) and feeds the
/// gzip decoder. No larger than `read_to_end`'s first read (8 KiB), so that
/// every read of plain text bypasses it and goes straight into the chunk.
const SNIFF_SIZE: usize = 8 * 1024;

/// Big enough that per-chunk work (a thread hand-off, an allocation) is
/// noise; small enough that two cores' chunks fit in cache-friendly memory.
pub const CHUNK_SIZE: usize = 1 << 20;

// ANCHOR: input
/// One log to read: its name for messages and its (decompressed) bytes.
pub struct Input {
    pub name: String,
    pub reader: Box<dyn Read + Send>,
}

impl Input {
    /// `-` is standard input; anything else a file, opened now so that a
    /// typo fails before any work is done.
    pub fn open(path: &Path) -> Result<Input, InputError> {
        if path == Path::new("-") {
            return Input::from_reader("standard input".into(), Box::new(io::stdin()));
        }
        let name = path.display().to_string();
        match File::open(path) {
            Ok(file) => Input::from_reader(name, Box::new(file)),
            Err(source) => Err(InputError::Open { name, source }),
        }
    }

    /// Gzip starts with the bytes 1f 8b, whatever the file is called.
    fn from_reader(name: String, reader: Box<dyn Read + Send>) -> Result<Input, InputError> {
        let mut buffered = BufReader::with_capacity(SNIFF_SIZE, reader);
        let start = buffered.fill_buf().map_err(|source| InputError::Read {
            name: name.clone(),
            source,
        })?;
        let reader: Box<dyn Read + Send> = if start.starts_with(&[0x1f, 0x8b]) {
            Box::new(MultiGzDecoder::new(buffered))
        } else {
            Box::new(buffered)
        };
        Ok(Input { name, reader })
    }
}
// ANCHOR_END: input

// ANCHOR: chunks
/// A run of whole lines, and the number of its first line in the input.
pub struct Chunk {
    pub first_line: u64,
    pub data: Vec<u8>,
}

/// Splits a reader into chunks of about `size` bytes that end after a
/// newline; the partial line at the end of one read starts the next chunk.
pub struct Chunks<R> {
    reader: R,
    size: usize,
    carry: Vec<u8>,
    next_line: u64,
    done: bool,
}

impl<R: Read> Chunks<R> {
    pub fn new(reader: R, size: usize) -> Self {
        Chunks {
            reader,
            size,
            carry: Vec::new(),
            next_line: 1,
            done: false,
        }
    }
}

impl<R: Read> Iterator for Chunks<R> {
    type Item = io::Result<Chunk>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut data = std::mem::take(&mut self.carry);
        loop {
            let before = data.len();
            match read_full(&mut self.reader, &mut data, self.size) {
                Ok(read) if read < self.size => {
                    self.done = true;
                    break;
                }
                Ok(_) => {}
                Err(error) => {
                    self.done = true;
                    return Some(Err(error));
                }
            }
            // Cut after the last newline; a line longer than a chunk reads on.
            if let Some(last) = memchr::memrchr(b'\n', &data[before..]) {
                self.carry = data.split_off(before + last + 1);
                break;
            }
        }
        if data.is_empty() {
            return None;
        }
        let first_line = self.next_line;
        self.next_line += memchr::memchr_iter(b'\n', &data).count() as u64;
        Some(Ok(Chunk { first_line, data }))
    }
}
// ANCHOR_END: chunks

// ANCHOR: read_full
/// Appends up to `size` bytes to `data`, fewer only at the end of input.
/// `read_to_end` writes into the vector's spare room without zero-filling
/// it first, and retries a read that a signal interrupted; `take` stops it
/// at `size`.
fn read_full(reader: &mut impl Read, data: &mut Vec<u8>, size: usize) -> io::Result<usize> {
    data.reserve(size);
    reader.take(size as u64).read_to_end(data)
}
// ANCHOR_END: read_full

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str, size: usize) -> Vec<(u64, String)> {
        Chunks::new(text.as_bytes(), size)
            .map(|chunk| {
                chunk
                    .map(|c| (c.first_line, String::from_utf8(c.data).unwrap()))
                    .unwrap()
            })
            .collect()
    }

    #[test]
    fn chunks_end_on_line_boundaries_and_number_their_lines() {
        let chunks = split("a\nbb\nccc\ndddd\n", 6);
        assert_eq!(
            chunks,
            [
                (1, "a\nbb\n".to_string()),
                (3, "ccc\n".into()),
                (4, "dddd\n".into())
            ]
        );
    }

    #[test]
    fn a_line_longer_than_a_chunk_stays_whole() {
        assert_eq!(
            split("0123456789\nab", 4),
            [(1, "0123456789\n".to_string()), (2, "ab".into())]
        );
    }

    #[test]
    fn no_input_is_no_chunk() {
        assert!(split("", 4).is_empty());
    }

    #[test]
    fn gzip_is_detected_by_content() {
        use std::io::Write;
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(b"hello\n").unwrap();
        let input = Input::from_reader(
            "x.log".into(),
            Box::new(io::Cursor::new(encoder.finish().unwrap())),
        )
        .unwrap();
        let mut text = String::new();
        input.reader.take(100).read_to_string(&mut text).unwrap();
        assert_eq!(text, "hello\n");
    }
}
