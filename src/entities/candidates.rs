//! Name candidates: runs of capitalised words in each sentence (with the connectors that
//! names contain: "Center for Strategic and International Studies", "Kevin De Bruyne",
//! initials such as "J.C. Chandor"), cut free of what is not part of the name: a title in
//! front ("President Putin" → "Putin", title "President"), a nationality ("Russian
//! President"), a possessive ending ("Trump’s" → "Trump"), and capitals that only mark a
//! sentence start or a headline ("Analysts see …"); and the names nested in names (a
//! place, a person, an organization: "U.S. Air Force", "Google Science Fair"). Relies on
//! `segment`'s tokens and sentences and on the lists in [`super::lists`].

use std::cell::OnceCell;

use super::facts::TokenFacts;
use super::lists::{self, Fact, WordFacts};
use crate::calendar;
use crate::document::{narrow, Document, Gender, ParagraphKind, Span, TokenKind};
use crate::lexicon::{with_lowercase, FixedHash, WordTable};
use crate::limits;
use crate::steps;

/// A possible proper-name mention, before typing and merging. Its words, title and role
/// sit in the [`Names`] that `find` returns, and its indices are 32-bit: a long text has
/// hundreds of thousands of candidates.
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
/// "Trump’s" → "Trump"), so that a candidate needs no allocation of its own, and the
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
        &self.words[at..at + c.words_len as usize]
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
}

#[cfg(test)]
mod candidate_tests {
    use super::*;

    #[test]
    fn a_candidate_takes_36_bytes() {
        // The stage's largest array: a long text has hundreds of thousands.
        assert!(std::mem::size_of::<Candidate>() <= 36);
    }

    #[test]
    fn a_token_s_record_takes_4_bytes() {
        // One per token of the document: its size is memory per byte of input.
        assert!(std::mem::size_of::<super::TokenInfo>() <= 4);
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
    /// The counts of the words the finder asks about: each word that stands where any
    /// word is capitalised (sentence start, headline) and each capitalised common word,
    /// in lowercase, and the sports words (which the entity stage asks about). A table of every capitalised word would hold
    /// an entry per name of a text of distinct names.
    asked: WordTable<Counts>,
    /// Each capitalised word of the document, in lowercase, with its counts: made only
    /// when a word not in `asked` is asked about (the pipeline never does).
    capitalised: OnceCell<WordTable<Counts>>,
    /// Every word written in lowercase, counted only when a word not counted above is
    /// asked about (rarely): most texts never need it.
    all_lower: OnceCell<WordTable<usize>>,
}

/// How often one word is capitalised where capitals mean something, and how often it is
/// written in lowercase.
#[derive(Clone, Copy, Default)]
struct Counts {
    strong: usize,
    lower: usize,
}

impl CapitalStats {
    /// The counts of the words at weak positions of `doc` and of its capitalised common
    /// words (`tokens` says which tokens are capitalised words, `weak` which stand where
    /// every word is capitalised).
    fn count(doc: &Document, tokens: &[TokenInfo], weak: &[bool]) -> Self {
        let mut asked = WordTable::with_capacity(256);
        for word in lists::entries(lists::SPORTS_WORDS_FILE) {
            asked.insert(word, Counts::default());
        }
        // Also the capitalised common words, which the finder asks about inside names
        // ("Scientologist Tom Cruise"): asking about a word not here makes a table of
        // every word, the cost of a pass over the text.
        let words = doc.tokens.iter().zip(tokens).zip(weak);
        for ((token, info), &weak) in words {
            let common = matches!(info, TokenInfo::Capitalised { facts, .. }
                if facts.facts().has(Fact::Common));
            if token.kind == TokenKind::Word && (weak || common) {
                let word = strip_possessive(doc.slice(token.span())).0;
                asked.get_lowercase_or_insert_mut(word, Counts::default);
            }
        }
        add_counts(doc, tokens, weak, &mut asked, false);
        CapitalStats {
            asked,
            capitalised: OnceCell::new(),
            all_lower: OnceCell::new(),
        }
    }

    /// The counts of `word` (in any case) in `doc`, the document these counts were made
    /// from; none for a word never capitalised.
    fn counts(&self, doc: &Document, word: &str) -> Option<Counts> {
        if let Some(counts) = self.asked.get_lowercase(word) {
            return Some(*counts);
        }
        let capitalised = self.capitalised.get_or_init(|| {
            let weak = weak_positions(doc);
            let tokens: Vec<TokenInfo> = (0..doc.tokens.len())
                .map(|i| TokenInfo::of(doc, i))
                .collect();
            let mut table = WordTable::with_capacity(256);
            add_counts(doc, &tokens, &weak, &mut table, true);
            table
        });
        capitalised.get_lowercase(word).copied()
    }

    /// True when the word is capitalised mid-sentence in `doc` more often than it is
    /// written in lowercase ("Trump", not "In" after a title-case caption).
    pub fn seen_capitalised(&self, doc: &Document, word: &str) -> bool {
        // A word never capitalised is either absent or has `strong` 0.
        self.counts(doc, word)
            .is_some_and(|c| c.strong > 0 && c.strong > c.lower)
    }

    /// How often `lowercase` (already in lowercase) is written so in `doc` (the document
    /// these counts were made from).
    pub fn lowercase_count(&self, doc: &Document, lowercase: &str) -> usize {
        if let Some(counts) = self.asked.get(lowercase) {
            return counts.lower;
        }
        let all = self.all_lower.get_or_init(|| {
            let mut all = WordTable::with_capacity(256);
            for word in lowercase_words(doc) {
                *all.get_or_insert_mut(word, || 0)
                    .expect("a word table holds far less than 4 GB of words") += 1;
            }
            all
        });
        all.get(lowercase).copied().unwrap_or(0)
    }

