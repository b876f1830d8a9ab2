//! Word lists: the plain-text files under `data/`, embedded at build time with
//! `include_str!`, and the tables that answer them. A list is parsed on first use (each
//! list on its own, so a run pays only for the lists it asks); the largest table is
//! built at compile time (see `build.rs`).
//!
//! File format: one entry per line; blank lines and lines starting with `#` (the header
//! that names the list's sources) are skipped; surrounding whitespace is trimmed.

mod table;

pub use table::{entries, WordSet, WordTable};

use std::hash::{BuildHasherDefault, DefaultHasher};

/// The hasher of the word maps that are not [`WordTable`]s: std's SipHash with fixed
/// keys, so that a map's order is the same on every run.
pub type FixedHash = BuildHasherDefault<DefaultHasher>;

/// Calls `f` with `word` in lowercase, without allocating when the word is short ASCII
/// (nearly every token): most word-list look-ups lowercase their word.
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

    #[test]
    fn table_finds_exact_and_lowercase_keys() {
        let table = WordTable::new([("mr", 1), ("Kyiv", 2), ("mr", 3), ("straße", 4)]);
        assert_eq!(table.len(), 3, "a repeated key keeps its first value");
        assert_eq!(table.get("mr"), Some(&1));
        assert_eq!(table.get("MR"), None, "get is exact");
        assert_eq!(table.get_lowercase("MR"), Some(&1));
        assert_eq!(table.get_lowercase("Mr"), Some(&1));
        assert_eq!(table.get("Kyiv"), Some(&2));
        assert_eq!(
            table.get_lowercase("Kyiv"),
            None,
            "the key is not lowercase"
        );
        assert_eq!(table.get_lowercase("STRASSE"), None);
        assert_eq!(
            table.get_lowercase("Straße"),
            Some(&4),
            "non-ASCII words are lowercased"
        );
        assert_eq!(table.get(""), None);
        assert_eq!(table.get("m"), None);
        assert_eq!(
            table.get("m@"),
            None,
            "bytes that only hash alike do not match"
        );
    }

    #[test]
    fn table_holds_many_keys() {
        let keys: Vec<String> = (0..5000).map(|i| format!("word{i}")).collect();
        let table = WordTable::new(keys.iter().enumerate().map(|(i, k)| (k.as_str(), i)));
        assert_eq!(table.len(), 5000);
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(table.get(k), Some(&i));
            assert_eq!(table.get_lowercase(&k.to_uppercase()), Some(&i));
        }
        assert_eq!(table.get("word5000"), None);
        assert!(WordTable::<()>::new([]).get("x").is_none());
    }

    #[test]
    fn lowercase_query_on_an_exact_set() {
        static SET: WordSet = WordSet::exact("# h\nanalysts\nHowever\n");
        assert!(SET.contains_lowercase("Analysts") && SET.contains_lowercase("ANALYSTS"));
        assert!(
            !SET.contains_lowercase("However"),
            "the stored key is not lowercase"
        );
        assert!(SET.contains("However"));
    }

    #[test]
    fn cased_lookup_finds_both_forms_in_one_walk() {
        let table = WordTable::new([("May", 1), ("may", 2), ("US", 3), ("straße", 4)]);
        assert_eq!(table.get_cased("May"), (Some(&1), Some(&2)));
        assert_eq!(table.get_cased("MAY"), (None, Some(&2)));
        assert_eq!(table.get_cased("may"), (Some(&2), Some(&2)));
        assert_eq!(table.get_cased("US"), (Some(&3), None));
        assert_eq!(table.get_cased("Straße"), (None, Some(&4)));
        assert_eq!(table.get_cased("mays"), (None, None));
        assert_eq!(table.get_cased(""), (None, None));
        let keys: Vec<String> = (0..3000).map(|i| format!("Key{i}")).collect();
        let big = WordTable::new(keys.iter().enumerate().map(|(i, k)| (k.as_str(), i)));
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(big.get_cased(k), (Some(&i), None));
        }
    }

    #[test]
    fn get_or_insert_keeps_the_first_value_and_grows() {
        let mut table: WordTable<u32> = WordTable::new([]);
        for round in 0..2 {
            for i in 0..1000u32 {
                if let Some(v) = table.get_or_insert_mut(&format!("w{i}"), || i) {
                    *v += round;
                }
            }
        }
        assert_eq!(table.len(), 1000);
        assert_eq!(
            table.get("w7"),
            Some(&8),
            "inserted once, then changed once"
        );
        assert_eq!(table.get("w999"), Some(&1000));
    }

    #[test]
    fn lowercase_insertion_stores_the_lowercase_key() {
        let mut table: WordTable<u32> = WordTable::with_capacity(4);
        for word in ["Trump", "TRUMP", "trump", "Éric", "ÉRIC", "Kyiv"] {
            if let Some(n) = table.get_lowercase_or_insert_mut(word, || 0) {
                *n += 1;
            }
        }
        assert_eq!(table.len(), 3);
        assert_eq!(table.get("trump"), Some(&3));
        assert_eq!(table.get("Trump"), None, "the key is stored in lowercase");
        assert_eq!(table.get("éric"), Some(&2));
        assert_eq!(table.get("kyiv"), Some(&1));
        assert_eq!(table.get_lowercase("KYIV"), Some(&1));
        assert_eq!(table.get_cased("kyiv"), (Some(&1), Some(&1)));
    }
}
