//! `--summary`: one aggregate over a whole batch. Each worker reduces its analysis to a
//! small [`Digest`] (names and counts only), and the writer folds the digests into an
//! [`Aggregate`] with hash maps, so the cost is linear in the batch and memory grows with
//! the number of distinct names, not with the number of articles. Quotations are counted
//! as utterances, as in the text view (a split quotation is one).

use std::collections::{BTreeMap, HashMap};

use byline::summary::{self, count, visible, wrap, Style};
use byline::Analysis;
use serde::Serialize;

/// What one article contributes to the aggregate.
#[derive(Debug, Default)]
pub struct Digest {
    pub(super) words: u64,
    sentences: u64,
    pub(super) quotes: u64,
    pub(super) claims: u64,
    /// (speaker name, quotations attributed to them).
    pub(super) speakers: Vec<(String, u64)>,
    /// (entity type, name, mentions).
    pub(super) entities: Vec<(String, String, u64)>,
    /// (claim kind, count).
    claim_kinds: Vec<(String, u64)>,
}

impl Digest {
    pub fn of(analysis: &Analysis) -> Digest {
        // Utterances, as the text view counts them: the parts of a split quotation are one.
        let mut speakers: HashMap<&str, u64> = HashMap::new();
        let mut utterances = 0;
        for parts in summary::utterances(&analysis.quotes) {
            utterances += 1;
            if let Some(speaker) = parts.iter().find_map(|q| q.speaker.as_ref()) {
                *speakers.entry(&*speaker.name).or_default() += 1;
            }
        }
        let mut claim_kinds: HashMap<&str, u64> = HashMap::new();
        for claim in &analysis.claims {
            *claim_kinds.entry(claim.kind.as_str()).or_default() += 1;
        }
        Digest {
            words: analysis.stats.words as u64,
            sentences: analysis.stats.sentences as u64,
            quotes: utterances,
            claims: analysis.claims.len() as u64,
            speakers: owned(speakers),
            entities: analysis
                .entities
                .iter()
                .map(|e| {
                    (
                        e.entity_type.to_string(),
                        e.name.to_string(),
                        e.mention_count as u64,
                    )
                })
                .collect(),
            claim_kinds: owned(claim_kinds),
        }
    }
}

fn owned(counts: HashMap<&str, u64>) -> Vec<(String, u64)> {
    counts
        .into_iter()
        .map(|(k, n)| (k.to_string(), n))
        .collect()
}

#[derive(Debug, Default, Clone, Copy)]
struct NameTally {
    count: u64,
    articles: u64,
}

/// The running aggregate.
#[derive(Debug, Default)]
pub struct Aggregate {
    articles: u64,
    failed: u64,
    words: u64,
    sentences: u64,
    quotes: u64,
    claims: u64,
    speakers: HashMap<String, NameTally>,
    /// Keyed by entity type, then name.
    entities: HashMap<String, HashMap<String, NameTally>>,
    claim_kinds: BTreeMap<String, u64>,
}

impl Aggregate {
    pub fn add(&mut self, digest: Digest) {
        self.articles += 1;
        self.words += digest.words;
        self.sentences += digest.sentences;
        self.quotes += digest.quotes;
        self.claims += digest.claims;
        for (name, quotes) in digest.speakers {
            let tally = self.speakers.entry(name).or_default();
            tally.count += quotes;
            tally.articles += 1;
        }
        // An entity name can recur within one article (two referents); count the article once.
        let mut seen_here: HashMap<(String, String), u64> = HashMap::new();
        for (entity_type, name, mentions) in digest.entities {
            *seen_here.entry((entity_type, name)).or_default() += mentions;
        }
        for ((entity_type, name), mentions) in seen_here {
            let tally = self
                .entities
                .entry(entity_type)
                .or_default()
                .entry(name)
                .or_default();
            tally.count += mentions;
            tally.articles += 1;
        }
        for (kind, n) in digest.claim_kinds {
            *self.claim_kinds.entry(kind).or_default() += n;
        }
    }

    pub fn add_failure(&mut self) {
        self.failed += 1;
    }

    /// The serializable report, with the `top` most frequent names of each list.
    pub fn report(&self, top: usize) -> Report {
        let entities = |entity_type: &str| {
            self.entities
                .get(entity_type)
                .map(|names| top_names(names, top, "mentions"))
                .unwrap_or_default()
        };
        Report {
            articles: self.articles,
            failed: self.failed,
            words: self.words,
            sentences: self.sentences,
            quotes: self.quotes,
            claims: self.claims,
            top_speakers: top_names(&self.speakers, top, "quotes"),
            top_people: entities("person"),
            top_organizations: entities("organization"),
            top_places: entities("place"),
            claims_by_kind: self.claim_kinds.clone(),
        }
    }
}

/// Most frequent first; ties by name so the output is deterministic.
fn top_names(names: &HashMap<String, NameTally>, top: usize, count_key: &str) -> Vec<Ranked> {
    let mut ranked: Vec<(&String, &NameTally)> = names.iter().collect();
    ranked.sort_unstable_by(|a, b| b.1.count.cmp(&a.1.count).then_with(|| a.0.cmp(b.0)));
    ranked
        .into_iter()
        .take(top)
        .map(|(name, tally)| Ranked {
            name: name.clone(),
            count_key: count_key.to_string(),
            count: tally.count,
            articles: tally.articles,
        })
        .collect()
}

