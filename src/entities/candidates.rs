//! Name candidates: runs of capitalised words in each sentence (with the connectors that
//! names contain: "Center for Strategic and International Studies", "Kevin De Bruyne",
//! initials such as "J.C. Chandor"), cut free of what is not part of the name: a title in
//! front ("President Putin" → "Putin", title "President"), a nationality ("Russian
//! President"), a possessive ending ("Trump’s" → "Trump"), and capitals that only mark a
//! sentence start or a headline ("Analysts see …"). Relies on `segment`'s tokens and
//! sentences and on the lists in [`super::lists`].

use std::cell::OnceCell;
use std::ops::Range;
use std::sync::OnceLock;

use super::lists::{self, Fact, WordFacts};
use super::steps;
use crate::calendar;
use crate::document::{narrow, Document, Gender, ParagraphKind, Sentence, Span, TokenKind};
use crate::lexicon::{with_lowercase, FastHash, WordTable};

/// A possible proper-name mention, before typing and merging. Kept small, since a long
/// text has over a million (120 bytes each was the largest temporary of the pipeline):
/// indices on 32 bits, and the words, title and role in the [`Names`] that `find`
/// returns.
#[derive(Debug, Clone)]
pub struct Candidate {
    /// The name itself, without title or possessive ending.
    pub span: Span,
    /// Its tokens, as a range of indices into `Document::tokens`.
    first_token: u32,
    end_token: u32,
    sentence: u32,
    /// Its words are `Names::words[words_at..words_at + words_len]`.
    words_at: u32,
    words_len: u32,
    /// Its title and role are `Names::titles[title - 1]`; 0 for neither (most names).
    title: u32,
    pub gender: Option<Gender>,
    /// True when every word stands where any word is capitalised (sentence start,
    /// headline), so the capitals alone prove nothing.
    pub weak: bool,
    /// True when the name carried a possessive ending.
    pub possessive: bool,
    /// The lowercase ending cut from the last word ("based" in "Kyiv-based"), as one
    /// more than its index in `COMPOUND_ENDINGS`; 0 for none.
    suffix: u8,
}

impl Candidate {
    pub fn first_token(&self) -> usize {
        self.first_token as usize
    }

    /// One past its last token.
    pub fn end_token(&self) -> usize {
        self.end_token as usize
    }

    /// The index of its sentence in `Document::sentences`.
    pub fn sentence(&self) -> usize {
        self.sentence as usize
    }

    /// True when a title ("President") or a role ("Russian president") comes before
    /// the name.
    pub fn has_title_or_role(&self) -> bool {
        self.title != 0
    }

    /// A lowercase ending cut from the last word ("based" in "Kyiv-based").
    pub fn suffix(&self) -> Option<&'static str> {
        let index = usize::from(self.suffix).checked_sub(1)?;
        COMPOUND_ENDINGS.get(index).copied()
    }

    /// How many words the name has.
    pub fn word_count(&self) -> usize {
        self.words_len as usize
    }

    /// The same candidate but for its words `from..to` (which the caller's tokens and
    /// span must match), with no title, role or gender.
    fn part(&self, from: usize, to: usize) -> Candidate {
        Candidate {
            words_at: self.words_at.saturating_add(narrow(from)),
            words_len: narrow(to.saturating_sub(from)),
            title: 0,
            gender: None,
            suffix: 0,
            ..self.clone()
        }
    }
}

/// The words, titles and roles of a document's candidates, in two arrays that the
/// candidates index: the words as slices of the text (possessive endings removed:
/// "Trump’s" → "Trump"), so that a candidate costs no allocation per word, and the
/// titles and roles of the few names that have them.
#[derive(Debug, Default)]
pub struct Names<'t> {
    words: Vec<&'t str>,
    titles: Vec<Title>,
}

/// The title before a name ("President"), and the role it or a role noun states
/// ("Russian president").
#[derive(Debug)]
struct Title {
    span: Option<Span>,
    role: Option<Box<str>>,
}

impl<'t> Names<'t> {
    /// The name's words.
    pub fn words(&self, c: &Candidate) -> &[&'t str] {
        let at = c.words_at as usize;
        self.words.get(at..at + c.words_len as usize).unwrap_or(&[])
    }

    /// The title before the name ("President"), when there is one.
    pub fn title(&self, c: &Candidate) -> Option<Span> {
        self.title_of(c)?.span
    }

    /// A role stated by the title or a role noun before the name ("Russian president").
    pub fn role(&self, c: &Candidate) -> Option<&str> {
        self.title_of(c)?.role.as_deref()
    }

    fn title_of(&self, c: &Candidate) -> Option<&Title> {
        self.titles.get((c.title as usize).checked_sub(1)?)
    }

    /// Frees the room the arrays grew into but do not use.
    fn shrink_to_fit(&mut self) {
        self.words.shrink_to_fit();
        self.titles.shrink_to_fit();
    }
}

#[cfg(test)]
mod candidate_tests {
    use super::*;

    #[test]
    fn a_candidate_takes_36_bytes() {
        // A long text has over a million: every byte here is a megabyte there.
        assert!(std::mem::size_of::<Candidate>() <= 36);
    }

    #[test]
    fn parts_share_the_words_of_the_whole() {
        let mut names = Names::default();
        names.words.extend(["Andy", "Warhol", "Foundation"]);
        names.titles.push(Title {
            span: Some(Span::new(30, 35)),
            role: Some("founder".into()),
        });
        let whole = Candidate {
            span: Span::new(0, 22),
            first_token: 4,
            end_token: 7,
            sentence: 1,
            words_at: 0,
            words_len: 3,
            title: 1,
            gender: Some(Gender::Male),
            weak: true,
            possessive: false,
            suffix: 1,
        };
        assert_eq!(names.words(&whole), ["Andy", "Warhol", "Foundation"]);
        assert_eq!(names.role(&whole), Some("founder"));
        assert_eq!(names.title(&whole), Some(Span::new(30, 35)));
        assert!(whole.has_title_or_role());
        assert_eq!(whole.suffix(), Some("based"));
        let part = whole.part(1, 3);
        assert_eq!(names.words(&part), ["Warhol", "Foundation"]);
        assert_eq!(
            (part.word_count(), part.sentence(), part.weak),
            (2, 1, true)
        );
        assert!(!part.has_title_or_role() && part.suffix().is_none());
        assert_eq!((names.title(&part), names.role(&part)), (None, None));
    }
}

/// What the whole document says about capitalisation: the words seen capitalised where
/// capitals mean something, and the words seen in lowercase.
pub struct CapitalStats {
    /// The words whose counts are kept as the text is read: each capitalised word of
    /// the document, in lowercase, and the sports words (which the entity stage asks
    /// about). A word table, not a hash map: one buffer holds all keys (no allocation
    /// per word), and a caseless query needs no lowercase copy.
    counted: WordTable<Counts>,
    /// Every word written in lowercase, counted only when a word not counted above is
    /// asked about (never, in the entity stage): counting them all would cost a table
    /// insertion per token, and keeping a list of them to count later cost 16 bytes per
    /// token (24 MB on a 10 MB text), so the tokens are read again instead.
    all_lower: OnceCell<WordTable<usize>>,
}

/// How often one word is capitalised where capitals mean something, and how often it is
/// written in lowercase.
#[derive(Clone, Copy, Default)]
struct Counts {
    strong: usize,
    lower: usize,
}

