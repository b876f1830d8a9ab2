//! Tokenizer: words, numbers, quotation marks and other punctuation, as byte spans.
//! Tokens never cross a paragraph. Apostrophes between letters stay inside their word
//! ("don’t", "O'Brien"), so later stages see them as part of it. Inner periods stay
//! inside decimals, initialisms and host names ("3.5", "U.S", "Ph.D", "wikihow.com"; the
//! final period of "U.S." is a token of its own, which the sentence splitter judges); a
//! number written without its leading zero keeps its period (".50"); a web or e-mail
//! address is one `Word` (`https://example.com/a.html`, `jane.doe@example.com`).

use crate::document::{Paragraph, Span, Token, TokenKind, MAX_TOKEN_BYTES};
use crate::limits;

/// Characters that may open or close a quotation (or be an apostrophe). The one list of
/// quotation marks: the quotes stage asks it too.
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '„'
            | '‚'
            | '「'
            | '」'
            | '『'
            | '』'
            | '‟'
            | '‛'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Tokenizes each paragraph of `text`; a warning goes to `warnings` when
/// [`limits::TOKENS`] joined some tokens.
pub fn tokenize(text: &str, paragraphs: &[Paragraph], warnings: &mut Vec<String>) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    // Most texts hold no `@` at all: one search of the whole text spares one per
    // paragraph.
    let text_holds_at = text.contains('@');
    let mut joined = false;
    for p in paragraphs {
        let body = text
            .get(p.span.range())
            .expect("a paragraph's span lies on char boundaries of the text");
        let may_hold_email = text_holds_at && body.contains('@');
        let after = text.len() - p.span.end();
        joined |= tokenize_paragraph(body, p.span.start(), after, may_hold_email, &mut tokens);
    }
    if joined {
        warnings.push(limits::TOKENS.warning());
    }
    tokens
}

/// Makes room for more tokens when `tokens` is full, `rest` bytes of text still to
/// tokenize: twice the room as usual, but never more than `rest` tokens (every token
/// holds a byte), so the array never reserves more than one token per byte of text.
#[cold]
fn grow(tokens: &mut Vec<Token>, rest: usize) {
    tokens.reserve_exact(tokens.capacity().max(16).min(rest.max(1)));
}

/// Longest web address or e-mail address kept as one token, in bytes; the bound keeps
/// the look-ahead linear on text without spaces.
const MAX_ADDRESS_LEN: usize = 512;

/// Longest word (in bytes, before a period) still checked for being an initialism.
const MAX_INITIALISM_LEN: usize = 16;

/// Tokenizes `body`, whose first byte is at `base` in the document.
#[cfg(test)]
pub fn tokenize_into(body: &str, base: usize, tokens: &mut Vec<Token>) {
    tokenize_paragraph(body, base, 0, body.contains('@'), tokens);
}

