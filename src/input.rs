//! Turns raw input bytes into analysable text: refuses binary data and UTF-16/UTF-32
//! text (by its byte order mark), drops a leading UTF-8 byte order mark and decodes
//! invalid UTF-8 with U+FFFD replacements (with a warning), so that analysis never sees
//! anything but valid UTF-8.
//!
//! ```
//! use byline::input::{decode, InputError};
//!
//! let decoded = decode(b"\xEF\xBB\xBFCaf\xE9 owners said prices rose.").unwrap();
//! assert_eq!(decoded.text, "Caf\u{FFFD} owners said prices rose.");
//! assert_eq!(decoded.warnings.len(), 1);
//! let options = byline::Options { warnings: decoded.warnings, ..Default::default() };
//! let analysis = byline::analyze(&decoded.text, &options);
//! assert!(analysis.warnings[0].starts_with("invalid UTF-8 (first at byte 3)"));
//!
//! assert_eq!(decode(b"PK\x03\x04\x00\x00").unwrap_err(), InputError::Binary { offset: 4 });
//! ```

use std::borrow::Cow;
use std::fmt;

/// How many leading bytes are checked for NUL to tell binary data from text (as git and
/// ripgrep do).
pub const BINARY_SNIFF_BYTES: usize = 8 * 1024;

/// Why bytes cannot be analysed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// A NUL byte within the first [`BINARY_SNIFF_BYTES`] bytes.
    Binary {
        /// Where the first NUL byte is.
        offset: usize,
    },
    /// Text in another Unicode encoding, known by its byte order mark ("UTF-16LE").
    NotUtf8 {
        /// The encoding its byte order mark names.
        encoding: &'static str,
    },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Binary { offset } => {
                write!(f, "binary data (NUL byte at offset {offset}), not analysed")
            }
            InputError::NotUtf8 { encoding } => write!(
                f,
                "{encoding} text (byte order mark), not analysed: convert it to UTF-8 first, \
                 e.g. `iconv -f {encoding} -t UTF-8`"
            ),
        }
    }
}

/// The byte order marks of the other Unicode encodings; UTF-32LE's starts like UTF-16LE's,
/// so it comes first.
const OTHER_BOMS: [(&[u8], &str); 4] = [
    (b"\xFF\xFE\0\0", "UTF-32LE"),
    (b"\0\0\xFE\xFF", "UTF-32BE"),
    (b"\xFF\xFE", "UTF-16LE"),
    (b"\xFE\xFF", "UTF-16BE"),
];

/// Checks the start of an input (at least its first [`BINARY_SNIFF_BYTES`] bytes, or all
/// of it when shorter): refused when it opens with a UTF-16 or UTF-32 byte order mark or
/// holds a NUL byte. Enough to refuse an input before reading the rest of it.
pub fn check_start(bytes: &[u8]) -> Result<(), InputError> {
    if let Some(&(_, encoding)) = OTHER_BOMS.iter().find(|(bom, _)| bytes.starts_with(bom)) {
        return Err(InputError::NotUtf8 { encoding });
    }
    let sniff = bytes.get(..BINARY_SNIFF_BYTES).unwrap_or(bytes);
    match sniff.iter().position(|&b| b == 0) {
        Some(offset) => Err(InputError::Binary { offset }),
        None => Ok(()),
    }
}

impl std::error::Error for InputError {}

/// Decoded text and the warnings decoding produced.
#[derive(Debug)]
pub struct Decoded<'b> {
    /// The text, borrowed from the bytes when they were valid UTF-8.
    pub text: Cow<'b, str>,
    /// What decoding changed (invalid UTF-8 replaced), for [`Options::warnings`].
    ///
    /// [`Options::warnings`]: crate::Options::warnings
    pub warnings: Vec<String>,
}