/// The start of every document's `counted` table: the sports words, with room for the
/// capitalised words of a typical text (cloned, it costs a copy, not an insertion a word).
static COUNTED_START: OnceLock<WordTable<Counts>> = OnceLock::new();

impl CapitalStats {
    fn new() -> Self {
        let start = COUNTED_START.get_or_init(|| {
            let mut table = WordTable::with_capacity(256);
            for word in lists::entries(lists::SPORTS_WORDS_FILE) {
                table.insert(word, Counts::default());
            }
            table
        });
        CapitalStats {
            counted: start.clone(),
            all_lower: OnceCell::new(),
        }
    }

    /// True when the word is capitalised mid-sentence in the document more often than it
    /// is written in lowercase ("Trump", not "In" after a title-case caption).
    pub fn seen_capitalised(&self, word: &str) -> bool {
        // A word never capitalised is either absent or has `strong` 0.
        self.counted
            .get_lowercase(word)
            .is_some_and(|c| c.strong > 0 && c.strong > c.lower)
    }

    /// How often `lowercase` (already in lowercase) is written so in `doc` (the document
    /// these counts were made from).
    pub fn lowercase_count(&self, doc: &Document, lowercase: &str) -> usize {
        if let Some(counts) = self.counted.get(lowercase) {
            return counts.lower;
        }
        let all = self.all_lower.get_or_init(|| {
            let mut all = WordTable::with_capacity(256);
            for word in lowercase_words(doc) {
                if let Some(n) = all.get_or_insert_mut(word, || 0) {
                    *n += 1;
                }
            }
            all
        });
        all.get(lowercase).copied().unwrap_or(0)
    }

    /// True when the word is written in lowercase somewhere in `doc`.
    pub fn seen_lowercase(&self, doc: &Document, word: &str) -> bool {
        match self.counted.get_lowercase(word) {
            Some(counts) => counts.lower > 0,
            None => with_lowercase(word, |lower| self.lowercase_count(doc, lower) > 0),
        }
    }

    /// Notes a capitalised word; `strong` when it stands where capitals mean something.
    /// Gives the number of its counts in the table (for [`CapitalStats::note_again`]).
    fn note_capitalised(&mut self, word: &str, strong: bool) -> Option<usize> {
        let index = self
            .counted
            .get_lowercase_or_insert_index(word, Counts::default)?;
        self.note_again(index, strong);
        Some(index)
    }

    /// Notes once more the capitalised word whose counts are numbered `index`.
    fn note_again(&mut self, index: usize, strong: bool) {
        if let Some(counts) = self.counted.value_mut_at(index) {
            counts.strong += usize::from(strong);
        }
    }

    /// Counts the `lowercase` words that are counted words, once all capitalised words
    /// are known. Nearly every lowercase word of a text is not one ("the", "said"): a
    /// sketch of the counted words turns most away before the table's hash and probe.
    fn count_lowercase<'w>(&mut self, lowercase: impl Iterator<Item = &'w str>) {
        let sketch = WordSketch::of(self.counted.keys());
        for word in lowercase {
            if !sketch.may_hold(word) {
                continue;
            }
            if let Some(counts) = self.counted.get_mut(word) {
                counts.lower += 1;
            }
        }
    }
}

/// A one-hash Bloom filter of a few hundred words over 4096 bits, hashed on a word's
/// length and first and last bytes: false only for words not in the set.
struct WordSketch([u64; 64]);

impl WordSketch {
    fn of<'w>(words: impl Iterator<Item = &'w str>) -> WordSketch {
        let mut sketch = WordSketch([0; 64]);
        for word in words {
            let bit = WordSketch::bit(word);
            if let Some(slot) = sketch.0.get_mut(bit / 64) {
                *slot |= 1 << (bit % 64);
            }
        }
        sketch
    }

    /// The word's bit: the same for the same bytes, so an exact key is never missed.
    fn bit(word: &str) -> usize {
        let bytes = word.as_bytes();
        let first = u32::from(bytes.first().copied().unwrap_or(0));
        let last = u32::from(bytes.last().copied().unwrap_or(0));
        let len = (bytes.len() & 0xff) as u32;
        let mixed = (first | last << 8 | len << 16).wrapping_mul(0x9e37_79b1);
        (mixed >> 20) as usize
    }

    fn may_hold(&self, word: &str) -> bool {
        let bit = WordSketch::bit(word);
        self.0
            .get(bit / 64)
            .is_some_and(|slot| slot >> (bit % 64) & 1 == 1)
    }
}

/// A 16-bit answer about each word met lately, in 256 cells (hashed as in
/// [`WordSketch`]), each as the word's place in the text and the answer: a name recurs
/// through a text ("Trump", "Kyiv"), and comparing it with the text at a cell's place
/// costs less than a table's probe. A fixed size (2 KB), however long the text.
#[derive(Default)]
struct RecentWords(Vec<u64>);

impl RecentWords {
    const CELLS: usize = 256;

    fn new() -> RecentWords {
        RecentWords(vec![0; RecentWords::CELLS])
    }

    fn cell(word: &str) -> usize {
        WordSketch::bit(word) % RecentWords::CELLS
    }

    /// The answer kept for `word` (none when not kept, or when there are no cells).
    fn get(&self, doc: &Document, word: &str) -> Option<u16> {
        let cell = *self.0.get(RecentWords::cell(word))?;
        // Bits 0-31: where the word starts; 32-47: its length (0: an empty cell);
        // 48-63: the answer.
        let (at, len) = (
            (cell & 0xffff_ffff) as usize,
            (cell >> 32 & 0xffff) as usize,
        );
        let same = len != 0 && len == word.len() && doc.slice(Span::new(at, at + len)) == word;
        same.then_some((cell >> 48) as u16)
    }

    /// Keeps `answer` for `word`, which starts at byte `start` of the text.
    fn put(&mut self, start: usize, word: &str, answer: u16) {
        let Some(cell) = self.0.get_mut(RecentWords::cell(word)) else {
            return;
        };
        if let (Ok(at), Ok(len)) = (u32::try_from(start), u16::try_from(word.len())) {
            *cell = u64::from(at) | u64::from(len) << 32 | u64::from(answer) << 48;
        }
    }
}

/// The words of `doc` written without capitals, possessive endings removed.
fn lowercase_words<'d, 't>(doc: &'d Document<'t>) -> impl Iterator<Item = &'t str> + 'd {
    doc.tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| strip_possessive(doc.slice(t.span())).0)
        .filter(|word| has_no_uppercase(word))
}

/// Connector words allowed inside a name between two capitalised words.
fn is_connector(word: &str) -> bool {
    matches!(
        word,
        "of" | "for"
            | "and"
            | "&"
            | "de"
            | "da"
            | "do"
            | "dos"
            | "du"
            | "del"
            | "della"
            | "der"
            | "den"
            | "van"
            | "von"
            | "la"
            | "le"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "y"
            | "on"
            | "upon"
    )
}

/// Removes a possessive ending: "Trump’s" → ("Trump", true); "Reuters" stays.
#[inline]
pub fn strip_possessive(word: &str) -> (&str, bool) {
    // Most words do not end in "s": one byte test (inlined: this runs for every word)
    // spares them the four suffix tests.
    if !matches!(word.as_bytes().last(), Some(b's' | b'S')) {
        return (word, false);
    }
    strip_possessive_ending(word)
}

