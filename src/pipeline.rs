//! The pipeline: the five stages in order, the stages each report section needs, and
//! running them over a new [`Document`]. Relies on each stage reading only the
//! annotations of the stages before it, so that the first few stages alone are a complete
//! run for the sections that need no more (`--only sentences` segments and stops).

use crate::{attribution, claims, entities, quotes, segment, Document, Section};

/// A pipeline stage; stages compare in pipeline order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// Paragraphs (with their kind), tokens and sentences.
    Segment,
    /// Quotation spans and their kind.
    Quotes,
    /// People, organizations and places, one entity per referent.
    Entities,
    /// The speaker of each quotation (and the pronoun and description mentions that name
    /// one).
    Attribution,
    /// Numeric claims and who makes them.
    Claims,
}

impl Stage {
    /// Every stage, in pipeline order.
    pub const ALL: [Stage; 5] = [
        Stage::Segment,
        Stage::Quotes,
        Stage::Entities,
        Stage::Attribution,
        Stage::Claims,
    ];

    /// The stage's name ("segment"), for benchmarks and per-stage measurements.
    #[cfg(feature = "dev")]
    pub fn name(self) -> &'static str {
        match self {
            Stage::Segment => "segment",
            Stage::Quotes => "quotes",
            Stage::Entities => "entities",
            Stage::Attribution => "attribution",
            Stage::Claims => "claims",
        }
    }

    /// Adds the stage's annotations to `doc`, which the stages before it have annotated.
    pub fn run(self, doc: &mut Document) {
        match self {
            Stage::Segment => segment::run(doc),
            Stage::Quotes => quotes::run(doc),
            Stage::Entities => entities::run(doc),
            Stage::Attribution => attribution::run(doc),
            Stage::Claims => claims::run(doc),
        }
    }
}

impl Section {
    /// The last stage whose annotations the section reports; every stage before it runs
    /// too.
    pub(crate) fn last_stage(self) -> Stage {
        match self {
            Section::Paragraphs | Section::Sentences => Stage::Segment,
            // Speakers are set by attribution, which also adds the pronoun and description
            // mentions of entities.
            Section::Quotes | Section::Entities => Stage::Attribution,
            Section::Claims => Stage::Claims,
        }
    }
}

/// The last stage a report of the sections `only` needs (`None`: every section). The
/// counts in `stats` need segmentation whatever is reported.
pub(crate) fn last_stage_for(only: Option<&[Section]>) -> Stage {
    let Some(only) = only else {
        return Stage::Claims;
    };
    let last = only.iter().map(|section| section.last_stage()).max();
    last.unwrap_or(Stage::Segment)
}

/// A document over `text` annotated by every stage up to and including `last`.
pub(crate) fn annotate_through(text: &str, last: Stage) -> Document<'_> {
    let mut doc = Document::new(text);
    for stage in Stage::ALL.into_iter().take_while(|&stage| stage <= last) {
        stage.run(&mut doc);
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_need_the_stages_up_to_theirs() {
        assert_eq!(last_stage_for(None), Stage::Claims);
        assert_eq!(last_stage_for(Some(&[])), Stage::Segment);
        let sentences = [Section::Paragraphs, Section::Sentences];
        assert_eq!(last_stage_for(Some(&sentences)), Stage::Segment);
        let quotes = [Section::Sentences, Section::Quotes];
        assert_eq!(last_stage_for(Some(&quotes)), Stage::Attribution);
        let claims = [Section::Claims, Section::Entities];
        assert_eq!(last_stage_for(Some(&claims)), Stage::Claims);
    }

    /// Segmentation alone leaves the annotations of every later stage empty, on a text
    /// that has quotations, entities and claims.
    #[test]
    fn segmenting_alone_runs_no_later_stage() {
        let text = include_str!("../fixtures/seed-article.txt");
        let full = annotate_through(text, Stage::Claims);
        assert!(!full.quotes.is_empty() && !full.entities.is_empty() && !full.claims.is_empty());
        let segmented = annotate_through(text, Stage::Segment);
        assert_eq!(segmented.sentences, full.sentences);
        assert_eq!(segmented.paragraphs, full.paragraphs);
        let later = (
            segmented.quotes.len(),
            segmented.entities.len(),
            segmented.claims.len(),
        );
        assert_eq!(later, (0, 0, 0));
        let attributed = annotate_through(text, Stage::Attribution);
        assert_eq!(attributed.quotes, full.quotes);
        assert!(attributed.claims.is_empty());
    }
}
