//! Word lists: the plain-text files under `data/`, embedded at build time with
//! `include_str!` and parsed once, on first use.
//!
//! File format: one entry per line; blank lines and lines starting with `#` (the header
//! that names the list's sources) are skipped; surrounding whitespace is trimmed.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A fast, non-cryptographic hasher (FNV-1a over 8-byte words) for the word sets: the
/// keys are our own word lists, so SipHash's flooding resistance buys nothing, while its
/// cost showed up in profiles (word-set lookups run for nearly every token).
#[derive(Default)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const PRIME: u64 = 0x0000_0100_0000_01b3;
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            hash = (hash ^ u64::from_le_bytes(word)).wrapping_mul(PRIME);
            hash ^= hash >> 29;
        }
        for &b in chunks.remainder() {
            hash = (hash ^ u64::from(b)).wrapping_mul(PRIME);
        }
        self.0 = hash;
    }

    fn finish(&self) -> u64 {
        self.0 ^ (self.0 >> 32)
    }
}

/// The hash builder for word sets and maps.
pub type FastHash = BuildHasherDefault<WordHasher>;

/// Calls `f` with `word` in lowercase, without allocating when the word is short ASCII
/// (nearly every token): lowercasing ran for most word-list lookups.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if !word.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
        return f(word);
    }
    let mut buf = [0u8; 48];
    if word.is_ascii() && word.len() <= buf.len() {
        let out = &mut buf[..word.len()];
        out.copy_from_slice(word.as_bytes());
        out.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(out) {
            return f(lower);
        }
    }
    f(&word.to_lowercase())
}

/// The entries of a word-list file, in file order.
pub fn entries(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// A set of words, built once from an embedded list.
pub struct WordSet {
    file: &'static str,
    lowercase: bool,
    set: OnceLock<HashSet<String, FastHash>>,
}

impl WordSet {
    /// A set that matches entries exactly as written.
    pub const fn exact(file: &'static str) -> WordSet {
        WordSet {
            file,
            lowercase: false,
            set: OnceLock::new(),
        }
    }

    /// A set that matches case-insensitively (entries and queries are lowercased).
    pub const fn caseless(file: &'static str) -> WordSet {
        WordSet {
            file,
            lowercase: true,
            set: OnceLock::new(),
        }
    }

    fn set(&self) -> &HashSet<String, FastHash> {
        self.set.get_or_init(|| {
            entries(self.file)
                .map(|e| {
                    if self.lowercase {
                        e.to_lowercase()
                    } else {
                        e.to_string()
                    }
                })
                .collect()
        })
    }

    pub fn contains(&self, word: &str) -> bool {
        if self.lowercase {
            with_lowercase(word, |lower| self.set().contains(lower))
        } else {
            self.set().contains(word)
        }
    }

    pub fn len(&self) -> usize {
        self.set().len()
    }

    pub fn is_empty(&self) -> bool {
        self.set().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = "# source: test\n\nMr\n  Dr  \n# comment\nSt\n";

    #[test]
    fn skips_comments_and_blanks() {
        let e: Vec<_> = entries(LIST).collect();
        assert_eq!(e, ["Mr", "Dr", "St"]);
    }

    #[test]
    fn caseless_set_matches_any_case() {
        static SET: WordSet = WordSet::caseless(LIST);
        assert!(SET.contains("MR"));
        assert!(SET.contains("dr"));
        assert!(!SET.contains("Mrs"));
        assert_eq!(SET.len(), 3);
    }
}
