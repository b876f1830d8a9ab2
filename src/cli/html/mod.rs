//! `-f html`: each article as one self-contained HTML5 page (inline style and a small
//! optional script; nothing remote), showing the text exactly as given with quotations
//! coloured by speaker, names and claims marked, and a side panel that links to them.
//! Reads the input text and its public report (`byline::Analysis`); `pages` writes a
//! directory of pages with an index for several inputs.

mod article;
mod escape;
pub mod pages;
mod panel;
mod speakers;
mod wording;

use std::io::{self, Write};

use byline::{Analysis, Section};

use speakers::Speakers;
use wording::count;

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");

/// No remote anything: only the page's own inline style and script may run.
const CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'";

/// Writes the page of `analysis`, the report of `text`.
pub fn write_page(text: &str, analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    let speakers = Speakers::of(analysis);
    let title = title(analysis);
    let mut buf = String::with_capacity(16 * 1024 + text.len() * 3);
    head(&mut buf, &title, &speakers);
    header(&mut buf, &title, analysis);
    buf.push_str("<div class=\"layout\"><main>");
    out.write_all(buf.as_bytes())?;
    let anchored = article::write(text, analysis, &speakers, out)?;
    buf.clear();
    buf.push_str("</main>");
    panel::Panel {
        analysis,
        speakers: &speakers,
        anchored: &anchored,
    }
    .write(&mut buf);
    buf.push_str("</div>\n<script>");
    buf.push_str(SCRIPT);
    buf.push_str("</script>\n</body>\n</html>");
    out.write_all(buf.as_bytes())
}

/// What the page is called: its file's path, or its record id's place in a stream.
fn title(analysis: &Analysis) -> String {
    let source = &analysis.source;
    let path = if source.path == "-" {
        "standard input"
    } else {
        &source.path
    };
    match &source.id {
        Some(id) => format!("{path} · {id}"),
        None => path.to_string(),
    }
}

fn head(buf: &mut String, title: &str, speakers: &Speakers) {
    buf.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    buf.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    buf.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n"
    ));
    buf.push_str(&format!(
        "<meta name=\"generator\" content=\"byline {}\">\n<title>",
        env!("CARGO_PKG_VERSION")
    ));
    escape::text(buf, title);
    buf.push_str(" · byline</title>\n<style>\n");
    buf.push_str(STYLE);
    buf.push_str("</style>\n<style>\n");
    speaker_labels(buf, speakers);
    buf.push_str("</style>\n</head>\n<body>\n");
}

/// The label at the start of each utterance: the speaker's name, as generated content
/// (so that it is not part of the article's text).
fn speaker_labels(buf: &mut String, speakers: &Speakers) {
    for speaker in &speakers.list {
        buf.push_str(&format!(
            "q.lab[data-speaker=\"{}\"]::before{{content:\"",
            speaker.entity
        ));
        escape::css_string(buf, &speaker.name);
        buf.push_str("\"}\n");
    }
}

fn header(buf: &mut String, title: &str, analysis: &Analysis) {
    buf.push_str("<header class=\"top\"><h1><bdi>");
    escape::text(buf, title);
    buf.push_str("</bdi></h1><p class=\"stats\">");
    let stats = &analysis.stats;
    let of_type = |t: &str| {
        analysis
            .entities
            .iter()
            .filter(|e| wording::token(e.entity_type.as_str()) == t)
            .count()
    };
    let mut parts = vec![
        count(stats.paragraphs, "paragraph", "paragraphs"),
        count(stats.words, "word", "words"),
        format!("{} min read", stats.reading_minutes),
    ];
    if analysis.shows(Section::Quotes) {
        parts.push(count(analysis.quotes.len(), "quotation", "quotations"));
    }
    if analysis.shows(Section::Entities) {
        parts.push(count(of_type("person"), "person", "people"));
        parts.push(count(
            of_type("organization"),
            "organization",
            "organizations",
        ));
        parts.push(count(of_type("place"), "place", "places"));
    }
    if analysis.shows(Section::Claims) {
        parts.push(count(analysis.claims.len(), "claim", "claims"));
    }
    buf.push_str(&parts.join(" · "));
    buf.push_str("</p>");
    legend(buf);
    for warning in &analysis.warnings {
        buf.push_str("<p class=\"warning\">warning: ");
        escape::text(buf, warning);
        buf.push_str("</p>");
    }
    buf.push_str("</header>\n");
}

/// What each mark means, drawn with the marks' own styles.
fn legend(buf: &mut String) {
    buf.push_str(
        "<ul class=\"legend\" aria-label=\"legend\">\
         <li><span class=\"quote k-direct c0\">quotation</span> coloured by speaker</li>\
         <li><span class=\"quote k-partial c0\">partial</span></li>\
         <li><span class=\"quote k-scare cn\">scare quotes</span></li>\
         <li><span class=\"m t-person\">person</span></li>\
         <li><span class=\"m t-organization\">organization</span></li>\
         <li><span class=\"m t-place\">place</span></li>\
         <li><span class=\"claim\">claim</span></li></ul>",
    );
}
