//! The article body: the input text paragraph by paragraph, each character once, with the
//! quotations, claims and entity mentions of the report marked over it. Reads the report's
//! code point offsets, converting them to byte offsets with one cursor that only moves
//! forward. Marks may overlap in any way (a name inside a quotation, a quotation ending
//! inside a name); they are cut where they cross so that the elements always nest.

use std::collections::HashSet;
use std::io::{self, Write};

use byline::{Analysis, Section};

use super::escape;
use super::speakers::{colour_class, Speakers};
use super::wording;

/// Something marked over the text; the order is the nesting order for marks with the same
/// span (a quotation holds a claim, a claim holds a mention).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Item {
    Quote(usize),
    Claim(usize),
    Mention { entity: usize, mention: usize },
}

/// One piece of a mark: `first` for the piece that carries the item's id (and, for a
/// quotation, its speaker label).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mark {
    start: usize,
    end: usize,
    item: Item,
    first: bool,
}

/// A paragraph, made safe to render: in text order, not overlapping, inside the text.
#[derive(Debug, Clone, Copy)]
struct Para<'a> {
    start: usize,
    end: usize,
    kind: &'a str,
}

/// Writes the `<article>` element; returns the items whose id was written, so that the
/// side panel links only to places that exist.
pub fn write(
    text: &str,
    analysis: &Analysis,
    speakers: &Speakers,
    out: &mut dyn Write,
) -> io::Result<HashSet<Item>> {
    let length = text.chars().count();
    let paragraphs = paragraphs(analysis, length);
    let marks = split_by_paragraph(&marks(analysis, length), &paragraphs);
    let anchored = marks.iter().filter(|m| m.first).map(|m| m.item).collect();
    let mut writer = Writer {
        analysis,
        speakers,
        cursor: Cursor::new(text),
        labelled: HashSet::new(),
        buf: String::new(),
    };
    writer.buf.push_str("<article class=\"text\">");
    let mut done = 0;
    let mut rest = &marks[..];
    for (i, para) in paragraphs.iter().enumerate() {
        writer.gap(done, para.start);
        let inside = rest.partition_point(|m| m.start < para.end);
        writer.paragraph(i, para, &rest[..inside]);
        rest = &rest[inside..];
        done = para.end;
        writer.flush_if_full(out)?;
    }
    writer.gap(done, length);
    writer.buf.push_str("</article>\n");
    out.write_all(writer.buf.as_bytes())?;
    Ok(anchored)
}

/// The report's paragraphs, clipped so that each starts after the one before and ends
/// inside the text; empty ones are left out.
fn paragraphs<'a>(analysis: &'a Analysis, length: usize) -> Vec<Para<'a>> {
    let mut done = 0;
    let mut out = Vec::new();
    for p in &analysis.paragraphs {
        let start = p.start.clamp(done, length);
        let end = p.end.clamp(start, length);
        if end > start {
            out.push(Para {
                start,
                end,
                kind: wording::token(p.kind.as_str()),
            });
            done = end;
        }
    }
    out
}

/// Every mark the report's shown sections give, clipped to the text, mentions made
/// disjoint (links cannot nest).
fn marks(analysis: &Analysis, length: usize) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut add = |start: usize, end: usize, item: Item| {
        let end = end.min(length);
        if start < end {
            marks.push(Mark {
                start,
                end,
                item,
                first: true,
            });
        }
    };
    if analysis.shows(Section::Quotes) {
        for (i, q) in analysis.quotes.iter().enumerate() {
            add(q.start, q.end, Item::Quote(i));
        }
    }
    if analysis.shows(Section::Claims) {
        for (i, c) in analysis.claims.iter().enumerate() {
            add(c.start, c.end, Item::Claim(i));
        }
    }
    if analysis.shows(Section::Entities) {
        let mentions = analysis
            .entities
            .iter()
            .enumerate()
            .flat_map(|(entity, e)| {
                e.mentions.iter().enumerate().map(move |(mention, m)| Mark {
                    start: m.start,
                    end: m.end.min(length),
                    item: Item::Mention { entity, mention },
                    first: true,
                })
            });
        marks.extend(disjoint(mentions.filter(|m| m.start < m.end).collect()));
    }
    marks
}

