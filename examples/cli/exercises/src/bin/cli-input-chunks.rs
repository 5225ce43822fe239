//! Exercise: cut a stream into chunks that end on a line boundary.

// ANCHOR: solution
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
        if self.done {
            return None;
        }
        // The carried start of a line goes first; `append` leaves `carry` empty.
        let mut data = Vec::new();
        data.append(&mut self.carry);
        loop {
            let start = data.len();
            match read_full(&mut self.reader, &mut data, self.size) {
                Err(error) => {
                    self.done = true;
                    return Some(Err(error));
                }
                // The end of the input: what is left is the last line, if any.
                Ok(0) => {
                    self.done = true;
                    if data.is_empty() {
                        return None;
                    }
                    break;
                }
                Ok(_) => {
                    // Only the new bytes can hold a newline: the carry has none.
                    if let Some(at) = data[start..].iter().rposition(|&b| b == b'\n') {
                        let end = start + at + 1;
                        self.carry.extend_from_slice(&data[end..]);
                        data.truncate(end);
                        break;
                    }
                    // No newline yet: a line longer than a chunk. Read on.
                }
            }
        }
        let first_line = self.next_line;
        self.next_line += data.iter().filter(|&&b| b == b'\n').count() as u64;
        Some(Ok(Chunk { first_line, data }))
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every chunk as (first line, text); panics on an error.
    fn chunks(input: &str, size: usize) -> Vec<(u64, String)> {
        Chunks::new(input.as_bytes(), size)
            .map(|chunk| {
                let chunk = chunk.expect("reading a byte slice cannot fail");
                (
                    chunk.first_line,
                    String::from_utf8(chunk.data).expect("a chunk never splits a character"),
                )
            })
            .collect()
    }

    /// Hands out one byte per read, as a slow pipe may.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match (self.0.split_first(), buf.first_mut()) {
                (Some((&byte, rest)), Some(slot)) => {
                    *slot = byte;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    #[test]
    fn whole_lines_that_fit_stay_whole() {
        assert_eq!(
            chunks("a\nb\nc\n", 4),
            [(1, "a\nb\n".to_string()), (3, "c\n".to_string())]
        );
    }

    #[test]
    fn a_line_cut_by_a_read_moves_to_the_next_chunk() {
        assert_eq!(
            chunks("alpha\nbeta\ngamma\n", 8),
            [
                (1, "alpha\n".to_string()),
                (2, "beta\n".to_string()),
                (3, "gamma\n".to_string())
            ],
            "each read of 8 bytes ends inside a line; the cut-off part must start the next chunk"
        );
    }

    #[test]
    fn a_line_longer_than_a_chunk_is_read_whole() {
        assert_eq!(
            chunks("a-very-long-line\nx\n", 4),
            [(1, "a-very-long-line\nx\n".to_string())],
            "no newline in a read means: read on until there is one"
        );
    }

    #[test]
    fn a_last_line_without_newline_is_its_own_chunk() {
        assert_eq!(
            chunks("a\nb", 2),
            [(1, "a\n".to_string()), (2, "b".to_string())]
        );
        assert_eq!(
            chunks("no newline at all", 4),
            [(1, "no newline at all".to_string())]
        );
    }

    #[test]
    fn empty_input_has_no_chunks() {
        assert_eq!(chunks("", 8), []);
    }

    #[test]
    fn short_reads_give_the_same_chunks() {
        let text = "alpha\nbeta\ngamma\n";
        let trickled: Vec<Chunk> = Chunks::new(Trickle(text.as_bytes()), 8)
            .map(Result::unwrap)
            .collect();
        let from_slice: Vec<Chunk> = Chunks::new(text.as_bytes(), 8)
            .map(Result::unwrap)
            .collect();
        assert_eq!(
            trickled, from_slice,
            "a reader that returns one byte per call must not change the chunks"
        );
    }

    #[test]
    fn a_read_error_is_an_item_and_ends_the_chunks() {
        struct Broken;
        impl Read for Broken {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                Err(io::Error::other("disk on fire"))
            }
        }
        let mut chunks = Chunks::new(Broken, 8);
        assert_eq!(
            chunks.next().map(|item| item.map_err(|e| e.to_string())),
            Some(Err("disk on fire".to_string()))
        );
        assert!(chunks.next().is_none(), "after an error the iterator ends");
    }

    proptest! {
        #[test]
        fn chunks_are_whole_lines_numbered_in_order(
            lines in proptest::collection::vec("[a-zé ]{0,12}", 0..20),
            last_newline in any::<bool>(),
            size in 1usize..16,
        ) {
            let mut text = lines.join("\n");
            if last_newline && !text.is_empty() {
                text.push('\n');
            }
            let chunks = chunks(&text, size);
            let joined: String = chunks.iter().map(|(_, data)| data.as_str()).collect();
            prop_assert_eq!(&joined, &text, "the chunks together are the input, in order");
            let mut expected_line = 1;
            for (i, (first_line, data)) in chunks.iter().enumerate() {
                prop_assert!(!data.is_empty(), "no empty chunk");
                prop_assert!(data.ends_with('\n') || i == chunks.len() - 1, "only the last chunk may end without a newline: {:?}", data);
                prop_assert_eq!(*first_line, expected_line);
                expected_line += data.matches('\n').count() as u64;
            }
        }
    }
}
// ANCHOR_END: tests