/// [`tokenize_into`], told how many bytes of text follow `body` and whether `body` holds
/// an `@`: e-mail addresses need one, and most paragraphs have none, so the look-ahead
/// for one after every word is skipped. Returns whether [`limits::TOKENS`] joined tokens.
fn tokenize_paragraph(
    body: &str,
    base: usize,
    after: usize,
    may_hold_email: bool,
    tokens: &mut Vec<Token>,
) -> bool {
    let mut joined = false;
    let bytes = body.as_bytes();
    let mut pos = 0;
    // Whether the character before `pos` is a space or an opening mark (or there is
    // none): only there may an address start.
    let mut after_space = true;
    while let Some(&b) = bytes.get(pos) {
        // ASCII spaces, words and plain marks, nearly all of a text, take a short path
        // that decides the same as the general one below without decoding a `char`.
        match ASCII_CLASS[usize::from(b)] {
            AsciiClass::Space => {
                after_space = true;
                pos += 1;
                continue;
            }
            AsciiClass::Alnum
                if !(after_space && may_start_address(char::from(b), may_hold_email)) =>
            {
                let (end, kind) = scan_word_from(body, pos, pos + 1, b.is_ascii_digit());
                joined |= push_token(tokens, body, base, after, pos..end, kind);
                pos = end;
                // A word is no opening mark.
                after_space = false;
                continue;
            }
            AsciiClass::Mark if !(after_space && may_hold_email) => {
                joined |= push_token(tokens, body, base, after, pos..pos + 1, TokenKind::Punct);
                pos += 1;
                after_space = is_opening(char::from(b));
                continue;
            }
            _ => {}
        }
        let Some(c) = char_at(body, pos) else {
            break;
        };
        if c.is_whitespace() || (!c.is_ascii() && is_invisible(c)) {
            after_space = c.is_whitespace();
            pos += c.len_utf8();
            continue;
        }
        let start = pos;
        let address = after_space
            && may_start_address(c, may_hold_email)
            && starts_address(body, start, may_hold_email);
        let (end, kind) = if address {
            (start + address_len(body, start), TokenKind::Word)
        } else {
            token_at(body, start, c)
        };
        // Every token holds at least its first character.
        pos = end.max(start + c.len_utf8());
        joined |= push_token(tokens, body, base, after, start..pos, kind);
        // Only a one-character token can be an opening mark: words, numbers and
        // addresses end with a letter, a digit or a slash.
        after_space = pos == start + c.len_utf8() && is_opening(c);
    }
    joined
}

/// What the tokenizer's short path does with an ASCII byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum AsciiClass {
    /// A space, as `char::is_whitespace` says: skipped.
    Space,
    /// A letter or a digit: starts a word or a number.
    Alnum,
    /// A one-byte `Punct` token in every case: no quotation mark, no period (which may
    /// start a bare decimal).
    Mark,
    /// Anything else: decided by the general path (quotation marks, periods, and every
    /// byte beyond ASCII).
    Other,
}

static ASCII_CLASS: [AsciiClass; 256] = {
    let mut table = [AsciiClass::Other; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if matches!(c, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
            AsciiClass::Space
        } else if c.is_ascii_alphanumeric() {
            AsciiClass::Alnum
        } else if matches!(c, b'.' | b'"' | b'\'') {
            AsciiClass::Other
        } else {
            AsciiClass::Mark
        };
        b += 1;
    }
    table
};

/// A cheap first test for [`starts_address`]: a web address starts with "http" or
/// "www", an e-mail address with a character of its local part (and needs an `@`).
#[inline]
fn may_start_address(c: char, may_hold_email: bool) -> bool {
    matches!(c, 'h' | 'H' | 'w' | 'W') || (may_hold_email && is_local_part_char(c))
}

/// The token (other than an address) that starts with `c` at byte `start`: its end
/// and kind.
#[inline]
fn token_at(body: &str, start: usize, c: char) -> (usize, TokenKind) {
    if starts_word(c) {
        scan_word(body, start)
    } else if is_quote_mark(c) {
        (start + c.len_utf8(), TokenKind::QuoteMark)
    } else if c == '.' && starts_bare_decimal(body, start, prev_char(body, start)) {
        // ".50", "$.50", "batting .227": a number written without its leading zero.
        let (end, _) = scan_word(body, start + 1);
        (end, TokenKind::Number)
    } else {
        (start + c.len_utf8(), TokenKind::Punct)
    }
}

/// The character starting at byte `at` of `s` (`None` at the end or off a boundary).
#[inline]
fn char_at(s: &str, at: usize) -> Option<char> {
    match s.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => s.get(at..).and_then(|r| r.chars().next()),
    }
}

/// Pushes the token over `body[range]`, `after` bytes of text following `body`; returns
/// whether [`limits::TOKENS`] joined it to the token before instead.
#[inline]
fn push_token(
    tokens: &mut Vec<Token>,
    body: &str,
    base: usize,
    after: usize,
    range: std::ops::Range<usize>,
    kind: TokenKind,
) -> bool {
    let at = base + range.start;
    crate::steps::add(1);
    if !limits::TOKENS.admits(tokens.len(), at) && join_to_last(tokens, at, base + range.end) {
        return true;
    }
    if tokens.len() == tokens.capacity() {
        grow(tokens, body.len() - range.start + after);
    }
    if range.len() <= MAX_TOKEN_BYTES {
        tokens.push(Token::new(
            Span::new(base + range.start, base + range.end),
            kind,
        ));
    } else {
        push_long_token(tokens, body, base, range, kind);
    }
    false
}

