//! The human-readable report (`byline --format text`): the source, word and sentence counts
//! and reading time, then one section per analysis (paragraphs, sentences, speakers and
//! their quotes, entities, claims; an empty one says so), wrapped to a given width, with
//! ANSI colour only when asked: each speaker keeps one colour wherever the name appears,
//! and quote kinds have theirs. Quotations are counted as utterances (the parts of a split
//! quotation, “A,” she said, “B.”, are one), as `--summary` counts them; the JSON lists
//! the parts. It reads nothing but the [`Analysis`], so it shows exactly what the JSON
//! shows and honours `--only` through [`Analysis::shows`]. Article text is shown through
//! [`visible`], so an article cannot steer the reader's terminal.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write as _;

use crate::analysis::{Analysis, ClaimReport, EntityReport, QuoteReport, Section};
use crate::document::{EntityType, ParagraphKind, QuoteKind};

/// How to lay the report out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Maximum line width in characters (values under 20 are treated as 20).
    pub width: usize,
    /// Emit ANSI colour and bold for titles.
    pub color: bool,
}

impl Default for Style {
    fn default() -> Style {
        Style {
            width: 80,
            color: false,
        }
    }
}

/// How many entities of one type are listed before "and N more".
const ENTITIES_LISTED: usize = 12;

/// Section titles: bold cyan.
const TITLE: &str = "1;36";
/// The speakers' colours, given in the order of the Speakers section (the most quoted
/// first) and reused from the start when there are more speakers than colours.
const SPEAKER_COLOURS: [&str; 10] = [
    "1;33", "1;32", "1;35", "1;34", "1;31", "33", "32", "35", "34", "31",
];

/// The colour of a quote kind's label (direct quotations have none).
fn kind_colour(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Partial => "36",
        QuoteKind::Scare => "2;3",
        _ => "2",
    }
}

/// Renders the whole report; it ends with a newline.
pub fn render(analysis: &Analysis, style: &Style) -> String {
    let speakers = Speaker::rank(&analysis.quotes, &analysis.entities);
    let mut out = Report {
        text: String::new(),
        style: Style {
            width: style.width.max(20),
            color: style.color,
        },
        colours: speakers
            .iter()
            .filter_map(|speaker| speaker.entity)
            .zip(SPEAKER_COLOURS.iter().cycle())
            .map(|(entity, colour)| (entity, *colour))
            .collect(),
    };
    out.header(analysis);
    if analysis.shows(Section::Paragraphs) {
        out.paragraphs(analysis);
    }
    if analysis.shows(Section::Sentences) {
        out.sentences(analysis);
    }
    if analysis.shows(Section::Quotes) {
        out.speakers(&speakers);
        out.quotes(&analysis.quotes);
    }
    if analysis.shows(Section::Entities) {
        out.entities(&analysis.entities);
    }
    if analysis.shows(Section::Claims) {
        out.claims(&analysis.claims);
    }
    if !analysis.warnings.is_empty() {
        out.title("Warnings", analysis.warnings.len());
        for warning in &analysis.warnings {
            out.item(&shown(warning));
        }
    }
    out.text
}

/// The parts of each utterance: consecutive quotations sharing a group.
pub fn utterances<'q, 't>(
    quotes: &'q [QuoteReport<'t>],
) -> impl Iterator<Item = &'q [QuoteReport<'t>]> {
    quotes.chunk_by(|a, b| a.group == b.group)
}

/// One line of the Speakers section.
struct Speaker<'a> {
    /// The speaker's entity; `None` for the quotations with no speaker.
    entity: Option<usize>,
    name: &'a str,
    role: Option<&'a str>,
    utterances: usize,
    words: usize,
}