/// Decodes `bytes` as described in the module doc.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, InputError> {
    check_start(bytes)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: Cow::Borrowed(text),
            warnings: Vec::new(),
        }),
        Err(err) => Ok(replace_invalid(bytes, err.valid_up_to())),
    }
}

/// Decodes invalid UTF-8 with U+FFFD replacements and a warning saying where the first
/// invalid byte was and how many replacements were made.
fn replace_invalid(bytes: &[u8], first: usize) -> Decoded<'static> {
    let text = String::from_utf8_lossy(bytes).into_owned();
    let replaced = text.chars().filter(|&c| c == '\u{FFFD}').count();
    let warning = format!(
        "invalid UTF-8 (first at byte {first}); {replaced} replacement character(s) inserted"
    );
    Decoded {
        text: Cow::Owned(text),
        warnings: vec![warning],
    }
}

/// [`decode`] for bytes the caller owns: valid UTF-8 becomes the text without a copy.
pub fn decode_owned(mut bytes: Vec<u8>) -> Result<Decoded<'static>, InputError> {
    check_start(&bytes)?;
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: Cow::Owned(text),
            warnings: Vec::new(),
        }),
        Err(err) => {
            let first = err.utf8_error().valid_up_to();
            Ok(replace_invalid(&err.into_bytes(), first))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_bom() {
        let d = decode(b"\xEF\xBB\xBFHello").unwrap();
        assert_eq!(d.text, "Hello");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn replaces_invalid_utf8_with_warning() {
        let d = decode(b"caf\xE9 ok").unwrap();
        assert_eq!(d.text, "caf\u{FFFD} ok");
        assert_eq!(d.warnings.len(), 1);
        assert!(d.warnings[0].contains("byte 3"));
    }

    #[test]
    fn refuses_nul_in_head() {
        assert_eq!(
            decode(b"ab\0cd").unwrap_err(),
            InputError::Binary { offset: 2 }
        );
    }

    #[test]
    fn owned_decoding_matches_borrowed_decoding() {
        let inputs: [&[u8]; 5] = [
            b"",
            b"\xEF\xBB\xBFHello",
            b"caf\xE9 ok",
            b"ab\0cd",
            "“ok” ’90s".as_bytes(),
        ];
        for bytes in inputs {
            let borrowed = decode(bytes).map(|d| (d.text.into_owned(), d.warnings));
            let owned = decode_owned(bytes.to_vec()).map(|d| (d.text.into_owned(), d.warnings));
            assert_eq!(borrowed, owned, "{bytes:?}");
        }
    }

    #[test]
    fn names_utf16_and_utf32_by_their_byte_order_marks() {
        let utf16le: Vec<u8> = "\u{FEFF}Hi."
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let utf16be: Vec<u8> = "\u{FEFF}Hi."
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        let utf32le: Vec<u8> = "\u{FEFF}Hi."
            .chars()
            .flat_map(|c| (c as u32).to_le_bytes())
            .collect();
        let utf32be: Vec<u8> = "\u{FEFF}Hi."
            .chars()
            .flat_map(|c| (c as u32).to_be_bytes())
            .collect();
        for (bytes, encoding) in [
            (utf16le, "UTF-16LE"),
            (utf16be, "UTF-16BE"),
            (utf32le, "UTF-32LE"),
            (utf32be, "UTF-32BE"),
        ] {
            let err = decode_owned(bytes).unwrap_err();
            assert_eq!(err, InputError::NotUtf8 { encoding });
            assert!(err
                .to_string()
                .contains(&format!("iconv -f {encoding} -t UTF-8")));
        }
        // A UTF-8 byte order mark is dropped, not refused.
        assert_eq!(decode("\u{FEFF}Hi.".as_bytes()).unwrap().text, "Hi.");
    }

    #[test]
    fn accepts_nul_after_sniff_window() {
        let mut bytes = vec![b'a'; BINARY_SNIFF_BYTES];
        bytes.push(0);
        assert!(decode(&bytes).is_ok());
    }
}