/// Past [`limits::TOKENS`]: extends the last token over `start..end` when it ends at
/// `start` and the two fit in one token; returns whether it did.
#[cold]
fn join_to_last(tokens: &mut [Token], start: usize, end: usize) -> bool {
    match tokens.last_mut() {
        Some(last) if last.end() == start && end - last.start() <= MAX_TOKEN_BYTES => {
            *last = Token::new(Span::new(last.start(), end), last.kind);
            true
        }
        _ => false,
    }
}

/// Pushes the token over `body[range]` cut into pieces of at most [`MAX_TOKEN_BYTES`] (on
/// character boundaries): tokens store their length in one byte. Kept out of line, so the
/// tokenizer's loop stays small.
#[inline(never)]
fn push_long_token(
    tokens: &mut Vec<Token>,
    body: &str,
    base: usize,
    range: std::ops::Range<usize>,
    kind: TokenKind,
) {
    let mut start = range.start;
    while range.end - start > MAX_TOKEN_BYTES {
        let mut cut = start + MAX_TOKEN_BYTES;
        while !body.is_char_boundary(cut) {
            cut -= 1;
        }
        tokens.push(Token::new(Span::new(base + start, base + cut), kind));
        start = cut;
    }
    tokens.push(Token::new(Span::new(base + start, base + range.end), kind));
}

/// The character ending at byte `at` of `body`.
#[inline]
fn prev_char(body: &str, at: usize) -> Option<char> {
    match at.checked_sub(1).and_then(|i| body.as_bytes().get(i)) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => body.get(..at).and_then(|b| b.chars().next_back()),
    }
}

fn is_opening(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '<') || is_quote_mark(c)
}

/// A word or number starting at `start` (an alphanumeric character): its end and kind.
/// Inlined: it runs for every word, and the call's register saves cost about as much as
/// scanning a short word.
#[inline(always)]
fn scan_word(body: &str, start: usize) -> (usize, TokenKind) {
    let Some(first) = char_at(body, start) else {
        return (start, TokenKind::Punct);
    };
    scan_word_from(
        body,
        start,
        start + first.len_utf8(),
        first.is_ascii_digit(),
    )
}

