//! Eight bytes at a time: the word-wide byte tests that let the scanners (line breaks,
//! quote marks, JSON escapes, the claims screens, char counting) skip ordinary text a
//! 64-bit word at a time instead of a byte at a time. Relies on nothing else of byline.
//!
//! The tests are the classic "has a zero byte" trick: subtracting 1 from every byte sets
//! the high bit of a byte that was 0 (or, through a borrow, of a byte above one that
//! was), and `& !x` drops bytes whose high bit was already set. As a yes/no answer over
//! the whole word this has no false negatives and no false positives.

/// 0x01 in every byte.
pub const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte.
pub const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// `byte` in every byte of a word.
pub const fn splat(byte: u8) -> u64 {
    ONES * byte as u64
}

/// Exactly eight bytes as a little-endian word (the first byte is the lowest); `None`
/// for any other length.
pub fn word(chunk: &[u8]) -> Option<u64> {
    <[u8; 8]>::try_from(chunk).ok().map(u64::from_le_bytes)
}

/// The words of `bytes`, the last one filled up with `fill` (always yielded, all `fill`
/// when the length is a multiple of eight): pick a `fill` that none of the tests looks
/// for.
pub fn words(bytes: &[u8], fill: u8) -> impl Iterator<Item = u64> + '_ {
    let chunks = bytes.chunks_exact(8);
    let rest = chunks.remainder();
    let mut last = [fill; 8];
    if let Some(dest) = last.get_mut(..rest.len()) {
        dest.copy_from_slice(rest);
    }
    chunks
        .map(|chunk| word(chunk).unwrap_or(0))
        .chain(std::iter::once(u64::from_le_bytes(last)))
}

/// Whether some ASCII byte of `x` is below `n` (`n` at most 128; bytes of 0x80 and more
/// never count).
pub fn any_below(x: u64, n: u8) -> bool {
    x.wrapping_sub(splat(n)) & !x & HIGH_BITS != 0
}

/// Whether some byte of `x` equals `byte`.
pub fn any_equal(x: u64, byte: u8) -> bool {
    any_below(x ^ splat(byte), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The word tests agree with a byte loop for every byte value at every position,
    /// in words of ordinary letters.
    #[test]
    fn word_tests_agree_with_byte_tests() {
        for byte in 0..=255u8 {
            for at in 0..8 {
                let mut eight = *b"abcdefgh";
                eight[at] = byte;
                let x = word(&eight).unwrap_or(0);
                for n in [1, 0x0E, 0x20, 10, 128] {
                    let slow = eight.iter().any(|&b| b < n);
                    assert_eq!(any_below(x, n), slow, "{byte} < {n} at {at}");
                }
                for target in [b'"', b'\\', b'@', 0] {
                    let slow = eight.contains(&target);
                    assert_eq!(any_equal(x, target), slow, "{byte} = {target} at {at}");
                }
            }
        }
    }

    #[test]
    fn words_fill_the_last_one() {
        let all: Vec<u64> = words(b"0123456789", b' ').collect();
        assert_eq!(
            all,
            [
                word(b"01234567").unwrap_or(0),
                word(b"89      ").unwrap_or(0)
            ]
        );
        assert_eq!(words(b"01234567", b' ').count(), 2);
        assert_eq!(words(b"", b'x').collect::<Vec<_>>(), [splat(b'x')]);
        assert_eq!(word(b"short"), None);
    }
}
