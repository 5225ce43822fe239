//! Exercise: cut a log into chunks for a WebAssembly module that takes many
//! lines a call. Each chunk should be about `size` bytes and must end just
//! after a newline: a line cut in two would reach the module as two
//! malformed halves. A line longer than `size` stays whole in a chunk of its
//! own, and text after the last newline (a line still being written) is
//! the last chunk, so that no byte is lost.

// ANCHOR: solution
pub fn whole_lines(bytes: &[u8], size: usize) -> Vec<&[u8]> {
    assert!(size > 0, "a chunk holds at least one byte");
    let mut chunks = Vec::new();
    let mut rest = bytes;
    while !rest.is_empty() {
        let end = if rest.len() <= size {
            rest.len()
        } else {
            // The last newline within `size` bytes; else the end of the
            // first line, however long it is.
            match rest[..size].iter().rposition(|&b| b == b'\n') {
                Some(newline) => newline + 1,
                None => rest
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(rest.len(), |newline| newline + 1),
            }
        };
        let (chunk, after) = rest.split_at(end);
        chunks.push(chunk);
        rest = after;
    }
    chunks
}
// ANCHOR_END: solution

fn main() {
    let log = b"GET /a 200\nGET /health 200\nPOST /users 201\nGET /b";
    for chunk in whole_lines(log, 20) {
        println!("{:?}", String::from_utf8_lossy(chunk));
    }
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::whole_lines;

    const LOG: &[u8] = b"a 1\nbb 22\nccc 333\ndddd 4444\ne\n";

    #[test]
    fn the_chunks_put_together_are_the_input() {
        for size in 1..=LOG.len() + 1 {
            assert_eq!(whole_lines(LOG, size).concat(), LOG, "size {size}");
        }
    }

    #[test]
    fn every_chunk_ends_after_a_newline() {
        for size in 1..=LOG.len() {
            for chunk in whole_lines(LOG, size) {
                assert_eq!(chunk.last(), Some(&b'\n'), "size {size}: {chunk:?}");
            }
        }
    }

    #[test]
    fn a_chunk_holds_as_many_whole_lines_as_fit() {
        let chunks = whole_lines(LOG, 10);
        assert_eq!(
            chunks,
            [&b"a 1\nbb 22\n"[..], b"ccc 333\n", b"dddd 4444\n", b"e\n"]
        );
    }

    #[test]
    fn a_line_longer_than_the_size_stays_whole() {
        let chunks = whole_lines(b"a\nthis line is long\nb\n", 4);
        assert_eq!(chunks, [&b"a\n"[..], b"this line is long\n", b"b\n"]);
    }

    #[test]
    fn text_after_the_last_newline_is_the_last_chunk() {
        let chunks = whole_lines(b"a 1\nb 2\npartial", 5);
        assert_eq!(chunks, [&b"a 1\n"[..], b"b 2\n", b"partial"]);
    }

    #[test]
    fn no_input_no_chunks() {
        assert!(whole_lines(b"", 8).is_empty());
    }
}
// ANCHOR_END: tests
