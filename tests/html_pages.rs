//! `byline -f html -o DIR` with several inputs: one page per input, named after it and
//! unique, plus an `index.html` listing each page with its counts and top speakers and
//! each input that failed.

mod html_scan;

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use html_scan::{run, Page};

fn byline() -> Command {
    Command::cargo_bin("byline").unwrap()
}

fn page_at(path: &Path) -> Page {
    Page::parse(&fs::read_to_string(path).unwrap())
}

/// The index's rows: (link, cell texts).
fn index_rows(dir: &Path) -> Vec<(Option<String>, Vec<String>)> {
    let index = page_at(&dir.join("index.html"));
    let tbody = index
        .elements
        .iter()
        .position(|e| e.name == "tbody")
        .unwrap();
    let rows = index.inside(tbody, "tr");
    rows.map(|tr| {
        let row = index
            .elements
            .iter()
            .position(|e| std::ptr::eq(e, tr))
            .unwrap();
        let link = index.inside(row, "a").next();
        let cells = index.inside(row, "td").map(|td| td.text.clone()).collect();
        (link.and_then(|a| a.attr("href")).map(str::to_string), cells)
    })
    .collect()
}

#[test]
fn several_inputs_give_a_page_each_and_an_index() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("pages");
    let inputs = [
        "fixtures/seed-article.txt",
        "fixtures/wikinews-warming-crops.txt",
        "fixtures/mixed-scripts.txt",
    ];
    let out = run(byline()
        .args(["-f", "html", "-o"])
        .arg(&out_dir)
        .args(inputs));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.is_empty());
    let mut names: Vec<String> = fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "index.html",
            "mixed-scripts.html",
            "seed-article.html",
            "wikinews-warming-crops.html"
        ]
    );
    for input in inputs {
        let stem = Path::new(input).file_stem().unwrap().to_str().unwrap();
        let page = page_at(&out_dir.join(format!("{stem}.html")));
        assert_eq!(page.article_text(), fs::read_to_string(input).unwrap());
    }
    let rows = index_rows(&out_dir);
    assert_eq!(rows.len(), 3);
    let (link, cells) = &rows[0];
    assert_eq!(link.as_deref(), Some("seed-article.html"));
    assert_eq!(cells[0], "fixtures/seed-article.txt");
    // words, quotations (utterances, as --summary counts them), people, organizations,
    // claims, top speakers
    assert_eq!(&cells[2..6], ["19", "8", "8", "15"]);
    assert!(cells[6].starts_with("Donald Trump"), "{}", cells[6]);
}

#[test]
fn failed_inputs_are_listed_without_a_page() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(byline()
        .args(["-f", "html", "-o"])
        .arg(dir.path())
        .args(["fixtures/seed-article.txt", "no-such-article.txt"]));
    assert_eq!(out.code, 1);
    assert!(out.stderr.contains("no-such-article.txt"), "{}", out.stderr);
    let rows = index_rows(dir.path());
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1].0, None);
    assert!(rows[1].1[1].starts_with("failed: "), "{:?}", rows[1]);
    assert!(!dir.path().join("no-such-article.html").exists());
}

#[test]
fn same_names_in_different_directories_get_different_pages() {
    let dir = tempfile::tempdir().unwrap();
    for (sub, text) in [
        ("a", "“Yes,” Ann Lee said.\n"),
        ("b", "“No,” Bob Stone said.\n"),
    ] {
        fs::create_dir(dir.path().join(sub)).unwrap();
        fs::write(dir.path().join(sub).join("story.txt"), text).unwrap();
    }
    let out_dir = dir.path().join("out");
    let out = run(byline()
        .args(["-f", "html", "-r", "-o"])
        .arg(&out_dir)
        .arg(dir.path().join("a"))
        .arg(dir.path().join("b")));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let first = page_at(&out_dir.join("story.html"));
    let second = page_at(&out_dir.join("story-2.html"));
    assert_eq!(first.article_text(), "“Yes,” Ann Lee said.\n");
    assert_eq!(second.article_text(), "“No,” Bob Stone said.\n");
}

