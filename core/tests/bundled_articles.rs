//! The five bundled articles: messy real scrapes about one story. These
//! tests pin what the general rules make of them; nothing in the cleaner
//! knows these texts.

mod common;

use common::{check_invariants, removed};
use crossread_core::ingest::{Article, DateBasis, NoticeKind, ParagraphKind};

fn corpus() -> Vec<Article> {
    let articles = common::bundled_corpus();
    assert_eq!(articles.len(), 5);
    articles
}

fn article(articles: &[Article], prefix: &str) -> Article {
    articles
        .iter()
        .find(|a| a.file.starts_with(prefix))
        .cloned()
        .unwrap_or_else(|| panic!("no article {prefix}"))
}

fn value(field: &Option<crossread_core::ingest::Field>) -> Option<&str> {
    field.as_ref().map(|f| f.value.as_str())
}

fn kept(a: &Article, piece: &str) -> bool {
    a.paragraphs.iter().any(|p| p.text.contains(piece))
}

fn has_notice(a: &Article, kind: NoticeKind) -> bool {
    a.notices.iter().any(|n| n.kind == kind)
}

#[test]
fn every_bundled_article_keeps_the_invariants() {
    for a in corpus() {
        check_invariants(&a);
        assert!(a.paragraphs.len() >= 15, "{}: only {} paragraphs", a.file, a.paragraphs.len());
        assert_eq!(a.id, a.file.trim_end_matches(".txt"));
    }
}

#[test]
fn the_donation_widget_and_repeated_headline_go_in_the_first_site_articles() {
    let articles = corpus();
    for prefix in ["000", "002"] {
        let a = article(&articles, prefix);
        let donation = removed(&a, "donation");
        assert!(
            donation.contains(&"0 $")
                && donation.contains(&"2,500 $")
                && donation.contains(&"5,000 $"),
            "{donation:?}"
        );
        assert!(donation.iter().any(|t| t.contains("Consider helping us")), "{donation:?}");
        assert_eq!(removed(&a, "image"), ["Click to see full-size image"]);
        assert_eq!(removed(&a, "repeated-headline").len(), 1);
        assert!(
            value(&a.title).is_some_and(|t| t.contains('“')),
            "the first, curly-quoted headline is the title"
        );
        assert_eq!((value(&a.outlet), value(&a.byline)), (None, None));
        assert_eq!(a.published.basis, DateBasis::Unknown);
        assert!(has_notice(&a, NoticeKind::NoDate));
    }
    let a = article(&articles, "000");
    assert_eq!(
        value(&a.title),
        Some("US Deploys More Troops to Iraq To Employ Its “Right of Self-Defense”")
    );
    assert!(kept(&a, "He later tweeted again:"), "prose that mentions tweets is content");
    assert!(kept(&a, "On December 31st, supporters of Kata"));
}

#[test]
fn the_body_printed_twice_is_shown_once() {
    let a = article(&corpus(), "001");
    assert_eq!(value(&a.title), Some("US to ‘immediately’ deploy 750 soldiers to the Middle East after attack on its Baghdad embassy"));
    assert_eq!(a.paragraphs.len(), 20);
    let copies: Vec<_> = a.removed.iter().filter(|r| r.reason.code() == "duplicate").collect();
    assert_eq!(copies.len(), 1);
    assert_eq!(copies[0].detail, "repeats paragraphs 2–20");
    assert!(a.paragraphs[0].text.starts_with("ERBIL, Kurdistan Region"));
    assert_eq!(
        a.paragraphs
            .iter()
            .filter(|p| p.text.starts_with("Thousands of Popular Mobilization"))
            .count(),
        1
    );
    // A place in a dateline and a source ("told Reuters") are not outlets.
    assert_eq!(value(&a.outlet), None);
    assert_eq!(a.published.date, None);
}

