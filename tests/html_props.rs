//! `byline -f html` on random articles built from pieces that make quotations, names,
//! claims and markup meet and overlap: every page is well nested, shows the text exactly
//! once, and links only to ids it has.

mod html_scan;

use std::io::Write;

use assert_cmd::Command;
use html_scan::{run, Page};
use proptest::prelude::*;

const PIECES: [&str; 24] = [
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    " said ",
    "Maria Lopez",
    " Ann Lee",
    "President Joe Smith",
    " the Acme Corp.",
    " in Paris",
    " 20%",
    " about 3,000 people",
    " more than two hours",
    ". ",
    ",",
    "\n",
    "\n\n",
    "<b>&amp;</b>",
    " é😀 ",
    "\r\n",
    " told Reuters",
    " she added",
];

fn page_for(text: &str) -> Page {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(text.as_bytes()).unwrap();
    let out = run(Command::cargo_bin("byline")
        .unwrap()
        .args(["-f", "html"])
        .arg(file.path()));
    assert_eq!(out.code, 0, "{}", out.stderr);
    Page::parse(&out.stdout)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn random_articles_give_well_nested_pages_of_their_exact_text(
        picks in proptest::collection::vec(0usize..PIECES.len(), 0..80),
    ) {
        let text: String = picks.iter().map(|&i| PIECES[i]).collect();
        let page = page_for(&text);
        prop_assert_eq!(page.article_text(), text);
        let ids = page.ids();
        for link in page.all("a") {
            let href = link.attr("href").unwrap();
            prop_assert!(ids.contains(href.trim_start_matches('#')), "{}", href);
            prop_assert!(!link.ancestors.iter().any(|a| a == "a"));
        }
    }
}