/// [`strip_possessive`] for a word ending in "s".
fn strip_possessive_ending(word: &str) -> (&str, bool) {
    for ending in ["’s", "'s", "’S", "'S"] {
        if let Some(stem) = word.strip_suffix(ending) {
            if !stem.is_empty() {
                return (stem, true);
            }
        }
    }
    (word, false)
}

/// "I’ve", "I'm", "Don’t": a contraction, not a name.
fn is_contraction(word: &str) -> bool {
    // Byte 0x99 ends the UTF-8 of ’: most words hold neither apostrophe.
    if !word.bytes().any(|b| b == b'\'' || b == 0x99) {
        return false;
    }
    word.rsplit_once(['’', '\''])
        .is_some_and(|(_, tail)| matches!(tail, "ve" | "m" | "ll" | "d" | "re" | "t"))
}

/// True for a word that could be part of a name: it starts with a capital letter, or is
/// an Arabic-style "al-Qaeda" whose part after the hyphen does.
pub fn is_capitalised(word: &str) -> bool {
    // ASCII first: this runs for nearly every token.
    if !may_be_capitalised(word) {
        return false;
    }
    if word.as_bytes().first().is_some_and(u8::is_ascii_uppercase) {
        return true;
    }
    match word.chars().next() {
        Some(c) if c.is_uppercase() => true,
        // The part before the first hyphen is one of these articles: the word starts
        // with it and the hyphen.
        Some(c) if c.is_lowercase() => {
            // Every article's hyphen is the third or fourth byte: one test spares most
            // lowercase words ("about", "each") the six prefix tests.
            let hyphen_at = |i: usize| word.as_bytes().get(i) == Some(&b'-');
            (hyphen_at(2) || hyphen_at(3))
                && ["al-", "el-", "ad-", "ash-", "an-", "as-"]
                    .iter()
                    .filter_map(|article| word.strip_prefix(article))
                    .any(|tail| tail.chars().next().is_some_and(char::is_uppercase))
        }
        _ => false,
    }
}

/// False when the first byte alone shows that [`is_capitalised`] is false: an ASCII
/// byte that is neither a capital nor the "a" or "e" of "al-", "el-" and the like.
fn may_be_capitalised(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) => !b.is_ascii() || b.is_ascii_uppercase() || matches!(b, b'a' | b'e'),
        None => false,
    }
}

/// Initials and short all-capital forms after which a period still belongs to the name
/// ("J.C", "J", "Mr", "Dr", "St").
fn takes_period(word: &str) -> bool {
    let letters = word.chars().filter(|c| *c != '.');
    let count = letters.clone().count();
    let initials = (1..=3).contains(&count) && letters.into_iter().all(char::is_uppercase);
    initials || lists::title(word).is_some()
}

/// One bit per token of a document: a long text has tens of millions of tokens, and a
/// bool each was 19 MB on a 100 MB text (a bit is 2.4 MB).
struct TokenBits(Vec<u64>);

impl TokenBits {
    fn new(tokens: usize) -> TokenBits {
        TokenBits(vec![0; tokens.div_ceil(64)])
    }

    fn set(&mut self, i: usize) {
        if let Some(word) = self.0.get_mut(i / 64) {
            *word |= 1 << (i % 64);
        }
    }

    /// How many bits are set.
    fn count(&self) -> usize {
        self.0.iter().map(|word| word.count_ones() as usize).sum()
    }

    /// The bit of token `i` (false past the bits held).
    fn get(&self, i: usize) -> bool {
        self.0
            .get(i / 64)
            .is_some_and(|word| word >> (i % 64) & 1 == 1)
    }

    /// The tokens of `range` whose bit is set, in order (64 tokens at a time).
    fn ones_in(&self, range: Range<usize>) -> impl Iterator<Item = usize> + '_ {
        let (start, end) = (range.start, range.end.min(self.0.len() * 64));
        let first = start / 64;
        let words = self.0.get(first..end.div_ceil(64)).unwrap_or(&[]);
        words.iter().zip(first..).flat_map(move |(&word, k)| {
            // Bits below `start` and from `end` on are masked off.
            let low = if k == first { !0 << (start % 64) } else { !0 };
            let high = if (k + 1) * 64 > end {
                (1 << (end % 64)) - 1
            } else {
                !0
            };
            let mut rest = word & low & high;
            std::iter::from_fn(move || {
                if rest == 0 {
                    return None;
                }
                let at = k * 64 + rest.trailing_zeros() as usize;
                rest &= rest - 1;
                Some(at)
            })
        })
    }
}

/// What one pass over a document's tokens finds: its capitalisation counts, and which
/// tokens are capitalised words and which stand where every word is capitalised. The
/// facts of each capitalised word are decided later, one sentence at a time (see
/// [`Finder::load`]): a document-wide array of them cost four bytes per token.
struct TokenScan {
    stats: CapitalStats,
    capitalised: TokenBits,
    weak: TokenBits,
}

impl TokenScan {
    fn new(doc: &Document) -> TokenScan {
        let weak = weak_positions(doc);
        let mut stats = CapitalStats::new();
        let mut capitalised = TokenBits::new(doc.tokens.len());
        let mut lowercase = TokenBits::new(doc.tokens.len());
        // The counts' numbers of the capitalised words met lately: a name recurs.
        let mut recent = RecentWords::new();
        for (i, token) in doc.tokens.iter().enumerate() {
            if token.kind != TokenKind::Word {
                continue;
            }
            let (word, _) = strip_possessive(doc.slice(token.span()));
            if has_no_uppercase(word) {
                lowercase.set(i);
            } else if is_capitalised(word) {
                capitalised.set(i);
                let strong = !weak.get(i);
                match recent.get(doc, word) {
                    Some(index) => stats.note_again(usize::from(index), strong),
                    None => {
                        let index = stats.note_capitalised(word, strong);
                        if let Some(index) = index.and_then(|n| u16::try_from(n).ok()) {
                            recent.put(token.span().start(), word, index);
                        }
                    }
                }
            }
        }
        // Counted once every capitalised word is known.
        let lowercase = lowercase
            .ones_in(0..doc.tokens.len())
            .filter_map(|i| doc.tokens.get(i))
            .map(|t| strip_possessive(doc.slice(t.span())).0);
        stats.count_lowercase(lowercase);
        TokenScan {
            stats,
            capitalised,
            weak,
        }
    }
}

/// Per token: does it stand where every word is capitalised (a sentence start, after a
/// colon or quotation mark, in a headline)? A capital there proves nothing.
fn weak_positions(doc: &Document) -> TokenBits {
    let mut weak = TokenBits::new(doc.tokens.len());
    for sentence in &doc.sentences {
        let heading = doc
            .paragraphs
            .get(sentence.paragraph())
            .is_some_and(|p| p.kind == ParagraphKind::Heading);
        let mut at_start = true;
        for i in sentence.tokens() {
            let Some(token) = doc.tokens.get(i) else {
                continue;
            };
            match token.kind {
                TokenKind::Word | TokenKind::Number => {
                    if at_start || heading {
                        weak.set(i);
                    }
                    at_start = false;
                }
                TokenKind::QuoteMark => at_start = true,
                TokenKind::Punct => {
                    let text = doc.slice(token.span());
                    if matches!(text, ":" | "(" | "[" | "—" | "–" | "-" | "•" | "*" | ";") {
                        at_start = true;
                    }
                }
            }
        }
    }
    weak
}