/// Cuts overlapping marks into disjoint pieces, the innermost (latest started) mark
/// owning each stretch; a piece is `first` when it is its mark's first piece.
fn disjoint(mut marks: Vec<Mark>) -> Vec<Mark> {
    marks.sort_by_key(|m| (m.start, usize::MAX - m.end));
    let mut pieces: Vec<Mark> = Vec::with_capacity(marks.len());
    let mut open: Vec<Mark> = Vec::new();
    let mut seen: HashSet<Item> = HashSet::new();
    let mut pos = 0;
    let ends = marks.iter().map(|m| m.end).max().unwrap_or(0);
    let starts = marks.iter().map(|m| m.start).chain([ends]);
    for (next, start) in starts.enumerate() {
        while pos < start {
            open.retain(|m| m.end > pos);
            let Some(top) = open.last() else {
                pos = start;
                break;
            };
            let end = open.iter().map(|m| m.end).min().unwrap_or(start).min(start);
            match pieces.last_mut() {
                Some(last) if last.item == top.item && last.end == pos => last.end = end,
                _ => pieces.push(Mark {
                    start: pos,
                    end,
                    item: top.item,
                    first: seen.insert(top.item),
                }),
            }
            pos = end;
        }
        if let Some(&mark) = marks.get(next) {
            open.push(mark);
            pos = pos.max(mark.start);
        }
    }
    pieces
}

/// Cuts marks at paragraph ends (stretches between paragraphs are not marked) and sorts
/// the pieces by start, longest first, then by nesting order.
fn split_by_paragraph(marks: &[Mark], paragraphs: &[Para]) -> Vec<Mark> {
    let mut pieces = Vec::with_capacity(marks.len());
    for mark in marks {
        let from = paragraphs.partition_point(|p| p.end <= mark.start);
        let mut first = mark.first;
        for para in paragraphs[from..].iter().take_while(|p| p.start < mark.end) {
            let start = mark.start.max(para.start);
            let end = mark.end.min(para.end);
            if start < end {
                pieces.push(Mark {
                    start,
                    end,
                    item: mark.item,
                    first,
                });
                first = false;
            }
        }
    }
    pieces.sort_by_key(|m| (m.start, usize::MAX - m.end, m.item));
    pieces
}

/// What the walk over a paragraph's marks writes, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Event {
    Text(usize, usize),
    Open(Mark),
    Close(Item),
}

/// Walks the paragraph `start..end` and its marks (sorted by start): the text between,
/// each mark opened at its start and closed at its end. A mark still open inside one that
/// ends is closed with it and reopened after it (its later pieces are not `first`), so the
/// elements always nest. The marks opening at one place open longest first, then in
/// [`Item`] order.
fn nest(marks: &[Mark], start: usize, end: usize, emit: &mut dyn FnMut(Event)) {
    let marks = &marks[..marks.partition_point(|m| m.start < end)];
    let mut open: Vec<Mark> = Vec::new();
    let mut starting: Vec<Mark> = Vec::new();
    let mut next_mark = 0;
    let mut pos = start;
    loop {
        while let Some(&mark) = marks.get(next_mark).filter(|m| m.start <= pos) {
            starting.push(mark);
            next_mark += 1;
        }
        starting.sort_by_key(|m| (usize::MAX - m.end, m.item));
        for mark in starting.drain(..) {
            emit(Event::Open(mark));
            open.push(mark);
        }
        let first_end = open.iter().map(|m| m.end).min();
        let next_start = marks.get(next_mark).map_or(end, |m| m.start);
        let next = first_end.unwrap_or(end).min(next_start).max(pos);
        if pos < next {
            emit(Event::Text(pos, next));
            pos = next;
        }
        if first_end == Some(pos) {
            let deepest = open.iter().position(|m| m.end == pos);
            let deepest = deepest.expect("`first_end` is the end of an open mark");
            for mark in open.drain(deepest..).rev() {
                emit(Event::Close(mark.item));
                if mark.end > pos {
                    starting.push(Mark {
                        start: pos,
                        first: false,
                        ..mark
                    });
                }
            }
        } else if pos >= end {
            break;
        }
    }
    // Only a mark reaching past the paragraph is still open.
    for mark in open.into_iter().rev() {
        emit(Event::Close(mark.item));
    }
}

/// Code point offsets to byte offsets, for offsets that mostly grow.
struct Cursor<'t> {
    text: &'t str,
    /// Code points are bytes.
    ascii: bool,
    chars: usize,
    bytes: usize,
}

