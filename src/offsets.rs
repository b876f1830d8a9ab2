//! Converts byte offsets (used inside the pipeline) to Unicode code point offsets (used in
//! the report, so that Python's `text[start:end]` works). Relies on nothing else of byline.
//!
//! A table holds the number of chars before each block of [`BLOCK`] bytes, so a
//! conversion counts the chars of at most one block, whatever order the offsets come in.

/// Bytes per block of the table.
const BLOCK: usize = 32;

pub struct CharOffsets<'t> {
    text: &'t str,
    /// `before_block[i]` = the number of chars that start in `text[..i * BLOCK]`, for
    /// every `i` up to `text.len() / BLOCK`; empty for an ASCII text, whose char offsets
    /// are its byte offsets.
    before_block: Vec<usize>,
}

impl<'t> CharOffsets<'t> {
    pub fn new(text: &'t str) -> CharOffsets<'t> {
        let mut before_block = Vec::new();
        if !text.is_ascii() {
            before_block.reserve(text.len() / BLOCK + 1);
            let mut chars = 0;
            before_block.push(chars);
            for block in text.as_bytes().chunks_exact(BLOCK) {
                chars += count_chars(block);
                before_block.push(chars);
            }
        }
        CharOffsets { text, before_block }
    }

    /// The code point offset of byte offset `byte` (clamped to the text).
    pub fn to_char(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.before_block.is_empty() {
            return byte;
        }
        let block = byte / BLOCK;
        let before = self
            .before_block
            .get(block)
            .expect("the table has an entry for every block start up to the text's end");
        let in_block = self
            .text
            .as_bytes()
            .get(block * BLOCK..byte)
            .expect("the offset is clamped to the text");
        before + count_chars(in_block)
    }
}

/// The number of chars that start in `bytes`: the bytes that are not UTF-8 continuation
/// bytes (`10xxxxxx`).
fn count_chars(bytes: &[u8]) -> usize {
    // A sum rather than a filtered count: the compiler vectorizes it.
    bytes.iter().map(|&b| usize::from(b & 0xC0 != 0x80)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_char_indices_on_mixed_text() {
        let text = "“Stop,” he said — Зеленський 😀 ok. ".repeat(20);
        let offsets = CharOffsets::new(&text);
        for (n, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(offsets.to_char(byte), n);
        }
        assert_eq!(offsets.to_char(text.len()), text.chars().count());
    }

    #[test]
    fn end_of_text_on_a_block_boundary() {
        let text = "’".repeat(BLOCK); // 3 * BLOCK bytes
        let offsets = CharOffsets::new(&text);
        assert_eq!(offsets.to_char(text.len()), BLOCK);
        assert_eq!(offsets.to_char(text.len() - 3), BLOCK - 1);
    }

    #[test]
    fn counts_chars() {
        for text in [
            "",
            "abc",
            "ab’cd’ef😀gh",
            "Зеленський сказав",
            "a\u{301}e\u{301}",
        ] {
            for end in (0..=text.len()).filter(|&e| text.is_char_boundary(e)) {
                let prefix = &text[..end];
                assert_eq!(
                    count_chars(prefix.as_bytes()),
                    prefix.chars().count(),
                    "{prefix:?}"
                );
            }
        }
    }

    #[test]
    fn every_byte_offset_near_block_boundaries() {
        for len in [0, 1, 7, 8, 9, 255, 256, 257, 511, 512, 513, 1000] {
            // Multi-byte characters of every width, so char starts fall at every
            // position of a word.
            let text: String = "aé’😀".chars().cycle().take(len).collect();
            let offsets = CharOffsets::new(&text);
            for byte in 0..=text.len() + 2 {
                let clamped = byte.min(text.len());
                let expected = text.as_bytes()[..clamped]
                    .iter()
                    .filter(|&&b| (b & 0xC0) != 0x80)
                    .count();
                assert_eq!(offsets.to_char(byte), expected, "len {len}, byte {byte}");
            }
        }
    }

    #[test]
    fn ascii_is_identity() {
        let offsets = CharOffsets::new("plain text");
        assert_eq!(offsets.to_char(5), 5);
        assert_eq!(offsets.to_char(99), 10);
    }
}
