//! How densely a document may hold each kind of annotation, so that memory stays within
//! a small multiple of the text whatever the text is (issue 19: at most 8x the input
//! plus 20 MB). Prose is far below every limit; a page of `"a" "a" "a"`, of `5% 5%` or of
//! one-letter lines is not, and each record costs tens to hundreds of bytes.
//!
//! A limit is positional: up to byte `p` of the text, a stage keeps at most a fixed
//! allowance plus one record per `bytes` bytes before `p`. The allowances hold a long
//! article as dense as the densest evaluation text, and all together stay inside the
//! fixed 20 MB beside the program's own; the rates keep what a text dense in every kind
//! at once costs per byte inside the 8 (docs/performance.md measures such texts). A stage over its limit merges
//! (paragraphs, sentences) or leaves out (quotations, claims) what it finds until the
//! text has gone far enough, and says so in a warning. Relies on nothing.

/// A limit on one kind of annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Density {
    /// What is limited, as a warning names it ("quotations").
    pub what: &'static str,
    /// Records kept whatever the text: a short text is never limited.
    pub allowance: usize,
    /// Then one record per this many bytes of text.
    pub bytes: usize,
}

impl Density {
    /// The most records kept up to byte `at` of the text.
    pub const fn most(&self, at: usize) -> usize {
        self.allowance + at / self.bytes
    }

    /// Whether `count` records already kept leave room for one more starting at byte `at`.
    pub const fn admits(&self, count: usize, at: usize) -> bool {
        count < self.most(at)
    }

    /// The warning a stage adds when this limit has left something out or merged it.
    pub fn warning(&self) -> String {
        format!(
            "more {} than one per {} bytes of text: past the first {}, the rest were {} \
             (the text is not prose; this keeps memory bounded)",
            self.what,
            self.bytes,
            self.allowance,
            if matches!(self.what, "tokens" | "paragraphs" | "sentences") {
                "merged with the one before"
            } else {
                "left out"
            }
        )
    }
}

/// Keeps, of `items[from..]`, those `limit` admits after the ones kept before them, each
/// starting at byte `start_of(item)`; returns whether it left any out.
pub fn keep<T>(
    items: &mut Vec<T>,
    from: usize,
    limit: Density,
    start_of: impl Fn(&T) -> usize,
) -> bool {
    let mut kept = from;
    for i in from..items.len() {
        if limit.admits(kept, start_of(&items[i])) {
            // Everything between `kept` and `i` is left out: the order of those kept holds.
            items.swap(kept, i);
            kept += 1;
        }
    }
    let left_out = kept < items.len();
    items.truncate(kept);
    left_out
}

/// Tokens (6 bytes each, and a few more in the side tables of later stages): the densest
/// evaluation text has one per 3.9 bytes. Past the limit, a token that touches the one
/// before is joined to it (a run of marks becomes one token), so tokens stay one per two
/// bytes: two tokens apart always have a space between them.
pub const TOKENS: Density = Density {
    what: "tokens",
    allowance: 262_144,
    bytes: 2,
};

/// Paragraphs (20 bytes each, and their reports): the densest evaluation text has one
/// per 74 bytes, 10 MB of news one per 258.
pub const PARAGRAPHS: Density = Density {
    what: "paragraphs",
    allowance: 16_384,
    bytes: 64,
};

/// Sentences (20 bytes each, and their reports): the densest evaluation text has one per
/// 32 bytes, so it would reach this limit only past 1.5 MB; 10 MB of news has one per 108.
pub const SENTENCES: Density = Density {
    what: "sentences",
    allowance: 16_384,
    bytes: 48,
};

/// Quotations (about 250 bytes each with their context, and as much again for their
/// reports): 10 MB of news has one per 866 bytes, the densest evaluation text one per
/// 158 (far inside the allowance).
pub const QUOTATIONS: Density = Density {
    what: "quotations",
    allowance: 4_096,
    bytes: 512,
};

/// Words of the name candidates of the entity stage (16 bytes each; a whole run holds
/// about 60 bytes of heap per word of names that are all different, far less for names a
/// text repeats): the densest evaluation text has a mention (names, pronouns,
/// descriptions) per 32 bytes. A text of nothing but distinct names keeps its heap within
/// 8x + 20 MB (`tests/memory.rs`, docs/performance.md).
pub const NAMES: Density = Density {
    what: "name words",
    allowance: 16_384,
    bytes: 32,
};

/// Numeric claims (about 100 bytes each, and twice that for their reports): the densest
/// evaluation text has one per 68 bytes (inside the allowance), 10 MB of news one per 257.
pub const CLAIMS: Density = Density {
    what: "claims",
    allowance: 4_096,
    bytes: 96,
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_limit_grows_with_the_text() {
        let limit = Density {
            what: "things",
            allowance: 2,
            bytes: 10,
        };
        assert_eq!(limit.most(0), 2);
        assert_eq!(limit.most(9), 2);
        assert_eq!(limit.most(10), 3);
        assert!(limit.admits(1, 0) && !limit.admits(2, 0) && limit.admits(2, 15));
        assert!(QUOTATIONS
            .warning()
            .starts_with("more quotations than one per 512 bytes"));
        assert!(PARAGRAPHS.warning().contains("merged"));
    }

    #[test]
    fn keep_leaves_out_what_the_limit_has_no_room_for() {
        let limit = Density {
            what: "things",
            allowance: 2,
            bytes: 10,
        };
        // Starts of things; the first was kept before.
        let mut starts = vec![0, 1, 2, 3, 12, 13, 25];
        assert!(keep(&mut starts, 1, limit, |&s| s));
        // 1 is the second; 2 and 3 find no room; 12 the third (room for 3 at 10);
        // 13 none; 25 the fourth.
        assert_eq!(starts, [0, 1, 12, 25]);
        let mut few = vec![0, 50];
        assert!(!keep(&mut few, 0, limit, |&s| s));
        assert_eq!(few, [0, 50]);
    }
}