/// True when no character of `word` is uppercase (ASCII words without a `char` loop).
fn has_no_uppercase(word: &str) -> bool {
    for &b in word.as_bytes() {
        if b >= 0x80 {
            return word.chars().all(|c| !c.is_uppercase());
        }
        if b.is_ascii_uppercase() {
            return false;
        }
    }
    true
}

/// Finds every name candidate of the document, in text order.
pub fn find<'t>(doc: &Document<'t>) -> (Vec<Candidate>, Names<'t>, CapitalStats) {
    let TokenScan {
        stats,
        capitalised,
        weak,
    } = TokenScan::new(doc);
    let mut finder = Finder {
        doc,
        stats,
        capitalised,
        weak,
        loaded_start: 0,
        tokens: Vec::new(),
        memo: RecentWords::new(),
        names: Names::default(),
    };
    // Room for a short text's candidates at once (a capitalised word starts at most
    // one); a long text's list grows instead, rather than reserving room for every
    // capitalised word of the document (nearly twice what it needs).
    let mut out = Vec::with_capacity(finder.capitalised.count().min(4096));
    // Runs that open a sentence or headline, with the candidates they gave.
    let mut weak_runs = Vec::new();
    let mut runs = Vec::new(); // one buffer for every sentence
    for (index, sentence) in doc.sentences.iter().enumerate() {
        finder.load(sentence);
        finder.runs(sentence.tokens().start, sentence.tokens().end, &mut runs);
        for &run in &runs {
            let before = out.len();
            finder.split_run(index, run, &mut out);
            if finder.is_weak(run.0) && run.1 - run.0 >= 2 {
                weak_runs.push((index, run, before..out.len()));
            }
        }
    }
    let mut out = finder.restore_known_names(out, weak_runs);
    // The counts were unknown as the lists grew: their spare room goes (in place).
    out.shrink_to_fit();
    finder.names.shrink_to_fit();
    (out, finder.names, finder.stats)
}

/// A run that opens a sentence or headline, as (sentence, token range, the range of
/// the candidates it gave in the output).
type WeakRun = (usize, (usize, usize), std::ops::Range<usize>);

struct Finder<'a, 'd> {
    doc: &'a Document<'d>,
    stats: CapitalStats,
    /// Per token of the document: is it a capitalised word?
    capitalised: TokenBits,
    /// Per token of the document: does it stand where every word is capitalised?
    weak: TokenBits,
    /// The first token of the sentence being read.
    loaded_start: usize,
    /// Per token of that sentence, what `decide_token` found: runs, cuts, trims and
    /// titles ask several times per token, and each answer took list probes.
    tokens: Vec<TokenInfo>,
    /// The list facts of capitalised words met lately (for `load`).
    memo: RecentWords,
    /// The words and roles of the candidates found.
    names: Names<'d>,
}

/// What the finder needs to know of one token: whether it is a capitalised word and
/// what the lists say of it. A function of the token alone (not of its sentence).
#[derive(Clone, Copy, Default)]
enum TokenInfo {
    /// Not a capitalised word.
    #[default]
    Other,
    /// A capitalised word: the only kind asked about often, so its list facts are kept.
    /// (An enum, not a struct of flags: four bytes a token, not eight.)
    Capitalised {
        /// It can be part of a name (see `decide_name_word`).
        name_word: bool,
        /// It ends in a possessive ("Trump’s").
        possessive: bool,
        /// What the lists say of the word without its possessive ending.
        facts: WordFacts,
    },
}

