//! Inputs: files or standard input, gzip detected by its magic bytes, read
//! in chunks that end on a line boundary. Only a few chunks are in memory at
//! once, so a 10 GB log needs no more memory than a 10 MB one.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use flate2::bufread::MultiGzDecoder;

use crate::error::InputError;

/// The buffer that looks at the first bytes (gzip or not) and feeds the
/// gzip decoder. No larger than `read_to_end`'s first read (8 KiB), so that
/// every read of plain text bypasses it and goes straight into the chunk.
const SNIFF_SIZE: usize = 8 * 1024;

/// Big enough that per-chunk work (a lock, handing the chunk to a thread)
/// is small beside parsing it; small enough that the chunks in flight take
/// a few MiB.
pub const CHUNK_SIZE: usize = 1 << 20;

/// The longest line kept. A longer one is skipped up to its newline and
/// reported, so input with no newline in sight (a binary file, a dump on
/// one line) cannot make logstat hold all of it in memory.
pub const MAX_LINE: usize = 16 << 20;

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
    /// The first line was longer than the limit: an empty line stands in
    /// its place, so the lines after it keep their numbers.
    pub too_long: bool,
    /// Where `data` goes back when the chunk is dropped.
    spare: Spare,
}

/// Splits a reader into chunks of about `size` bytes that end after a
/// newline; the partial line at the end of one read starts the next chunk.
pub struct Chunks<R> {
    reader: R,
    size: usize,
    max_line: usize,
    carry: Vec<u8>,
    next_line: u64,
    done: bool,
    spare: Spare,
}

impl<R: Read> Chunks<R> {
    pub fn new(reader: R, size: usize) -> Self {
        Chunks::with_max_line(reader, size, MAX_LINE)
    }

    /// As `new`, with lines longer than `max_line` bytes skipped.
    pub fn with_max_line(reader: R, size: usize, max_line: usize) -> Self {
        assert!(size > 0, "a chunk holds at least one byte");
        Chunks {
            reader,
            size,
            max_line,
            carry: Vec::new(),
            next_line: 1,
            done: false,
            spare: Spare::new(size),
        }
    }
}

impl<R: Read> Iterator for Chunks<R> {
    type Item = io::Result<Chunk>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut data = self.spare.take();
        data.append(&mut self.carry);
        let mut too_long = false;
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
            // Cut after the last newline and keep the rest for next time.
            if let Some(last) = memchr::memrchr(b'\n', &data[before..]) {
                let end = before + last + 1;
                self.carry.extend_from_slice(&data[end..]);
                data.truncate(end);
                break;
            }
            // No newline yet, so `data` is one line, the chunk's first.
            if data.len() > self.max_line {
                too_long = true;
                if let Err(error) = self.skip_line(&mut data) {
                    self.done = true;
                    return Some(Err(error));
                }
                if !self.done {
                    let end = memchr::memrchr(b'\n', &data).map_or(0, |last| last + 1);
                    self.carry.extend_from_slice(&data[end..]);
                    data.truncate(end);
                }
                break;
            }
        }
        if data.is_empty() {
            self.spare.give(data);
            return None;
        }
        let first_line = self.next_line;
        self.next_line += memchr::memchr_iter(b'\n', &data).count() as u64;
        let spare = self.spare.clone();
        Some(Ok(Chunk {
            first_line,
            data,
            too_long,
            spare,
        }))
    }
}

impl<R: Read> Chunks<R> {
    /// Reads on to the end of a line too long to keep, a chunk at a time,
    /// and leaves in `data` a newline in its place and what followed it.
    fn skip_line(&mut self, data: &mut Vec<u8>) -> io::Result<()> {
        loop {
            data.clear();
            let read = read_full(&mut self.reader, data, self.size)?;
            self.done = read < self.size;
            if let Some(newline) = memchr::memchr(b'\n', data) {
                data.drain(..newline);
                return Ok(());
            }
            if self.done {
                data.clear();
                data.push(b'\n');
                return Ok(());
            }
        }
    }
}
// ANCHOR_END: chunks

impl Chunk {
    /// A chunk of bytes from elsewhere (a test's): its buffer goes to a pool
    /// of its own, and is freed with it.
    pub fn new(first_line: u64, data: Vec<u8>) -> Chunk {
        let spare = Spare::new(data.capacity());
        Chunk {
            first_line,
            data,
            too_long: false,
            spare,
        }
    }
}

