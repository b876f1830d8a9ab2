//! The word table (a read-mostly hash table from words to values), the word set built
//! on it, and the parsing of the word-list files. Relies on std alone: the build script
//! compiles this file too (it builds the largest table at compile time: see
//! [`WordTable::frozen`]).

use std::borrow::Cow;
use std::sync::OnceLock;

/// The entries of a word-list file, in file order: one entry per line; blank lines and
/// lines starting with `#` (the header that names the list's sources) are skipped;
/// surrounding whitespace is trimmed.
pub fn entries(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

/// A hash table from words to values, for the word lists: every word-list look-up of the
/// pipeline lands here, several per token, so it is built for that. The keys live in one
/// buffer (no allocation per entry); the hash ignores ASCII case (a caseless list needs
/// no lowercase copy of the query); each slot keeps part of its key's hash, so a probe
/// compares strings only on a likely hit; and a mask of key lengths and one of first
/// bytes turn most misses away before any hashing.
///
/// A table is built at run time ([`WordTable::new`]) or, for the largest list, by the
/// build script, which writes its parts as Rust source ([`WordTable::to_rust`]) for
/// [`WordTable::frozen`]: then nothing is built at start-up.
#[derive(Clone)]
pub struct WordTable<V: Clone + 'static> {
    /// All keys, one after the other.
    keys: Cow<'static, str>,
    /// (start in `keys`, length, value), in insertion order.
    entries: Cow<'static, [(u32, u32, V)]>,
    /// Open addressing, linear probing: 0 is empty, else the key's hash in the high 32
    /// bits and its index in `entries` plus 1 in the low 32 bits.
    slots: Cow<'static, [u64]>,
    /// `slots.len()` is `1 << bits`.
    bits: u32,
    /// Bit `min(len, 63)` is set for every key length.
    lengths: u64,
    /// Bit `b` is set when some key starts with byte `b`.
    firsts: [u64; 4],
}

/// How a query is compared with the stored keys.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Compare {
    Exact,
    /// The key must equal the query in lowercase (keys are stored lowercase).
    Lowered,
}

