//! Converts byte offsets (used inside the pipeline) to Unicode code point offsets (used in
//! the report, so that Python's `text[start:end]` works).
//!
//! Two tables make every conversion a few operations, whatever order the offsets come
//! in: the number of chars before each block of `STRIDE` bytes (32 bits, a sixty-fourth
//! of the text), and, for each eight-byte word, the number of chars from its block's
//! start to the word (8 bits, an eighth of the text). The chars between a word's start
//! and the offset are counted in one masked word operation. (One checkpoint every 64
//! bytes, counted up to the offset, cost about 140 instructions per offset: the report
//! converts several hundred offsets per article.)

use crate::wordwise::{self, HIGH_BITS, ONES};

/// Bytes per block; the chars before a word, counted from its block's start, stay below
/// 256 (at most `STRIDE - 8`), so they fit in a byte.
const STRIDE: usize = 256;
const WORD: usize = 8;
const WORDS_PER_BLOCK: usize = STRIDE / WORD;

pub struct CharOffsets<'t> {
    text: &'t str,
    ascii: bool,
    /// `checkpoints[i]` = number of chars that start in `text[..i * STRIDE]`.
    checkpoints: Vec<u32>,
    /// `in_block[k]` = number of chars that start between the start of the block holding
    /// byte `k * WORD` and that byte.
    in_block: Vec<u8>,
}

impl<'t> CharOffsets<'t> {
    pub fn new(text: &'t str) -> CharOffsets<'t> {
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        let mut in_block = Vec::new();
        if !ascii {
            let bytes = text.as_bytes();
            // One entry more than whole words and blocks: offsets in the last, partial
            // word or at the very end of the text look up the entry past the whole words.
            checkpoints.reserve(text.len() / STRIDE + 1);
            in_block.reserve(text.len() / WORD + 1);
            let (mut chars, mut within): (u32, u8) = (0, 0);
            let mut words = bytes.chunks_exact(WORD);
            for (k, word) in (&mut words).enumerate() {
                if k % WORDS_PER_BLOCK == 0 {
                    checkpoints.push(chars);
                    within = 0;
                }
                in_block.push(within);
                let n = wordwise::word(word).map_or(0, |x| WORD - continuation_bytes(x, u64::MAX));
                chars = chars.wrapping_add(n as u32);
                within = within.wrapping_add(n as u8);
            }
            if (text.len() / WORD) % WORDS_PER_BLOCK == 0 {
                checkpoints.push(chars);
                within = 0;
            }
            in_block.push(within);
        }
        CharOffsets {
            text,
            ascii,
            checkpoints,
            in_block,
        }
    }

    /// The code point offset of byte offset `byte` (clamped to the text).
    pub fn to_char(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if self.ascii {
            return byte;
        }
        let word = byte / WORD;
        let block_chars = self.checkpoints.get(byte / STRIDE).copied().unwrap_or(0) as usize;
        let word_chars = self.in_block.get(word).copied().unwrap_or(0) as usize;
        block_chars + word_chars + self.chars_in_word_before(word * WORD, byte)
    }

    /// The chars that start in `text[from..byte]`, fewer than [`WORD`] bytes: one masked
    /// word operation when eight bytes can be read from `from`.
    fn chars_in_word_before(&self, from: usize, byte: usize) -> usize {
        let bytes = self.text.as_bytes();
        let n = byte - from;
        match bytes.get(from..from + WORD).and_then(wordwise::word) {
            Some(x) => {
                let mask = (1u64 << (8 * n)) - 1; // n < 8: the first n bytes
                n - continuation_bytes(x, mask)
            }
            _ => count_chars(bytes.get(from..byte).unwrap_or(&[])),
        }
    }
}

/// The number of UTF-8 continuation bytes (`10xxxxxx`) among the bytes of `x` (little
/// endian) that `mask` keeps. The flags (one high bit per continuation byte) are summed
/// by one multiplication, which adds every byte into the top one.
fn continuation_bytes(x: u64, mask: u64) -> usize {
    let flags = (x & !(x << 1) & HIGH_BITS & mask) >> 7;
    (flags.wrapping_mul(ONES) >> 56) as usize
}

/// The number of chars that start in `bytes`: the bytes that are not UTF-8 continuation
/// bytes (`10xxxxxx`), counted eight at a time.
fn count_chars(bytes: &[u8]) -> usize {
    let mut words = bytes.chunks_exact(8);
    let mut continuation = 0;
    for word in &mut words {
        let x = wordwise::word(word).unwrap_or(0);
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
    fn every_byte_offset_near_word_and_block_boundaries() {
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
