//! Exercise: cut a stream into chunks that end on a line boundary.

use std::io::{self, Read};

/// A run of whole lines, and the number of its first line in the input.
#[derive(Debug, PartialEq)]
struct Chunk {
    first_line: u64,
    data: Vec<u8>,
}

/// Cuts a reader into chunks of about `size` bytes that end after a newline;
/// the partial line at the end of one read starts the next chunk.
struct Chunks<R> {
    reader: R,
    size: usize,
    /// The start of a line that the last read cut off.
    carry: Vec<u8>,
    next_line: u64,
    done: bool,
}

impl<R: Read> Chunks<R> {
    fn new(reader: R, size: usize) -> Self {
        Chunks {
            reader,
            size,
            carry: Vec::new(),
            next_line: 1,
            done: false,
        }
    }
}

/// Appends up to `size` bytes to `data`: fewer only at the end of the input.
fn read_full(reader: &mut impl Read, data: &mut Vec<u8>, size: usize) -> io::Result<usize> {
    reader.take(size as u64).read_to_end(data)
}

impl<R: Read> Iterator for Chunks<R> {
    type Item = io::Result<Chunk>;

    fn next(&mut self) -> Option<Self::Item> {
        // TODO: this cuts the input every `size` bytes, wherever that falls.
        // Make each chunk end right after its last newline: carry the rest of
        // the read into the next chunk, read on when a read has no newline at
        // all, and end after the input's last line or after an error.
        let mut data = Vec::new();
        match read_full(&mut self.reader, &mut data, self.size) {
            Ok(0) => None,
            Ok(_) => {
                let first_line = self.next_line;
                self.next_line += data.iter().filter(|&&b| b == b'\n').count() as u64;
                Some(Ok(Chunk { first_line, data }))
            }
            Err(error) => Some(Err(error)),
        }
    }
}

fn main() {
    let log = "GET /a\nGET /bb\nGET /ccc\nGET /d";
    for chunk in Chunks::new(log.as_bytes(), 10) {
        let chunk = chunk.expect("a byte slice cannot fail");
        println!(
            "line {}: {:?}",
            chunk.first_line,
            String::from_utf8_lossy(&chunk.data)
        );
    }
}