/// One name in a top list: `{"name", "quotes"|"mentions", "articles"}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked {
    pub name: String,
    count_key: String,
    pub count: u64,
    pub articles: u64,
}

impl Serialize for Ranked {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("name", &self.name)?;
        map.serialize_entry(&self.count_key, &self.count)?;
        map.serialize_entry("articles", &self.articles)?;
        map.end()
    }
}

#[derive(Debug, Serialize)]
pub struct Report {
    pub articles: u64,
    pub failed: u64,
    pub words: u64,
    pub sentences: u64,
    pub quotes: u64,
    pub claims: u64,
    pub top_speakers: Vec<Ranked>,
    pub top_people: Vec<Ranked>,
    pub top_organizations: Vec<Ranked>,
    pub top_places: Vec<Ranked>,
    pub claims_by_kind: BTreeMap<String, u64>,
}

impl Report {
    /// The text form of the aggregate.
    pub fn render_text(&self, style: &Style) -> String {
        let mut out = String::new();
        let title = |name: &str| {
            if style.color {
                format!("\n\x1b[1;36m{name}\x1b[0m\n")
            } else {
                format!("\n{name}\n")
            }
        };
        let counts = [
            format!(
                "{} analysed, {} failed",
                count(self.articles as usize, "article", "articles"),
                self.failed
            ),
            count(self.words as usize, "word", "words"),
            count(self.sentences as usize, "sentence", "sentences"),
            count(self.quotes as usize, "quotation", "quotations"),
            count(self.claims as usize, "claim", "claims"),
        ];
        out.push_str(&wrap(&counts.join(" · "), style.width, "", ""));
        let lists = [
            ("Top speakers", &self.top_speakers, "quotation"),
            ("Top people", &self.top_people, "mention"),
            ("Top organizations", &self.top_organizations, "mention"),
            ("Top places", &self.top_places, "mention"),
        ];
        for (name, list, unit) in lists {
            out.push_str(&title(name));
            if list.is_empty() {
                out.push_str("  - none found\n");
            }
            for ranked in list {
                let item = format!(
                    "{}: {} in {}",
                    visible(&ranked.name),
                    count(ranked.count as usize, unit, &format!("{unit}s")),
                    count(ranked.articles as usize, "article", "articles"),
                );
                out.push_str(&wrap(&item, style.width, "  - ", "    "));
            }
        }
        out.push_str(&title("Claims by kind"));
        if self.claims_by_kind.is_empty() {
            out.push_str("  - none found\n");
        }
        for (kind, n) in &self.claims_by_kind {
            out.push_str(&wrap(&format!("{kind}: {n}"), style.width, "  - ", "    "));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digest(speakers: &[(&str, u64)], entities: &[(&str, &str, u64)], kinds: &[&str]) -> Digest {
        Digest {
            words: 100,
            sentences: 5,
            quotes: speakers.iter().map(|s| s.1).sum(),
            claims: kinds.len() as u64,
            speakers: speakers.iter().map(|(n, c)| (n.to_string(), *c)).collect(),
            entities: entities
                .iter()
                .map(|(t, n, c)| (t.to_string(), n.to_string(), *c))
                .collect(),
            claim_kinds: kinds.iter().map(|k| (k.to_string(), 1)).collect(),
        }
    }

    #[test]
    fn ranks_speakers_people_and_claim_kinds() {
        let mut aggregate = Aggregate::default();
        aggregate.add(digest(
            &[("Ann Lee", 3), ("Bo Kim", 1)],
            &[("person", "Ann Lee", 4), ("organization", "UN", 2)],
            &["percentage"],
        ));
        aggregate.add(digest(
            &[("Bo Kim", 1)],
            &[("person", "Bo Kim", 2), ("person", "Ann Lee", 1)],
            &["percentage", "money"],
        ));
        aggregate.add_failure();
        let report = aggregate.report(10);
        assert_eq!((report.articles, report.failed, report.words), (2, 1, 200));
        let speakers: Vec<(&str, u64, u64)> = report
            .top_speakers
            .iter()
            .map(|r| (r.name.as_str(), r.count, r.articles))
            .collect();
        assert_eq!(speakers, [("Ann Lee", 3, 1), ("Bo Kim", 2, 2)]);
        assert_eq!(report.top_people[0].name, "Ann Lee");
        assert_eq!(report.top_people[0].articles, 2);
        assert_eq!(report.top_organizations[0].name, "UN");
        assert_eq!(report.claims_by_kind["percentage"], 2);
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["top_speakers"][0]["quotes"], 3);
        assert_eq!(json["top_people"][0]["mentions"], 5);
        let text = report.render_text(&Style::default());
        assert!(
            text.contains("Ann Lee: 3 quotations in 1 article"),
            "{text}"
        );
        assert!(text.contains("Top places\n  - none found"), "{text}");
    }

    #[test]
    fn top_limits_and_ties_break_by_name() {
        let mut aggregate = Aggregate::default();
        aggregate.add(digest(&[("Zed", 1), ("Amy", 1), ("Max", 1)], &[], &[]));
        let names: Vec<String> = aggregate
            .report(2)
            .top_speakers
            .into_iter()
            .map(|r| r.name)
            .collect();
        assert_eq!(names, ["Amy", "Max"]);
    }
}