impl<'a> Speaker<'a> {
    /// Every speaker, the most quoted first (then the most words, then the first quoted);
    /// the quotations with no speaker, if any, last.
    fn rank(quotes: &'a [QuoteReport], entities: &'a [EntityReport]) -> Vec<Speaker<'a>> {
        let mut speakers: Vec<Speaker> = Vec::new();
        let mut index: HashMap<Option<usize>, usize> = HashMap::new();
        for parts in utterances(quotes) {
            let speaker = parts.iter().find_map(|q| q.speaker.as_ref());
            let entity = speaker.map(|s| s.entity);
            let at = *index.entry(entity).or_insert_with(|| {
                speakers.push(Speaker {
                    entity,
                    name: speaker.map_or("(no speaker)", |s| &*s.name),
                    role: entity
                        .and_then(|e| entities.iter().find(|x| x.id == e))
                        .and_then(main_role),
                    utterances: 0,
                    words: 0,
                });
                speakers.len() - 1
            });
            speakers[at].utterances += 1;
            speakers[at].words += parts
                .iter()
                .map(|q| q.text.split_whitespace().count())
                .sum::<usize>();
        }
        // A stable sort keeps the order of first quotation among equals.
        speakers.sort_by_key(|s| {
            (
                s.entity.is_none(),
                std::cmp::Reverse(s.utterances),
                std::cmp::Reverse(s.words),
            )
        });
        speakers
    }
}

/// The most specific role: "Ukrainian president" rather than "president".
fn main_role<'a>(entity: &'a EntityReport) -> Option<&'a str> {
    entity
        .roles
        .iter()
        .rev()
        .max_by_key(|r| r.len())
        .map(String::as_str)
}

struct Report {
    text: String,
    style: Style,
    /// Each speaker's colour, by entity.
    colours: HashMap<usize, &'static str>,
}

impl Report {
    fn header(&mut self, a: &Analysis) {
        let mut source = a.source.path.clone();
        if let Some(id) = &a.source.id {
            let _ = write!(source, " (id {id})");
        }
        let line = self.paint(&shown(&source), "1");
        self.text.push_str(&line);
        self.text.push('\n');
        let s = &a.stats;
        let mut counts = [
            count(s.words, "word", "words"),
            count(s.sentences, "sentence", "sentences"),
            count(s.paragraphs, "paragraph", "paragraphs"),
        ]
        .join(" · ");
        match s.reading_minutes {
            0 => {}
            1 => counts.push_str(" · about 1 minute to read"),
            n => {
                let _ = write!(counts, " · about {n} minutes to read");
            }
        }
        self.line(&counts);
    }

    fn paragraphs(&mut self, a: &Analysis) {
        self.title("Paragraphs", a.paragraphs.len());
        if a.paragraphs.is_empty() {
            return self.none();
        }
        let kinds = [
            (ParagraphKind::Body, "body", "body"),
            (ParagraphKind::Heading, "heading", "headings"),
            (ParagraphKind::Boilerplate, "boilerplate", "boilerplate"),
        ]
        .map(|(kind, one, many)| {
            let n = a.paragraphs.iter().filter(|p| p.kind == kind).count();
            (n > 0).then(|| count(n, one, many))
        });
        let kinds: Vec<String> = kinds.into_iter().flatten().collect();
        self.item(&kinds.join(", "));
        // The text of a heading is its sentence (one pass: sentences know their paragraph).
        let mut headings: Vec<Cow<str>> = Vec::new();
        let mut last_paragraph = None;
        for sentence in &a.sentences {
            let is_heading = a
                .paragraphs
                .get(sentence.paragraph)
                .is_some_and(|p| p.kind == ParagraphKind::Heading);
            if is_heading && last_paragraph != Some(sentence.paragraph) {
                headings.push(shown(&sentence.text));
            }
            last_paragraph = Some(sentence.paragraph);
        }
        if !headings.is_empty() {
            self.item(&format!("headings: {}", headings.join(" | ")));
        }
    }

    fn sentences(&mut self, a: &Analysis) {
        self.title("Sentences", a.sentences.len());
        if a.sentences.is_empty() {
            return self.none();
        }
        let lengths: Vec<usize> = a
            .sentences
            .iter()
            .map(|s| s.text.split_whitespace().count())
            .collect();
        let total: usize = lengths.iter().sum();
        let longest = lengths.iter().copied().max().unwrap_or(0);
        self.item(&format!(
            "{:.1} words on average, the longest has {longest}",
            total as f64 / lengths.len() as f64
        ));
    }

