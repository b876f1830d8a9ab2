//! Escaping for the page: article text, attribute values and CSS strings. Everything the
//! page shows from the input passes through here, so that no text can become markup, an
//! attribute or a URL. Characters HTML does not allow in a document (controls other than
//! tab, line feed, form feed and carriage return, and the noncharacters) are shown as a
//! visible placeholder in the text and replaced in attributes.

/// Appends `text` as HTML text: `&`, `<` and `>` become references, and each character
/// HTML does not allow becomes a marked placeholder (a control picture, or U+FFFD).
pub fn text(buf: &mut String, text: &str) {
    let mut run_start = 0;
    for (at, c) in text.char_indices() {
        let reference = match c {
            '&' => "&amp;",
            '<' => "&lt;",
            '>' => "&gt;",
            c if !allowed(c) => "",
            _ => continue,
        };
        buf.push_str(&text[run_start..at]);
        run_start = at + c.len_utf8();
        if reference.is_empty() {
            placeholder(buf, c);
        } else {
            buf.push_str(reference);
        }
    }
    buf.push_str(&text[run_start..]);
}

/// Appends `value` for use inside a double- or single-quoted attribute value.
pub fn attr(buf: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '&' => buf.push_str("&amp;"),
            '<' => buf.push_str("&lt;"),
            '>' => buf.push_str("&gt;"),
            '"' => buf.push_str("&quot;"),
            '\'' => buf.push_str("&#39;"),
            c if !allowed(c) => buf.push(char::REPLACEMENT_CHARACTER),
            c => buf.push(c),
        }
    }
}

/// Appends `value` as the inside of a double-quoted CSS string: every character but ASCII
/// letters, digits and spaces as a hexadecimal escape, so that nothing in it can end the
/// string, the rule or the `<style>` element.
pub fn css_string(buf: &mut String, value: &str) {
    for c in value.chars() {
        if c.is_ascii_alphanumeric() || c == ' ' {
            buf.push(c);
        } else {
            let c = if allowed(c) && c != '\0' {
                c
            } else {
                char::REPLACEMENT_CHARACTER
            };
            buf.push_str(&format!("\\{:x} ", u32::from(c)));
        }
    }
}

/// The visible stand-in for a character HTML does not allow: its control picture (U+2400
/// block) or U+FFFD, in a span that names its code point.
fn placeholder(buf: &mut String, c: char) {
    let code = u32::from(c);
    let shown = match code {
        0..=0x1F => char::from_u32(0x2400 + code),
        0x7F => Some('\u{2421}'),
        _ => None,
    }
    .unwrap_or(char::REPLACEMENT_CHARACTER);
    buf.push_str(&format!(
        "<span class=\"ctl\" title=\"U+{code:04X}\">{shown}</span>"
    ));
}

/// Whether HTML allows `c` in a document's text: not a control other than ASCII
/// whitespace, and not a noncharacter.
pub fn allowed(c: char) -> bool {
    let code = u32::from(c);
    let control = (c.is_control() && !matches!(c, '\t' | '\n' | '\x0C' | '\r')) || c == '\0';
    let noncharacter = (0xFDD0..=0xFDEF).contains(&code) || code & 0xFFFE == 0xFFFE;
    !control && !noncharacter
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(f: fn(&mut String, &str), s: &str) -> String {
        let mut buf = String::new();
        f(&mut buf, s);
        buf
    }

    #[test]
    fn text_escapes_markup_and_keeps_the_rest() {
        assert_eq!(
            escaped(text, "<script>a & b</script> “q” 'x' é"),
            "&lt;script&gt;a &amp; b&lt;/script&gt; “q” 'x' é"
        );
        assert_eq!(escaped(text, "line\r\nnext\ttab"), "line\r\nnext\ttab");
    }

    #[test]
    fn text_shows_disallowed_characters_as_placeholders() {
        assert_eq!(
            escaped(text, "\u{0}a\u{1}b\u{7f}\u{85}\u{FFFF}"),
            "<span class=\"ctl\" title=\"U+0000\">\u{2400}</span>\
             a<span class=\"ctl\" title=\"U+0001\">\u{2401}</span>b\
             <span class=\"ctl\" title=\"U+007F\">\u{2421}</span>\
             <span class=\"ctl\" title=\"U+0085\">\u{FFFD}</span>\
             <span class=\"ctl\" title=\"U+FFFF\">\u{FFFD}</span>"
        );
    }

    #[test]
    fn attributes_escape_both_quote_marks() {
        assert_eq!(
            escaped(attr, "\"x\" onerror='y' <&>\u{0}"),
            "&quot;x&quot; onerror=&#39;y&#39; &lt;&amp;&gt;\u{FFFD}"
        );
    }

    #[test]
    fn css_strings_escape_everything_but_letters_digits_and_spaces() {
        assert_eq!(
            escaped(css_string, "Ann \"</style>\\é"),
            "Ann \\22 \\3c \\2f style\\3e \\5c \\e9 "
        );
    }
}