// ANCHOR: spare
/// Buffers of finished chunks, waiting to be filled again, so that a chunk
/// is read into memory already in use rather than a new 1 MiB allocation:
/// an allocator may give freed memory back to the kernel, which then hands
/// it out again a page at a time, zeroed. A buffer is made only when none is
/// free, so there are never more buffers than chunks alive at once.
#[derive(Clone)]
struct Spare {
    buffers: Arc<Mutex<Vec<Vec<u8>>>>,
    /// Room for the carry (less than a chunk) and a chunk's read. Pages
    /// that are never written cost address space, not memory.
    capacity: usize,
}

impl Spare {
    fn new(chunk_size: usize) -> Spare {
        Spare {
            buffers: Arc::default(),
            capacity: 2 * chunk_size,
        }
    }

    fn take(&self) -> Vec<u8> {
        let free = self.lock().pop();
        free.unwrap_or_else(|| Vec::with_capacity(self.capacity))
    }

    /// A buffer that grew for a line longer than a chunk is freed, not kept.
    fn give(&self, mut buffer: Vec<u8>) {
        if buffer.capacity() <= self.capacity {
            buffer.clear();
            self.lock().push(buffer);
        }
    }

    /// A panic elsewhere cannot leave a list of empty buffers half-updated,
    /// so a poisoned lock is still safe to use.
    fn lock(&self) -> MutexGuard<'_, Vec<Vec<u8>>> {
        self.buffers.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A dropped chunk hands its buffer back, on whichever thread drops it, as
/// a pooled database connection goes back to its pool.
impl Drop for Chunk {
    fn drop(&mut self) {
        self.spare.give(std::mem::take(&mut self.data));
    }
}
// ANCHOR_END: spare

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
                let chunk = chunk.unwrap();
                (
                    chunk.first_line,
                    String::from_utf8(chunk.data.clone()).unwrap(),
                )
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
    fn a_line_longer_than_the_limit_is_skipped_to_its_newline() {
        let text = format!("a\n{}\nb\nc\n", "x".repeat(100));
        let chunks: Vec<_> = Chunks::with_max_line(text.as_bytes(), 8, 20)
            .map(|chunk| chunk.unwrap())
            .map(|chunk| (chunk.first_line, chunk.too_long, chunk.data.clone()))
            .collect();
        let lines: Vec<_> = chunks.iter().map(|(n, long, _)| (*n, *long)).collect();
        assert!(lines.contains(&(2, true)), "{lines:?}");
        let kept: Vec<u8> = chunks.into_iter().flat_map(|(_, _, data)| data).collect();
        assert_eq!(kept, b"a\n\nb\nc\n", "the long line is an empty line");
        // Cut short by the end of input, it is still one line, and skipped.
        let cut = format!("a\n{}", "y".repeat(100));
        let chunks: Vec<_> = Chunks::with_max_line(cut.as_bytes(), 8, 20)
            .map(|chunk| chunk.unwrap())
            .map(|chunk| (chunk.first_line, chunk.too_long, chunk.data.clone()))
            .collect();
        assert_eq!(chunks.last().unwrap(), &(2, true, b"\n".to_vec()));
    }

    #[test]
    fn a_dropped_chunk_lends_its_buffer_to_the_next() {
        let mut chunks = Chunks::new("a\nb\nc\n".as_bytes(), 2);
        let first = chunks.next().unwrap().unwrap();
        let buffer = first.data.as_ptr();
        drop(first);
        let second = chunks.next().unwrap().unwrap();
        assert_eq!(
            (second.data.as_slice(), second.data.as_ptr()),
            (&b"b\n"[..], buffer)
        );
        // While the second is alive, the third needs a buffer of its own.
        let third = chunks.next().unwrap().unwrap();
        assert_ne!(third.data.as_ptr(), second.data.as_ptr());
        assert_eq!(third.data, b"c\n");
    }

    #[test]
    fn a_buffer_grown_by_a_long_line_is_not_kept() {
        let mut chunks = Chunks::new("0123456789\nab\n".as_bytes(), 4);
        let long = chunks.next().unwrap().unwrap();
        assert!(long.data.capacity() > 8);
        drop(long);
        let next = chunks.next().unwrap().unwrap();
        assert_eq!(
            (next.data.as_slice(), next.data.capacity()),
            (&b"ab\n"[..], 8)
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