impl<V: Clone + 'static> WordTable<V> {
    /// A table of `pairs`; the first value given for a key wins.
    pub fn new<'a>(pairs: impl IntoIterator<Item = (&'a str, V)>) -> WordTable<V> {
        let mut table = WordTable::with_capacity(0);
        for (key, value) in pairs {
            table.insert(key, value);
        }
        table
    }

    /// An empty table with room for `entries` keys before it grows (for the tables a
    /// document builds of its own words).
    pub fn with_capacity(entries: usize) -> WordTable<V> {
        let bits = (entries * 2).max(16).next_power_of_two().trailing_zeros();
        WordTable {
            keys: Cow::Owned(String::with_capacity(entries * 8)),
            entries: Cow::Owned(Vec::with_capacity(entries)),
            slots: Cow::Owned(vec![0; 1 << bits]),
            bits,
            lengths: 0,
            firsts: [0; 4],
        }
    }

    /// The table whose parts [`WordTable::to_rust`] wrote (in generated code only).
    pub const fn frozen(
        keys: &'static str,
        entries: &'static [(u32, u32, V)],
        slots: &'static [u64],
        bits: u32,
        lengths: u64,
        firsts: [u64; 4],
    ) -> WordTable<V> {
        WordTable {
            keys: Cow::Borrowed(keys),
            entries: Cow::Borrowed(entries),
            slots: Cow::Borrowed(slots),
            bits,
            lengths,
            firsts,
        }
    }

    /// The Rust expression that rebuilds this table with [`WordTable::frozen`], each value
    /// written by `value` (for the build script, and a test).
    #[allow(dead_code)]
    pub fn to_rust(&self, value: impl Fn(&V) -> String) -> String {
        use std::fmt::Write;
        let mut out = format!("WordTable::frozen({:?}, &[", self.keys);
        for (start, len, v) in self.entries.iter() {
            let _ = write!(out, "({start},{len},{}),", value(v));
        }
        out.push_str("], &[");
        let (slots, bits) = self.packed_slots();
        for slot in &slots {
            let _ = write!(out, "{slot},");
        }
        let _ = write!(out, "], {bits}, {}, {:?})", self.lengths, self.firsts);
        out
    }

    /// The slots placed anew in the fewest that leave a quarter free, and their bits.
    /// A frozen table never grows, so it need not stay half empty; and every run that
    /// looks many words up reads all its slots, which are then resident memory.
    #[allow(dead_code)]
    fn packed_slots(&self) -> (Vec<u64>, u32) {
        let mut bits = 4;
        while (1usize << bits) * 3 < self.entries.len() * 4 {
            bits += 1;
        }
        // In entry order, so that the same entries give the same slots (a test compares
        // the frozen table with one built anew).
        let mut taken: Vec<u64> = self.slots.iter().copied().filter(|&s| s != 0).collect();
        taken.sort_unstable_by_key(|s| s & 0xffff_ffff);
        let mut slots = vec![0; 1 << bits];
        for slot in taken {
            place(&mut slots, bits, slot);
        }
        (slots, bits)
    }

    /// Adds `key` with `value`, unless the table holds the key already.
    pub fn insert(&mut self, key: &str, value: V) {
        self.get_or_insert_mut(key, || value);
    }

    /// The value stored for exactly `key`, to change it; first stored as `value()` when
    /// the table does not hold the key.
    pub fn get_or_insert_mut(&mut self, key: &str, value: impl FnOnce() -> V) -> Option<&mut V> {
        let hash = word_hash(key.as_bytes());
        let index = match self.find_hashed(key, hash, Compare::Exact) {
            Some(index) => index,
            None => self.push(key, hash, value(), false)?,
        };
        self.value_mut_at(index)
    }

    /// The value stored for `word` in lowercase, to change it; first stored under the
    /// lowercase form as `value()` when absent (for tables of lowercase keys). One hash
    /// and no lowercase copy of the word: the hash ignores case, and the key is
    /// lowercased in the table's own buffer.
    pub fn get_lowercase_or_insert_mut(
        &mut self,
        word: &str,
        value: impl FnOnce() -> V,
    ) -> Option<&mut V> {
        let index = self.get_lowercase_or_insert_index(word, value)?;
        self.value_mut_at(index)
    }

    /// [`WordTable::get_lowercase_or_insert_mut`], giving the key's number (see
    /// [`WordTable::value_mut_at`]) rather than its value.
    pub fn get_lowercase_or_insert_index(
        &mut self,
        word: &str,
        value: impl FnOnce() -> V,
    ) -> Option<usize> {
        if !word.is_ascii() {
            let key = word.to_lowercase();
            let hash = word_hash(key.as_bytes());
            return match self.find_hashed(&key, hash, Compare::Exact) {
                Some(index) => Some(index),
                None => self.push(&key, hash, value(), false),
            };
        }
        let hash = word_hash(word.as_bytes());
        match self.find_hashed(word, hash, Compare::Lowered) {
            Some(index) => Some(index),
            None => self.push(word, hash, value(), true),
        }
    }

    /// The value of the key numbered `index` (the order keys were added in), to change it.
    pub fn value_mut_at(&mut self, index: usize) -> Option<&mut V> {
        self.entries.to_mut().get_mut(index).map(|(_, _, v)| v)
    }

    /// The value stored for `word` in lowercase, to change it (for tables of lowercase
    /// keys): one hash and no lowercase copy of an ASCII word.
    pub fn get_lowercase_mut(&mut self, word: &str) -> Option<&mut V> {
        let index = if word.is_ascii() {
            self.find(word, Compare::Lowered)
        } else {
            self.find(&word.to_lowercase(), Compare::Exact)
        };
        self.value_mut_at(index?)
    }

    /// The value stored for exactly `word`, to change it.
    pub fn get_mut(&mut self, word: &str) -> Option<&mut V> {
        let index = self.find(word, Compare::Exact)?;
        self.value_mut_at(index)
    }

    /// How many keys the table holds.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The value stored for exactly `word`.
    pub fn get(&self, word: &str) -> Option<&V> {
        self.value(self.find(word, Compare::Exact)?)
    }

    /// The value stored for `word` in lowercase (meant for tables of lowercase keys).
    pub fn get_lowercase(&self, word: &str) -> Option<&V> {
        let index = if word.is_ascii() {
            self.find(word, Compare::Lowered)
        } else {
            self.find(&word.to_lowercase(), Compare::Exact)
        };
        self.value(index?)
    }

    /// Both [`WordTable::get`] and [`WordTable::get_lowercase`] of `word`, in one walk
    /// of the slots when the word is ASCII: the hash ignores case, so the key that equals
    /// the word and the one that equals its lowercase form sit on the same probe path.
    pub fn get_cased(&self, word: &str) -> (Option<&V>, Option<&V>) {
        if !word.is_ascii() {
            return (self.get(word), self.get_lowercase(word));
        }
        if !self.may_hold(word, word.as_bytes().first().map(u8::to_ascii_lowercase))
            && !self.may_hold(word, word.as_bytes().first().copied())
        {
            return (None, None);
        }
        let (mut exact, mut lowered) = (None, None);
        self.walk(word_hash(word.as_bytes()), |index, key| {
            if exact.is_none() && key == word {
                exact = Some(index);
            }
            if lowered.is_none() && equals_lowercase_of(key, word) {
                lowered = Some(index);
            }
            exact.is_some() && lowered.is_some()
        });
        (
            exact.and_then(|i| self.value(i)),
            lowered.and_then(|i| self.value(i)),
        )
    }

    fn value(&self, index: usize) -> Option<&V> {
        self.entries.get(index).map(|(_, _, v)| v)
    }

    /// Appends a new key (whose hash is `hash`), in ASCII lowercase when `lowercase`,
    /// and returns its index in `entries`; `None` when the keys would pass 4 GiB, which
    /// their 32-bit offsets cannot address.
    fn push(&mut self, key: &str, hash: u64, value: V, lowercase: bool) -> Option<usize> {
        let (Ok(start), Ok(len)) = (u32::try_from(self.keys.len()), u32::try_from(key.len()))
        else {
            return None;
        };
        let keys = self.keys.to_mut();
        keys.push_str(key);
        if lowercase {
            keys[start as usize..].make_ascii_lowercase();
        }
        let entries = self.entries.to_mut();
        entries.push((start, len, value));
        self.lengths |= 1 << key.len().min(63);
        if let Some(&b) = self.keys.as_bytes().get(start as usize) {
            set_bit(&mut self.firsts, b);
        }
        if self.entries.len() * 2 > self.slots.len() {
            self.grow();
        }
        let slot = (hash & !0xffff_ffff) | self.entries.len() as u64;
        place(self.slots.to_mut(), self.bits, slot);
        Some(self.entries.len() - 1)
    }

    /// Doubles the slots and moves the occupied ones over: a slot holds its key's hash
    /// tag, which is all `home` needs, so no key is hashed again.
    fn grow(&mut self) {
        let bits = (self.slots.len() * 2).max(16).trailing_zeros();
        let mut slots = vec![0; 1 << bits];
        for &slot in self.slots.iter().filter(|&&s| s != 0) {
            place(&mut slots, bits, slot);
        }
        self.bits = bits;
        self.slots = Cow::Owned(slots);
    }

    #[inline]
    fn key_at(&self, start: u32, len: u32) -> &str {
        let start = start as usize;
        self.keys
            .get(start..start + len as usize)
            .expect("an entry's key lies within the keys, on char boundaries")
    }

    /// The index in `entries` of the key that matches `word`.
    fn find(&self, word: &str, compare: Compare) -> Option<usize> {
        let first = word.as_bytes().first().map(|&b| match compare {
            Compare::Exact => b,
            Compare::Lowered => b.to_ascii_lowercase(),
        });
        if !self.may_hold(word, first) {
            return None;
        }
        self.find_hashed(word, word_hash(word.as_bytes()), compare)
    }

    /// [`WordTable::find`] with the hash of `word` given.
    #[inline]
    fn find_hashed(&self, word: &str, hash: u64, compare: Compare) -> Option<usize> {
        let mut found = None;
        self.walk(hash, |index, key| {
            let same = match compare {
                Compare::Exact => key == word,
                Compare::Lowered => equals_lowercase_of(key, word),
            };
            if same {
                found = Some(index);
            }
            same
        });
        found
    }

    /// False when no key has the length of `word` or starts with `first`: most misses
    /// end here, before any hashing.
    fn may_hold(&self, word: &str, first: Option<u8>) -> bool {
        self.lengths & (1 << word.len().min(63)) != 0
            && first.is_none_or(|b| has_bit(&self.firsts, b))
    }

    /// Calls `visit(index, key)` for each entry on the probe path of `hash` whose hash tag
    /// matches (any case of the word), until it returns true or the path ends.
    #[inline]
    fn walk(&self, hash: u64, mut visit: impl FnMut(usize, &str) -> bool) {
        let tag = hash & !0xffff_ffff;
        let mask = self.slots.len() - 1; // at least 16 slots
        let mut slot = home(hash, self.bits);
        loop {
            let s = self.slots[slot];
            if s == 0 {
                return;
            }
            if s & !0xffff_ffff == tag {
                let index = (s & 0xffff_ffff) as usize - 1;
                let (start, len, _) = self.entries[index];
                if visit(index, self.key_at(start, len)) {
                    return;
                }
            }
            slot = (slot + 1) & mask;
        }
    }
}