impl<'t> Cursor<'t> {
    fn new(text: &'t str) -> Self {
        Cursor {
            text,
            ascii: text.is_ascii(),
            chars: 0,
            bytes: 0,
        }
    }

    fn byte(&mut self, at: usize) -> usize {
        if self.ascii {
            return at.min(self.text.len());
        }
        if at < self.chars {
            (self.chars, self.bytes) = (0, 0);
        }
        let ahead = self.text[self.bytes..].char_indices().nth(at - self.chars);
        self.bytes = ahead.map_or(self.text.len(), |(i, _)| self.bytes + i);
        self.chars = at;
        self.bytes
    }

    /// The text between two code point offsets.
    fn slice(&mut self, start: usize, end: usize) -> &'t str {
        let start = self.byte(start);
        let end = self.byte(end);
        &self.text[start..end]
    }
}

struct Writer<'a, 't> {
    analysis: &'a Analysis<'t>,
    speakers: &'a Speakers,
    cursor: Cursor<'a>,
    /// Quotation groups whose speaker label is written.
    labelled: HashSet<usize>,
    buf: String,
}

impl Writer<'_, '_> {
    fn flush_if_full(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.buf.len() >= 64 * 1024 {
            out.write_all(self.buf.as_bytes())?;
            self.buf.clear();
        }
        Ok(())
    }

    /// Text outside every paragraph: as it is when blank (it only separates them), in a
    /// block of its own otherwise.
    fn gap(&mut self, start: usize, end: usize) {
        let text = self.cursor.slice(start, end);
        if text.trim().is_empty() {
            escape::text(&mut self.buf, text);
        } else {
            self.buf.push_str("<div class=\"gap\">");
            escape::text(&mut self.buf, text);
            self.buf.push_str("</div>");
        }
    }

    fn paragraph(&mut self, index: usize, para: &Para, marks: &[Mark]) {
        let (tag, class) = match para.kind {
            "heading" => ("h2", "para heading"),
            "boilerplate" => ("p", "para boilerplate"),
            _ => ("p", "para"),
        };
        self.buf
            .push_str(&format!("<{tag} id=\"p{index}\" class=\"{class}\">"));
        nest(marks, para.start, para.end, &mut |event| match event {
            Event::Text(start, end) => self.text(start, end),
            Event::Open(mark) => self.open(&mark),
            Event::Close(item) => self.buf.push_str(close_tag(item)),
        });
        self.buf.push_str(&format!("</{tag}>"));
    }

    fn text(&mut self, start: usize, end: usize) {
        let text = self.cursor.slice(start, end);
        escape::text(&mut self.buf, text);
    }

    fn open(&mut self, mark: &Mark) {
        match mark.item {
            Item::Quote(i) => self.open_quote(i, mark.first),
            Item::Claim(i) => self.open_claim(i, mark.first),
            Item::Mention { entity, mention } => self.open_mention(entity, mention, mark.first),
        }
    }

    fn open_quote(&mut self, i: usize, first: bool) {
        let quote = &self.analysis.quotes[i];
        let kind = wording::token(quote.kind.as_str());
        let entity = quote.speaker.as_ref().map(|s| s.entity);
        let rank = entity.and_then(|e| self.speakers.rank(e));
        let label = first && entity.is_some() && self.labelled.insert(quote.group);
        let buf = &mut self.buf;
        buf.push_str("<q");
        if first {
            buf.push_str(&format!(" id=\"q{i}\""));
        }
        buf.push_str(&format!(
            " class=\"quote k-{kind} {}{}{}\"",
            colour_class(rank),
            if label { " lab" } else { "" },
            if first { "" } else { " cont" }
        ));
        let speaker = entity.map_or("none".to_string(), |e| e.to_string());
        buf.push_str(&format!(
            " data-quote=\"{i}\" data-speaker=\"{speaker}\" data-kind=\"{kind}\" title=\""
        ));
        let name = quote.speaker.as_ref().map_or("unattributed", |s| &s.name);
        escape::attr(buf, name);
        buf.push_str(" · ");
        buf.push_str(wording::quote_kind(kind));
        if quote.unclosed {
            buf.push_str(", unclosed");
        }
        buf.push_str("\">");
    }

