//! The word lists under data/ (issue 13): each says where its entries come from and under
//! which licence, in a `#` header before the first entry, and the notices that the MIT and
//! BSD sources require are kept in data/NOTICE.

use std::path::{Path, PathBuf};

fn list_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("data"))
            .expect("data/ is readable")
            .map(|e| e.expect("a directory entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
    files.sort();
    files
}

/// The comment lines that open a list, joined.
fn header(text: &str) -> String {
    text.lines()
        .take_while(|line| line.starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_list_names_its_source_in_a_header() {
    let files = list_files();
    assert!(files.len() > 40, "found {} lists", files.len());
    for path in files {
        let text = std::fs::read_to_string(&path).expect("a list is UTF-8 text");
        let header = header(&text).to_lowercase();
        assert!(!header.is_empty(), "{}: no # header", path.display());
        assert!(
            ["source", "compiled", "generated"]
                .iter()
                .any(|w| header.contains(w)),
            "{}: the header says nothing of where the entries come from",
            path.display()
        );
        let entries = text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
        assert!(entries.count() > 0, "{}: no entries", path.display());
    }
}

#[test]
fn generated_lists_name_their_licence_and_the_notices_are_kept() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let notice = std::fs::read_to_string(data.join("NOTICE")).expect("data/NOTICE");
    for path in list_files() {
        let text = std::fs::read_to_string(&path).expect("a list is UTF-8 text");
        let header = header(&text);
        if !header.contains("make_name_lists.py") {
            continue;
        }
        let licences = ["CC0", "MIT", "BSD", "public domain"];
        assert!(
            licences.iter().any(|l| header.contains(l)),
            "{}: a generated list names no licence",
            path.display()
        );
        for (licence, holder) in [
            ("MIT", "Hipo"),
            ("MIT", "Party Facts"),
            ("BSD", "name-suggestion-index"),
        ] {
            if header.contains(licence) && header.contains(holder) {
                assert!(
                    notice.contains(holder),
                    "data/NOTICE lacks {holder}'s notice"
                );
            }
        }
    }
}
