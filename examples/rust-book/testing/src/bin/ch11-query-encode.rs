//! Percent-encoding for query strings, tested with examples and with
//! properties: statements that must hold for every input.

/// Bytes a URL may carry as they are (RFC 3986's "unreserved" characters).
fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~')
}

fn encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if is_unreserved(byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[derive(Debug, PartialEq)]
enum DecodeError {
    /// A `%` not followed by two hexadecimal digits.
    BadEscape(usize),
    /// The bytes are not UTF-8 text.
    NotUtf8,
}

fn decode(encoded: &str) -> Result<String, DecodeError> {
    let bytes = encoded.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = encoded
                .get(i + 1..i + 3)
                .filter(|hex| hex.bytes().all(|b| b.is_ascii_hexdigit()))
                .ok_or(DecodeError::BadEscape(i))?;
            let byte = u8::from_str_radix(hex, 16).expect("two hex digits fit in a byte");
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| DecodeError::NotUtf8)
}

fn main() {
    for value in ["rust & go", "café", "100%", "a/b?c=d"] {
        let encoded = encode(value);
        println!("{value:<10} -> ?q={encoded:<18} -> {:?}", decode(&encoded));
    }
    println!("{:?}", decode("%E9"));
    println!("{:?}", decode("100%"));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Inputs for the properties: awkward strings, then every character
    /// from U+0000 to U+02FF between two letters.
    fn samples() -> Vec<String> {
        let mut samples: Vec<String> = ["", "%", "%%41", "a+b", "名前", "🦀 rust", "\u{0}"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        samples.extend(
            (0..0x300)
                .filter_map(char::from_u32)
                .map(|c| format!("a{c}b")),
        );
        samples
    }

    #[test]
    fn encodes_known_values() {
        assert_eq!(encode("rust & go"), "rust%20%26%20go");
        assert_eq!(encode("café"), "caf%C3%A9");
        assert_eq!(encode("a-b_c.d~e"), "a-b_c.d~e");
    }

    #[test]
    fn decoding_undoes_encoding() {
        for text in samples() {
            assert_eq!(decode(&encode(&text)).as_deref(), Ok(text.as_str()));
        }
    }

    #[test]
    fn encoded_text_is_safe_in_a_url() {
        for text in samples() {
            let encoded = encode(&text);
            let safe = encoded.bytes().all(|b| is_unreserved(b) || b == b'%');
            assert!(safe, "{text:?} encoded as {encoded:?}");
        }
    }

    #[test]
    fn refuses_broken_escapes() {
        assert_eq!(decode("100%"), Err(DecodeError::BadEscape(3)));
        assert_eq!(decode("%G1"), Err(DecodeError::BadEscape(0)));
        assert_eq!(decode("a%+1"), Err(DecodeError::BadEscape(1)));
        assert_eq!(decode("%E9"), Err(DecodeError::NotUtf8));
    }
}
