//! Month and weekday names, and the words before a month name that make it a date ("in
//! May", "since March"): `data/calendar_words.txt` and `data/month_leads.txt`, parsed
//! once. One list for every stage: `claims` reads dates with them, `entities` keeps
//! month and weekday names from being taken for people.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::lexicon::{entries, WordSet};

const CALENDAR_WORDS: &str = include_str!("../data/calendar_words.txt");

static MONTH_LEADS: WordSet = WordSet::caseless(include_str!("../data/month_leads.txt"));

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calendar {
    Month,
    Weekday,
}

/// How else a calendar word reads (the third field of `data/calendar_words.txt`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// Only as a month or weekday.
    Only,
    /// Also a common proper name ("May").
    Name,
    /// Also a common word ("march").
    Word,
    /// A short form ("Jan", "Sept").
    Abbreviation,
}

/// A calendar word: what it names and how else it reads.
#[derive(Debug, Clone, Copy)]
struct Entry {
    kind: Calendar,
    reading: Reading,
}

fn words() -> &'static HashMap<&'static str, Entry> {
    static MAP: OnceLock<HashMap<&'static str, Entry>> = OnceLock::new();
    MAP.get_or_init(|| {
        entries(CALENDAR_WORDS)
            .filter_map(|line| {
                let mut f = line.split('|').map(str::trim);
                let word = f.next()?;
                let kind = match f.next()? {
                    "month" => Calendar::Month,
                    "weekday" => Calendar::Weekday,
                    _ => return None,
                };
                let reading = match f.next() {
                    Some("name") => Reading::Name,
                    Some("word") => Reading::Word,
                    Some("abbreviation") => Reading::Abbreviation,
                    _ => Reading::Only,
                };
                Some((word, Entry { kind, reading }))
            })
            .collect()
    })
}

/// The month or weekday that the lowercase word `lower` names ("may", "jan", "friday").
pub fn calendar(lower: &str) -> Option<Calendar> {
    words().get(lower).map(|e| e.kind)
}

/// How else the calendar word `lower` reads.
pub fn reading(lower: &str) -> Option<Reading> {
    words().get(lower).map(|e| e.reading)
}

/// Every month and weekday name and abbreviation, lowercase.
pub fn names() -> impl Iterator<Item = &'static str> {
    words().keys().copied()
}

/// The month and weekday names that are never anything else, lowercase: all but "may".
pub fn names_only() -> impl Iterator<Item = &'static str> {
    words()
        .iter()
        .filter(|(_, e)| e.reading != Reading::Name)
        .map(|(w, _)| *w)
}

/// Whether `word` (any case) before a month name makes it a date: "in", "since", "by".
pub fn leads_a_month(word: &str) -> bool {
    MONTH_LEADS.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_weekdays_and_their_leads() {
        assert_eq!(calendar("may"), Some(Calendar::Month));
        assert_eq!(calendar("sept"), Some(Calendar::Month));
        assert_eq!(calendar("thursday"), Some(Calendar::Weekday));
        assert_eq!(calendar("Thursday"), None);
        assert_eq!(names().count(), 7 + 12 + 12);
        assert!(names_only().all(|w| w != "may") && names_only().count() == 30);
        assert_eq!(reading("may"), Some(Reading::Name));
        assert_eq!(reading("sept"), Some(Reading::Abbreviation));
        assert_eq!(reading("june"), Some(Reading::Only));
        assert!(leads_a_month("in") && leads_a_month("Since") && leads_a_month("between"));
        assert!(!leads_a_month("said"));
    }
}