    /// Who is quoted, the most first: role, utterances, words quoted.
    fn speakers(&mut self, speakers: &[Speaker]) {
        let named = speakers.iter().filter(|s| s.entity.is_some()).count();
        self.title("Speakers", named);
        if speakers.is_empty() {
            return self.none();
        }
        for speaker in speakers {
            let mut line = self.speaker_name(speaker.entity, speaker.name);
            let _ = write!(
                line,
                ": {}, {} quoted",
                count(speaker.utterances, "utterance", "utterances"),
                count(speaker.words, "word", "words")
            );
            if let Some(role) = speaker.role {
                let _ = write!(line, " ({})", shown(role));
            }
            self.item(&line);
        }
    }

    fn quotes(&mut self, quotes: &[QuoteReport]) {
        self.title("Quotes", utterances(quotes).count());
        if quotes.is_empty() {
            return self.none();
        }
        // Parts of one utterance (“A,” he said, “B.”) are one item, joined by " … ".
        for parts in utterances(quotes) {
            let Some(first) = parts.first() else { continue };
            let speaker = parts.iter().find_map(|q| q.speaker.as_ref());
            let mut line = match speaker {
                Some(s) => self.speaker_name(Some(s.entity), &s.name),
                None => "(no speaker)".to_string(),
            };
            if first.kind != QuoteKind::Direct {
                let label = format!("[{}]", first.kind);
                let _ = write!(line, " {}", self.paint(&label, kind_colour(first.kind)));
            }
            // A quotation ending a clause keeps its comma inside the marks (“…,” she said);
            // the list reads better without it.
            let words: Vec<Cow<str>> = parts
                .iter()
                .map(|q| shown(q.text.trim_end_matches(',')))
                .collect();
            let _ = write!(line, ": “{}”", words.join(" … "));
            self.item(&line);
        }
    }

    fn entities(&mut self, entities: &[EntityReport]) {
        self.title("Entities", entities.len());
        if entities.is_empty() {
            return self.none();
        }
        for (entity_type, label) in [
            (EntityType::Person, "People"),
            (EntityType::Organization, "Organizations"),
            (EntityType::Place, "Places"),
            (EntityType::Other, "Other"),
        ] {
            let of_type: Vec<&EntityReport> = entities
                .iter()
                .filter(|e| e.entity_type == entity_type)
                .collect();
            if of_type.is_empty() {
                continue;
            }
            let more = of_type.len().saturating_sub(ENTITIES_LISTED);
            let listed = of_type.into_iter().take(ENTITIES_LISTED);
            if entity_type == EntityType::Person {
                // People one to a line, with what the article says they are.
                self.item(&format!("{label}:"));
                for person in listed {
                    let mut line = self.speaker_name(Some(person.id), &person.name);
                    let _ = write!(line, " ({})", person.mention_count);
                    if let Some(role) = main_role(person) {
                        let _ = write!(line, ": {}", shown(role));
                    }
                    self.sub_item(&line);
                }
                if more > 0 {
                    self.sub_item(&format!("and {more} more"));
                }
                continue;
            }
            let mut names: Vec<String> = listed
                .map(|e| {
                    format!(
                        "{} ({})",
                        self.speaker_name(Some(e.id), &e.name),
                        e.mention_count
                    )
                })
                .collect();
            if more > 0 {
                names.push(format!("and {more} more"));
            }
            self.item(&format!("{label}: {}", names.join(", ")));
        }
    }

    /// Each claim: kind, the number as written and what it counts, qualifier, claimant.
    fn claims(&mut self, claims: &[ClaimReport]) {
        self.title("Claims", claims.len());
        if claims.is_empty() {
            return self.none();
        }
        for c in claims {
            let mut line = format!("{}: {}", c.kind, shown(&c.text));
            if let Some(subject) = &c.subject {
                let _ = write!(line, " ({})", shown(&subject.text));
            }
            if let Some(qualifier) = &c.qualifier {
                let _ = write!(line, " [{qualifier}]");
            }
            if let Some(claimant) = &c.claimant {
                let name = self.speaker_name(Some(claimant.entity), &claimant.name);
                let _ = write!(line, " — according to {name}");
            }
            self.item(&line);
        }
    }