    /// True when the word is written in lowercase somewhere in `doc`.
    pub fn seen_lowercase(&self, doc: &Document, word: &str) -> bool {
        match self.asked.get_lowercase(word) {
            Some(counts) => counts.lower > 0,
            None => with_lowercase(word, |lower| self.lowercase_count(doc, lower) > 0),
        }
    }
}

/// Counts in `table` how often each of its words is capitalised in `doc` where capitals
/// mean something, and how often written in lowercase; `every` first adds each
/// capitalised word of `doc` to the table.
fn add_counts(
    doc: &Document,
    tokens: &[TokenInfo],
    weak: &[bool],
    table: &mut WordTable<Counts>,
    every: bool,
) {
    let words = doc.tokens.iter().zip(tokens).zip(weak);
    for ((token, info), weak) in words {
        if let (TokenKind::Word, TokenInfo::Capitalised { .. }) = (token.kind, info) {
            let word = strip_possessive(doc.slice(token.span())).0;
            let counts = if every {
                table.get_lowercase_or_insert_mut(word, Counts::default)
            } else {
                table.get_lowercase_mut(word)
            };
            if let Some(counts) = counts {
                counts.strong += usize::from(!weak);
            }
        }
    }
    for word in lowercase_words(doc) {
        if let Some(counts) = table.get_mut(word) {
            counts.lower += 1;
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

/// A connector of personal names ("van", "der", "de", "la"), not of institutions'.
pub fn is_particle(word: &str) -> bool {
    is_connector(word) && !matches!(word, "of" | "for" | "and" | "&" | "on" | "upon")
}

/// Removes a possessive ending: "Trump’s" → ("Trump", true); "Reuters" stays.
#[inline] // runs for every token: most stop at the first test
pub fn strip_possessive(word: &str) -> (&str, bool) {
    if !matches!(word.as_bytes().last(), Some(b's' | b'S')) {
        return (word, false);
    }
    for ending in ["’s", "'s", "’S", "'S"] {
        if let Some(stem) = word.strip_suffix(ending).filter(|stem| !stem.is_empty()) {
            return (stem, true);
        }
    }
    (word, false)
}

/// "I’ve", "I'm", "Don’t": a contraction, not a name.
fn is_contraction(word: &str) -> bool {
    word.rsplit_once(['’', '\''])
        .is_some_and(|(_, tail)| matches!(tail, "ve" | "m" | "ll" | "d" | "re" | "t"))
}

/// True for a word that could be part of a name: it starts with a capital letter, or is
/// an Arabic-style "al-Qaeda" whose part after the hyphen does.
pub fn is_capitalised(word: &str) -> bool {
    match word.chars().next() {
        Some(c) if c.is_uppercase() => true,
        // Every article's hyphen is the third or fourth byte: most words fail that test.
        Some(c)
            if c.is_lowercase() && word.as_bytes().get(2..4).is_some_and(|b| b.contains(&b'-')) =>
        {
            ["al-", "el-", "ad-", "ash-", "an-", "as-"]
                .iter()
                .filter_map(|article| word.strip_prefix(article))
                .any(|tail| tail.chars().next().is_some_and(char::is_uppercase))
        }
        _ => false,
    }
}

/// Initials and short all-capital forms after which a period still belongs to the name
/// ("J.C", "J", "Mr", "Dr", "St").
fn takes_period(word: &str) -> bool {
    let letters = word.chars().filter(|c| *c != '.');
    let count = letters.clone().count();
    let initials = (1..=3).contains(&count) && letters.into_iter().all(char::is_uppercase);
    // "St. Louis", "Mt. Everest", "Ft. Worth": the short forms that start place names.
    let place_prefix = matches!(word, "St" | "Ste" | "Mt" | "Ft");
    initials || place_prefix || lists::title(word).is_some()
}

/// Per token: does it stand where every word is capitalised (a sentence start, after a
/// colon or quotation mark, in a headline)? A capital there proves nothing.
fn weak_positions(doc: &Document) -> Vec<bool> {
    let mut weak = vec![false; doc.tokens.len()];
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
                    weak[i] = at_start || heading;
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

/// True when no character of `word` is uppercase.
fn has_no_uppercase(word: &str) -> bool {
    // Bytes first: most words are ASCII and need no char decoding.
    for &b in word.as_bytes() {
        if b >= 0x80 {
            return !word.chars().any(char::is_uppercase);
        }
        if b.is_ascii_uppercase() {
            return false;
        }
    }
    true
}

/// Finds every name candidate of the document, in text order:
/// the candidates of `doc`, their words and the capital counts; a warning goes to
/// `warnings` when [`limits::NAMES`] left some out.
pub fn find<'t>(
    doc: &Document<'t>,
    warnings: &mut Vec<String>,
) -> (Vec<Candidate>, Names<'t>, CapitalStats) {
    let weak = weak_positions(doc);
    let tokens: Vec<TokenInfo> = (0..doc.tokens.len())
        .map(|i| TokenInfo::of(doc, i))
        .collect();
    let mut finder = Finder {
        doc,
        stats: CapitalStats::count(doc, &tokens, &weak),
        tokens,
        weak,
        names: Names::default(),
    };
    let mut out = Vec::new();
    // Runs that open a sentence or headline, with the candidates they gave.
    let mut weak_runs = Vec::new();
    let mut limited = false;
    for (index, sentence) in doc.sentences.iter().enumerate() {
        for run in finder.runs(sentence.tokens().start, sentence.tokens().end) {
            let before = out.len();
            // Counted in words, which every candidate has at least one of ("A. A. A." is
            // one candidate of many initials), and checked before the run is split: a run
            // adds at most a sentence's worth past the limit.
            let first = doc
                .tokens
                .get(run.0)
                .expect("a run starts at a token of its sentence");
            let at = first.span().start();
            if !limits::NAMES.admits(finder.names.words.len(), at) {
                limited = true;
                continue;
            }
            finder.split_run(index, run, &mut out);
            if finder.is_weak(run.0) && run.1 - run.0 >= 2 {
                weak_runs.push((index, run, before..out.len()));
            }
        }
    }
    if limited {
        warnings.push(limits::NAMES.warning());
    }
    let mut out = finder.restore_known_names(out, weak_runs);
    out.shrink_to_fit();
    // The words stay until the entities are built: no spare room for more.
    finder.names.words.shrink_to_fit();
    (out, finder.names, finder.stats)
}

/// A run that opens a sentence or headline, as (sentence, token range, the range of
/// the candidates it gave in the output).
type WeakRun = (usize, (usize, usize), std::ops::Range<usize>);

struct Finder<'a, 'd> {
    doc: &'a Document<'d>,
    stats: CapitalStats,
    /// Per token of the document, what [`Finder::decide_token`] found: runs, cuts, trims
    /// and titles ask several times per token.
    tokens: Vec<TokenInfo>,
    /// Per token of the document: does it stand where every word is capitalised?
    weak: Vec<bool>,
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
    Capitalised {
        /// It can be part of a name (see `decide_name_word`).
        name_word: bool,
        /// It ends in a possessive ("Trump’s").
        possessive: bool,
        /// What the lists say of the word without its possessive ending.
        facts: TokenFacts,
    },
}

impl TokenInfo {
    /// What token `i` of `doc` is.
    fn of(doc: &Document, i: usize) -> TokenInfo {
        let token = &doc.tokens[i];
        if token.kind != TokenKind::Word {
            return TokenInfo::Other;
        }
        let (word, possessive) = strip_possessive(doc.slice(token.span()));
        if !is_capitalised(word) && !is_lowercase_legal_suffix(doc, i, word) {
            return TokenInfo::Other;
        }
        let facts = lists::facts(word);
        let month = word == "May" && is_month_may(doc, i);
        let name_word = !month
            && !is_contraction(word)
            && !is_number_sign(doc, i)
            && !facts.has(Fact::NotName)
            && !is_letter_compound(word)
            && !is_shouted_function_word(word)
            && !is_lone_numeral(doc, i, word)
            && !is_post_nominal(doc, i, word)
            && !is_currency_prefix(doc, i)
            && !is_stance_prefix(word);
        TokenInfo::Capitalised {
            name_word,
            possessive,
            facts: TokenFacts::of(facts),
        }
    }
}

/// "T-shirt", "X-ray", "U-turn": one capital letter, a hyphen and a lowercase word make a
/// common noun, not a name (nor part of one: "a NASA T-shirt" names NASA).
fn is_letter_compound(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), Some('-')) if c.is_ascii_uppercase())
        && chars.clone().next().is_some()
        && chars.all(|c| c.is_lowercase())
}

/// "UNLESS of course": a function word in capitals is emphasis, not an acronym (the
/// function words are the capitalised ones of `not_name_words.txt`; from four letters,
/// so that "WHO" and "US" stay names).
fn is_shouted_function_word(word: &str) -> bool {
    word.len() >= 4
        && word.bytes().all(|b| b.is_ascii_uppercase())
        && capitalised_form(word).is_some_and(|title| lists::facts(&title).has(Fact::NotName))
}

/// "UNLESS" → "Unless" (ASCII words only).
fn capitalised_form(word: &str) -> Option<String> {
    let mut chars = word.chars();
    let first = chars.next()?;
    Some(first.to_string() + &chars.as_str().to_ascii_lowercase())
}

/// "part XVII", "chapter IV": a Roman numeral after a lowercase word numbers a thing;
/// after a name it belongs to the name ("Henry VIII", "World War II").
fn is_lone_numeral(doc: &Document, i: usize, word: &str) -> bool {
    let numeral = word.len() >= 2 && word.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'));
    let lowercase_word =
        |b: usize| doc.tokens[b].kind == TokenKind::Word && has_no_uppercase(text_at(doc, b));
    numeral && i.checked_sub(1).is_some_and(lowercase_word)
}

/// "Pro-Beijing DAB", "Anti-Brexit campaigners": a stance towards a name is not part
/// of the next name.
fn is_stance_prefix(word: &str) -> bool {
    ["Pro-", "Anti-"].iter().any(|p| word.starts_with(p))
}

/// "US$ 20,000", "HK$5": a country's letters written against a currency sign are part
/// of the currency's symbol, not a place.
fn is_currency_prefix(doc: &Document, i: usize) -> bool {
    let (Some(word), Some(next)) = (doc.tokens.get(i), doc.tokens.get(i + 1)) else {
        return false;
    };
    word.span().end() == next.span().start()
        && matches!(doc.slice(next.span()), "$" | "€" | "£" | "¥")
}

/// "Jane Smith, QC": honours or a counsel's rank after a person's full name (two to four
/// words with a given name before the last, no place word last: "Myrtle Beach, SC" is
/// a place).
fn is_post_nominal(doc: &Document, i: usize, word: &str) -> bool {
    if !lists::POST_NOMINALS.contains(word) || i < 3 || text_at(doc, i - 1) != "," {
        return false;
    }
    let last = strip_possessive(text_at(doc, i - 2)).0;
    if !is_capitalised(last) || lists::facts(last).any(&[Fact::PlaceWord, Fact::Place]) {
        return false;
    }
    // A bounded look-back: at most three more words of the name, one a given name.
    (i.saturating_sub(5)..i - 2)
        .rev()
        .take_while(|&j| is_capitalised(text_at(doc, j)))
        .any(|j| lists::given_name(text_at(doc, j)).is_some())
}

/// "plc" after a capitalised word ("Acme Holdings plc"): a legal suffix written in
/// lowercase, part of the name.
fn is_lowercase_legal_suffix(doc: &Document, i: usize, word: &str) -> bool {
    has_no_uppercase(word)
        && lists::ORG_WORDS.contains(word)
        && i.checked_sub(1)
            .is_some_and(|before| is_capitalised(strip_possessive(text_at(doc, before)).0))
}

/// The text of token `i` of `doc`; "" past the last token.
fn text_at<'t>(doc: &Document<'t>, i: usize) -> &'t str {
    crate::speech::word(doc, i)
}

