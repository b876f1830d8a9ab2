//! `byline -f html` on hostile text: markup, attribute and URL syntax in an article shows
//! as text and creates no element, attribute or link; the page's ids, classes and data
//! attributes are generated. Checked by scanning the page with a strict tag scanner and
//! comparing its elements and attributes with the lists below.

mod html_scan;

use std::collections::BTreeSet;
use std::io::Write;

use assert_cmd::Command;
use html_scan::{run, Page};

/// Every element the page may have.
const ELEMENTS: [&str; 31] = [
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "p", "bdi", "ul", "ol",
    "li", "span", "div", "main", "article", "q", "a", "aside", "section", "details", "summary",
    "table", "thead", "tbody", "tr", "th", "td", "script",
];

/// Every attribute the page may have.
const ATTRIBUTES: [&str; 18] = [
    "lang",
    "charset",
    "name",
    "content",
    "http-equiv",
    "id",
    "class",
    "href",
    "title",
    "aria-label",
    "data-quote",
    "data-speaker",
    "data-kind",
    "data-claim",
    "data-value",
    "data-entity",
    "data-type",
    "dir",
];

const HOSTILE: &str = "\
<script>alert(1)</script> & <img src=x onerror=\"alert('img')\"> </title></style>\n\
\n\
“<b>Stop</b> & go </title> <script>bad()</script>,” said Jack O'Neil-\"Smith\", chief of Acme Corp. \
He said 20% of <a href=\"javascript:alert(1)\">users</a> & 3,000 <iframe src=//evil> left.\n\
\n\
\"It's 'fine' <!-- comment --> &amp; &lt;safe&gt; &#60;x&#62;,\" Maria Lopez told Reuters in Paris. \
A control \u{1} char, a DEL \u{7f}, a C1 \u{85} and a noncharacter \u{fdd0}; data-x=\"y\" id=\"q0\" href=#e0.\n\
\n\
<style>body{display:none}</style><meta http-equiv=\"refresh\" content=\"0;url=http://x\">\n";

fn hostile_page(text: &str) -> (String, Page) {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(text.as_bytes()).unwrap();
    let out = run(Command::cargo_bin("byline")
        .unwrap()
        .args(["-f", "html"])
        .arg(file.path()));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let page = Page::parse(&out.stdout);
    (out.stdout, page)
}

#[test]
fn hostile_text_shows_as_text_and_nothing_else() {
    let (_, page) = hostile_page(HOSTILE);
    assert_eq!(page.article_text(), HOSTILE);
    // The analysis found things to mark, so the marks were written around hostile text.
    assert!(page.values_in_article("q", "data-quote").len() >= 2);
    assert!(!page.values_in_article("a", "data-entity").is_empty());
    assert!(!page.values_in_article("span", "data-claim").is_empty());
}

#[test]
fn hostile_text_creates_no_element_or_attribute() {
    let (_, page) = hostile_page(HOSTILE);
    for element in &page.elements {
        assert!(
            ELEMENTS.contains(&element.name.as_str()),
            "<{}>",
            element.name
        );
        for attr in element.attrs.keys() {
            assert!(
                ATTRIBUTES.contains(&attr.as_str()),
                "{attr} on <{}>",
                element.name
            );
        }
    }
    assert_eq!(page.all("script").count(), 1);
    assert_eq!(
        page.one("script").raw,
        include_str!("../src/cli/html/page.js"),
        "the only script is the page's own"
    );
    let styles: Vec<&str> = page.all("style").map(|s| s.raw.as_str()).collect();
    assert_eq!(styles.len(), 2);
    assert_eq!(
        styles[0].trim_start(),
        include_str!("../src/cli/html/page.css")
    );
    // The speaker labels: one rule per speaker, names escaped to hexadecimal.
    for rule in styles[1].lines().filter(|l| !l.is_empty()) {
        assert!(rule.starts_with("q.lab[data-speaker=\""), "{rule}");
        let content = rule.split("content:\"").nth(1).unwrap();
        let name = content.strip_suffix("\"}").unwrap();
        assert!(
            name.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '\\'),
            "{rule}"
        );
    }
}

#[test]
fn ids_classes_links_and_data_are_generated() {
    let (_, page) = hostile_page(HOSTILE);
    let ids = page.ids();
    let generated = |value: &str, extra: &str| {
        !value.is_empty()
            && value
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || extra.contains(c))
    };
    for element in &page.elements {
        for (attr, value) in &element.attrs {
            match attr.as_str() {
                "id" => assert!(generated(value, "-"), "id {value:?}"),
                "class" => assert!(generated(value, "- _"), "class {value:?}"),
                "href" => {
                    let target = value.strip_prefix('#').expect("only links on the page");
                    assert!(ids.contains(target), "{value}");
                }
                "data-value" => assert!(generated(value, ".-"), "{value:?}"),
                a if a.starts_with("data-") => assert!(generated(value, "_"), "{a}={value:?}"),
                _ => {}
            }
        }
    }
    let unique: BTreeSet<&str> = page.elements.iter().filter_map(|e| e.attr("id")).collect();
    assert_eq!(
        unique.len(),
        page.elements
            .iter()
            .filter(|e| e.attr("id").is_some())
            .count()
    );
}

#[test]
fn quote_marks_and_ampersands_in_names_stay_inside_their_attribute() {
    let text = "“We will build it,” said Jack O'Neil-Smith & Sons chief Ann \"Annie\" Lee.\n\
                “It is done,” O'Neil-Smith said.\n";
    let (html, page) = hostile_page(text);
    assert_eq!(page.article_text(), text);
    for q in page.all("q") {
        let title = q.attr("title").unwrap();
        assert!(!title.contains('<'), "{title}");
    }
    assert!(
        !html.contains("O'Neil-Smith\""),
        "raw quote mark in an attribute"
    );
}

#[test]
fn empty_and_blank_articles_give_valid_pages() {
    for text in ["", "\n\n  \n", "\u{1}\u{2}\r\n"] {
        let (_, page) = hostile_page(text);
        assert_eq!(page.article_text(), text);
        assert!(page.values_in_article("q", "data-quote").is_empty());
    }
}