    fn open_claim(&mut self, i: usize, first: bool) {
        let claim = &self.analysis.claims[i];
        let buf = &mut self.buf;
        buf.push_str("<span");
        if first {
            buf.push_str(&format!(" id=\"c{i}\""));
        }
        buf.push_str(&format!(
            " class=\"claim{}\" data-claim=\"{i}\" data-kind=\"{}\"",
            if first { "" } else { " cont" },
            wording::token(claim.kind.as_str())
        ));
        if let Some(value) = claim.value {
            buf.push_str(&format!(" data-value=\"{}\"", wording::number(value)));
        }
        buf.push_str(" title=\"");
        escape::attr(buf, &wording::claim_tooltip(claim));
        buf.push_str("\">");
    }

    fn open_mention(&mut self, entity: usize, mention: usize, first: bool) {
        let e = &self.analysis.entities[entity];
        let kind = wording::token(e.mentions[mention].kind.as_str());
        let entity_type = wording::token(e.entity_type.as_str());
        let buf = &mut self.buf;
        buf.push_str("<a");
        if first {
            buf.push_str(&format!(" id=\"m{entity}-{mention}\""));
        }
        buf.push_str(&format!(
            " class=\"m t-{entity_type} f-{kind}{}\" href=\"#e{entity}\" data-entity=\"{entity}\" title=\"",
            if first { "" } else { " cont" }
        ));
        escape::attr(buf, &e.name);
        buf.push_str(&format!(" ({entity_type}, {kind})\">"));
    }
}

