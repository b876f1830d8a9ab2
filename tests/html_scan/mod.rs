//! A small, strict scanner for the pages `byline -f html` writes: tags with double-quoted
//! attributes, text with the five character references the page uses, and the raw text
//! of `<style>` and `<script>`. Anything else (a comment, an unknown reference, a stray
//! `<` or `>`, an unquoted attribute, a close tag that does not match) fails the test,
//! so a page that passes is well nested and its elements and attributes are exactly
//! those listed.

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};

use assert_cmd::Command;

/// What a run of the binary gave.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(cmd: &mut Command) -> Run {
    let output = cmd.output().unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// One element of the page.
#[derive(Debug, Clone)]
pub struct Element {
    pub name: String,
    pub attrs: BTreeMap<String, String>,
    /// Names of the open elements around it, outermost first.
    pub ancestors: Vec<String>,
    /// Their indexes in [`Page::elements`].
    pub ancestor_indexes: Vec<usize>,
    /// The element's text: decoded, its descendants' text included, and each placeholder
    /// of a character HTML does not allow (`<span class="ctl" title="U+0001">`) read back
    /// as that character.
    pub text: String,
    /// The raw text of `<style>`, `<script>` and `<title>`.
    pub raw: String,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name).map(String::as_str)
    }

    pub fn classes(&self) -> BTreeSet<&str> {
        self.attr("class")
            .map(|c| c.split(' ').collect())
            .unwrap_or_default()
    }
}

pub struct Page {
    pub elements: Vec<Element>,
}

const VOID: [&str; 1] = ["meta"];
const RAW: [&str; 3] = ["style", "script", "title"];

impl Page {
    /// Scans `html`; panics with the place of the first thing it does not accept.
    pub fn parse(html: &str) -> Page {
        let rest = html
            .strip_prefix("<!DOCTYPE html>\n")
            .expect("page starts with the doctype");
        let mut elements: Vec<Element> = Vec::new();
        let mut open: Vec<usize> = Vec::new();
        let mut at = 0;
        let bytes = rest.as_bytes();
        while at < rest.len() {
            if bytes[at] != b'<' {
                let end = rest[at..].find('<').map_or(rest.len(), |i| at + i);
                let mut text = decode(&rest[at..end]);
                if let Some(&i) = open
                    .iter()
                    .find(|&&i| elements[i].classes().contains("ctl"))
                {
                    text = placeholder_source(&elements[i]);
                }
                for &i in &open {
                    elements[i].text.push_str(&text);
                }
                at = end;
                continue;
            }
            let end = at + rest[at..].find('>').expect("tag ends");
            let tag = &rest[at + 1..end];
            at = end + 1;
            if let Some(name) = tag.strip_prefix('/') {
                let i = open
                    .pop()
                    .unwrap_or_else(|| panic!("</{name}> closes nothing"));
                assert_eq!(
                    elements[i].name, name,
                    "</{name}> closes <{}>",
                    elements[i].name
                );
                continue;
            }
            let (name, attrs) = parse_tag(tag);
            let ancestors = open.iter().map(|&i| elements[i].name.clone()).collect();
            let mut element = Element {
                name: name.clone(),
                attrs,
                ancestors,
                ancestor_indexes: open.clone(),
                text: String::new(),
                raw: String::new(),
            };
            if RAW.contains(&name.as_str()) {
                let close = format!("</{name}>");
                let end = at + rest[at..].find(&close).expect("raw text element ends");
                element.raw = rest[at..end].to_string();
                at = end + close.len();
                elements.push(element);
                continue;
            }
            elements.push(element);
            if !VOID.contains(&name.as_str()) {
                open.push(elements.len() - 1);
            }
        }
        assert!(open.is_empty(), "unclosed elements: {open:?}");
        Page { elements }
    }

    pub fn all<'p>(&'p self, name: &str) -> impl Iterator<Item = &'p Element> + 'p {
        let name = name.to_string();
        self.elements.iter().filter(move |e| e.name == name)
    }

    pub fn one(&self, name: &str) -> &Element {
        let mut found = self.all(name);
        let element = found.next().unwrap_or_else(|| panic!("no <{name}>"));
        assert!(found.next().is_none(), "more than one <{name}>");
        element
    }

    /// The article's text as a reader sees it (see [`Element::text`]).
    pub fn article_text(&self) -> String {
        self.one("article").text.clone()
    }

    /// The elements named `name` inside the element at `index`.
    pub fn inside<'p>(
        &'p self,
        index: usize,
        name: &str,
    ) -> impl Iterator<Item = &'p Element> + 'p {
        let name = name.to_string();
        self.elements
            .iter()
            .filter(move |e| e.name == name && e.ancestor_indexes.contains(&index))
    }

    pub fn ids(&self) -> BTreeSet<&str> {
        self.elements.iter().filter_map(|e| e.attr("id")).collect()
    }

    /// The distinct values of `attr` on the elements named `name` inside the article.
    pub fn values_in_article(&self, name: &str, attr: &str) -> BTreeSet<String> {
        self.all(name)
            .filter(|e| e.ancestors.iter().any(|a| a == "article"))
            .filter_map(|e| e.attr(attr).map(str::to_string))
            .collect()
    }
}

/// The character a placeholder stands for, from its title.
fn placeholder_source(ctl: &Element) -> String {
    let code = ctl.attr("title").expect("placeholder has a title");
    let code = u32::from_str_radix(code.trim_start_matches("U+"), 16).expect("hex code point");
    char::from_u32(code).expect("a character").to_string()
}

fn parse_tag(tag: &str) -> (String, BTreeMap<String, String>) {
    let name_end = tag.find(' ').unwrap_or(tag.len());
    let name = &tag[..name_end];
    assert!(
        !name.is_empty()
            && name
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()),
        "bad tag name in <{tag}>"
    );
    let mut attrs = BTreeMap::new();
    let mut rest = &tag[name_end..];
    while let Some(after_space) = rest.strip_prefix(' ') {
        let eq = after_space
            .find("=\"")
            .unwrap_or_else(|| panic!("unquoted attribute in <{tag}>"));
        let attr = &after_space[..eq];
        assert!(
            attr.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
            "bad attribute name {attr:?} in <{tag}>"
        );
        let value_start = eq + 2;
        let value_end = value_start + after_space[value_start..].find('"').expect("value ends");
        let value = decode(&after_space[value_start..value_end]);
        assert!(
            attrs.insert(attr.to_string(), value).is_none(),
            "repeated {attr}"
        );
        rest = &after_space[value_end + 1..];
    }
    assert!(rest.is_empty(), "unexpected {rest:?} in <{tag}>");
    (name.to_string(), attrs)
}

/// Decodes the character references the page writes; anything else is an error.
fn decode(text: &str) -> String {
    assert!(!text.contains('>'), "bare > in {text:?}");
    let mut out = String::new();
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp..];
        let (reference, c) = [
            ("&amp;", '&'),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&quot;", '"'),
            ("&#39;", '\''),
        ]
        .into_iter()
        .find(|(r, _)| after.starts_with(r))
        .unwrap_or_else(|| panic!("unknown reference at {after:?}"));
        out.push(c);
        rest = &after[reference.len()..];
    }
    out.push_str(rest);
    out
}
