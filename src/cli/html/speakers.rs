//! Who is quoted: each speaker's quotations, utterances (a split quotation is one
//! utterance) and words quoted, most quoted first, and the colour each speaker gets on
//! the page. Reads the report's quotations only.

use std::collections::{HashMap, HashSet};

use byline::Analysis;

/// Colours in the palette (the Okabe–Ito set, safe for the common colour blindnesses);
/// speakers after the eighth reuse them with a second underline (see `page.css`).
pub const PALETTE: usize = 8;

pub struct Speaker {
    pub entity: usize,
    pub name: String,
    /// Indexes into the report's quotations, in text order.
    pub quotes: Vec<usize>,
    pub utterances: usize,
    pub words: usize,
    /// Rank by quotation count: the colour is `rank % PALETTE`.
    pub rank: usize,
}

pub struct Speakers {
    /// Most utterances first.
    pub list: Vec<Speaker>,
    /// Quotations without a speaker.
    pub unattributed: Vec<usize>,
    rank_of: HashMap<usize, usize>,
}

impl Speakers {
    pub fn of(analysis: &Analysis) -> Speakers {
        let mut by_entity: HashMap<usize, Speaker> = HashMap::new();
        let mut unattributed = Vec::new();
        for (i, quote) in analysis.quotes.iter().enumerate() {
            let Some(speaker) = &quote.speaker else {
                unattributed.push(i);
                continue;
            };
            let entry = by_entity.entry(speaker.entity).or_insert_with(|| Speaker {
                entity: speaker.entity,
                name: speaker.name.to_string(),
                quotes: Vec::new(),
                utterances: 0,
                words: 0,
                rank: 0,
            });
            entry.quotes.push(i);
            entry.words += words(&quote.text);
        }
        let mut list: Vec<Speaker> = by_entity.into_values().collect();
        for speaker in &mut list {
            let groups: HashSet<usize> = speaker
                .quotes
                .iter()
                .map(|&q| analysis.quotes[q].group)
                .collect();
            speaker.utterances = groups.len();
        }
        list.sort_by_key(|s| (usize::MAX - s.utterances, usize::MAX - s.words, s.quotes[0]));
        let mut rank_of = HashMap::new();
        for (rank, speaker) in list.iter_mut().enumerate() {
            speaker.rank = rank;
            rank_of.insert(speaker.entity, rank);
        }
        Speakers {
            list,
            unattributed,
            rank_of,
        }
    }

    /// The speaker's rank (and so colour), or `None` for an entity never quoted.
    pub fn rank(&self, entity: usize) -> Option<usize> {
        self.rank_of.get(&entity).copied()
    }
}

/// The colour classes of the speaker of this rank: the palette colour, and `alt` once the
/// palette has gone round.
pub fn colour_class(rank: Option<usize>) -> String {
    match rank {
        Some(rank) if rank >= PALETTE => format!("c{} alt", rank % PALETTE),
        Some(rank) => format!("c{rank}"),
        None => "cn".to_string(),
    }
}

/// Words in a quotation: the whitespace-separated pieces with a letter or digit.
pub fn words(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_are_ranked_by_utterances_with_split_quotes_counted_once() {
        let text = "“We will win,” Ann Lee said. “It is hard,” she added, “but we will.” \
                    “No,” Bob Stone said.";
        let analysis = byline::analyze(text, &byline::Options::default());
        let speakers = Speakers::of(&analysis);
        let names: Vec<&str> = speakers.list.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Ann Lee", "Bob Stone"]);
        let ann = &speakers.list[0];
        assert_eq!((ann.quotes.len(), ann.utterances, ann.words), (3, 2, 9));
        assert_eq!(speakers.rank(ann.entity), Some(0));
        assert_eq!(colour_class(Some(9)), "c1 alt");
    }
}
