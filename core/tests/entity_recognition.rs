//! Recognition and resolution, case by case: a table of short texts with the
//! mentions a reader expects, then the cross-article merges the issue asks
//! for, and the reader's corrections.

mod common;

use crossread_core::entities::{Correction, Corrections, EntityIndex, EntityType};
use crossread_core::ingest::Article;

use common::annotate;

/// `(text, type)` of each mention of the first article.
fn mentions(article: &Article, index: &EntityIndex) -> Vec<(String, EntityType)> {
    index.mentions[0].iter().map(|m| (m.span.of(&article.text).to_string(), m.kind)).collect()
}

/// A body paragraph after a headline, as an article.
fn article(body: &str) -> String {
    format!("A headline about the news of the day\n\n{body}\n")
}

#[test]
fn mentions_are_found_from_general_evidence() {
    use EntityType::*;
    let table: &[(&str, &[(&str, EntityType)])] = &[
        (
            "US Secretary of Defense Mark Esper said troops would go. Esper added more.",
            &[("US", Place), ("Mark Esper", Person), ("Esper", Person)],
        ),
        (
            "Thousands of Popular Mobilization Forces (PMF) supporters came. The PMF left.",
            &[
                ("Thousands", Quantity),
                ("Popular Mobilization Forces", Org),
                ("PMF", Org),
                ("PMF", Org),
            ],
        ),
        (
            "Iraqi Prime Minister Adil Abdul-Mahdi met Gen. Frank Olsen in Baghdad.",
            &[
                ("Iraqi", Norp),
                ("Adil Abdul-Mahdi", Person),
                ("Frank Olsen", Person),
                ("Baghdad", Place),
            ],
        ),
        (
            "About 750 soldiers from the 82nd Airborne Division reached the Tarlow Air Base.",
            &[
                ("About 750 soldiers", Quantity),
                ("82nd Airborne Division", Org),
                ("Tarlow Air Base", Facility),
            ],
        ),
        (
            "Washington said the Iran-backed militia had fired at least 25 rockets.",
            &[("Washington", Place), ("Iran", Place), ("at least 25 rockets", Quantity)],
        ),
        (
            "The militia, Harakat Nujaba, told reporters that dozens were hurt.",
            &[("Harakat Nujaba", Org), ("dozens", Quantity)],
        ),
        (
            "“We are SAFE!” the staff wrote on Dec. 31, according to Selim Varga.",
            &[("Selim Varga", Person)],
        ),
        (
            "Shiite militias and Kurdish groups protested outside the Ministry of Oil.",
            &[("Shiite", Norp), ("Kurdish", Norp), ("Ministry of Oil", Org)],
        ),
    ];
    for (body, want) in table {
        let text = article(body);
        let (articles, index) = annotate(&[&text]);
        let got = mentions(&articles[0], &index);
        let want: Vec<(String, EntityType)> =
            want.iter().map(|(t, k)| (t.to_string(), *k)).collect();
        assert_eq!(got, want, "mentions of {body:?}");
    }
}

#[test]
fn titles_stay_out_of_the_span_and_become_roles() {
    let text =
        article("Iraqi President Barham Salih spoke. Defense Secretary Lloyd Austin listened.");
    let (_, index) = annotate(&[&text]);
    let role = |name: &str| {
        index.entities.iter().find(|e| e.name == name).map(|e| e.roles.clone()).unwrap_or_default()
    };
    assert_eq!(role("Barham Salih"), vec!["President".to_string()]);
    assert_eq!(role("Lloyd Austin"), vec!["Defense Secretary".to_string()]);
}

#[test]
fn spelling_variants_across_articles_resolve_to_one_entity() {
    let a = article(
        "Kata’ib Hezbollah spokesman Mohamad Mouhiye said Iraqi Prime Minister Adil \
         Abdul-Mahdi must act. Mouhiye spoke in Baghdad.",
    );
    let b = article(
        "Kataib Hezbollah spokesman Mohammed Mohieh said Iraqi Prime Minister Adel Abdul \
         Mahdi had failed. Abdul Mahdi did not reply.",
    );
    let (_, index) = annotate(&[&a, &b]);
    let entity_of = |alias: &str| {
        index
            .entities
            .iter()
            .find(|e| e.aliases.iter().any(|x| x == alias))
            .unwrap_or_else(|| panic!("no entity has alias {alias:?}"))
    };
    for (x, y) in [
        ("Kata’ib Hezbollah", "Kataib Hezbollah"),
        ("Mohamad Mouhiye", "Mohammed Mohieh"),
        ("Mohamad Mouhiye", "Mouhiye"),
        ("Adil Abdul-Mahdi", "Adel Abdul Mahdi"),
        ("Adil Abdul-Mahdi", "Abdul Mahdi"),
    ] {
        assert_eq!(entity_of(x).id, entity_of(y).id, "{x} and {y} are one entity");
    }
    let mahdi = entity_of("Adel Abdul Mahdi");
    assert_eq!(mahdi.kind, EntityType::Person);
    assert!(mahdi.id.starts_with("person:"));
    assert_eq!(mahdi.counts.len(), 2, "mentioned in both articles");
    for m in &mahdi.merges {
        assert!(m.confidence > 0.0 && m.confidence <= 1.0 && !m.reason.is_empty());
    }
}