/// Puts `slot` (a hash tag and an entry number) in the first free slot from its home
/// (a table is at most three quarters full, so there is one).
fn place(slots: &mut [u64], bits: u32, slot: u64) {
    let mask = slots.len() - 1;
    let mut at = home(slot, bits);
    while slots[at] != 0 {
        at = (at + 1) & mask;
    }
    slots[at] = slot;
}

/// The first slot to probe for a hash (or a slot holding its tag), in a table of
/// `1 << bits` slots (bits ≥ 1): only the high 32 bits count, the tag the slots keep.
fn home(hash: u64, bits: u32) -> usize {
    ((hash >> 32).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - bits)) as usize
}

/// A hash of the bytes that ignores ASCII case (bit 0x20 is set in every byte read, so a
/// word and its lowercase form hash alike). Reads eight bytes at a time, and a short word
/// in at most two overlapping reads (no loop over its bytes): most words are short.
fn word_hash(bytes: &[u8]) -> u64 {
    const MULTIPLIER: u64 = 0xff51_afd7_ed55_8ccd;
    let len = bytes.len();
    let mut hash = len as u64;
    let tail = if len >= 8 {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            hash = (hash ^ read_u64(chunk)).wrapping_mul(MULTIPLIER);
            hash ^= hash >> 29;
        }
        // The last eight bytes, overlapping the chunks read already.
        read_u64(&bytes[len - 8..])
    } else if len >= 4 {
        // The first four and the last four bytes (they overlap below eight).
        read_u32(&bytes[..4]) | (read_u32(&bytes[len - 4..]) << 32)
    } else {
        let byte = |i: usize| u64::from(bytes.get(i).map_or(0, |b| b | 0x20));
        byte(0) | (byte(len / 2) << 8) | (byte(len.wrapping_sub(1)) << 16)
    };
    hash = (hash ^ tail).wrapping_mul(MULTIPLIER);
    hash ^ (hash >> 32)
}

