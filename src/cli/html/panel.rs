//! The side panel: speakers (utterances, words quoted, their quotations), people with
//! their roles, organizations, places and other names (each with its mentions), and the
//! claims table. Every entry links to its places in the article; links go only to ids
//! the article wrote (see `article::write`).

use std::collections::HashSet;

use byline::EntityReport;
use byline::{Analysis, Section};

use super::article::Item;
use super::escape;
use super::speakers::{colour_class, Speaker, Speakers};
use super::wording::{self, count};

/// Longest snippet of a quotation or mention shown in the panel, in characters.
const SNIPPET: usize = 90;

/// Longest role shown beside a speaker's name, in characters.
const SHORT_ROLE: usize = 40;

/// The entity sections, in panel order: type, heading, id of the section.
const ENTITY_SECTIONS: [(&str, &str, &str); 4] = [
    ("person", "People", "people"),
    ("organization", "Organizations", "organizations"),
    ("place", "Places", "places"),
    ("other", "Other names", "other-names"),
];

pub struct Panel<'a, 't> {
    pub analysis: &'a Analysis<'t>,
    pub speakers: &'a Speakers,
    /// The items whose id is in the article.
    pub anchored: &'a HashSet<Item>,
}

impl Panel<'_, '_> {
    pub fn write(&self, buf: &mut String) {
        buf.push_str("<aside class=\"panel\" aria-label=\"Speakers, names and claims\">");
        if self.analysis.shows(Section::Quotes) {
            self.speakers(buf);
        }
        if self.analysis.shows(Section::Entities) {
            for (entity_type, heading, id) in ENTITY_SECTIONS {
                self.entities(buf, entity_type, heading, id);
            }
        }
        if self.analysis.shows(Section::Claims) {
            self.claims(buf);
        }
        buf.push_str("</aside>\n");
    }

    fn speakers(&self, buf: &mut String) {
        let speakers = &self.speakers.list;
        section_start(buf, "speakers", "Speakers", speakers.len());
        if speakers.is_empty() && self.speakers.unattributed.is_empty() {
            buf.push_str("<p class=\"none\">No quotations.</p>");
        }
        buf.push_str("<ol class=\"speakers\">");
        for speaker in speakers {
            self.speaker(buf, speaker);
        }
        if !self.speakers.unattributed.is_empty() {
            buf.push_str("<li class=\"speaker cn\" data-speaker=\"none\">");
            buf.push_str("<span class=\"swatch\"></span><span class=\"who\">unattributed</span>");
            self.quote_list(buf, &self.speakers.unattributed);
            buf.push_str("</li>");
        }
        buf.push_str("</ol></section>");
    }

    fn speaker(&self, buf: &mut String, speaker: &Speaker) {
        buf.push_str(&format!(
            "<li class=\"speaker {}\" data-speaker=\"{}\"><span class=\"swatch\"></span>",
            colour_class(Some(speaker.rank)),
            speaker.entity
        ));
        buf.push_str(&format!(
            "<a class=\"who\" href=\"#e{}\"><bdi>",
            speaker.entity
        ));
        escape::text(buf, &speaker.name);
        buf.push_str("</bdi></a>");
        let roles = self.analysis.entities.get(speaker.entity).map(|e| &e.roles);
        if let Some(role) = roles.and_then(|roles| short_role(roles)) {
            buf.push_str(" <span class=\"roles\">");
            escape::text(buf, &snippet(role, SHORT_ROLE));
            buf.push_str("</span>");
        }
        buf.push_str(&format!(
            " <span class=\"num\">{} · {} quoted</span>",
            count(speaker.utterances, "utterance", "utterances"),
            count(speaker.words, "word", "words")
        ));
        self.quote_list(buf, &speaker.quotes);
        buf.push_str("</li>");
    }

    /// A collapsed list of quotations, each linking to its place.
    fn quote_list(&self, buf: &mut String, quotes: &[usize]) {
        buf.push_str(&format!(
            "<details><summary>{}</summary><ol class=\"snippets\">",
            count(quotes.len(), "quotation", "quotations")
        ));
        for &i in quotes {
            let quote = &self.analysis.quotes[i];
            buf.push_str(&format!(
                "<li class=\"k-{}\">",
                wording::token(quote.kind.as_str())
            ));
            self.link(buf, Item::Quote(i), &format!("q{i}"), &quote.text);
            buf.push_str("</li>");
        }
        buf.push_str("</ol></details>");
    }

    fn entities(&self, buf: &mut String, entity_type: &str, heading: &str, id: &str) {
        let entities: Vec<&EntityReport> = self
            .analysis
            .entities
            .iter()
            .filter(|e| kind_of(e) == entity_type)
            .collect();
        if entities.is_empty() && entity_type == "other" {
            return;
        }
        section_start(buf, id, heading, entities.len());
        if entities.is_empty() {
            buf.push_str("<p class=\"none\">None found.</p>");
        }
        buf.push_str("<ul class=\"entities\">");
        for entity in entities {
            self.entity(buf, entity, entity_type);
        }
        buf.push_str("</ul></section>");
    }

