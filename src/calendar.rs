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

/// A calendar word: what it names, and whether it is also a common proper name ("may").
#[derive(Debug, Clone, Copy)]
struct Entry {
    kind: Calendar,
    also_a_name: bool,
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
                let also_a_name = f.next() == Some("name");
                Some((word, Entry { kind, also_a_name }))
            })
            .collect()
    })
}

/// The month or weekday that the lowercase word `lower` names ("may", "jan", "friday").
pub fn calendar(lower: &str) -> Option<Calendar> {
    words().get(lower).map(|e| e.kind)
}

/// Every month and weekday name and abbreviation, lowercase.
pub fn names() -> impl Iterator<Item = &'static str> {
    words().keys().copied()
}

/// The month and weekday names that are never anything else, lowercase: all but "may".
pub fn names_only() -> impl Iterator<Item = &'static str> {
    words()
        .iter()
        .filter(|(_, e)| !e.also_a_name)
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
        assert!(leads_a_month("in") && leads_a_month("Since") && leads_a_month("between"));
        assert!(!leads_a_month("said"));
    }
}
