//! Exercise: tell compressed input by its first bytes, and lose none of them.

use std::io::{self, Chain, Cursor, Read};

/// What the first bytes of an input say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Compression {
    Plain,
    /// 1f 8b
    Gzip,
    /// 28 b5 2f fd
    Zstd,
    /// "BZh" and a block size from 1 to 9
    Bzip2,
}

/// The longest magic number above.
const MAGIC_LEN: usize = 4;

/// Up to `len` bytes from the start of `reader`: fewer only if the input is
/// shorter. A read may return fewer bytes than asked, or be interrupted by
/// a signal; neither is the end of the input.
fn read_head(reader: &mut impl Read, len: usize) -> io::Result<Vec<u8>> {
    // TODO: one read is not enough: keep reading until `len` bytes or the
    // end of the input (a read of 0), and retry an Interrupted read.
    let mut head = vec![0; len];
    let filled = reader.read(&mut head)?;
    head.truncate(filled);
    Ok(head)
}

fn compression_of(head: &[u8]) -> Compression {
    // TODO: zstd and bzip2 too, each only when its whole magic number is there.
    match head {
        [0x1f, 0x8b, ..] => Compression::Gzip,
        _ => Compression::Plain,
    }
}

/// The bytes already read, then the rest of the input.
type Rewound<R> = Chain<Cursor<Vec<u8>>, R>;

/// What the input is, and a reader that yields all of it, from its first byte.
fn sniff<R: Read>(mut reader: R) -> io::Result<(Compression, Rewound<R>)> {
    let head = read_head(&mut reader, MAGIC_LEN)?;
    let compression = compression_of(&head);
    // TODO: the bytes in `head` were taken from the input; put them back in front.
    Ok((compression, Cursor::new(Vec::new()).chain(reader)))
}

fn main() -> io::Result<()> {
    let inputs: [&[u8]; 3] = [
        b"10.0.0.1 - - [...]",
        &[0x1f, 0x8b, 0x08, 0x00],
        b"BZh91AY&SY",
    ];
    for input in inputs {
        let (compression, mut reader) = sniff(input)?;
        let mut all = Vec::new();
        reader.read_to_end(&mut all)?;
        println!("{compression:?}, {} bytes", all.len());
    }
    Ok(())
}