    /// A name, made safe to show, in its speaker's colour when it has one.
    fn speaker_name(&self, entity: Option<usize>, name: &str) -> String {
        let name = shown(name);
        match entity.and_then(|e| self.colours.get(&e)) {
            Some(colour) => self.paint(&name, colour),
            None => name.into_owned(),
        }
    }

    fn title(&mut self, name: &str, n: usize) {
        self.text.push('\n');
        let title = self.paint(name, TITLE);
        let _ = writeln!(self.text, "{title} ({n})");
    }

    fn none(&mut self) {
        self.item("none found");
    }

    /// A list item: "- " then the text (already made safe to show), wrapped with a hanging
    /// indent.
    fn item(&mut self, text: &str) {
        let wrapped = wrap(text, self.style.width, "  - ", "    ");
        self.text.push_str(&wrapped);
    }

    /// An item under an item: "· " then the text (already made safe to show).
    fn sub_item(&mut self, text: &str) {
        let wrapped = wrap(text, self.style.width, "    · ", "      ");
        self.text.push_str(&wrapped);
    }

    fn line(&mut self, text: &str) {
        let wrapped = wrap(text, self.style.width, "", "");
        self.text.push_str(&wrapped);
    }

    fn paint(&self, text: &str, sgr: &str) -> String {
        if self.style.color {
            format!("\x1b[{sgr}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// `text` with every character that could steer a terminal shown as a `\u{…}` escape: the
/// C0 controls but tab and line feed (a carriage return too, unless a line feed follows),
/// DEL, the C1 controls, and the bidirectional embeddings, overrides and isolates, which
/// reorder what follows them. So an article holding `ESC]0;title BEL` or `ESC[2J` cannot
/// retitle or clear the terminal of whoever reads the text view or a table.
pub fn visible(text: &str) -> Cow<'_, str> {
    let mut chars = text.chars().peekable();
    let mut first = None;
    let mut at = 0;
    while let Some(c) = chars.next() {
        if steers_terminal(c, chars.peek().copied()) {
            first = Some(at);
            break;
        }
        at += c.len_utf8();
    }
    let Some(first) = first else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    let mut chars = text[first..].chars().peekable();
    while let Some(c) = chars.next() {
        if steers_terminal(c, chars.peek().copied()) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Article text as the text view shows it: [`visible`], with carriage returns as spaces
/// (the view joins every run of white space into one space anyway).
fn shown(text: &str) -> Cow<'_, str> {
    if text.contains('\r') {
        Cow::Owned(visible(&text.replace('\r', " ")).into_owned())
    } else {
        visible(text)
    }
}

/// Whether `c`, followed by `next`, is a character [`visible`] escapes.
fn steers_terminal(c: char, next: Option<char>) -> bool {
    match c {
        '\t' | '\n' => false,
        '\r' => next != Some('\n'),
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        _ => false,
    }
}

/// "1 word", "2 words": `n` with the noun's singular or plural.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The characters of `word` a terminal shows: all but those of SGR colour sequences
/// (`ESC [ … m`), which only the report itself writes (article text is [`visible`]).
fn shown_width(word: &str) -> usize {
    let mut width = 0;
    let mut in_sequence = false;
    for c in word.chars() {
        match (in_sequence, c) {
            (false, '\x1b') => in_sequence = true,
            (false, _) => width += 1,
            (true, 'm') => in_sequence = false,
            (true, _) => {}
        }
    }
    width
}

/// Greedy word wrap to `width` characters (colour sequences take no room); the first line starts with `first`, the others
/// with `rest`. A word longer than a line gets a line of its own rather than being cut.
/// Every line, the last included, ends with a newline.
pub fn wrap(text: &str, width: usize, first: &str, rest: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut line_len = first.chars().count();
    out.push_str(first);
    let mut line_has_word = false;
    for word in text.split_whitespace() {
        let word_len = shown_width(word);
        if line_has_word && line_len + 1 + word_len > width {
            out.push('\n');
            out.push_str(rest);
            line_len = rest.chars().count();
            line_has_word = false;
        }
        if line_has_word {
            out.push(' ');
            line_len += 1;
        }
        out.push_str(word);
        line_len += word_len;
        line_has_word = true;
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Options};

    const ARTICLE: &str =
        "Escalation of war\nThe minister spoke on Monday. “We are ready,” she said.\n";

    #[test]
    fn controls_that_steer_a_terminal_are_made_visible() {
        assert_eq!(
            visible("plain “text”\tand\nlines\r\n"),
            "plain “text”\tand\nlines\r\n"
        );
        assert!(matches!(visible("plain"), Cow::Borrowed(_)));
        assert_eq!(visible("a\x1b]0;pwned\x07b"), "a\\u{1b}]0;pwned\\u{7}b");
        assert_eq!(visible("\x1b[2J"), "\\u{1b}[2J");
        assert_eq!(visible("x\ry"), "x\\u{d}y", "a lone carriage return");
        assert_eq!(
            visible("\u{9b}2J \u{7f}"),
            "\\u{9b}2J \\u{7f}",
            "C1 and DEL"
        );
        assert_eq!(
            visible("a\u{202e}b\u{2066}c"),
            "a\\u{202e}b\\u{2066}c",
            "bidi"
        );
        assert_eq!(visible("é\u{200f}"), "é\u{200f}", "marks do not reorder");
    }

    #[test]
    fn the_text_view_never_prints_a_control_character() {
        let hostile = "Spy \x1b]0;owned\x07chief quits\n\n\
                       “We \x1b[2Jare done \u{202e}here,” Ann \x1bLee said. It cost \x1b[31m5% more.";
        let mut options = Options::default();
        options.source.path = "evil\x1b[2J.txt".into();
        let analysis = analyze(hostile, &options);
        let text = render(&analysis, &Style::default());
        let bad = |c: char| c.is_control() && c != '\n' || ('\u{202a}'..='\u{202e}').contains(&c);
        assert!(!text.contains(bad), "{text:?}");
        assert!(text.contains("\\u{1b}]0;owned\\u{7}"), "{text}");
        assert!(text.contains("evil\\u{1b}[2J.txt"), "{text}");
        let coloured = render(
            &analysis,
            &Style {
                width: 80,
                color: true,
            },
        );
        for (at, _) in coloured.match_indices('\x1b') {
            let sgr = coloured[at + 1..].split('m').next().unwrap_or_default();
            assert!(
                sgr.starts_with('[') && sgr[1..].bytes().all(|b| b.is_ascii_digit() || b == b';'),
                "{sgr:?}"
            );
        }
    }

    #[test]
    fn speakers_are_ranked_by_utterances_then_words_unattributed_last() {
        let text = "“Yes,” Ann Lee said. “We will build it,” said Bo Kim. “Soon,” Bo Kim added. \
                    “Maybe,” someone whispered. “It is, as I said, done,” Ann Lee said, “and paid.”";
        let analysis = analyze(text, &Options::default());
        let ranked = Speaker::rank(&analysis.quotes, &analysis.entities);
        let lines: Vec<(&str, usize, usize)> = ranked
            .iter()
            .map(|s| (s.name, s.utterances, s.words))
            .collect();
        let named: Vec<&(&str, usize, usize)> =
            lines.iter().filter(|l| l.0 != "(no speaker)").collect();
        assert!(named.len() >= 2, "{lines:?}");
        assert!(
            named
                .windows(2)
                .all(|w| (w[0].1, w[0].2) >= (w[1].1, w[1].2)),
            "{lines:?}"
        );
        let utterances: usize = lines.iter().map(|l| l.1).sum();
        assert_eq!(utterances, utterances_of(&analysis));
        if let Some(unattributed) = lines.iter().position(|l| l.0 == "(no speaker)") {
            assert_eq!(unattributed, lines.len() - 1, "{lines:?}");
        }
    }

    fn utterances_of(analysis: &Analysis) -> usize {
        let groups: std::collections::BTreeSet<usize> =
            analysis.quotes.iter().map(|q| q.group).collect();
        groups.len()
    }

    #[test]
    fn colour_sequences_take_no_room_when_wrapping() {
        assert_eq!(shown_width("\x1b[1;33mAnn\x1b[0m"), 3);
        let painted = "\x1b[1;33mAnn Lee\x1b[0m said it";
        assert_eq!(wrap(painted, 15, "", ""), format!("{painted}\n"));
        assert_eq!(
            wrap(painted, 14, "", ""),
            "\x1b[1;33mAnn Lee\x1b[0m said\nit\n"
        );
    }

    #[test]
    fn wrap_respects_width_and_indents() {
        let wrapped = wrap("aaa bbb ccc ddd eee", 11, "  - ", "    ");
        assert_eq!(wrapped, "  - aaa bbb\n    ccc ddd\n    eee\n");
        for line in wrapped.lines() {
            assert!(line.chars().count() <= 11, "{line:?}");
        }
    }

    #[test]
    fn wrap_keeps_overlong_words_whole() {
        assert_eq!(wrap("a verylongword b", 6, "", ""), "a\nverylongword\nb\n");
        assert_eq!(wrap("", 10, "- ", ""), "- \n");
    }

    #[test]
    fn report_has_counts_and_every_section() {
        let analysis = analyze(ARTICLE, &Options::default());
        let text = render(&analysis, &Style::default());
        assert!(text.starts_with("-\n"), "{text}");
        let words = analysis.stats.words;
        assert!(text.contains(&format!("{words} words")), "{text}");
        assert!(
            text.contains("sentences") && text.contains("minute"),
            "{text}"
        );
        for title in [
            "Paragraphs (",
            "Sentences (",
            "Quotes (",
            "Entities (",
            "Claims (",
        ] {
            assert!(text.contains(title), "missing {title} in {text}");
        }
        assert!(text.contains("heading"), "{text}");
        assert!(!text.contains('\x1b'), "no colour unless asked");
        for person in analysis
            .entities
            .iter()
            .filter(|e| e.entity_type == EntityType::Person)
        {
            assert!(text.contains(&format!("· {} (", person.name)), "{text}");
        }
    }

    #[test]
    fn empty_input_says_none_found() {
        let analysis = analyze("", &Options::default());
        let text = render(&analysis, &Style::default());
        assert!(text.contains("0 words"), "{text}");
        assert_eq!(text.matches("none found").count(), 6, "{text}");
    }

    #[test]
    fn only_limits_sections_and_colour_is_optional() {
        let options = Options {
            only: Some(vec![Section::Quotes]),
            ..Options::default()
        };
        let analysis = analyze(ARTICLE, &options);
        let text = render(
            &analysis,
            &Style {
                width: 40,
                color: true,
            },
        );
        assert!(text.contains("Quotes"), "{text}");
        assert!(
            !text.contains("Paragraphs") && !text.contains("Claims"),
            "{text}"
        );
        assert!(text.contains("\x1b[1;36m"), "{text}");
    }

    #[test]
    fn split_quotation_is_one_item() {
        let text = "“We are ready,” the minister said, “and we will not wait.”";
        let analysis = analyze(text, &Options::default());
        let text = render(&analysis, &Style::default());
        let groups: std::collections::BTreeSet<usize> =
            analysis.quotes.iter().map(|q| q.group).collect();
        let quotes_section = text
            .split("\nQuotes (")
            .nth(1)
            .and_then(|rest| rest.split("\n\n").next())
            .unwrap_or_default();
        assert_eq!(
            quotes_section.matches("  - ").count(),
            groups.len(),
            "{text}"
        );
        if analysis.quotes.len() == 2 && groups.len() == 1 {
            assert!(
                text.contains("“We are ready … and we will not wait.”"),
                "{text}"
            );
        }
    }

    #[test]
    fn lines_fit_the_width() {
        let long = "The committee said it would publish the full figures next week. ".repeat(20);
        let analysis = analyze(&long, &Options::default());
        let text = render(
            &analysis,
            &Style {
                width: 30,
                color: false,
            },
        );
        for line in text.lines() {
            let fits = line.chars().count() <= 30 || !line.trim().contains(' ');
            assert!(fits, "{line:?}");
        }
    }
}