impl<'d> Finder<'_, 'd> {
    fn text(&self, i: usize) -> &'d str {
        self.doc
            .tokens
            .get(i)
            .map(|t| self.doc.slice(t.span()))
            .unwrap_or("")
    }

    fn is_word(&self, i: usize) -> bool {
        self.doc
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// What token `i` is: from the loaded sentence, or decided afresh for a token
    /// outside it, which gives the same answer.
    fn info(&self, i: usize) -> TokenInfo {
        match self.tokens.get(i.wrapping_sub(self.loaded_start)) {
            Some(&info) => info,
            None => self.decide_outside(i),
        }
    }

    /// [`Finder::decide_token`] for a token outside the loaded sentence: rarely asked,
    /// so kept out of line (it would crowd the look-ups above).
    #[cold]
    #[inline(never)]
    fn decide_outside(&self, i: usize) -> TokenInfo {
        self.decide_token(i)
    }

    /// Decides the facts (see [`TokenInfo`]) of one sentence's tokens; only capitalised
    /// words have any.
    fn load(&mut self, sentence: &Sentence) {
        let range = sentence.tokens();
        let mut tokens = std::mem::take(&mut self.tokens);
        tokens.clear();
        tokens.resize(range.len(), TokenInfo::Other);
        let mut memo = std::mem::take(&mut self.memo);
        for i in self.capitalised.ones_in(range.clone()) {
            if let Some(slot) = tokens.get_mut(i - range.start) {
                *slot = self.decide_token_with(i, &mut memo);
            }
        }
        self.memo = memo;
        self.loaded_start = range.start;
        self.tokens = tokens;
    }

    fn is_name_word(&self, i: usize) -> bool {
        matches!(
            self.info(i),
            TokenInfo::Capitalised {
                name_word: true,
                ..
            }
        )
    }

    fn is_possessive(&self, i: usize) -> bool {
        match self.info(i) {
            TokenInfo::Capitalised { possessive, .. } => possessive,
            _ => strip_possessive(self.text(i)).1,
        }
    }

    /// What the lists say of token `i` without its possessive ending.
    fn facts(&self, i: usize) -> WordFacts {
        match self.info(i) {
            TokenInfo::Capitalised { facts, .. } => facts,
            _ => lists::facts(strip_possessive(self.text(i)).0),
        }
    }

    /// What the lists say of token `i` as written, possessive ending included.
    fn raw_facts(&self, i: usize) -> WordFacts {
        match self.info(i) {
            TokenInfo::Capitalised {
                facts,
                possessive: false,
                ..
            } => facts,
            _ => lists::facts(self.text(i)),
        }
    }

    /// What token `i` is (see [`TokenInfo`]).
    fn decide_token(&self, i: usize) -> TokenInfo {
        self.decide_token_with(i, &mut RecentWords::default())
    }

    /// [`Finder::decide_token`], the list facts taken from `memo` when it holds them.
    fn decide_token_with(&self, i: usize, memo: &mut RecentWords) -> TokenInfo {
        if !self.capitalised.get(i) {
            return TokenInfo::Other;
        }
        let Some(token) = self.doc.tokens.get(i) else {
            return TokenInfo::Other;
        };
        let (word, possessive) = strip_possessive(self.doc.slice(token.span()));
        let facts = match memo.get(self.doc, word) {
            Some(bits) => WordFacts::from_bits(bits),
            None => {
                let facts = lists::facts(word);
                memo.put(token.span().start(), word, facts.bits());
                facts
            }
        };
        TokenInfo::Capitalised {
            name_word: self.decide_name_word(i, word, facts),
            possessive,
            facts,
        }
    }

    /// Can the capitalised `word` at token `i` be part of a name?
    fn decide_name_word(&self, i: usize, word: &str, facts: WordFacts) -> bool {
        let month = word == "May" && self.is_month_may(i);
        !month && !is_contraction(word) && !self.is_number_sign(i) && !facts.has(Fact::NotName)
    }

    /// "No. 2", "No 10", "Nos. 3": the number sign, not a name.
    fn is_number_sign(&self, i: usize) -> bool {
        let is_number = |j: usize| {
            self.doc
                .tokens
                .get(j)
                .is_some_and(|t| t.kind == TokenKind::Number)
        };
        matches!(self.text(i), "No" | "Nos" | "NO")
            && (is_number(i + 1) || (self.text(i + 1) == "." && is_number(i + 2)))
    }

    /// "in May", "May 5", "May 2019": the month, not Theresa May (the words that lead a
    /// month are [`calendar::leads_a_month`], as claims reads dates).
    fn is_month_may(&self, i: usize) -> bool {
        let next_is_number = self
            .doc
            .tokens
            .get(i + 1)
            .is_some_and(|t| t.kind == TokenKind::Number);
        let led = i
            .checked_sub(1)
            .is_some_and(|b| calendar::leads_a_month(self.text(b)));
        next_is_number || led
    }

    /// The text from token `start` to the end of token `end - 1`.
    fn run_text(&self, start: usize, end: usize) -> &str {
        match (
            self.doc.tokens.get(start),
            end.checked_sub(1).and_then(|e| self.doc.tokens.get(e)),
        ) {
            (Some(a), Some(b)) => self.doc.slice(Span::new(a.span().start(), b.span().end())),
            _ => "",
        }
    }

    /// "Bank of England holds rates" in a headline: a multi-word name at a sentence
    /// start that the document also writes mid-sentence is that name, not capitals cut
    /// at each common word ("Bank").
    fn restore_known_names(
        &mut self,
        out: Vec<Candidate>,
        weak_runs: Vec<WeakRun>,
    ) -> Vec<Candidate> {
        let known: std::collections::HashSet<&str, FastHash> = out
            .iter()
            .filter(|c| !c.weak && c.word_count() >= 2)
            .map(|c| self.doc.slice(c.span))
            .collect();
        let mut replaced: Vec<(std::ops::Range<usize>, Vec<Candidate>)> = Vec::new();
        for (sentence, (start, end), produced) in weak_runs {
            // A run whose own candidates already include the name ("Chancellor Jeremy
            // Hunt" gave "Jeremy Hunt" with its title) keeps them: re-splitting would lose
            // the title.
            let already = |from: usize| {
                let text = self.run_text(from, end);
                out.get(produced.clone())
                    .unwrap_or(&[])
                    .iter()
                    .any(|c| self.doc.slice(c.span) == text)
            };
            let found = [start, start + 1].into_iter().find(|&from| {
                end - from >= 2 && known.contains(self.run_text(from, end)) && !already(from)
            });
            if let Some(from) = found {
                if let Some(s) = self.doc.sentences.get(sentence) {
                    self.load(s);
                }
                let mut whole = Vec::new();
                self.split_and(sentence, from, end, &mut whole);
                replaced.push((produced, whole));
            }
        }
        if replaced.is_empty() {
            return out;
        }
        let mut dropped = vec![false; out.len()];
        for (range, _) in &replaced {
            for flag in dropped.get_mut(range.clone()).unwrap_or(&mut []) {
                *flag = true;
            }
        }
        let mut result: Vec<Candidate> = out
            .into_iter()
            .zip(dropped)
            .filter_map(|(c, drop)| (!drop).then_some(c))
            .collect();
        for (_, whole) in replaced {
            result.extend(whole);
        }
        result.sort_by_key(|c| c.span.start());
        result
    }

    fn is_weak(&self, i: usize) -> bool {
        self.weak.get(i)
    }

    /// Maximal runs of name words and inner connectors, as token ranges, into `runs`
    /// (emptied first).
    fn runs(&self, start: usize, end: usize, runs: &mut Vec<(usize, usize)>) {
        runs.clear();
        let mut i = start;
        while i < end {
            if !self.is_name_word(i) {
                i += 1;
                continue;
            }
            let run_start = i;
            let mut run_end = i + 1;
            while run_end < end {
                if self.is_possessive(run_end - 1) {
                    break;
                }
                let mut next = run_end;
                if self.text(next) == "." && takes_period(self.text(run_end - 1)) {
                    next += 1;
                }
                if next < end && self.is_name_word(next) {
                    run_end = next + 1;
                } else if next == run_end
                    && next + 1 < end
                    && is_connector(self.text(next))
                    && self.is_name_word(next + 1)
                    && self.may_continue(run_start, next)
                {
                    run_end = next + 2;
                } else if next == run_end
                    && next + 2 < end
                    && self.text(next) == "of"
                    && self.text(next + 1) == "the"
                    && self.is_name_word(next + 2)
                    && self.may_continue(run_start, next)
                {
                    run_end = next + 3; // "Man of the Match", "Bank of the Philippines"
                } else {
                    break;
                }
            }
            runs.push((run_start, run_end));
            i = run_end;
        }
    }

    /// May the name that runs from `run_start` go on past the connector at `connector`?
    /// "Institute for …", "Museum of Flight", "Secretary of State" do; a person's name
    /// does not ("Michael Carpenter of the Institute": two names).
    fn may_continue(&self, run_start: usize, connector: usize) -> bool {
        if !matches!(
            self.text(connector),
            "of" | "for" | "and" | "&" | "on" | "upon"
        ) {
            return true; // particles of personal names: "De", "van", "bin"
        }
        let Some(before) = connector.checked_sub(1) else {
            return false;
        };
        let head = self.facts(before);
        let institutional =
            head.any(&[Fact::OrgWord, Fact::PlaceWord, Fact::OtherWord, Fact::Title]);
        let personal = before > run_start && self.raw_facts(run_start).has(Fact::GivenName);
        institutional || (!personal && head.has(Fact::Common))
    }

    /// A capital that only marks a sentence start or headline, on a word that is not a
    /// name elsewhere in the document nor on a name list.
    fn is_droppable(&self, i: usize) -> bool {
        if !self.is_weak(i) {
            return false;
        }
        let (word, _) = strip_possessive(self.text(i));
        let facts = self.facts(i);
        // A word is dropped when something says it is an ordinary word (checked first:
        // most names fail it at once) and nothing says it is a name.
        let common = facts.has(Fact::Common);
        let ordinary = common
            || facts.any(&[Fact::Title, Fact::Demonym])
            || word.chars().count() == 1
            || self.stats.seen_lowercase(self.doc, word);
        if !ordinary {
            return false;
        }
        // A given name that is also a word ("Will", "Hope", "So") is one only before a
        // surname.
        let given = facts.has(Fact::GivenName) && (!common || self.is_name_word(i + 1));
        !(given || facts.any(&[Fact::Place, Fact::KnownOrg]) || self.stats.seen_capitalised(word))
    }

    /// Cuts a run at droppable capitals and at "and" between two names, then hands each
    /// piece on.
    fn split_run(&mut self, sentence: usize, run: (usize, usize), out: &mut Vec<Candidate>) {
        let mut piece_start = run.0;
        for i in run.0..=run.1 {
            let title_before_name =
                || i + 1 < run.1 && self.is_name_word(i + 1) && self.raw_facts(i).has(Fact::Title);
            let cut = i == run.1 || (self.is_droppable(i) && !title_before_name());
            if cut {
                self.split_and(sentence, piece_start, i, out);
                piece_start = i + 1;
            } else if i > piece_start && self.starts_inner_person(i, run.1) {
                self.split_and(sentence, piece_start, i, out);
                piece_start = i;
            }
        }
    }

    /// "Scientologist Tom Cruise", "Pan-democrat Lam Cheuk-ting": a full personal name
    /// (given name and surname) starts inside the run after a word that is neither a
    /// given name nor a title, in a run that is not an institution's name.
    fn starts_inner_person(&self, i: usize, run_end: usize) -> bool {
        // Token tests first, list facts after: most words fail the first.
        if !(i + 1 < run_end
            && self.is_name_word(i + 1)
            && self.is_name_word(i - 1)
            && !self.is_possessive(i))
        {
            return false;
        }
        let word = self.facts(i);
        let next = self.facts(i + 1);
        let before = self.raw_facts(i - 1);
        let head = self.facts(run_end - 1);
        let surname_follows = next.has(Fact::Surname) || !next.has(Fact::Common);
        word.has(Fact::GivenName)
            && (!word.has(Fact::Common) || surname_follows)
            && !before.any(&[Fact::GivenName, Fact::Title])
            && !head.any(&[Fact::OrgWord, Fact::PlaceWord, Fact::OtherWord])
    }

    /// "Ukraine and Russia" is two names; "Center for Strategic and International
    /// Studies" is one (an "of"/"for" name, or one that ends in an organization word).
    fn split_and(&mut self, sentence: usize, start: usize, end: usize, out: &mut Vec<Candidate>) {
        let (start, end) = self.trim_connectors(start, end);
        if start >= end {
            return;
        }
        steps::add(end - start);
        let has_of = (start..end).any(|i| matches!(self.text(i), "of" | "for"));
        let org_head = self.facts(end - 1).has(Fact::OrgWord);
        if has_of || org_head {
            self.strip_title(sentence, start, end, out);
            return;
        }
        let mut piece = start;
        for i in start..=end {
            if i == end || matches!(self.text(i), "and" | "&") {
                let (from, to) = self.trim_connectors(piece, i);
                if from < to {
                    self.strip_title(sentence, from, to, out);
                }
                piece = i + 1;
            }
        }
    }

    fn trim_connectors(&self, mut start: usize, mut end: usize) -> (usize, usize) {
        while start < end && !self.is_name_word(start) {
            start += 1;
        }
        while end > start && !self.is_name_word(end - 1) {
            end -= 1;
        }
        (start, end)
    }

    /// The longest title (up to three words) starting at token `i`, as (end token, gender).
    fn title_at(&self, i: usize, end: usize) -> Option<(usize, Option<Gender>)> {
        // Asked at every word of a name: most start no title, which one look-up shows.
        let first = (i..end.min(i + 4)).find(|&j| self.text(j) != ".")?;
        if !self.raw_facts(first).has(Fact::MayStartTitle) {
            return None;
        }
        let mut best = None;
        let mut words = String::new();
        let mut j = i;
        while j < end && j < i + 4 {
            if self.text(j) == "." {
                j += 1;
                continue;
            }
            if !words.is_empty() {
                words.push(' ');
            }
            words.push_str(self.text(j)); // the title map is caseless
            if let Some(gender) = lists::title(&words) {
                let mut after = j + 1;
                if after < end && self.text(after) == "." {
                    after += 1;
                }
                best = Some((after, gender));
            }
            j += 1;
        }
        best
    }

    /// Removes a title (and what qualifies it: "Russian", "NASA", "U.S.") in front of
    /// the name and records them; the qualifier, unless it is only a nationality, is a
    /// name of its own ("NASA Administrator Charles Bolden" → "NASA", "Charles Bolden").
    fn strip_title(&mut self, sentence: usize, start: usize, end: usize, out: &mut Vec<Candidate>) {
        let institutional =
            self.facts(end - 1)
                .any(&[Fact::OrgWord, Fact::PlaceWord, Fact::OtherWord]);
        let found = if institutional {
            None // "General Motors", "Lord Howe Island": the title word is part of the name
        } else {
            (start..end).find_map(|k| {
                let (after, gender) = self.title_at(k, end)?;
                // "John King": a title word at the end of a longer name is a surname.
                (after < end || k == start).then_some((k, after, gender))
            })
        };
        let Some((k, after, gender)) = found else {
            let lone = start + 1 == end;
            let word = self.facts(start);
            let lone_demonym = lone && word.has(Fact::Demonym) && !word.has(Fact::Place);
            if lone_demonym {
                return;
            }
            // "Senate Democrats", "House Republicans": a body and its party group; the
            // group word is no part of the body's name.
            let group_tail = !lone && self.facts(end - 1).has(Fact::GroupDemonym);
            let end = if group_tail { end - 1 } else { end };
            let (start, end) = self.trim_connectors(start, end);
            if start < end {
                self.push(sentence, (start, end), None, None, None, out);
            }
            return;
        };
        let (q_start, q_end) = self.trim_connectors(start, k);
        let mut qualifier = None;
        if q_start < q_end {
            let text = self.span_text(q_start, q_end);
            let lone_demonym =
                q_start + 1 == q_end && lists::demonym(&text).is_some() && !lists::is_place(&text);
            if !lone_demonym {
                self.push(sentence, (q_start, q_end), None, None, None, out);
            }
            qualifier = Some(text);
        }
        let (name_start, name_end) = self.trim_connectors(after, end);
        if name_start >= name_end {
            return; // "Russian President" alone: a description, not a name
        }
        let role = self.role_of(qualifier.as_deref(), Some((k, after)), name_start);
        self.push(
            sentence,
            (name_start, name_end),
            Some((k, after)),
            gender,
            role,
            out,
        );
    }

    fn span_text(&self, start: usize, end: usize) -> String {
        match (
            self.doc.tokens.get(start),
            self.doc.tokens.get(end.saturating_sub(1)),
        ) {
            (Some(a), Some(b)) => self
                .doc
                .slice(Span::new(a.span().start(), b.span().end()))
                .to_string(),
            _ => String::new(),
        }
    }

    /// "Russian president" from a nationality and title, or from lowercase role words
    /// before the name ("Ukrainian commander-in-chief Oleksandr Syrsky").
    fn role_of(
        &self,
        demonym: Option<&str>,
        title: Option<(usize, usize)>,
        name_start: usize,
    ) -> Option<String> {
        let words: Vec<String> = match title {
            Some((a, b)) => (a..b)
                .filter(|&i| self.text(i) != ".")
                .map(|i| self.text(i).to_lowercase())
                .collect(),
            None => {
                let before = name_start.checked_sub(1)?;
                let word = self.text(before);
                if !self.is_word(before) || is_capitalised(word) || lists::title(word).is_none() {
                    return None;
                }
                let mut words = vec![word.to_string()];
                if let Some(prev) = before.checked_sub(1) {
                    if lists::demonym(self.text(prev)).is_some() {
                        words.insert(0, self.text(prev).to_string());
                    }
                }
                words
            }
        };
        let mut role = words.join(" ");
        if let Some(d) = demonym {
            role = format!("{d} {role}");
        }
        let courtesy = matches!(role.as_str(), "mr" | "mrs" | "ms" | "miss" | "dr" | "sir");
        (!courtesy).then_some(role)
    }

    fn push(
        &mut self,
        sentence: usize,
        (start, end): (usize, usize),
        title: Option<(usize, usize)>,
        gender: Option<Gender>,
        role: Option<String>,
        out: &mut Vec<Candidate>,
    ) {
        let (Some(first), Some(last)) = (self.doc.tokens.get(start), self.doc.tokens.get(end - 1))
        else {
            return;
        };
        let (last_word, possessive) = strip_possessive(self.doc.slice(last.span()));
        let (last_word, suffix) = split_suffix(last_word);
        let span_end = last.span().start() + last_word.len();
        let words_at = self.names.words.len();
        let doc = self.doc;
        let words = (start..end)
            .filter_map(|i| doc.tokens.get(i).filter(|t| t.kind == TokenKind::Word))
            .map(|t| strip_possessive(doc.slice(t.span())).0);
        self.names.words.extend(words);
        let words_len = self.names.words.len() - words_at;
        if let Some(w) = self.names.words.last_mut().filter(|_| words_len > 0) {
            *w = last_word;
        }
        if suffix.is_some() && words_len == 1 && lists::demonym(last_word).is_some() {
            self.names.words.truncate(words_at);
            return; // "Russian-speaking"
        }
        let weak = (start..end).all(|i| !self.is_word(i) || self.is_weak(i));
        let title = title.and_then(|(a, b)| {
            let first = self.doc.tokens.get(a)?;
            let last = self.doc.tokens.get(b - 1)?;
            Some(Span::new(first.span().start(), last.span().end()))
        });
        let role = role.map(String::into_boxed_str);
        let title = if title.is_some() || role.is_some() {
            self.names.titles.push(Title { span: title, role });
            narrow(self.names.titles.len())
        } else {
            0
        };
        out.push(Candidate {
            span: Span::new(first.span().start(), span_end),
            first_token: narrow(start),
            end_token: narrow(end),
            sentence: narrow(sentence),
            words_at: narrow(words_at),
            words_len: narrow(words_len),
            title,
            gender,
            weak,
            possessive,
            suffix: suffix.map_or(0, |e| u8::try_from(e + 1).unwrap_or(0)),
        });
    }
}