/// The rest of [`scan_word`], from `end`, just past the word's first character.
#[inline(always)]
fn scan_word_from(
    body: &str,
    start: usize,
    mut end: usize,
    digits_first: bool,
) -> (usize, TokenKind) {
    let bytes = body.as_bytes();
    loop {
        // Runs of ASCII letters and digits, the common case, byte by byte.
        while bytes.get(end).is_some_and(|&b| ASCII_ALNUM[usize::from(b)]) {
            end += 1;
        }
        let Some(&b) = bytes.get(end) else {
            break;
        };
        // An ASCII byte here is no letter or digit (the run above stopped at it): the
        // word goes on only over an ASCII joiner (see [`keeps_joiner`]).
        if b.is_ascii() {
            if !matches!(b, b'\'' | b'-' | b'.' | b',')
                || !joiner_continues_word(body, start, end, char::from(b), digits_first)
            {
                break;
            }
            end += 1;
            continue;
        }
        let Some(d) = char_at(body, end) else {
            break;
        };
        if !continues_word(d) && !keeps_joiner(body, start, end, d, digits_first) {
            break;
        }
        end += d.len_utf8();
    }
    // "1990s", "4th", "2,000-strong" start with a digit: still numbers for later stages.
    let kind = if digits_first {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    (end, kind)
}

/// Which bytes are ASCII letters or digits: one table load per byte of a word instead of
/// several compares and branches.
static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// Letters and digits start a word. ASCII is answered from a table, and quotation marks
/// (never alphanumeric) without the Unicode tables.
#[inline]
fn starts_word(c: char) -> bool {
    if c.is_ascii() {
        ASCII_ALNUM[c as usize]
    } else {
        !is_quote_mark(c) && c.is_alphanumeric()
    }
}

/// `char::is_alphanumeric`, with ASCII and the General Punctuation block (closing
/// quotation marks after a comma or period: ",”") answered without the Unicode tables.
#[inline]
fn is_alphanumeric(n: char) -> bool {
    match n {
        _ if n.is_ascii() => n.is_ascii_alphanumeric(),
        '\u{2000}'..='\u{206F}' => false,
        _ => n.is_alphanumeric(),
    }
}

/// Letters, digits and combining marks continue a word. ASCII and the General
/// Punctuation block (U+2000–U+206F: dashes, curly quotation marks; no letters or digits)
/// are answered without the Unicode tables, which the word scan would otherwise consult
/// at the end of nearly every word.
#[inline]
fn continues_word(d: char) -> bool {
    match d {
        _ if d.is_ascii() => d.is_ascii_alphanumeric(),
        '\u{2000}'..='\u{206F}' => false,
        _ => d.is_alphanumeric() || is_combining(d),
    }
}

/// Whether `d`, at byte `at` of the word begun at `start`, is an inner joiner kept in the
/// word: only when another alphanumeric follows it ("don’t", "5,000", "3.5", "U.S",
/// "Ph.D", "Shin-Wook", "wikihow.com").
#[inline]
fn keeps_joiner(body: &str, start: usize, at: usize, d: char, digits_first: bool) -> bool {
    let joiner = is_apostrophe(d) || matches!(d, '-' | '‐' | '.' | ',' | '·');
    joiner && joiner_continues_word(body, start, at, d, digits_first)
}

/// The rest of [`keeps_joiner`], for the joiners, out of line: most words end at a space
/// or a mark that joins nothing.
#[inline(never)]
fn joiner_continues_word(body: &str, start: usize, at: usize, d: char, digits_first: bool) -> bool {
    match char_at(body, at + d.len_utf8()) {
        Some(n) if is_alphanumeric(n) => match d {
            ',' => digits_first && n.is_ascii_digit(),
            '.' => keeps_inner_period(body, start, at, digits_first, n),
            _ => true,
        },
        _ => false,
    }
}

/// Whether the period at `dot`, inside the word begun at `start` and followed by `next`,
/// belongs to the word: decimals ("3.5"), initialisms ("U.S", "Ph.D", "a.m") and host
/// names ("wikihow.com"). A period before a capitalised word is left alone, since
/// "world.Today" is more often a missing space than a name.
fn keeps_inner_period(
    body: &str,
    start: usize,
    dot: usize,
    digits_first: bool,
    next: char,
) -> bool {
    if digits_first {
        return next.is_ascii_digit();
    }
    if !next.is_alphabetic() {
        return false;
    }
    next.is_lowercase() || is_initialism(body, start, dot)
}

/// True when the word so far (`body[start..dot]`) is a run of short letter groups joined
/// by periods ("U", "U.S", "Ph") and the group after `dot` is short too, so the period at
/// `dot` belongs to an initialism ("U.S.A", "Ph.D") rather than ending a word.
fn is_initialism(body: &str, start: usize, dot: usize) -> bool {
    // Initialisms are short ("U.S.S.R", "Ph.D"); the bound keeps this check O(1) per period
    // (it runs at every period of a word, so rescanning a long "A.B.C.…" word is quadratic).
    if dot.saturating_sub(start) > MAX_INITIALISM_LEN {
        return false;
    }
    let Some(before) = body.get(start..dot) else {
        return false;
    };
    let short_groups = before.split('.').all(|part| {
        let n = part.chars().count();
        n == 1 || (n == 2 && part.chars().next().is_some_and(char::is_uppercase))
    });
    let after = body
        .get(dot + 1..)
        .unwrap_or("")
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(3)
        .count();
    short_groups && after <= 2
}

/// A period that starts a number: followed by a digit, and preceded by a space, the
/// start, a currency or comparison sign or an opening bracket or quotation mark (after a
/// word or a closing bracket it is a sentence end before a footnote number: "(1987).1").
fn starts_bare_decimal(body: &str, dot: usize, before: Option<char>) -> bool {
    let digit_after = body
        .get(dot + 1..)
        .and_then(|r| r.chars().next())
        .is_some_and(|c| c.is_ascii_digit());
    let sign_before = |b: char| {
        b.is_whitespace()
            || matches!(
                b,
                '$' | '€'
                    | '£'
                    | '¥'
                    | '('
                    | '['
                    | '-'
                    | '+'
                    | '−'
                    | '±'
                    | '~'
                    | '≈'
                    | '<'
                    | '>'
                    | '='
            )
            || (is_quote_mark(b) && b != '\'' && b != '’')
    };
    digit_after && before.is_none_or(sign_before)
}

/// Whether a web or e-mail address starts at `start`; an e-mail address only when
/// `may_hold_email` (the text holds an `@`).
fn starts_address(body: &str, start: usize, may_hold_email: bool) -> bool {
    let rest = body.get(start..).unwrap_or("");
    let lower_prefix = |p: &str| {
        rest.get(..p.len())
            .is_some_and(|r| r.eq_ignore_ascii_case(p))
    };
    let web = matches!(rest.as_bytes().first(), Some(b'h' | b'H' | b'w' | b'W'))
        && (lower_prefix("http://") || lower_prefix("https://") || lower_prefix("www."));
    if web {
        return address_len(body, start) > 4;
    }
    may_hold_email && starts_local_part(rest) && is_email(address_chunk(rest))
}

/// Whether `rest` starts with what may be an e-mail local part followed by `@`. This cheap
/// look-ahead stops at the first character a local part cannot hold, so the full address
/// check (up to [`MAX_ADDRESS_LEN`] bytes) only runs where an `@` is near: without it, every
/// token after an opening mark in a run of marks scanned hundreds of bytes ahead.
fn starts_local_part(rest: &str) -> bool {
    for (i, c) in rest.char_indices() {
        crate::steps::add(1);
        if c == '@' {
            return i > 0;
        }
        if !is_local_part_char(c) || i >= MAX_ADDRESS_LEN {
            return false;
        }
    }
    false
}

/// A character an e-mail address may hold before its `@`.
fn is_local_part_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

/// The run of non-space characters at the start of `rest`, up to [`MAX_ADDRESS_LEN`].
fn address_chunk(rest: &str) -> &str {
    let mut end = 0;
    for (i, c) in rest.char_indices() {
        crate::steps::add(1);
        if c.is_whitespace() || i >= MAX_ADDRESS_LEN {
            break;
        }
        end = i + c.len_utf8();
    }
    let chunk = rest.get(..end).unwrap_or("");
    chunk.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '/'))
}