fn close_tag(item: Item) -> &'static str {
    match item {
        Item::Quote(_) => "</q>",
        Item::Claim(_) => "</span>",
        Item::Mention { .. } => "</a>",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(entity: usize, start: usize, end: usize) -> Mark {
        Mark {
            start,
            end,
            item: Item::Mention { entity, mention: 0 },
            first: true,
        }
    }

    fn spans(marks: &[Mark]) -> Vec<(usize, usize, usize, bool)> {
        marks
            .iter()
            .map(|m| match m.item {
                Item::Mention { entity, .. } => (m.start, m.end, entity, m.first),
                _ => unreachable!(),
            })
            .collect()
    }

    #[test]
    fn nested_mentions_become_disjoint_pieces() {
        // "the US president": a place inside a person's description.
        let pieces = disjoint(vec![mention(0, 0, 16), mention(1, 4, 6)]);
        assert_eq!(
            spans(&pieces),
            [(0, 4, 0, true), (4, 6, 1, true), (6, 16, 0, false)]
        );
    }

    #[test]
    fn crossing_and_separate_mentions_keep_every_stretch_once() {
        let pieces = disjoint(vec![mention(0, 0, 5), mention(1, 3, 8), mention(2, 10, 12)]);
        assert_eq!(
            spans(&pieces),
            [(0, 3, 0, true), (3, 8, 1, true), (10, 12, 2, true)]
        );
        let same = disjoint(vec![mention(0, 2, 4), mention(1, 2, 4)]);
        assert_eq!(spans(&same), [(2, 4, 1, true)]);
    }

    #[test]
    fn cursor_converts_code_points_in_any_order() {
        let mut cursor = Cursor::new("aé😀b");
        assert_eq!(cursor.slice(1, 3), "é😀");
        assert_eq!(cursor.slice(3, 4), "b");
        assert_eq!(cursor.slice(0, 2), "aé");
        assert_eq!(cursor.slice(3, 99), "b");
        let mut ascii = Cursor::new("abc");
        assert_eq!((ascii.slice(1, 2), ascii.slice(0, 9)), ("b", "abc"));
    }

    fn page_of(text: &str) -> String {
        let analysis = byline::analyze(text, &byline::Options::default());
        let speakers = Speakers::of(&analysis);
        let mut out = Vec::new();
        write(text, &analysis, &speakers, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn a_name_inside_a_quotation_nests_inside_it() {
        let html = page_of("“Ask Maria Lopez about it,” John Smith said.");
        let quote = html.find("<q id=\"q0\"").unwrap();
        let name = html.find("<a id=\"m").unwrap();
        let quote_end = html.find("</q>").unwrap();
        assert!(quote < name && name < quote_end, "{html}");
        // John Smith, the speaker, is the second entity.
        assert!(html.contains("data-speaker=\"1\""), "{html}");
    }

    /// The walk as a string: text letters, `<C0>` opening a first piece, `<C0+>` a
    /// later piece, `</C0>` closing.
    fn walk(text: &str, marks: &[Mark]) -> String {
        let mut out = String::new();
        let mut marks = marks.to_vec();
        marks.sort_by_key(|m| (m.start, usize::MAX - m.end, m.item));
        nest(&marks, 0, text.len(), &mut |event| match event {
            Event::Text(s, e) => out.push_str(&text[s..e]),
            Event::Open(m) => out.push_str(&format!(
                "<{}{}>",
                name(m.item),
                if m.first { "" } else { "+" }
            )),
            Event::Close(item) => out.push_str(&format!("</{}>", name(item))),
        });
        out
    }

    fn name(item: Item) -> String {
        match item {
            Item::Quote(i) => format!("Q{i}"),
            Item::Claim(i) => format!("C{i}"),
            Item::Mention { entity, .. } => format!("M{entity}"),
        }
    }

    fn mark(item: Item, start: usize, end: usize) -> Mark {
        Mark {
            start,
            end,
            item,
            first: true,
        }
    }

    #[test]
    fn crossing_marks_are_closed_and_reopened() {
        let marks = [mark(Item::Claim(0), 1, 5), mark(Item::Claim(1), 3, 7)];
        assert_eq!(
            walk("abcdefgh", &marks),
            "a<C0>bc<C1>de</C1></C0><C1+>fg</C1>h"
        );
    }

    #[test]
    fn same_span_marks_nest_quote_claim_mention() {
        let marks = [
            mark(
                Item::Mention {
                    entity: 2,
                    mention: 0,
                },
                0,
                3,
            ),
            mark(Item::Claim(0), 0, 3),
            mark(Item::Quote(0), 0, 3),
            mark(Item::Quote(1), 3, 5),
        ];
        assert_eq!(
            walk("abcde", &marks),
            "<Q0><C0><M2>abc</M2></C0></Q0><Q1>de</Q1>"
        );
    }

    #[test]
    fn a_mark_crossing_two_others_is_cut_at_each() {
        let marks = [
            mark(Item::Quote(0), 0, 4),
            mark(Item::Quote(1), 4, 8),
            mark(Item::Claim(0), 2, 6),
            mark(
                Item::Mention {
                    entity: 1,
                    mention: 0,
                },
                3,
                7,
            ),
        ];
        assert_eq!(
            walk("abcdefghi", &marks),
            "<Q0>ab<C0>c<M1>d</M1></C0></Q0><Q1><M1+><C0+>ef</C0>g</M1>h</Q1>i"
        );
    }

    proptest::proptest! {
        /// Whatever the marks, the walk writes each position of the paragraph once,
        /// opens and closes in nesting order, covers each mark exactly with its pieces,
        /// and gives each mark one `first` piece.
        #[test]
        fn any_marks_nest_and_cover_the_text_once(
            spans in proptest::collection::vec((0usize..40, 1usize..15, 0usize..3), 0..12),
        ) {
            let end = 50;
            let marks: Vec<Mark> = spans
                .iter()
                .enumerate()
                .map(|(i, &(start, len, layer))| {
                    let item = match layer {
                        0 => Item::Quote(i),
                        1 => Item::Claim(i),
                        _ => Item::Mention { entity: i, mention: 0 },
                    };
                    mark(item, start, (start + len).min(end))
                })
                .collect();
            let mut sorted = marks.clone();
            sorted.sort_by_key(|m| (m.start, usize::MAX - m.end, m.item));
            let mut open: Vec<Item> = Vec::new();
            let mut written = 0;
            let mut covered: std::collections::HashMap<Item, Vec<usize>> = Default::default();
            let mut firsts: std::collections::HashMap<Item, usize> = Default::default();
            nest(&sorted, 0, end, &mut |event| match event {
                Event::Text(s, e) => {
                    assert_eq!(s, written);
                    assert!(e > s);
                    written = e;
                    for item in &open {
                        covered.entry(*item).or_default().extend(s..e);
                    }
                }
                Event::Open(m) => {
                    assert_eq!(m.start, written);
                    if m.first {
                        *firsts.entry(m.item).or_default() += 1;
                    }
                    open.push(m.item);
                }
                Event::Close(item) => assert_eq!(open.pop(), Some(item)),
            });
            assert_eq!(written, end);
            assert!(open.is_empty());
            for m in &marks {
                let expected: Vec<usize> = (m.start..m.end).collect();
                assert_eq!(covered.get(&m.item).cloned().unwrap_or_default(), expected);
                assert_eq!(firsts.get(&m.item), Some(&1));
            }
        }
    }
}