#[test]
fn two_people_sharing_a_surname_are_never_merged() {
    let a = article(
        "Labour MP Angela Smith met police chief Mark Smith. Smith said cuts hurt. \
         Later Mark Smith replied.",
    );
    let b = article("Angela Smith spoke again on Friday. Smith said the vote was close.");
    let (_, index) = annotate(&[&a, &b]);
    let id_of = |name: &str| index.entities.iter().find(|e| e.name == name).map(|e| e.id.clone());
    let angela = id_of("Angela Smith").expect("Angela Smith found");
    let mark = id_of("Mark Smith").expect("Mark Smith found");
    assert_ne!(angela, mark);
    // In the second article only Angela Smith is named: the bare surname is hers.
    let last = index.mentions[1].last().expect("mentions in the second article");
    assert_eq!(last.entity, angela);
}

#[test]
fn corrections_merge_split_retype_and_remove_then_undo() {
    let a = article("Kataib Hezbollah said Iran backed it. Mark Esper met Olaf Scholz in Kyiv.");
    let b = article("Kata’ib Hezbollah said Esper lied. Olaf Scholz left Kyiv.");
    let (articles, index) = annotate(&[&a, &b]);
    let id = |ix: &EntityIndex, name: &str| {
        ix.entities.iter().find(|e| e.name == name).map(|e| e.id.clone())
    };
    let esper = id(&index, "Mark Esper").expect("Esper");
    let scholz = id(&index, "Olaf Scholz").expect("Scholz");
    let kh =
        id(&index, "Kataib Hezbollah").or_else(|| id(&index, "Kata’ib Hezbollah")).expect("KH");
    let kyiv = id(&index, "Kyiv").expect("Kyiv");

    let mut corrections = Corrections::default();
    corrections.push(Correction::Merge { into: esper.clone(), from: scholz.clone() });
    let merged = corrections.apply(&articles, &index);
    assert!(id(&merged, "Olaf Scholz").is_none());
    let e = merged.entities.iter().find(|e| e.id == esper).expect("merged entity");
    assert!(e.aliases.contains(&"Olaf Scholz".to_string()));
    assert_eq!(e.total(), 4);

    corrections.push(Correction::Split { entity: esper.clone(), alias: "Olaf Scholz".into() });
    let split = corrections.apply(&articles, &index);
    let back = split.entities.iter().find(|e| e.name == "Olaf Scholz").expect("split off");
    assert_eq!(back.total(), 2);
    assert!(split.mentions.iter().flatten().any(|m| m.entity == back.id));

    corrections.push(Correction::Retype { entity: kh.clone(), kind: EntityType::Person });
    let retyped = corrections.apply(&articles, &index);
    let k = retyped.entities.iter().find(|e| e.id == kh).expect("retyped entity");
    assert_eq!(k.kind, EntityType::Person);
    assert!(retyped
        .mentions
        .iter()
        .flatten()
        .filter(|m| m.entity == kh)
        .all(|m| m.kind == EntityType::Person));

    // Remove both Kyiv mentions: the entity disappears with its last mention.
    for (i, article) in articles.iter().enumerate() {
        for m in index.mentions[i].iter().filter(|m| m.entity == kyiv) {
            corrections.push(Correction::NotEntity {
                article: article.file.clone(),
                start: m.span.start,
                end: m.span.end,
            });
        }
    }
    // A stale correction is skipped, not an error.
    corrections.push(Correction::Merge { into: "person:nobody".into(), from: esper.clone() });
    let removed = corrections.apply(&articles, &index);
    assert!(id(&removed, "Kyiv").is_none());
    assert!(removed.mentions.iter().flatten().all(|m| m.entity != kyiv));
    assert!(id(&removed, "Mark Esper").is_some());

    let json = corrections.to_json();
    assert_eq!(Corrections::from_json(&json).expect("round trip"), corrections);
    assert!(Corrections::from_json("{\"ops\":[{\"op\":\"explode\"}]}").is_err());

    while corrections.undo().is_some() {}
    assert_eq!(corrections.apply(&articles, &index), index, "no corrections, no change");
}