fn is_number_at(doc: &Document, i: usize) -> bool {
    doc.tokens
        .get(i)
        .is_some_and(|t| t.kind == TokenKind::Number)
}

/// "No. 2", "No 10", "Nos. 3" at token `i`: the number sign, not a name.
fn is_number_sign(doc: &Document, i: usize) -> bool {
    matches!(text_at(doc, i), "No" | "Nos" | "NO")
        && (is_number_at(doc, i + 1) || (text_at(doc, i + 1) == "." && is_number_at(doc, i + 2)))
}

/// "in May", "May 5", "May 2019", "30 May" at token `i`: the month, not Theresa May (the words
/// that lead a month are [`calendar::leads_a_month`], as claims reads dates).
fn is_month_may(doc: &Document, i: usize) -> bool {
    let led = i.checked_sub(1).is_some_and(|b| {
        // "on 30 May": a day of the month before it.
        let day = is_number_at(doc, b) && text_at(doc, b).len() <= 2;
        day || calendar::leads_a_month(text_at(doc, b))
    });
    is_number_at(doc, i + 1) || led
}

impl<'d> Finder<'_, 'd> {
    /// The text of token `i`; "" past the last token.
    fn text(&self, i: usize) -> &'d str {
        text_at(self.doc, i)
    }

    fn is_word(&self, i: usize) -> bool {
        self.doc
            .tokens
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// What token `i` is; `Other` past the last token.
    fn info(&self, i: usize) -> TokenInfo {
        self.tokens.get(i).copied().unwrap_or_default()
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
            TokenInfo::Capitalised { facts, .. } => facts.facts(),
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
            } => facts.facts(),
            _ => lists::facts(self.text(i)),
        }
    }

    /// The text from token `start` to the end of token `end - 1` (`start < end`).
    fn run_text(&self, start: usize, end: usize) -> &'d str {
        let (first, last) = (&self.doc.tokens[start], &self.doc.tokens[end - 1]);
        self.doc
            .slice(Span::new(first.span().start(), last.span().end()))
    }

    /// "Bank of England holds rates" in a headline: a multi-word name at a sentence
    /// start that the document also writes mid-sentence is that name, not capitals cut
    /// at each common word ("Bank").
    fn restore_known_names(
        &mut self,
        out: Vec<Candidate>,
        weak_runs: Vec<WeakRun>,
    ) -> Vec<Candidate> {
        let known: std::collections::HashSet<&str, FixedHash> = out
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
                out[produced.clone()]
                    .iter()
                    .any(|c| self.doc.slice(c.span) == text)
            };
            let found = [start, start + 1].into_iter().find(|&from| {
                end - from >= 2 && known.contains(self.run_text(from, end)) && !already(from)
            });
            if let Some(from) = found {
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
            dropped[range.clone()].fill(true);
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
        self.weak.get(i).copied().unwrap_or(false)
    }

    /// Maximal runs of name words and inner connectors in tokens `start..end`, as
    /// token ranges.
    fn runs(&self, start: usize, end: usize) -> Vec<(usize, usize)> {
        let mut runs = Vec::new();
        let mut i = start;
        while i < end {
            if self.is_name_word(i) {
                let run_end = self.run_end(i, end);
                runs.push((i, run_end));
                i = run_end;
            } else {
                i += 1;
            }
        }
        runs
    }

    /// Where the run of name words from `run_start` ends (at `end` at the latest): at a
    /// possessive, or where neither a name word nor a connector and a name word follow.
    fn run_end(&self, run_start: usize, end: usize) -> usize {
        let mut run_end = run_start + 1;
        while run_end < end
            && (!self.is_possessive(run_end - 1)
                || self.possessive_in_name(run_start, run_end - 1, end))
        {
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
                && is_particle(self.text(next))
                && is_particle(self.text(next + 1))
                && self.is_name_word(next + 2)
            {
                run_end = next + 3; // "Pieter van der Berg", "Ursula von der Leyen"
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
        run_end
    }

    /// "Korean People's Army": a possessive common word inside an institution's name
    /// (not its first word), which goes on to an organization or place word within two
    /// words. "Trump's Justice Department" is two names.
    fn possessive_in_name(&self, run_start: usize, i: usize, end: usize) -> bool {
        let word = self.facts(i);
        i > run_start
            && word.has(Fact::Common)
            && !word.any(&[Fact::GivenName, Fact::Surname, Fact::Place, Fact::Title])
            && (i + 1..end.min(i + 3))
                .take_while(|&j| self.is_name_word(j))
                .any(|j| self.facts(j).any(&[Fact::OrgWord, Fact::PlaceWord]))
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
        if self.text(connector) == "&" {
            // "Simon & Schuster", "Marks & Spencer", "Mary & Leigh Block Museum"; not
            // "Ukraine & Russia".
            let place = |i: usize| {
                let facts = self.facts(i);
                facts.has(Fact::Place) && !facts.has(Fact::GivenName)
            };
            return !(place(before) || place(connector + 1));
        }
        let head = self.facts(before);
        // "Gary Fan of the Neo Democrats" after a descriptor ("Pan-democrat"): the given
        // name may stand just before the surname rather than at the run's start; a title
        // is no given name ("King and Queen of Hearts").
        let given = |i: usize| {
            let facts = self.raw_facts(i);
            facts.has(Fact::GivenName) && !facts.has(Fact::Title)
        };
        let personal = before > run_start && (given(run_start) || given(before - 1));
        // "Nathan Law of Demosisto": after a given name, a surname that is also a law's
        // or a title's head ends the name.
        let heads: &[Fact] = if personal {
            &[Fact::OrgWord, Fact::PlaceWord]
        } else {
            &[Fact::OrgWord, Fact::PlaceWord, Fact::OtherWord, Fact::Title]
        };
        head.any(heads) || (!personal && head.has(Fact::Common))
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
        !(given
            || facts.any(&[Fact::Place, Fact::KnownOrg])
            || self.stats.seen_capitalised(self.doc, word)
            || self.heads_an_organization(i))
    }

    /// "Hallmark Capital cut …", "Federal Court ruled": a word before an organization's
    /// head that ends the name is the name's own first word.
    fn heads_an_organization(&self, i: usize) -> bool {
        self.is_name_word(i + 1)
            && !self.is_name_word(i + 2)
            && !self
                .facts(i)
                .any(&[Fact::Demonym, Fact::Title, Fact::NotName])
            && self.facts(i + 1).has(Fact::OrgWord)
    }

    /// Cuts a run at droppable capitals and at "and" between two names, then hands each
    /// piece on.
    fn split_run(&mut self, sentence: usize, run: (usize, usize), out: &mut Vec<Candidate>) {
        let mut piece_start = run.0;
        let mut listed_end = 0;
        for i in run.0..=run.1 {
            let title_before_name = || {
                i + 1 < run.1
                    && self.is_name_word(i + 1)
                    && (self.raw_facts(i).has(Fact::Title)
                        || self
                            .title_at(i, run.1)
                            .is_some_and(|(after, _)| after < run.1))
            };
            if i < listed_end {
                continue; // inside a listed name that opens the sentence ("Fort Worth")
            }
            let droppable = i < run.1 && self.is_droppable(i) && !title_before_name();
            if let Some(end) = droppable.then(|| self.listed_from(i, run.1)).flatten() {
                listed_end = end;
                continue;
            }
            let cut = i == run.1 || droppable;
            if cut {
                self.split_and(sentence, piece_start, i, out);
                piece_start = i + 1;
            } else if i > piece_start
                && (self.starts_inner_person(i, run.1)
                    || self.starts_tail_person(piece_start, i, run.1))
            {
                self.split_and(sentence, piece_start, i, out);
                piece_start = i;
            }
        }
    }

    /// "North Korea fired …", "Fort Worth, Texas", "British Airways cancelled …": a common
    /// word or nationality at a sentence start that begins a listed place or organization
    /// (hand-listed or from a gazetteer) of two to four words inside the run; the end of
    /// the longest such name.
    fn listed_from(&self, i: usize, run_end: usize) -> Option<usize> {
        // At most four words: the look-ahead is bounded, so the run stays linear.
        (i + 2..=run_end.min(i + 4)).rev().find(|&end| {
            let text = strip_possessive(self.run_text(i, end)).0;
            lists::is_place(text)
                || lists::KNOWN_ORGS.contains(text)
                || lists::LISTED_ORGS.contains(text)
        })
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
        // A given name that is also a word ("Tom", "Will") is a name after a descriptor
        // ("Scientologist"; not a place, not "F-102") where the document never writes
        // the word in lowercase.
        let descriptor = !before.any(&[Fact::Place, Fact::OrgWord, Fact::PlaceWord])
            && self
                .text(i - 1)
                .chars()
                .all(|ch| ch.is_alphabetic() || ch == '-');
        let named = !word.has(Fact::Common)
            || surname_follows
            || (descriptor
                && !self
                    .stats
                    .seen_lowercase(self.doc, strip_possessive(self.text(i)).0));
        word.has(Fact::GivenName)
            && named
            && !before.any(&[Fact::GivenName, Fact::Title])
            && !head.any(&[Fact::OrgWord, Fact::PlaceWord, Fact::OtherWord])
            && !lists::is_place(self.run_text(i - 1, i + 1)) // "Los Angeles Sheriff's office"
    }

    /// "Refugee Council Enver Solomon", "University of Utah Amneh Jafari": a personal name
    /// of two or three words (none of them a place or a word of an institution's name)
    /// ends a run that names an institution, right after its organization word or place.
    /// The person is a name of their own ("CEO of the X Jane Doe", "X professor Jane Doe").
    fn starts_tail_person(&self, piece_start: usize, i: usize, run_end: usize) -> bool {
        // Token tests first: only the last two or three words of a run are asked.
        if !(i + 2 == run_end || i + 3 == run_end) || self.is_possessive(i - 1) {
            return false;
        }
        let institution_before =
            self.facts(i - 1).has(Fact::OrgWord) || self.facts(i - 1).has(Fact::Place);
        let personal = (i..run_end).all(|j| {
            let word = self.facts(j);
            self.is_name_word(j)
                && !word.any(&[Fact::OrgWord, Fact::PlaceWord, Fact::OtherWord, Fact::Place])
                && !word.any(&[Fact::Title, Fact::Demonym, Fact::KnownOrg])
                && (!word.has(Fact::Common) || word.any(&[Fact::Surname, Fact::GivenName]))
        });
        let first = self.facts(i);
        let named = first.has(Fact::GivenName) || !first.has(Fact::Common);
        institution_before
            && personal
            && named
            && (piece_start..i).any(|j| self.facts(j).has(Fact::OrgWord))
            && !lists::is_place(self.run_text(i, run_end))
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
        let whole = has_of || self.facts(end - 1).has(Fact::OrgWord);
        // "Marks & Spencer", "Simon & Schuster": an ampersand joins a firm's name.
        let mut piece = start;
        for i in start..=end {
            if i == end || (self.text(i) == "and" && self.splits_at_and(piece, i, end, whole)) {
                let (from, to) = self.trim_connectors(piece, i);
                if from < to {
                    self.strip_title(sentence, from, to, out);
                }
                piece = i + 1;
            }
        }
    }

    /// Does the "and" at `and` (in a run from `piece` to `end`) join two names? A name
    /// with "of"/"for" or an organization's head (`whole`) splits only between two
    /// complete names ("Massachusetts Institute of Technology and Colorado State
    /// University"), so "Department of Health and Human Services" stays one; any other
    /// run splits ("Ukraine and Russia") unless a bare modifier comes before the "and"
    /// of a venue's name ("National Air and Space Museum").
    fn splits_at_and(&self, piece: usize, and: usize, end: usize, whole: bool) -> bool {
        if whole {
            let right_end = (and + 1..end)
                .find(|&j| self.text(j) == "and")
                .unwrap_or(end);
            return self.is_complete_name(piece, and) && self.is_complete_name(and + 1, right_end);
        }
        let heads = [Fact::OrgWord, Fact::PlaceWord, Fact::OtherWord];
        let (from, to) = self.trim_connectors(piece, and);
        let bare_modifier = from < to
            && !(from..to).any(|i| self.facts(i).any(&heads))
            && !self.is_listed_name(from, to)
            && self.facts(to - 1).has(Fact::Common)
            && !self.facts(to - 1).has(Fact::Place);
        !(bare_modifier && self.facts(end - 1).any(&heads))
    }

    /// A name that stands by itself: listed, or with an organization's or place's head
    /// and a first word that is a name or that head ("Colorado State University", "Bank
    /// of France"; not "Human Services", which needs what comes before it).
    fn is_complete_name(&self, start: usize, end: usize) -> bool {
        let (start, end) = self.trim_connectors(start, end);
        if start >= end {
            return false;
        }
        let heads = [Fact::OrgWord, Fact::PlaceWord];
        let first = self.facts(start);
        let named = !first.has(Fact::Common) || first.has(Fact::Place) || first.any(&heads);
        self.is_listed_name(start, end)
            || ((start..end).any(|i| self.facts(i).any(&heads)) && named)
    }

    /// True when the last of tokens `start..end` is a title that is no one's name and
    /// the words before it are an organization's (its head word, a listed name or an
    /// acronym).
    fn ends_in_title_after_org(&self, start: usize, end: usize) -> bool {
        // The word before the title, past the period of "U.S. Senator".
        let Some(before) = (start..end - 1).rev().find(|&i| self.is_word(i)) else {
            return false;
        };
        let last = self.raw_facts(end - 1);
        let head = self.text(before);
        last.has(Fact::Title)
            && !last.any(&[Fact::Surname, Fact::GivenName, Fact::OrgWord])
            && (self.facts(before).has(Fact::OrgWord)
                || self.is_listed_name(start, before + 1)
                || (start == before && crate::entities::typing::is_acronym(head)))
    }

    /// True when token `i` names a country or continent ("America", "France").
    fn is_country_name(&self, i: usize) -> bool {
        let word = strip_possessive(self.text(i)).0;
        lists::COUNTRIES.contains(word)
            || lists::alias_target(word).is_some_and(|full| lists::COUNTRIES.contains(full))
    }

    /// True when tokens `start..end` are a listed place or organization.
    fn is_listed_name(&self, start: usize, end: usize) -> bool {
        let text = strip_possessive(self.run_text(start, end)).0;
        lists::is_place(text)
            || lists::KNOWN_ORGS.contains(text)
            || lists::LISTED_ORGS.contains(text)
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
        if self
            .title_at(start, end)
            .is_some_and(|(after, _)| after == end)
        {
            return; // "the Secretary of State" alone: a description, not a name
        }
        // "General Motors", "Doctor Who Society of Canada": a head word at the end or
        // before "of"/"for" makes the title word part of an institution's name; not a
        // title's own "of" ("President of the Linguistic Society of America").
        let heads = [Fact::OrgWord, Fact::PlaceWord, Fact::OtherWord];
        let connector = |i: usize| matches!(self.text(i), "of" | "for");
        let institutional = self.facts(end - 1).any(&heads)
            || (!(connector(start + 1) && self.raw_facts(start).has(Fact::Title))
                && (start..end - 1).any(|i| connector(i + 1) && self.facts(i).any(&heads)));
        if self.ends_in_title_after_org(start, end) {
            // "the State Department Spokesperson", "NASA Administrator": the office's
            // holder is not named; the name is the organization's.
            let name = self.trim_connectors(start, end - 1);
            self.push(sentence, name, None, None, None, out);
            return;
        }
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
            self.push_untitled(sentence, start, end, out);
            return;
        };
        let (q_start, q_end) = self.trim_connectors(start, k);
        let mut qualifier = None;
        if q_start < q_end {
            let text = self.run_text(q_start, q_end);
            // "Russian", "South Korean" (President …): only a nationality.
            let lone_demonym = lists::demonym(text).is_some() && !lists::is_place(text);
            if !lone_demonym {
                self.push(sentence, (q_start, q_end), None, None, None, out);
            }
            qualifier = Some(text);
        }
        let (name_start, name_end) = self.trim_connectors(after, end);
        if name_start >= name_end {
            return; // "Russian President" alone: a description, not a name
        }
        if self.text(after) == "of" {
            // "Professor of Linguistics", "Prince of Wales": after "of" comes the office's
            // field or seat, not its holder's name.
            self.push_untitled(sentence, name_start, name_end, out);
            return;
        }
        if k == start && name_start + 1 == name_end && self.is_country_name(name_start) {
            // "Captain America", "Miss Universe": a title before a country's name is a
            // character's or a contest's name, not a person from that country.
            self.push_untitled(sentence, start, end, out);
            return;
        }
        let role = self.role_of(qualifier, Some((k, after)), name_start);
        self.push(
            sentence,
            (name_start, name_end),
            Some((k, after)),
            gender,
            role,
            out,
        );
    }

    /// A name without a title: none at all when it is a lone nationality ("Russian");
    /// without the party group after a body ("Senate Democrats", "House Republicans").
    fn push_untitled(
        &mut self,
        sentence: usize,
        start: usize,
        end: usize,
        out: &mut Vec<Candidate>,
    ) {
        let lone = start + 1 == end;
        let word = self.facts(start);
        if lone && word.has(Fact::Demonym) && !word.any(&[Fact::Place, Fact::KnownOrg]) {
            return;
        }
        // "South Korean", "New Zealanders": a nationality of several words.
        let text = self.run_text(start, end);
        if !lone && lists::demonym(text).is_some() && !lists::is_place(text) {
            return;
        }
        let start = if self.nationality_before_org(start, end) {
            start + 1
        } else {
            start
        };
        // "Liberal Democrats" is a party; "Senate Democrats" a group in a body. After a
        // word no list knows ("Neo Democrats"), the group word is a party's name.
        let body = [Fact::Common, Fact::Place, Fact::OrgWord, Fact::Demonym];
        let before_tail = (start..end - 1).rev().find(|&i| self.is_word(i));
        let group_tail = !lone
            && self.facts(end - 1).has(Fact::GroupDemonym)
            && before_tail.is_some_and(|i| is_place_name(self.text(i)) || self.facts(i).any(&body))
            && !lists::KNOWN_ORGS.contains(self.run_text(start, end));
        let end = if group_tail { end - 1 } else { end };
        let (start, end) = self.trim_connectors(start, end);
        if start < end {
            self.push(sentence, (start, end), None, None, None, out);
        }
    }

    /// "European Facebook users": a nationality before a listed organization describes
    /// it and is no part of its name (unlike "British Airways", which is listed whole).
    fn nationality_before_org(&self, start: usize, end: usize) -> bool {
        let word = self.facts(start);
        if end < start + 2 || !word.has(Fact::Demonym) || word.any(&[Fact::Place, Fact::KnownOrg]) {
            return false;
        }
        let listed = |text: &str| {
            let text = strip_possessive(text).0;
            lists::KNOWN_ORGS.contains(text) || lists::LISTED_ORGS.contains(text)
        };
        !listed(self.run_text(start, end)) && listed(self.run_text(start + 1, end))
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
        let (first, last) = (&self.doc.tokens[start], &self.doc.tokens[end - 1]);
        let (last_word, possessive) = strip_possessive(self.doc.slice(last.span()));
        let (last_word, suffix) = split_suffix(last_word);
        let span_end = last.span().start() + last_word.len();
        let words_at = self.names.words.len();
        let doc = self.doc;
        let words = doc.tokens[start..end]
            .iter()
            .filter(|t| t.kind == TokenKind::Word)
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
        let title = title.map(|(a, b)| {
            Span::new(
                self.doc.tokens[a].span().start(),
                self.doc.tokens[b - 1].span().end(),
            )
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
            suffix: suffix.map_or(0, |e| {
                u8::try_from(e + 1).expect("COMPOUND_ENDINGS has fewer than 255 entries")
            }),
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

/// "Google Science Fair", "Microsoft Windows": a hand-listed organization's one-word
/// name that opens a longer name (of an event or a product) is a mention of that
/// organization too.
pub fn nested_org(doc: &Document, names: &Names, c: &Candidate) -> Option<Candidate> {
    let words = names.words(c);
    let first_token = c.first_token();
    let first = doc.tokens.get(first_token)?;
    let [word, _, ..] = words else {
        return None;
    };
    if first.kind != TokenKind::Word
        || doc.slice(first.span()) != *word
        || !lists::KNOWN_ORGS.contains(word)
    {
        return None;
    }
    Some(Candidate {
        span: first.span(),
        first_token: narrow(first_token),
        end_token: narrow(first_token + 1),
        possessive: false,
        ..c.part(0, 1)
    })
}

/// Endings of compounds built on a name ("Kyiv-based", "US-led", "Russian-speaking"),
/// as opposed to the lowercase syllables of names such as "Kwok Ka-ki". A candidate
/// keeps the position of its ending here (one byte), not a slice of the text.
const COMPOUND_ENDINGS: [&str; 43] = [
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
    "winning", // "Booker Prize-winning", "Oscar-winner": the prize, not a person
    "winner",
    "nominated",
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
        let (cands, _, _) = find(&doc, &mut Vec::new());
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
    fn and_splits_only_between_complete_names() {
        assert_eq!(
            names("She left the Brookfield Institute of Optics and Colorado State University of the US."),
            ["Brookfield Institute of Optics", "Colorado State University of the US"]
        );
        assert_eq!(
            names("He runs the Department of Health and Human Services."),
            ["Department of Health and Human Services"]
        );
        assert_eq!(
            names("We toured the Lakeside Air and Sky Museum and Harwick Park."),
            ["Lakeside Air and Sky Museum", "Harwick Park"]
        );
        assert_eq!(
            names("They met at the Mary & Leigh Zorvo Museum, not in Ukraine & Russia."),
            ["Mary & Leigh Zorvo Museum", "Ukraine", "Russia"]
        );
        assert_eq!(
            names("They joined North and South Korea."),
            ["North", "South Korea"]
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
        assert_eq!(strip_possessive("Trump’s"), ("Trump", true));
        assert_eq!(strip_possessive("REUTERS'S"), ("REUTERS", true));
        assert_eq!(strip_possessive("’s"), ("’s", false));
        assert_eq!(strip_possessive("Reuters"), ("Reuters", false));
        assert!(has_no_uppercase("élan") && has_no_uppercase("don’t"));
        assert!(!has_no_uppercase("ÉLAN") && !has_no_uppercase("iPhone"));
    }

    #[test]
    fn emphasis_numerals_and_letter_compounds_are_no_names() {
        assert_eq!(
            names("He wore a Zorvex T-shirt in part XVII, UNLESS of course Henry VIII did."),
            ["Zorvex", "Henry VIII"]
        );
        assert_eq!(names("Officials of WHO met."), ["WHO"]);
        assert_eq!(names("Bail was US$ 20,000 in the US."), ["US"]);
        assert_eq!(names("Pro-Zorvo ZDP members met."), ["ZDP"]);
        assert_eq!(
            names("The Doctor Who Society of Canada met the President of the Zorvo Society of Canada."),
            ["Doctor Who Society of Canada", "Zorvo Society of Canada"]
        );
        assert_eq!(
            names("She joined the Society for General Zorvo Research."),
            ["Society for General Zorvo Research"]
        );
        assert_eq!(
            names("Marta Law of Verdanto met Tomas King of Brill."),
            ["Marta Law", "Verdanto", "Tomas King", "Brill"]
        );
        assert_eq!(
            names("Peter Quill, QC, said so in Florence, SC."),
            ["Peter Quill", "Florence", "SC"]
        );
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
        let (cands, found, _) = find(&doc, &mut Vec::new());
        assert_eq!(found.role(&cands[0]), Some("Russian president"));
        assert_eq!(found.words(&cands[1]), ["Trump"]);
        assert!(cands[1].possessive);
        assert_eq!(cands[2].gender, Some(Gender::Male));
        assert_eq!(found.role(&cands[2]), None, "a courtesy title is no role");
    }

    #[test]
    fn a_descriptor_before_a_given_name_that_is_a_word_is_cut_off() {
        let n = names("The video featured Scientologist Tom Kettle.");
        assert!(n.contains(&"Tom Kettle".to_string()), "{n:?}");
    }

    #[test]
    fn a_person_after_a_descriptor_does_not_run_on_past_of() {
        let n = names("Pan-democrat Gary Kettle of the Neo Democrats lost.");
        assert!(n.contains(&"Gary Kettle".to_string()), "{n:?}");
    }

    #[test]
    fn a_person_at_the_end_of_an_institution_is_a_name_of_their_own() {
        let n = names("The head of the Migrant Council Oskar Vendelin said so.");
        assert_eq!(n, ["Migrant Council", "Oskar Vendelin"]);
    }

    #[test]
    fn a_listed_place_is_not_split_for_a_person() {
        let n = names("A detective for the Los Angeles Sheriff's office came.");
        assert!(!n.contains(&"Angeles Sheriff".to_string()), "{n:?}");
    }

    #[test]
    fn nationalities_of_several_words_are_no_names() {
        let n = names("A South Korean firm hired every other New Zealander.");
        assert!(n.is_empty(), "{n:?}");
        let n = names("South Korean President Moon Jae-in spoke.");
        assert_eq!(n, ["Moon Jae-in"]);
    }

    #[test]
    fn a_prize_winner_is_named_by_the_prize() {
        assert_eq!(
            names("A Carnegie Medal-winner wrote it."),
            ["Carnegie Medal"]
        );
    }

    #[test]
    fn a_saint_s_short_form_stays_with_the_name() {
        assert_eq!(names("He moved to St. Kilvane in 1990."), ["St. Kilvane"]);
    }

    #[test]
    fn after_a_title_and_of_comes_no_holder_s_name() {
        let mut doc = Document::new("She was Professor of Phonetics there.");
        segment::run(&mut doc);
        let (cands, found, _) = find(&doc, &mut Vec::new());
        assert_eq!(cands.len(), 1);
        assert_eq!(doc.slice(cands[0].span), "Phonetics");
        assert!(
            !cands[0].has_title_or_role(),
            "{:?}",
            found.title(&cands[0])
        );
    }

    #[test]
    fn a_day_before_may_makes_it_the_month() {
        assert!(names("The duel took place on 30 May.").is_empty());
        assert_eq!(names("Theresa May spoke."), ["Theresa May"]);
    }

    #[test]
    fn a_title_alone_is_no_name() {
        assert!(names("He met the Secretary of State on Monday.").is_empty());
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
    fn a_sentence_start_word_before_an_organization_s_head_stays() {
        assert_eq!(
            names("Harbour Securities cut its forecast. Analysts Zorvo agreed."),
            ["Harbour Securities", "Zorvo"]
        );
    }

    #[test]
    fn a_title_after_an_organization_is_cut_off() {
        assert_eq!(
            names("A Zorvo Department Spokesperson, the ZRX Administrator and a U.S. Senator spoke to John King."),
            ["Zorvo Department", "ZRX", "U.S", "John King"]
        );
    }

    #[test]
    fn a_title_before_a_country_makes_a_character() {
        assert_eq!(
            names("He dressed as Captain America in France."),
            ["Captain America", "France"]
        );
        assert_eq!(names("Captain Rogers left."), ["Rogers"]);
    }

    #[test]
    fn a_group_after_a_body_is_cut_but_a_party_name_stays() {
        assert_eq!(
            names("Senate Democrats and the Zorvo Democrats met U.S. Republicans."),
            ["Senate", "Zorvo Democrats", "U.S"]
        );
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
    fn a_gazetteer_organization_keeps_its_first_word_at_a_sentence_start() {
        assert_eq!(
            names("British Airways cancelled flights. American Airlines said it would fly."),
            ["British Airways", "American Airlines"]
        );
    }

    #[test]
    fn a_nationality_before_a_listed_organization_is_cut_off() {
        assert_eq!(
            names("It shared data of European Facebook users and Dutch Google staff."),
            ["Facebook", "Google"]
        );
        // A name listed whole keeps its nationality.
        assert_eq!(
            names("He flew with British Airways to Oslo."),
            ["British Airways", "Oslo"]
        );
    }

    #[test]
    fn weak_positions_are_where_any_word_is_capitalised() {
        // After a closing quotation mark too ("he").
        let text = "Analysts said: Prices rose. “Markets fell,” he said.\n\nStocks Slide Again\n\nIt fell.";
        let mut doc = Document::new(text);
        segment::run(&mut doc);
        let weak = weak_positions(&doc);
        let weak_words: Vec<&str> = (0..doc.tokens.len())
            .filter(|&i| weak[i])
            .map(|i| doc.slice(doc.tokens[i].span()))
            .collect();
        assert_eq!(
            weak_words,
            ["Analysts", "Prices", "Markets", "he", "Stocks", "Slide", "Again", "It"]
        );
    }

    #[test]
    fn capital_counts_answer_for_any_word() {
        let text = "Bank rates rose. The bank said Trump and TRUMP met. Later, Trump left. \
                    He scored twice, scored again, and the striker said trump.";
        let mut doc = Document::new(text);
        segment::run(&mut doc);
        let (_, _, stats) = find(&doc, &mut Vec::new());
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
            stats.seen_capitalised(&doc, "Trump"),
            "three capitals, one lowercase"
        );
        assert!(
            !stats.seen_capitalised(&doc, "Bank"),
            "only at a sentence start"
        );
        assert!(!stats.seen_capitalised(&doc, "Zelensky"));
    }
}
