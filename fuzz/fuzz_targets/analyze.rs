//! Fuzz target: arbitrary bytes through `input::decode` and the whole pipeline, checking
//! the output invariants of `tests/invariants` (spans in the text and on char boundaries,
//! sorted, sentences inside their paragraphs and disjoint, entity references that exist,
//! JSON that parses). Any panic or broken invariant is a crash.
//!
//! Run (stable toolchain, cargo-fuzz needs nightly flags):
//! `cd fuzz && RUSTC_BOOTSTRAP=1 cargo fuzz run analyze -s none -a -- -max_total_time=600`

#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|bytes: &[u8]| {
    let Ok(decoded) = byline::input::decode(bytes) else {
        return;
    };
    if let Err(broken) = invariants::analyze_checked(&decoded.text) {
        panic!("{broken}\ninput: {:?}", &*decoded.text);
    }
});