/// The person an organization is named after: "Andy Warhol Foundation" → "Andy
/// Warhol" (a given name and a surname at the start of the name).
pub fn nested_person(doc: &Document, names: &Names, c: &Candidate) -> Option<Candidate> {
    let [given, surname, rest @ ..] = names.words(c) else {
        return None;
    };
    let personal = lists::given_name(given).is_some()
        && !lists::is_common_word(given)
        && is_capitalised(surname)
        && !lists::ORG_WORDS.contains(surname)
        && !lists::is_common_word(surname)
        && !rest.is_empty();
    if !personal || c.first_token() + 1 >= c.end_token() {
        return None;
    }
    let first = doc.tokens.get(c.first_token())?;
    let second = doc.tokens.get(c.first_token() + 1)?;
    Some(Candidate {
        span: Span::new(first.span().start(), second.span().end()),
        end_token: narrow(c.first_token() + 2),
        possessive: false,
        ..c.part(0, 2)
    })
}

/// True when `text` is a known place, also when written without the periods of an
/// abbreviation ("U.S" → "US").
pub fn is_place_name(text: &str) -> bool {
    lists::is_place(text) || (text.contains('.') && lists::is_place(&text.replace('.', "")))
}

/// A known place named inside an organization's name: "U.S. Air Force" → "U.S",
/// "University of Southern Indiana" → "Southern Indiana" (or "Indiana"). The name
/// mentions that place too, so it is a mention of its own. Only the first and last
/// [`lists::longest_place`] words are tried: no place name is longer.
pub fn nested_place(doc: &Document, names: &Names, c: &Candidate) -> Option<Candidate> {
    let words = names.words(c);
    let word_tokens: Vec<usize> = (c.first_token()..c.end_token())
        .filter(|&i| doc.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Word))
        .collect();
    if word_tokens.len() != words.len() || words.len() < 2 {
        return None;
    }
    let longest = lists::longest_place();
    let place_at = |from: usize, to: usize| {
        steps::add(to - from);
        is_place_name(&words[from..to].join(" "))
    };
    let n = words.len();
    let personal = lists::given_name(words.first()?).is_some() || names.title(c).is_some();
    let prefix = (1..n.min(longest + 1))
        .rev()
        .filter(|_| !personal)
        .find(|&k| place_at(0, k));
    let (from, to) = match prefix {
        Some(k) => (0, k),
        None => {
            let after = words.iter().rposition(|w| matches!(*w, "of" | "in"))? + 1;
            let start = (after.max(n.saturating_sub(longest))..n).find(|&k| place_at(k, n))?;
            (start, n)
        }
    };
    let first_token = word_tokens[from];
    let last_index = word_tokens[to - 1];
    let first = &doc.tokens[first_token];
    let last = &doc.tokens[last_index];
    let end = if to == n {
        c.span.end()
    } else {
        last.span().end()
    };
    Some(Candidate {
        span: Span::new(first.span().start(), end),
        first_token: narrow(first_token),
        end_token: narrow(last_index + 1),
        possessive: to == n && c.possessive,
        ..c.part(from, to)
    })
}

