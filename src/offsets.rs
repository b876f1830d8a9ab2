//! Converts byte offsets (used inside the pipeline) to Unicode code point offsets (used in
//! the report, so that Python's `text[start:end]` works).
//!
//! A table of one checkpoint every `STRIDE` bytes keeps the conversion O(STRIDE) per offset
//! and the memory at a sixteenth of the text, whatever order the offsets come in.

const STRIDE: usize = 64;

pub struct CharOffsets<'t> {
    text: &'t str,
    ascii: bool,
    /// `checkpoints[i]` = number of chars in `text[..i * STRIDE]` (rounded down to a char
    /// boundary).
    checkpoints: Vec<u32>,
}

impl<'t> CharOffsets<'t> {
    pub fn new(text: &'t str) -> CharOffsets<'t> {
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        if !ascii {
            checkpoints.reserve(text.len() / STRIDE + 2);
            let mut chars: u32 = 0;
            for block in text.as_bytes().chunks(STRIDE) {
                checkpoints.push(chars);
                chars = chars.wrapping_add(count_chars(block) as u32);
            }
            // A checkpoint for the end offset too, when the text ends on a stride
            // boundary: without it, offsets at the very end would map to 0.
            if text.len() % STRIDE == 0 {
                checkpoints.push(chars);
            }
        }
        CharOffsets {
            text,
            ascii,
            checkpoints,
        }
    }

    /// The code point offset of byte offset `byte` (clamped to the text).
    pub fn to_char(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.ascii {
            return byte;
        }
        let block = byte / STRIDE;
        let base = self.checkpoints.get(block).copied().unwrap_or(0) as usize;
        let from = block * STRIDE;
        base + count_chars(self.text.as_bytes().get(from..byte).unwrap_or(&[]))
    }
}

/// The number of chars that start in `bytes`: the bytes that are not UTF-8 continuation
/// bytes (`10xxxxxx`), counted eight at a time.
fn count_chars(bytes: &[u8]) -> usize {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let mut words = bytes.chunks_exact(8);
    let mut continuation = 0;
    for word in &mut words {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(word);
        let x = u64::from_le_bytes(eight);
        // A continuation byte has bit 7 set and bit 6 clear.
        continuation += (x & !(x << 1) & HIGH_BITS).count_ones() as usize;
    }
    let rest = words.remainder();
    continuation += rest.iter().filter(|&&b| (b & 0xC0) == 0x80).count();
    bytes.len() - continuation
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
    fn end_of_text_on_a_stride_boundary() {
        let text = "’".repeat(STRIDE); // 3 * STRIDE bytes
        let offsets = CharOffsets::new(&text);
        assert_eq!(offsets.to_char(text.len()), STRIDE);
        assert_eq!(offsets.to_char(text.len() - 3), STRIDE - 1);
    }

    #[test]
    fn counts_chars_eight_bytes_at_a_time() {
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
    fn ascii_is_identity() {
        let offsets = CharOffsets::new("plain text");
        assert_eq!(offsets.to_char(5), 5);
        assert_eq!(offsets.to_char(99), 10);
    }
}