#[test]
fn the_labelled_header_date_is_the_publication_date_and_the_missing_title_is_flagged() {
    let a = article(&corpus(), "003");
    assert_eq!(a.published.date.map(|d| d.to_string()).as_deref(), Some("2019-12-31"));
    assert_eq!(a.published.basis, DateBasis::Stated);
    assert_eq!(a.published.evidence.map(|s| s.of(&a.text)), Some("date 2019-12-31"));
    assert_eq!(removed(&a, "date-line"), ["date 2019-12-31 advertisement"]);
    assert_eq!(a.title, None);
    assert!(has_notice(&a, NoticeKind::NoTitle));
    assert!(a.paragraphs[0].text.starts_with("BAGHDAD / WASHINGTON"));
    let heading =
        a.paragraphs.iter().find(|p| p.text == "Findings and tear gases").expect("subheading kept");
    assert_eq!(heading.kind, ParagraphKind::Heading);
    assert!(
        a.paragraphs.last().is_some_and(|p| p.text.contains("writing by Steve Holland")),
        "the credit stays in the body"
    );
    assert_eq!(value(&a.byline), Some("Steve Holland"));
    assert_eq!(value(&a.outlet), Some("Reuters"), "from \"a Reuters witness\"");
}

#[test]
fn the_page_chrome_around_the_last_article_is_removed_with_its_reasons() {
    let a = article(&corpus(), "004");
    assert_eq!(
        value(&a.title),
        Some("Trump Blames Iran as Protests Erupt Outside US Embassy in Iraq")
    );
    assert_eq!(value(&a.byline), Some("Reuters and Algemeiner Staff"));
    assert_eq!(value(&a.outlet), Some("Algemeiner"));
    assert_eq!(a.published.date.map(|d| d.to_string()).as_deref(), Some("2019-12-31"));
    assert_eq!(a.published.evidence.map(|s| s.of(&a.text)), Some("December 31, 2019 4:38 pm"));
    let date_lines = removed(&a, "date-line");
    assert_eq!(date_lines, ["Saturday, April 17th | 5 Iyyar 5781", "December 31, 2019 4:38 pm"]);
    assert_eq!(removed(&a, "byline"), ["avatar by Reuters and Algemeiner Staff"]);
    assert!(removed(&a, "image").iter().any(|t| t.ends_with("Photo: Reuters / Wissm al-Okili.")));
    let related = removed(&a, "related");
    assert_eq!(related.len(), 4, "{related:?}");
    assert!(
        related[0] == "Related coverage"
            && related[1] == "April 16, 2021 1:34 pm"
            && related[3].ends_with("...")
    );
    assert_eq!(removed(&a, "share"), ["Share this Story: Share On Facebook Share On Twitter"]);
    assert_eq!(removed(&a, "newsletter"), ["Let your voice be heard!", "Join the Algemeiner"]);
    assert_eq!(removed(&a, "captcha").len(), 1);
    for heading in ["‘No America’", "‘Closed in the name of the people’"] {
        let p = a.paragraphs.iter().find(|p| p.text == heading).expect("subheading kept");
        assert_eq!(p.kind, ParagraphKind::Heading);
    }
    assert!(kept(&a, "Militiamen and their supporters protesting"));
    assert!(kept(&a, "More than 5,000 US troops are stationed in Iraq"));
    assert!(a.notices.is_empty(), "{:?}", a.notices);
}

#[test]
fn no_body_paragraph_is_taken_for_clutter() {
    for a in corpus() {
        let body = a.paragraphs.iter().filter(|p| p.kind == ParagraphKind::Body).count();
        let headings = a.paragraphs.len() - body;
        assert!(headings <= 2, "{}: {headings} headings", a.file);
        for r in &a.removed {
            let prose_like = r.text.split_whitespace().count() > 30;
            let allowed = ["duplicate", "image", "related"].contains(&r.reason.code());
            assert!(
                !prose_like || allowed,
                "{}: long text removed as {}: {}",
                a.file,
                r.reason.code(),
                r.text
            );
        }
    }
}

/// Prints what the cleaning removes from each article (run with
/// `--nocapture` to see it).
#[test]
fn print_what_the_cleaning_removes() {
    for a in corpus() {
        let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
        for r in &a.removed {
            *counts.entry(r.reason.code()).or_default() += 1;
        }
        println!("{} — {} paragraphs kept; removed: {counts:?}", a.id, a.paragraphs.len());
        for r in &a.removed {
            let short: String = r.text.chars().take(70).collect();
            let more = if r.text.chars().count() > 70 { "…" } else { "" };
            println!("    {:<17} {short}{more}", r.reason.code());
        }
    }
}
