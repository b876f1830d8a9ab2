//! A count of the steps the stages' bounded loops take (look-backs over a name's words,
//! a merge's candidate lists, a pronoun search, the scans of segmentation, quotations
//! and claims), kept in test builds only: tests compare the count on an input and on the
//! same input eight times over to check that the work grows linearly whatever the text
//! (issue 19). In other builds the count is nothing and costs nothing.
//!
//! The count is per thread, so tests running side by side do not mix their steps.

#[cfg(test)]
thread_local! {
    static STEPS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Counts `n` steps.
#[inline]
pub fn add(n: usize) {
    #[cfg(test)]
    STEPS.with(|steps| steps.set(steps.get() + n));
    #[cfg(not(test))]
    let _ = n;
}

/// The steps counted on this thread since the last call.
#[cfg(test)]
pub fn take() -> usize {
    STEPS.with(|steps| steps.replace(0))
}

/// The patterns of issue 19 and of the robustness suite, each run through every stage at
/// about 16 KB and at eight times that: a stage whose steps grow more than tenfold does
/// work that grows faster than its input (a rescan, an unbounded look-back). The larger
/// size stays below every limit of `crate::limits`, so nothing is left out to hide the
/// growth.
#[cfg(test)]
mod tests {
    use super::take;
    use crate::pipeline::Stage;
    use crate::Document;

    /// The size of the smaller input, in bytes.
    const SMALL: usize = 16 << 10;

    /// The steps each stage takes on `text`, in pipeline order.
    fn steps_per_stage(text: &str) -> [usize; Stage::ALL.len()] {
        let mut doc = Document::new(text);
        take();
        Stage::ALL.map(|stage| {
            stage.run(&mut doc);
            take()
        })
    }

    /// Checks that each stage takes at most ten times the steps on `text(8)` as on
    /// `text(1)` (eight times the input; the extra allows for a sentence cut at its
    /// token limit on one size and not the other).
    fn assert_linear(what: &str, text: impl Fn(usize) -> String) {
        let (one, eight) = (steps_per_stage(&text(1)), steps_per_stage(&text(8)));
        assert!(one.iter().sum::<usize>() > 0, "{what}: no steps counted");
        for ((stage, one), eight) in Stage::ALL.iter().zip(one).zip(eight) {
            assert!(
                eight <= 10 * one.max(100),
                "{what:?}, {stage:?}: {one} steps, then {eight} at 8x"
            );
        }
    }

    /// `unit` repeated to about `times` x [`SMALL`] bytes, then `tail`.
    fn repeated(unit: &str, tail: &str) -> impl Fn(usize) -> String {
        let (unit, tail) = (unit.to_string(), tail.to_string());
        move |times| unit.repeat((times * SMALL).div_ceil(unit.len())) + &tail
    }

    /// A made-up capitalised word for `n`, one syllable per base-20 digit of it
    /// ("Kalomi"): names no list holds, each different.
    fn made_up_word(n: usize, syllables: u32) -> String {
        const SYLLABLES: [&str; 20] = [
            "ka", "lo", "mi", "ra", "tu", "se", "no", "vi", "da", "re", "po", "zu", "fe", "ga",
            "hi", "jo", "ne", "sa", "te", "wa",
        ];
        let word: String = (0..syllables)
            .map(|k| SYLLABLES[n / 20usize.pow(k) % 20])
            .collect();
        word[..1].to_uppercase() + &word[1..]
    }

    /// Sentences naming two different people each, in one paragraph.
    fn distinct_names(times: usize) -> String {
        let mut text = String::new();
        for i in 0.. {
            if text.len() >= times * SMALL {
                break;
            }
            let (a, b) = (made_up_word(i, 2), made_up_word(i, 4));
            let (c, d) = (made_up_word(i + 7, 2), made_up_word(i * 7 + 3, 4));
            text += &format!("{a} {b} met {c} {d} in the city. ");
        }
        text
    }

    #[test]
    fn long_runs_of_capitals_take_linear_steps() {
        assert_linear("University of", repeated("University of the ", "World."));
        assert_linear("Aa", repeated("Aa ", "World."));
    }

    #[test]
    fn pronoun_quotes_in_one_paragraph_take_linear_steps() {
        assert_linear("he said", repeated("“x,” he said. ", ""));
        assert_linear("said Al", repeated("\"a,\" Al said. ", ""));
    }

    #[test]
    fn many_distinct_names_take_linear_steps() {
        assert_linear("distinct names", distinct_names);
    }

    #[test]
    fn degenerate_texts_take_linear_steps() {
        for unit in ["\n", "'", "A.\n\n", "“‘", "\"a\" ", "a.b.c.", "x@y "] {
            assert_linear(unit, repeated(unit, ""));
        }
    }

    /// The claims stage's hard cases: long chains of number words, signs, ratios,
    /// hyphenated numbers and phone-like digit runs.
    #[test]
    fn number_soup_takes_linear_steps() {
        for unit in [
            "minus ",
            "1 in 2 in ",
            "1-2-",
            "one hundred and ",
            "tens of thousands of ",
            "555-123-4567 5 ",
            "one, two, ",
            "a-",
            "nearly 5,000 sq km of ",
            "Putin said 5 ",
            "“5” ",
            "5% ",
        ] {
            assert_linear(unit, repeated(unit, ""));
        }
    }
}
