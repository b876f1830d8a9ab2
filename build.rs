//! Builds the entity stage's table of word facts at compile time (see
//! `src/entities/facts.rs`), so that no run spends its start-up building it: compiles
//! the word table and the table's recipe from the library's own sources, and writes the
//! built table as Rust source to `$OUT_DIR/word_facts.rs`.

use std::path::Path;

#[allow(dead_code)]
#[path = "src/lexicon/table.rs"]
mod lexicon;

#[allow(dead_code)]
#[path = "src/calendar.rs"]
mod calendar;

#[allow(dead_code)]
#[path = "src/entities/facts.rs"]
mod facts;

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=src/lexicon/table.rs");
    println!("cargo::rerun-if-changed=src/calendar.rs");
    println!("cargo::rerun-if-changed=src/entities/facts.rs");
    println!("cargo::rerun-if-changed=data");
    let table = facts::build().to_rust(|e| format!("FactEntry::of({},{})", e.exact.0, e.lowered.0));
    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    let path = Path::new(&out).join("word_facts.rs");
    if let Err(e) = std::fs::write(&path, table) {
        panic!("cannot write {}: {e}", path.display());
    }
}