#[test]
fn json_lines_records_get_a_page_each_named_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("feed.jsonl");
    fs::write(
        &feed,
        "{\"id\": \"x\", \"text\": \"“We won,” Ann Lee said.\"}\n{\"text\": 5}\n\
         {\"text\": \"Bell \\u0007 and <b>&</b>.\"}\n",
    )
    .unwrap();
    let out_dir = dir.path().join("out");
    let out = run(byline()
        .args(["-f", "html", "--input-format", "jsonl", "-o"])
        .arg(&out_dir)
        .arg(&feed));
    assert_eq!(out.code, 1, "{}", out.stderr);
    let first = page_at(&out_dir.join("feed-1.html"));
    assert_eq!(first.article_text(), "“We won,” Ann Lee said.");
    assert_eq!(first.values_in_article("q", "data-quote").len(), 1);
    let third = page_at(&out_dir.join("feed-3.html"));
    assert_eq!(third.article_text(), "Bell \u{7} and <b>&</b>.");
    assert!(!out_dir.join("feed-2.html").exists());
    let rows = index_rows(&out_dir);
    assert_eq!(rows.len(), 3);
    assert!(rows[1].1[1].contains("\"text\""), "{:?}", rows[1]);
}

#[test]
fn one_input_into_an_existing_directory_is_a_page_and_an_index() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(byline()
        .args(["-f", "html", "fixtures/seed-article.txt", "-o"])
        .arg(dir.path()));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(dir.path().join("seed-article.html").exists());
    assert_eq!(index_rows(dir.path()).len(), 1);
}

#[test]
fn an_output_file_for_several_inputs_is_an_error_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("notes.txt");
    fs::write(&file, "keep me").unwrap();
    let out = run(byline()
        .args(["-f", "html", "-o"])
        .arg(&file)
        .args(["fixtures/seed-article.txt", "fixtures/mixed-scripts.txt"]));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("notes.txt"), "{}", out.stderr);
    assert_eq!(fs::read_to_string(&file).unwrap(), "keep me");
}

#[test]
fn hostile_file_names_give_safe_page_names_and_escaped_labels() {
    let dir = tempfile::tempdir().unwrap();
    let name = "<img src=x onerror=alert(1)> & \"q\".txt";
    fs::write(dir.path().join(name), "“Hi,” Ann Lee said.\n").unwrap();
    let out_dir = dir.path().join("out");
    let out = run(byline()
        .args(["-f", "html", "-r", "-o"])
        .arg(&out_dir)
        .arg(dir.path()));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rows = index_rows(&out_dir);
    assert_eq!(rows.len(), 1);
    let link = rows[0].0.clone().unwrap();
    assert_eq!(link, "img-src-x-onerror-alert-1-q.html");
    assert!(rows[0].1[0].ends_with(name));
    let index = page_at(&out_dir.join("index.html"));
    assert!(index.all("img").next().is_none());
    let page = page_at(&out_dir.join(&link));
    assert!(page.one("title").raw.contains("&lt;img"));
}

/// Articles of 256 KB and more are analysed and written as they stream; their page and
/// their line in the index are complete all the same.
#[test]
fn a_large_article_streams_into_its_page() {
    let dir = tempfile::tempdir().unwrap();
    let seed = fs::read_to_string("fixtures/seed-article.txt").unwrap();
    let text = format!("{seed}\n").repeat(45);
    assert!(text.len() > 256 * 1024);
    let large = dir.path().join("large.txt");
    fs::write(&large, &text).unwrap();
    let out_dir = dir.path().join("out");
    let out = run(byline()
        .args(["-f", "html", "-o"])
        .arg(&out_dir)
        .arg(&large)
        .arg("fixtures/mixed-scripts.txt"));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let page = page_at(&out_dir.join("large.html"));
    assert_eq!(page.article_text(), text);
    let rows = index_rows(&out_dir);
    assert!(rows[0].1[6].starts_with("Donald Trump"), "{:?}", rows[0]);
}
