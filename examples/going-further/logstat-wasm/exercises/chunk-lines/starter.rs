//! Exercise: cut a log into chunks for a WebAssembly module that takes many
//! lines a call. Each chunk should be about `size` bytes and must end just
//! after a newline: a line cut in two would reach the module as two
//! malformed halves. A line longer than `size` stays whole in a chunk of its
//! own, and text after the last newline (a line still being written) is
//! the last chunk, so that no byte is lost.

pub fn whole_lines(bytes: &[u8], size: usize) -> Vec<&[u8]> {
    // Every chunk is exactly `size` bytes: lines get cut in two.
    bytes.chunks(size).collect()
}

fn main() {
    let log = b"GET /a 200\nGET /health 200\nPOST /users 201\nGET /b";
    for chunk in whole_lines(log, 20) {
        println!("{:?}", String::from_utf8_lossy(chunk));
    }
}
