//! Entities on bad input: any UTF-8, empty text, 1 MB without a line break,
//! all capitals, no capitals, Arabic and Cyrillic. Nothing panics, and every
//! mention lies on char boundaries, inside a clean paragraph, in order and
//! without overlaps, pointing at an entity that exists.

mod common;

use crossread_core::entities::{EntityIndex, EntityType};
use crossread_core::ingest::Article;
use proptest::prelude::*;

use common::annotate;

/// Checks every invariant of an index; returns a description of the first
/// broken one.
fn check(articles: &[Article], index: &EntityIndex) -> Result<(), String> {
    if index.mentions.len() != articles.len() {
        return Err(format!(
            "{} mention lists for {} articles",
            index.mentions.len(),
            articles.len()
        ));
    }
    let ids: std::collections::HashSet<&str> =
        index.entities.iter().map(|e| e.id.as_str()).collect();
    if ids.len() != index.entities.len() {
        return Err("entity ids are not unique".into());
    }
    let mut counted = std::collections::HashMap::new();
    for (a, (article, mentions)) in articles.iter().zip(&index.mentions).enumerate() {
        let text = &article.text;
        let mut last_end = 0;
        for m in mentions {
            let s = m.span;
            if s.start >= s.end || s.end > text.len() {
                return Err(format!("{}: span {s:?} outside the text or empty", article.file));
            }
            if !text.is_char_boundary(s.start) || !text.is_char_boundary(s.end) {
                return Err(format!("{}: span {s:?} not on char boundaries", article.file));
            }
            if s.start < last_end {
                return Err(format!("{}: span {s:?} overlaps or is out of order", article.file));
            }
            last_end = s.end;
            if !article.paragraphs.iter().any(|p| p.span.contains(s)) {
                return Err(format!(
                    "{}: span {s:?} is not inside a clean paragraph",
                    article.file
                ));
            }
            if !ids.contains(m.entity.as_str()) {
                return Err(format!("{}: mention of unknown entity {}", article.file, m.entity));
            }
            *counted.entry((m.entity.as_str(), a)).or_insert(0usize) += 1;
        }
    }
    for e in &index.entities {
        for &(a, n) in &e.counts {
            if counted.get(&(e.id.as_str(), a)) != Some(&n) {
                return Err(format!(
                    "{}: count {n} in article {a} does not match its mentions",
                    e.id
                ));
            }
        }
        if e.aliases.is_empty() || !e.aliases.contains(&e.name) {
            return Err(format!("{}: the name {:?} is not among the aliases", e.id, e.name));
        }
        if e.merges.iter().any(|m| !(0.0..=1.0).contains(&m.confidence)) {
            return Err(format!("{}: a merge confidence is outside 0..=1", e.id));
        }
    }
    Ok(())
}

#[test]
fn bad_inputs_give_sensible_mentions_without_panicking() {
    let long_line = "The U.S. Embassy in Baghdad said Gen. Mark Milley met Iraqi officials, \
                     and at least 25 soldiers arrived. "
        .repeat(1024 * 1024 / 110 + 1);
    let table: &[(&str, &str)] = &[
        ("empty", ""),
        ("white space", " \n\n\t \n"),
        ("one megabyte without a line break", &long_line),
        (
            "all capitals",
            "HEADLINE\n\nUS TROOPS ARRIVE IN IRAQ AS PRESIDENT DONALD TRUMP WARNS IRAN. \
             THOUSANDS OF PROTESTERS GATHERED IN BAGHDAD ON TUESDAY.",
        ),
        (
            "no capitals",
            "headline\n\nus troops arrive in iraq as president donald trump warns iran. \
             thousands of protesters gathered in baghdad on tuesday, officials said.",
        ),
        (
            "Arabic",
            "عنوان\n\nقال الرئيس العراقي برهم صالح إن القوات الأمريكية في بغداد. \
             وتظاهر الآلاف أمام السفارة.",
        ),
        (
            "Cyrillic",
            "Заголовок\n\nПрезидент Владимир Путин заявил в Москве, что НАТО ведёт войну. \
             Сергей Лавров встретился с послом.",
        ),
        (
            "mixed scripts and symbols",
            "Title line here\n\nMr. Ли встретил Abdul-Mahdi’s aides — «Kata’ib» (KH) said: “SAFE!” \
             ✈️ 5,000 US troops… al-Sadr’s 12 000 fighters; Dec. 31.",
        ),
    ];
    for (name, text) in table {
        let (articles, index) = annotate(&[text]);
        if let Err(e) = check(&articles, &index) {
            panic!("{name}: {e}");
        }
    }
    // Capitals carry meaning only in ordinary prose; the gazetteer still
    // finds places when they do not.
    let (_, caps) = annotate(&[table[3].1]);
    assert!(caps.entities.iter().any(|e| e.kind == EntityType::Place && e.name == "IRAQ"));
    assert!(!caps.entities.iter().any(|e| e.name.contains("TUESDAY")));
    let (_, long) = annotate(&[&long_line]);
    assert!(long.entities.iter().any(|e| e.name == "Mark Milley"), "names found in a 1 MB line");
}

/// Text that looks like news often enough to reach the recogniser's
/// branches: names, titles, acronyms, numbers, odd punctuation, scripts.
fn newsish() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "Mark",
        "Esper",
        "said",
        "the",
        "U.S.",
        "Gen.",
        "President",
        "of",
        "Ministry",
        "Defense",
        "al-Sadr",
        "Abdul-Mahdi",
        "Iraq’s",
        "(PMF)",
        "Popular",
        "Forces",
        "5,000",
        "at",
        "least",
        "25",
        "soldiers",
        "dozens",
        "SAFE!",
        "“",
        "”",
        "—",
        ".",
        ",",
        "\n\n",
        "Dec.",
        "31",
        "Kata’ib",
        "Hezbollah",
        "Embassy",
        "Baghdad",
        "according",
        "to",
        "Smith",
        "John",
        "Ирак",
        "بغداد",
        "é",
        "ﬁ",
        "İ",
        "\u{200d}",
        "Iran-backed",
        "US-Iran",
        "’s",
        "A.",
        "Co.",
    ]);
    (prop::collection::vec(words, 0..60), "\\PC{0,20}").prop_map(|(ws, tail)| {
        let mut s = String::from("A headline for the test\n\n");
        for w in ws {
            s.push_str(w);
            s.push(' ');
        }
        s.push_str(&tail);
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn mentions_in_arbitrary_text_lie_on_char_boundaries_in_order_without_overlap(
        a in "\\PC{0,300}",
        b in newsish(),
    ) {
        let (articles, index) = annotate(&[&a, &b]);
        if let Err(e) = check(&articles, &index) {
            prop_assert!(false, "{}", e);
        }
    }
}