    fn entity(&self, buf: &mut String, entity: &EntityReport, entity_type: &str) {
        let id = entity.id;
        buf.push_str(&format!(
            "<li id=\"e{id}\" class=\"entity t-{entity_type}\" data-entity=\"{id}\" data-type=\"{entity_type}\">"
        ));
        if let Some(rank) = self.speakers.rank(id) {
            buf.push_str(&format!(
                "<span class=\"swatch {}\" title=\"quoted\"></span>",
                colour_class(Some(rank))
            ));
        }
        buf.push_str("<bdi class=\"name\">");
        escape::text(buf, &entity.name);
        buf.push_str("</bdi>");
        if !entity.roles.is_empty() {
            buf.push_str(" <span class=\"roles\">");
            escape::text(buf, &entity.roles.join("; "));
            buf.push_str("</span>");
        }
        if let Some(affiliation) = &entity.affiliation {
            buf.push_str(&format!(
                " <span class=\"affiliation\">of <a href=\"#e{}\"><bdi>",
                affiliation.entity
            ));
            escape::text(buf, &affiliation.name);
            buf.push_str("</bdi></a></span>");
        }
        self.mention_list(buf, entity);
        buf.push_str("</li>");
    }

    fn mention_list(&self, buf: &mut String, entity: &EntityReport) {
        buf.push_str(&format!(
            "<details><summary>{}</summary><p class=\"mentions\">",
            count(entity.mentions.len(), "mention", "mentions")
        ));
        for (k, mention) in entity.mentions.iter().enumerate() {
            let item = Item::Mention {
                entity: entity.id,
                mention: k,
            };
            self.link(buf, item, &format!("m{}-{k}", entity.id), &mention.text);
            buf.push(' ');
        }
        buf.push_str("</p></details>");
    }

    fn claims(&self, buf: &mut String) {
        let claims = &self.analysis.claims;
        section_start(buf, "claims", "Claims", claims.len());
        if claims.is_empty() {
            buf.push_str("<p class=\"none\">No numeric claims.</p></section>");
            return;
        }
        buf.push_str(
            "<table class=\"claims\"><thead><tr><th>claim</th><th>kind</th><th>value</th>\
             <th>qualifier</th><th>claimant</th></tr></thead><tbody>",
        );
        for (i, claim) in claims.iter().enumerate() {
            buf.push_str(&format!("<tr data-claim=\"{i}\"><td>"));
            self.link(buf, Item::Claim(i), &format!("c{i}"), &claim.text);
            buf.push_str(&format!(
                "</td><td>{}</td><td>",
                wording::token(claim.kind.as_str())
            ));
            escape::text(buf, &wording::claim_value(claim));
            buf.push_str(&format!("</td><td>{}</td><td>", wording::qualifier(claim)));
            match &claim.claimant {
                Some(claimant) => {
                    buf.push_str(&format!("<a href=\"#e{}\"><bdi>", claimant.entity));
                    escape::text(buf, &claimant.name);
                    buf.push_str("</bdi></a>");
                }
                None => buf.push('—'),
            }
            buf.push_str("</td></tr>");
        }
        buf.push_str("</tbody></table></section>");
    }

    /// `text` (shortened), linking to `#id` when the article has that id.
    fn link(&self, buf: &mut String, item: Item, id: &str, text: &str) {
        let anchored = self.anchored.contains(&item);
        if anchored {
            buf.push_str(&format!("<a href=\"#{id}\">"));
        }
        escape::text(buf, &snippet(text, SNIPPET));
        if anchored {
            buf.push_str("</a>");
        }
    }
}

fn section_start(buf: &mut String, id: &str, heading: &str, n: usize) {
    buf.push_str(&format!(
        "<section id=\"{id}\"><h2>{heading} <span class=\"count\">{n}</span></h2>"
    ));
}

/// The entity's type as one of the panel's sections.
fn kind_of<'e>(entity: &'e EntityReport) -> &'e str {
    match wording::token(entity.entity_type.as_str()) {
        t @ ("person" | "organization" | "place") => t,
        _ => "other",
    }
}

/// The role to show beside a speaker's name: the most telling (longest) of those short
/// enough for the line, else the shortest (cut short by the caller).
fn short_role(roles: &[String]) -> Option<&String> {
    let short = roles.iter().filter(|r| r.chars().count() <= SHORT_ROLE);
    short
        .max_by_key(|r| r.len())
        .or_else(|| roles.iter().min_by_key(|r| r.len()))
}

/// `text` on one line, cut to `limit` characters with an ellipsis.
fn snippet(text: &str, limit: usize) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= limit {
        return one_line;
    }
    let cut: String = one_line.chars().take(limit - 1).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_show_their_most_telling_short_role() {
        let roles = |list: &[&str]| list.iter().map(|r| r.to_string()).collect::<Vec<_>>();
        let both = roles(&["president", "Ukrainian president"]);
        assert_eq!(short_role(&both).unwrap(), "Ukrainian president");
        let long = roles(&["former official and current researcher at the Institute"]);
        assert_eq!(short_role(&long), long.first());
        assert_eq!(short_role(&[]), None);
    }

    #[test]
    fn snippets_are_one_line_and_short() {
        assert_eq!(snippet("a\n  b", SNIPPET), "a b");
        let long = "word ".repeat(40);
        let cut = snippet(&long, SNIPPET);
        assert_eq!(cut.chars().count(), SNIPPET);
        assert!(cut.ends_with("word…"), "{cut}");
        assert!(long.starts_with(cut.trim_end_matches('…')));
    }
}
