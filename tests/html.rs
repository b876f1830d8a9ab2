//! `byline -f html`: the page shows every fixture's text exactly, well nested, and agrees
//! with the JSON report on what it marks and lists.

mod html_scan;

use std::collections::BTreeSet;
use std::fs;

use assert_cmd::Command;
use serde_json::Value;

use html_scan::{run, Page};

fn byline() -> Command {
    Command::cargo_bin("byline").unwrap()
}

fn page_of(path: &str) -> (String, Page) {
    let out = run(byline().args(["-f", "html", path]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let page = Page::parse(&out.stdout);
    (out.stdout, page)
}

fn json_of(path: &str) -> Value {
    let out = run(byline().arg(path));
    assert_eq!(out.code, 0, "{}", out.stderr);
    serde_json::from_str(&out.stdout).unwrap()
}

fn fixtures() -> Vec<String> {
    let mut paths: Vec<String> = fs::read_dir("fixtures")
        .unwrap()
        .map(|entry| entry.unwrap().path().display().to_string())
        .filter(|path| path.ends_with(".txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 5, "{paths:?}");
    paths
}

#[test]
fn every_fixture_page_shows_its_text_exactly_once() {
    for path in fixtures() {
        let (_, page) = page_of(&path);
        let text = fs::read_to_string(&path).unwrap();
        assert_eq!(page.article_text(), text, "{path}");
    }
}

#[test]
fn every_link_goes_to_an_id_on_the_page_and_ids_are_unique() {
    for path in fixtures() {
        let (_, page) = page_of(&path);
        let ids: Vec<&str> = page.elements.iter().filter_map(|e| e.attr("id")).collect();
        let unique: BTreeSet<&str> = ids.iter().copied().collect();
        assert_eq!(ids.len(), unique.len(), "{path}: repeated ids");
        for link in page.all("a") {
            let href = link.attr("href").expect("every link has an href");
            let target = href.strip_prefix('#').expect("links stay on the page");
            assert!(unique.contains(target), "{path}: {href} goes nowhere");
        }
        assert!(
            page.all("a").all(|a| !a.ancestors.iter().any(|n| n == "a")),
            "{path}: a link inside a link"
        );
    }
}

/// The seed article's page and its JSON report agree on the quotations (with speaker and
/// kind), people, organizations and claims.
#[test]
fn seed_page_agrees_with_the_json_report() {
    let path = "fixtures/seed-article.txt";
    let (_, page) = page_of(path);
    let json = json_of(path);
    let quotes = json["quotes"].as_array().unwrap();
    let claims = json["claims"].as_array().unwrap();
    let of_type = |t: &str| {
        json["entities"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["type"] == t)
            .count()
    };
    // The counts the issue names for the seed article (15 claims: its closing author bio
    // holds none).
    assert_eq!((quotes.len(), claims.len()), (21, 15));
    assert_eq!((of_type("person"), of_type("organization")), (8, 8));

    let quote_ids = page.values_in_article("q", "data-quote");
    assert_eq!(quote_ids.len(), quotes.len());
    for (i, quote) in quotes.iter().enumerate() {
        let mark = page
            .all("q")
            .find(|q| q.attr("id") == Some(&format!("q{i}")))
            .unwrap_or_else(|| panic!("quotation {i} not marked"));
        let speaker = quote["speaker"]["entity"]
            .as_u64()
            .map_or("none".to_string(), |e| e.to_string());
        assert_eq!(
            mark.attr("data-speaker"),
            Some(speaker.as_str()),
            "quote {i}"
        );
        assert_eq!(mark.attr("data-kind"), quote["kind"].as_str(), "quote {i}");
        assert!(mark.text.contains(quote["text"].as_str().unwrap()));
    }
    let listed = |t: &str| {
        page.all("li")
            .filter(|li| li.attr("data-type") == Some(t))
            .count()
    };
    assert_eq!(listed("person"), of_type("person"));
    assert_eq!(listed("organization"), of_type("organization"));
    assert_eq!(listed("place"), of_type("place"));
    assert_eq!(
        page.values_in_article("span", "data-claim").len(),
        claims.len()
    );
    assert_eq!(
        page.all("tr")
            .filter(|tr| tr.attr("data-claim").is_some())
            .count(),
        claims.len()
    );

    let stats = page
        .all("p")
        .find(|p| p.classes().contains("stats"))
        .unwrap();
    for expected in ["21 quotations", "8 people", "8 organizations", "15 claims"] {
        assert!(stats.text.contains(expected), "{}", stats.text);
    }
}

#[test]
fn seed_speakers_are_listed_most_quoted_first_with_a_label_each() {
    let (html, page) = page_of("fixtures/seed-article.txt");
    let speakers: Vec<&str> = page
        .all("li")
        .filter(|li| li.classes().contains("speaker"))
        .filter_map(|li| li.attr("data-speaker"))
        .collect();
    assert_eq!(
        speakers.first(),
        Some(&"0"),
        "Donald Trump first: {speakers:?}"
    );
    assert_eq!(speakers.last(), Some(&"none"), "unattributed last");
    // One label rule per speaker, and the label only at each utterance's first part.
    for speaker in speakers.iter().filter(|s| **s != "none") {
        let rule = format!("q.lab[data-speaker=\"{speaker}\"]::before{{content:\"");
        assert!(html.contains(&rule), "{rule}");
    }
    let json = json_of("fixtures/seed-article.txt");
    let attributed_groups: BTreeSet<u64> = json["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|q| !q["speaker"].is_null())
        .map(|q| q["group"].as_u64().unwrap())
        .collect();
    let labelled = page
        .all("q")
        .filter(|q| q.classes().contains("lab"))
        .count();
    assert_eq!(labelled, attributed_groups.len());
}

#[test]
fn mentions_link_to_their_entity_in_the_panel() {
    let (_, page) = page_of("fixtures/seed-article.txt");
    let json = json_of("fixtures/seed-article.txt");
    let mentions = page.all("a").filter(|a| a.classes().contains("m"));
    let mut linked = BTreeSet::new();
    for mention in mentions {
        let entity = mention.attr("data-entity").unwrap();
        assert_eq!(mention.attr("href"), Some(format!("#e{entity}").as_str()));
        let kind = &json["entities"][entity.parse::<usize>().unwrap()]["type"];
        assert!(mention
            .classes()
            .contains(format!("t-{}", kind.as_str().unwrap()).as_str()));
        linked.insert(entity.to_string());
    }
    assert_eq!(linked.len(), json["entities"].as_array().unwrap().len());
}

#[test]
fn page_is_self_contained() {
    let (html, page) = page_of("fixtures/seed-article.txt");
    for remote in ["http:", "https:", "url(", "@import", " src="] {
        assert!(!html.contains(remote), "{remote}");
    }
    let csp = page
        .all("meta")
        .find(|m| m.attr("http-equiv") == Some("Content-Security-Policy"))
        .expect("a content security policy");
    assert!(csp
        .attr("content")
        .unwrap()
        .starts_with("default-src 'none'"));
    let style = &page.all("style").next().unwrap().raw;
    assert!(style.contains("@media print") && style.contains("prefers-color-scheme: dark"));
    assert_eq!(page.all("script").count(), 1);
    assert!(
        page.all("script").all(|s| s.attrs.is_empty()),
        "inline only"
    );
    assert!(page.all("link").next().is_none() && page.all("img").next().is_none());
}

#[test]
fn several_inputs_without_an_output_directory_are_a_usage_error() {
    let out = run(byline().args([
        "-f",
        "html",
        "fixtures/seed-article.txt",
        "fixtures/mixed-scripts.txt",
    ]));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("-o DIR"), "{}", out.stderr);
    assert!(out.stdout.is_empty());
}

#[test]
fn summary_does_not_go_with_html() {
    let out = run(byline().args(["-f", "html", "--summary", "fixtures/seed-article.txt"]));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("html"), "{}", out.stderr);
}

#[test]
fn only_marks_and_lists_the_chosen_sections() {
    let out = run(byline().args([
        "-f",
        "html",
        "--only",
        "quotes",
        "fixtures/seed-article.txt",
    ]));
    assert_eq!(out.code, 0);
    let page = Page::parse(&out.stdout);
    assert_eq!(page.values_in_article("q", "data-quote").len(), 21);
    assert!(page.values_in_article("span", "data-claim").is_empty());
    assert!(page.values_in_article("a", "data-entity").is_empty());
    assert!(page.ids().contains("speakers") && !page.ids().contains("claims"));
    let text = fs::read_to_string("fixtures/seed-article.txt").unwrap();
    assert_eq!(page.article_text(), text);
}