fn address_len(body: &str, start: usize) -> usize {
    address_chunk(body.get(start..).unwrap_or("")).len()
}

/// "jane.doe@example.com": a local part, an `@`, and a host name with a period.
fn is_email(chunk: &str) -> bool {
    let Some((local, host)) = chunk.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty() && local.chars().all(is_local_part_char);
    let host_ok = host.contains('.')
        && !host.starts_with('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-'));
    local_ok && host_ok
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut tokens = Vec::new();
        tokenize_into(text, 0, &mut tokens);
        tokens
            .iter()
            .map(|t| &text[t.span().start()..t.span().end()])
            .collect()
    }

    #[test]
    fn keeps_inner_apostrophes_and_numbers() {
        assert_eq!(
            words("“We don’t,” said O'Brien: 5,000 sq km, 3.5 years."),
            [
                "“", "We", "don’t", ",", "”", "said", "O'Brien", ":", "5,000", "sq", "km", ",",
                "3.5", "years", "."
            ]
        );
    }

    #[test]
    fn initialisms_and_hyphens() {
        assert_eq!(
            words("the U.S. and Kim Shin-Wook"),
            ["the", "U.S", ".", "and", "Kim", "Shin-Wook"]
        );
    }

    #[test]
    fn addresses_and_bare_decimals_are_single_tokens() {
        assert_eq!(
            words("Mail jane.doe@example.com or see https://www.example.com/a_b.html. Pay $.50 (.5%)."),
            [
                "Mail",
                "jane.doe@example.com",
                "or",
                "see",
                "https://www.example.com/a_b.html",
                ".",
                "Pay",
                "$",
                ".50",
                "(",
                ".5",
                "%",
                ")",
                "."
            ]
        );
        assert_eq!(
            words("Journal (1987).1 Next"),
            ["Journal", "(", "1987", ")", ".", "1", "Next"]
        );
        assert_eq!(
            words("a Ph.D. at wikihow.com"),
            ["a", "Ph.D", ".", "at", "wikihow.com"]
        );
    }

    #[test]
    fn word_characters_without_tables_agree_with_unicode() {
        let slow = |d: char| d.is_alphanumeric() || is_combining(d);
        for d in ('\0'..='\u{7F}').chain('\u{2000}'..='\u{206F}') {
            assert_eq!(continues_word(d), slow(d), "{d:?}");
        }
        assert!(continues_word('é') && continues_word('\u{301}') && continues_word('省'));
        assert!(!continues_word('«') && !continues_word('—'));
        for n in ('\0'..='\u{7F}')
            .chain('\u{2000}'..='\u{206F}')
            .chain(['é', '省', '٣'])
        {
            assert_eq!(is_alphanumeric(n), n.is_alphanumeric(), "{n:?}");
        }
        for c in ('\0'..='\u{7F}').chain(['«', '“', '’', '„', '「', 'é', 'Я', '省', '٣', '\u{301}'])
        {
            assert_eq!(starts_word(c), c.is_alphanumeric(), "{c:?}");
        }
        for b in 0..=255u8 {
            assert_eq!(
                ASCII_ALNUM[usize::from(b)],
                b.is_ascii_alphanumeric(),
                "{b}"
            );
        }
    }

    #[test]
    fn ascii_classes_agree_with_the_general_path() {
        for b in 0..=255u8 {
            let c = char::from(b);
            let expected = if !b.is_ascii() {
                AsciiClass::Other
            } else if c.is_whitespace() {
                AsciiClass::Space
            } else if starts_word(c) {
                AsciiClass::Alnum
            } else if is_quote_mark(c) || c == '.' {
                AsciiClass::Other
            } else {
                AsciiClass::Mark
            };
            assert_eq!(ASCII_CLASS[usize::from(b)], expected, "{b}");
        }
        // Marks and words after a space in a paragraph with an `@` take the general path.
        assert_eq!(
            words("(-jane@example.com) +x_y@a.org, say"),
            ["(", "-jane@example.com", ")", "+x_y@a.org", ",", "say"]
        );
    }

    #[test]
    fn trailing_apostrophe_is_its_own_token() {
        assert_eq!(
            words("the ‘worked’ one"),
            ["the", "‘", "worked", "’", "one"]
        );
    }

    #[test]
    fn a_token_longer_than_the_limit_is_cut_on_char_boundaries() {
        // 'é' is two bytes, so a cut at exactly MAX_TOKEN_BYTES would split one.
        let text = format!("a{} b", "é".repeat(MAX_TOKEN_BYTES));
        let mut tokens = Vec::new();
        tokenize_into(&text, 0, &mut tokens);
        let pieces: Vec<&str> = tokens.iter().map(|t| &text[t.start()..t.end()]).collect();
        assert_eq!(pieces.len(), 4, "three pieces of the long word, then 'b'");
        assert!(pieces.iter().all(|p| p.len() <= MAX_TOKEN_BYTES));
        assert_eq!(pieces[..3].concat(), text[..text.len() - 2]);
        assert_eq!(pieces[3], "b");
        assert!(tokens.iter().all(|t| t.kind == TokenKind::Word));
    }
}
