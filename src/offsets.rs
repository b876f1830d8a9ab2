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
            checkpoints.reserve(text.len() / STRIDE + 1);
            let bytes = text.as_bytes();
            let mut chars: u32 = 0;
            for (i, &b) in bytes.iter().enumerate() {
                if i % STRIDE == 0 {
                    checkpoints.push(chars);
                }
                // Count the bytes that start a char (not UTF-8 continuation bytes).
                if (b & 0xC0) != 0x80 {
                    chars = chars.wrapping_add(1);
                }
            }
            // A checkpoint for the end offset too, when the text ends on a stride
            // boundary: without it, offsets at the very end would map to 0.
            if bytes.len() % STRIDE == 0 {
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
        let tail = self.text.as_bytes().get(from..byte).unwrap_or(&[]);
        base + tail.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
    }
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
    fn ascii_is_identity() {
        let offsets = CharOffsets::new("plain text");
        assert_eq!(offsets.to_char(5), 5);
        assert_eq!(offsets.to_char(99), 10);
    }
}