/// Eight bytes (exactly) as a number, with bit 0x20 set in each.
fn read_u64(bytes: &[u8]) -> u64 {
    let word: [u8; 8] = bytes.try_into().expect("called with eight bytes");
    u64::from_le_bytes(word) | 0x2020_2020_2020_2020
}

/// Four bytes (exactly) as a number, with bit 0x20 set in each.
fn read_u32(bytes: &[u8]) -> u64 {
    let word: [u8; 4] = bytes.try_into().expect("called with four bytes");
    u64::from(u32::from_le_bytes(word) | 0x2020_2020)
}

/// True when `key` is `word` with its ASCII letters in lowercase.
fn equals_lowercase_of(key: &str, word: &str) -> bool {
    key.len() == word.len()
        && key
            .bytes()
            .zip(word.bytes())
            .all(|(k, w)| k == w.to_ascii_lowercase())
}

fn set_bit(bits: &mut [u64; 4], b: u8) {
    bits[usize::from(b >> 6)] |= 1 << (b & 63);
}

fn has_bit(bits: &[u64; 4], b: u8) -> bool {
    bits[usize::from(b >> 6)] & (1 << (b & 63)) != 0
}

/// A set of words, built once from an embedded list.
pub struct WordSet {
    file: &'static str,
    lowercase: bool,
    set: OnceLock<WordTable<()>>,
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

    fn set(&self) -> &WordTable<()> {
        self.set.get_or_init(|| {
            if self.lowercase {
                let lowered: Vec<String> = entries(self.file).map(str::to_lowercase).collect();
                WordTable::new(lowered.iter().map(|e| (e.as_str(), ())))
            } else {
                WordTable::new(entries(self.file).map(|e| (e, ())))
            }
        })
    }

    pub fn contains(&self, word: &str) -> bool {
        if self.lowercase {
            self.set().get_lowercase(word).is_some()
        } else {
            self.set().get(word).is_some()
        }
    }

    /// True when the set holds `word` in lowercase (for an exact set of lowercase words).
    #[cfg(test)]
    pub fn contains_lowercase(&self, word: &str) -> bool {
        self.set().get_lowercase(word).is_some()
    }

    /// How many words the set holds.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.set().len()
    }
}
