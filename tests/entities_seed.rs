//! The entities of the seed article (fixtures/seed-article.txt): who and what it names,
//! one entity per referent, typed, with descriptions for the presidents; and every entity
//! id referenced anywhere in the report exists.

use byline::{EntityType, MentionKind};

const SEED: &str = include_str!("../fixtures/seed-article.txt");

fn names_of(t: EntityType) -> Vec<String> {
    let doc = byline::annotate(SEED);
    let mut names: Vec<String> = doc
        .entities
        .iter()
        .filter(|e| e.entity_type == t)
        .map(|e| e.name.clone())
        .collect();
    names.sort();
    names
}

#[test]
fn seed_people_are_exactly_these() {
    let mut expected = [
        "Donald Trump",
        "Volodymyr Zelensky",
        "Vladimir Putin",
        "JD Vance",
        "Michael Carpenter",
        "Oleksandr Syrsky",
        "Max Bergmann",
        "Mykola Bielieskov",
    ];
    expected.sort();
    assert_eq!(names_of(EntityType::Person), expected);
}

#[test]
fn seed_organizations_are_exactly_these() {
    let mut expected = [
        "International Institute for Strategic Studies",
        "Center for Strategic and International Studies",
        "Come Back Alive",
        "European Union",
        "NATO",
        "Kremlin",
        "White House",
        "Skai",
    ];
    expected.sort();
    assert_eq!(names_of(EntityType::Organization), expected);
}

#[test]
fn seed_places_include_these() {
    let places = names_of(EntityType::Place);
    for place in [
        "Ukraine",
        "Russia",
        "Hungary",
        "West Palm Beach",
        "Florida",
        "Alaska",
        "Moscow",
        "United States",
    ] {
        assert!(
            places.iter().any(|p| p == place),
            "missing place {place}: {places:?}"
        );
    }
}

#[test]
fn seed_merges_variants_and_ties_descriptions() {
    let doc = byline::annotate(SEED);
    let entity = |name: &str| {
        doc.entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no {name}"))
    };
    let zelensky = entity("Volodymyr Zelensky");
    assert!(zelensky.aliases.iter().any(|a| a == "Zelenskiy"));
    let described = |name: &str, text: &str| {
        entity(name).mentions.iter().any(|m| {
            m.kind == MentionKind::Description && doc.slice(m.span).eq_ignore_ascii_case(text)
        })
    };
    assert!(described("Volodymyr Zelensky", "the Ukrainian president"));
    assert!(described("Donald Trump", "the US president"));
    assert!(described("Vladimir Putin", "the Russian president"));
    assert!(entity("Vladimir Putin")
        .roles
        .iter()
        .any(|r| r == "Russian president"));
    let carpenter = entity("Michael Carpenter");
    assert_eq!(
        carpenter.roles,
        ["former official and current researcher at the International Institute for Strategic Studies"]
    );
    let affiliation = carpenter.affiliation.and_then(|a| doc.entities.get(a));
    assert_eq!(
        affiliation.map(|a| a.name.as_str()),
        Some("International Institute for Strategic Studies")
    );
    assert!(entity("Mykola Bielieskov")
        .roles
        .iter()
        .any(|r| r == "senior analyst at the Ukrainian foundation Come Back Alive"));
    assert_eq!(doc.entities[0].name, "Donald Trump", "most mentioned first");
    // Tomahawk is a weapon: other, never a person or organization.
    assert_eq!(entity("Tomahawk").entity_type, EntityType::Other);
}

#[test]
fn entities_are_sorted_by_salience() {
    let doc = byline::annotate(SEED);
    let keys: Vec<(std::cmp::Reverse<usize>, usize)> = doc
        .entities
        .iter()
        .map(|e| {
            (
                std::cmp::Reverse(e.mentions.len()),
                e.mentions[0].span.start(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn every_entity_id_in_the_report_exists() {
    let analysis = byline::analyze(SEED, &byline::Options::default());
    let json = serde_json::to_value(&analysis).expect("serializes");
    let count = json["entities"].as_array().map(|a| a.len()).unwrap_or(0);
    assert!(count > 0);
    let mut ids = Vec::new();
    collect_entity_refs(&json, &mut ids);
    for (i, e) in json["entities"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        assert_eq!(e["id"].as_u64(), Some(i as u64), "ids are positions");
    }
    for id in ids {
        assert!(
            (id as usize) < count,
            "entity id {id} out of range ({count})"
        );
    }
}

/// Every `"entity": N` anywhere in the report (speakers, claimants, affiliations).
fn collect_entity_refs(value: &serde_json::Value, out: &mut Vec<u64>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                if k == "entity" {
                    if let Some(n) = v.as_u64() {
                        out.push(n);
                    }
                }
                collect_entity_refs(v, out);
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_entity_refs(v, out)),
        _ => {}
    }
}
