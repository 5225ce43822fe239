//! Exercise: tell compressed input by its first bytes, and lose none of them.

// ANCHOR: solution
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
    let mut head = vec![0; len];
    let mut filled = 0;
    while filled < len {
        match reader.read(&mut head[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        }
    }
    head.truncate(filled);
    Ok(head)
}

fn compression_of(head: &[u8]) -> Compression {
    match head {
        [0x1f, 0x8b, ..] => Compression::Gzip,
        [0x28, 0xb5, 0x2f, 0xfd, ..] => Compression::Zstd,
        [b'B', b'Z', b'h', b'1'..=b'9', ..] => Compression::Bzip2,
        _ => Compression::Plain,
    }
}

/// The bytes already read, then the rest of the input.
type Rewound<R> = Chain<Cursor<Vec<u8>>, R>;

/// What the input is, and a reader that yields all of it, from its first byte.
fn sniff<R: Read>(mut reader: R) -> io::Result<(Compression, Rewound<R>)> {
    let head = read_head(&mut reader, MAGIC_LEN)?;
    let compression = compression_of(&head);
    // The bytes already read go first, then the rest of the input.
    Ok((compression, Cursor::new(head).chain(reader)))
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;
    use std::rc::Rc;

    const GZIP: &[u8] = &[0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03];
    const ZSTD: &[u8] = &[0x28, 0xb5, 0x2f, 0xfd, 0x04, 0x58];
    const LOG: &[u8] = b"203.0.113.9 - - [24/Nov/2026:10:00:00 +0000] \"GET / HTTP/1.1\" 200 5\n";

    /// Sniffs `reader`, then reads everything it gives back.
    fn sniff_all(reader: impl Read) -> (Compression, Vec<u8>) {
        let (compression, mut rest) = sniff(reader).expect("sniffing should succeed");
        let mut all = Vec::new();
        rest.read_to_end(&mut all)
            .expect("reading the rest should succeed");
        (compression, all)
    }

    /// One byte per read, with an interruption before each, counting the bytes read.
    struct Awkward<'a> {
        bytes: &'a [u8],
        interrupt_next: bool,
        taken: Rc<Cell<usize>>,
    }

    impl Read for Awkward<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.interrupt_next = !self.interrupt_next;
            if !self.interrupt_next {
                return Err(io::ErrorKind::Interrupted.into());
            }
            let Some((&byte, rest)) = self.bytes.split_first() else {
                return Ok(0);
            };
            let Some(slot) = buf.first_mut() else {
                return Ok(0);
            };
            *slot = byte;
            self.bytes = rest;
            self.taken.set(self.taken.get() + 1);
            Ok(1)
        }
    }

    fn awkward(bytes: &[u8]) -> (Awkward<'_>, Rc<Cell<usize>>) {
        let taken = Rc::new(Cell::new(0));
        (
            Awkward {
                bytes,
                interrupt_next: true,
                taken: Rc::clone(&taken),
            },
            taken,
        )
    }

    #[test]
    fn each_magic_number_is_recognised() {
        assert_eq!(sniff_all(GZIP).0, Compression::Gzip);
        assert_eq!(sniff_all(ZSTD).0, Compression::Zstd);
        assert_eq!(sniff_all(&b"BZh91AY&SY"[..]).0, Compression::Bzip2);
        assert_eq!(sniff_all(LOG).0, Compression::Plain);
    }

    #[test]
    fn a_magic_number_must_be_complete() {
        for (input, what) in [
            (&b""[..], "empty input"),
            (&[0x1f][..], "half of gzip's magic"),
            (&[0x28, 0xb5, 0x2f][..], "three quarters of zstd's"),
            (&b"BZh"[..], "bzip2's letters without a block size"),
            (&b"BZh0 is not a block size"[..], "block size 0"),
            (&b"BZ is a country code"[..], "text that starts like bzip2"),
        ] {
            assert_eq!(sniff_all(input).0, Compression::Plain, "{what}");
        }
    }

    #[test]
    fn no_byte_is_lost() {
        for input in [LOG, GZIP, ZSTD, &[0x1f][..], &b""[..]] {
            assert_eq!(
                sniff_all(input).1,
                input,
                "the reader sniff returns must give back every byte"
            );
        }
    }

    #[test]
    fn short_and_interrupted_reads_are_not_the_end() {
        let (reader, _) = awkward(GZIP);
        let (compression, all) = sniff_all(reader);
        assert_eq!(
            compression,
            Compression::Gzip,
            "one byte per read, each after an Interrupted error"
        );
        assert_eq!(all, GZIP);
    }

    #[test]
    fn sniffing_reads_only_the_magic_number() {
        let (reader, taken) = awkward(LOG);
        let (_, _rest) = sniff(reader).expect("sniffing should succeed");
        assert_eq!(
            taken.get(),
            MAGIC_LEN,
            "sniff should read exactly {MAGIC_LEN} bytes and leave the rest to the caller"
        );
    }

    #[test]
    fn other_errors_are_returned() {
        struct Broken;
        impl Read for Broken {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                Err(io::Error::new(io::ErrorKind::PermissionDenied, "no"))
            }
        }
        let error = sniff(Broken).err().expect("a failing reader is an error");
        assert_eq!(error.kind(), io::ErrorKind::PermissionDenied);
    }
}
// ANCHOR_END: tests