/// Endings of compounds built on a name ("Kyiv-based", "US-led", "Russian-speaking"),
/// as opposed to the lowercase syllables of names such as "Kwok Ka-ki". A candidate
/// keeps the position of its ending here (one byte), not a slice of the text.
const COMPOUND_ENDINGS: [&str; 40] = [
    "based",
    "born",
    "led",
    "backed",
    "owned",
    "run",
    "funded",
    "made",
    "style",
    "speaking",
    "controlled",
    "occupied",
    "era",
    "like",
    "bound",
    "wide",
    "level",
    "class",
    "area",
    "related",
    "specific",
    "friendly",
    "focused",
    "centric",
    "inspired",
    "sponsored",
    "supported",
    "allied",
    "aligned",
    "linked",
    "affiliated",
    "registered",
    "flagged",
    "listed",
    "held",
    "administered",
    "brokered",
    "appointed",
    "educated",
    "trained",
];

/// Splits a lowercase ending off a hyphenated word: "Kyiv-based" → ("Kyiv", the
/// position of "based" in [`COMPOUND_ENDINGS`]); "Shin-Wook" stays whole.
fn split_suffix(word: &str) -> (&str, Option<usize>) {
    let Some((head, tail)) = word.rsplit_once('-') else {
        return (word, None);
    };
    let ending = COMPOUND_ENDINGS.iter().position(|&e| e == tail);
    match ending {
        Some(ending) if !head.is_empty() && head.chars().next().is_some_and(char::is_uppercase) => {
            (head, Some(ending))
        }
        _ => (word, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    fn names(text: &str) -> Vec<String> {
        let mut doc = Document::new(text);
        segment::run(&mut doc);
        let (cands, _, _) = find(&doc);
        cands
            .iter()
            .map(|c| doc.slice(c.span).to_string())
            .collect()
    }

    #[test]
    fn multiword_names_with_connectors() {
        assert_eq!(
            names("He works at the Center for Strategic and International Studies now."),
            ["Center for Strategic and International Studies"]
        );
        assert_eq!(
            names("He met Kevin De Bruyne and Kim Shin-Wook."),
            ["Kevin De Bruyne", "Kim Shin-Wook"]
        );
        assert_eq!(
            names("They invited both Ukraine and Russia."),
            ["Ukraine", "Russia"]
        );
    }

    #[test]
    fn capitals_and_arabic_articles() {
        for word in [
            "Zelensky",
            "ÉCOLE",
            "Éric",
            "al-Qaeda",
            "ash-Sham",
            "el-Sisi",
            "as-Ṣadr",
        ] {
            assert!(is_capitalised(word), "{word}");
            assert!(may_be_capitalised(word), "{word}");
        }
        for word in [
            "",
            "analysts",
            "al-",
            "al-qaeda",
            "ala-Qaeda",
            "a-Qaeda",
            "élan",
            "2020",
            "’s",
        ] {
            assert!(!is_capitalised(word), "{word}");
        }
        assert!(!may_be_capitalised("the") && !may_be_capitalised("2020"));
        assert_eq!(strip_possessive("Trump’s"), ("Trump", true));
        assert_eq!(strip_possessive("REUTERS'S"), ("REUTERS", true));
        assert_eq!(strip_possessive("’s"), ("’s", false));
        assert_eq!(strip_possessive("Reuters"), ("Reuters", false));
        assert!(has_no_uppercase("élan") && has_no_uppercase("don’t"));
        assert!(!has_no_uppercase("ÉLAN") && !has_no_uppercase("iPhone"));
    }

    #[test]
    fn initials_stay_with_the_name() {
        assert_eq!(names("He was attacked by JD Vance."), ["JD Vance"]);
    }

    #[test]
    fn titles_and_possessives_are_cut_off() {
        let text =
            "He met Russian President Vladimir Putin. Then Trump’s move surprised Mr. Smith.";
        assert_eq!(names(text), ["Vladimir Putin", "Trump", "Smith"]);
        let mut doc = Document::new(text);
        segment::run(&mut doc);
        let (cands, found, _) = find(&doc);
        assert_eq!(found.role(&cands[0]), Some("Russian president"));
        assert_eq!(found.words(&cands[1]), ["Trump"]);
        assert!(cands[1].possessive);
        assert_eq!(cands[2].gender, Some(Gender::Male));
        assert_eq!(found.role(&cands[2]), None, "a courtesy title is no role");
    }

    #[test]
    fn sentence_initial_capitals_are_not_names_by_themselves() {
        assert_eq!(
            names("Analysts see the talks as a delay. Later, Zelensky left."),
            ["Zelensky"]
        );
        assert_eq!(names("Zelenskiy, however, left."), ["Zelenskiy"]);
    }

    #[test]
    fn demonyms_alone_are_not_names() {
        assert!(names("Russian drones hit Ukrainian towns.").is_empty());
        assert_eq!(
            names("A spokesman of the European Union spoke."),
            ["European Union"]
        );
    }

    #[test]
    fn token_bits_list_the_set_bits_of_a_range() {
        let mut bits = TokenBits::new(200);
        for i in [0, 5, 63, 64, 65, 127, 128, 199] {
            bits.set(i);
        }
        assert_eq!(bits.count(), 8);
        assert!(bits.get(63) && bits.get(64) && !bits.get(62) && !bits.get(1000));
        let ones = |range: Range<usize>| bits.ones_in(range).collect::<Vec<_>>();
        assert_eq!(ones(0..200), [0, 5, 63, 64, 65, 127, 128, 199]);
        assert_eq!(ones(5..65), [5, 63, 64]);
        assert_eq!(ones(6..63), [] as [usize; 0]);
        assert_eq!(ones(64..64), [] as [usize; 0]);
        assert_eq!(ones(65..1000), [65, 127, 128, 199]);
        assert_eq!(ones(300..400), [] as [usize; 0]);
    }

    #[test]
    fn weak_positions_are_where_any_word_is_capitalised() {
        // After a closing quotation mark too ("he").
        let text = "Analysts said: Prices rose. “Markets fell,” he said.\n\nStocks Slide Again\n\nIt fell.";
        let mut doc = Document::new(text);
        segment::run(&mut doc);
        let weak = weak_positions(&doc);
        let weak_words: Vec<&str> = (0..doc.tokens.len())
            .filter(|&i| weak.get(i))
            .map(|i| doc.slice(doc.tokens[i].span()))
            .collect();
        assert_eq!(
            weak_words,
            ["Analysts", "Prices", "Markets", "he", "Stocks", "Slide", "Again", "It"]
        );
    }

    #[test]
    fn the_sketch_holds_every_key_and_turns_most_words_away() {
        let keys = ["the", "trump", "bank", "kyiv", "a", "x", "über", ""];
        let sketch = WordSketch::of(keys.iter().copied());
        assert!(keys.iter().all(|k| sketch.may_hold(k)));
        let others = [
            "said",
            "rose",
            "officials",
            "striker",
            "again",
            "twice",
            "of",
        ];
        assert!(others.iter().filter(|w| sketch.may_hold(w)).count() <= 1);
    }

    #[test]
    fn recent_words_answer_as_the_lists() {
        // Words recur, differ in case only, share a cell's hash inputs (length, first and
        // last byte: "Kyiv"/"Kiev"), and a few cells are reused by many words.
        let text = "Trump met Kyiv and Kiev officials. Mr. Trump, Ms. May and TRUMP spoke in \
                    Kyiv; Moscow, Minsk, Paris, Putin, Trump and May left. US and Us.";
        let mut doc = Document::new(text);
        segment::run(&mut doc);
        let mut recent = RecentWords::new();
        let (mut checked, mut kept) = (0, 0);
        for _ in 0..2 {
            for token in doc.tokens.iter().filter(|t| t.kind == TokenKind::Word) {
                let word = doc.slice(token.span());
                let facts = match recent.get(&doc, word) {
                    Some(bits) => {
                        kept += 1;
                        WordFacts::from_bits(bits)
                    }
                    None => {
                        let facts = lists::facts(word);
                        recent.put(token.span().start(), word, facts.bits());
                        facts
                    }
                };
                assert_eq!(facts, lists::facts(word), "{word}");
                checked += 1;
            }
        }
        assert!(checked > 40 && kept > 20, "{checked} {kept}");
        // Without cells (as `decide_token` uses them), nothing is kept.
        let mut none = RecentWords::default();
        none.put(0, "Trump", 1);
        assert_eq!(none.get(&doc, "Trump"), None);
    }

    #[test]
    fn capital_counts_answer_for_any_word() {
        let text = "Bank rates rose. The bank said Trump and TRUMP met. Later, Trump left. \
                    He scored twice, scored again, and the striker said trump.";
        let mut doc = Document::new(text);
        segment::run(&mut doc);
        let (_, _, stats) = find(&doc);
        assert_eq!(stats.lowercase_count(&doc, "bank"), 1);
        assert_eq!(stats.lowercase_count(&doc, "scored"), 2);
        assert_eq!(
            stats.lowercase_count(&doc, "the"),
            1,
            "\"The\" opens a sentence"
        );
        assert_eq!(stats.lowercase_count(&doc, "and"), 2);
        assert_eq!(stats.lowercase_count(&doc, "absent"), 0);
        assert!(stats.seen_lowercase(&doc, "Bank") && stats.seen_lowercase(&doc, "RATES"));
        assert!(!stats.seen_lowercase(&doc, "Later"));
        assert!(
            stats.seen_capitalised("Trump"),
            "three capitals, one lowercase"
        );
        assert!(!stats.seen_capitalised("Bank"), "only at a sentence start");
        assert!(!stats.seen_capitalised("Zelensky"));
    }
}
