//! Publication dates inferred from the corpus: small corpora of made-up
//! articles, each test one kind of evidence.

use crossread_core::ingest::{ingest_corpus, Article, DateBasis, SourceFile};
use crossread_core::time::{find_times, infer_published, AnchorKind, Inference};
use jiff::civil::date;

/// Ingests `(name, text)` pairs as one corpus.
fn corpus(files: &[(&str, &str)]) -> Vec<Article> {
    let sources: Vec<SourceFile<'_>> =
        files.iter().map(|(name, text)| SourceFile { name, bytes: text.as_bytes() }).collect();
    ingest_corpus(&sources)
}

fn inferred(files: &[(&str, &str)]) -> Vec<Option<Inference>> {
    let articles = corpus(files);
    infer_published(&articles)
}

/// A dated wire report of an embassy attack on Tuesday 31 December 2019.
const DATED: &str = "December 31, 2019 4:38 pm\n\n\
Protesters Storm the Embassy in the Capital\n\n\
Militiamen hurled stones and torched a security post at the embassy in the capital on Tuesday in an unprecedented attack on a diplomatic mission.\n\n\
Air strikes on Sunday on militia bases killed at least 25 fighters, officials said.\n\n\
The guards responded with stun grenades and tear gas, and nobody inside was hurt.\n";

#[test]
fn undated_article_borrows_the_week_of_a_dated_report_of_the_same_event() {
    let undated = "Troops Head to the Region After the Embassy Attack\n\n\
The defence secretary said early on Wednesday that more troops would be sent to the region.\n\n\
Thousands of supporters of the militia stormed the embassy in the capital on Tuesday and torched a security post.\n\n\
The protests followed air strikes on militia bases on Sunday that killed 25 fighters.\n";
    let found = inferred(&[("a.txt", DATED), ("b.txt", undated)]);
    assert!(found[0].is_none(), "a dated article is never inferred");
    let b = found[1].as_ref().expect("inferred");
    assert_eq!(b.date, date(2020, 1, 1));
    assert!(b.reason.contains("a.txt"), "{}", b.reason);
    assert!(b.reason.starts_with("inferred"), "{}", b.reason);
    assert!(!b.evidence.is_empty());
}

#[test]
fn year_less_date_takes_the_year_of_a_dated_article_mentioning_the_same_day() {
    let undated = "Embassy Stormed in the Capital\n\n\
On December 31st, supporters of the militia protested in front of the embassy and then stormed it.\n\n\
The guards fired tear gas at the crowd, a spokesman said afterwards.\n";
    let found = inferred(&[("a.txt", DATED), ("b.txt", undated)]);
    let b = found[1].as_ref().expect("inferred");
    assert_eq!(b.date, date(2019, 12, 31));
    assert!(b.reason.contains("on or after"), "{}", b.reason);
}

#[test]
fn latest_full_date_reported_in_the_past_is_a_lower_bound() {
    let undated = "A Long Dispute Over the Border Treaty\n\n\
The treaty was signed on March 3, 2015, and the first talks had been held on June 9, 2014, officials said.\n\n\
Both sides met again on January 20, 2016, without an agreement being reached.\n";
    let found = inferred(&[("b.txt", undated)]);
    let b = found[0].as_ref().expect("inferred");
    assert_eq!(b.date, date(2016, 1, 20));
}

#[test]
fn dates_in_future_context_are_not_lower_bounds() {
    let undated = "Talks Set to Resume Over the Border Treaty\n\n\
The treaty was signed on March 3, 2015, officials said.\n\n\
The two sides will meet again on January 20, 2030, to review it.\n";
    let found = inferred(&[("b.txt", undated)]);
    let b = found[0].as_ref().expect("inferred");
    assert_eq!(b.date, date(2015, 3, 3));
}

#[test]
fn article_without_evidence_gets_no_date() {
    let undated = "A Quiet Day at the Embassy\n\n\
Protesters gathered outside the embassy on Tuesday and left after several hours.\n\n\
Nobody was hurt, and the guards said the compound had not been breached.\n";
    // Alone, "on Tuesday" says nothing about the week.
    assert!(inferred(&[("b.txt", undated)])[0].is_none());
    // A dated article about something else does not help either.
    let other = "December 31, 2019 4:38 pm\n\nMarkets Close the Year Higher\n\n\
Stock markets rose sharply on Tuesday as traders bought shares of technology companies in heavy trading.\n";
    assert!(inferred(&[("a.txt", other), ("b.txt", undated)])[1].is_none());
}

#[test]
fn resolution_against_an_inferred_date_is_marked_as_corpus() {
    let undated = "Embassy Stormed in the Capital\n\n\
On December 31st, supporters of the militia protested in front of the embassy, and many staff had left earlier in the day.\n\n\
The spokesman said the crowd would return today, and the guards fired tear gas at the crowd.\n";
    let articles = corpus(&[("a.txt", DATED), ("b.txt", undated)]);
    assert_eq!(articles[1].published.basis, DateBasis::Unknown);
    let inf = infer_published(&articles);
    let p = inf[1].as_ref().map(|i| i.date);
    let found = find_times(&articles[1], p);
    let today = found.iter().find(|m| m.text == "today").expect("today");
    assert_eq!(today.anchor.kind, AnchorKind::Corpus);
    assert!(today.anchor.explanation.contains("inferred"), "{}", today.anchor.explanation);
    // The stated date of a dated article anchors as published.
    let found = find_times(&articles[0], articles[0].published.date);
    assert!(found.iter().all(|m| m.anchor.kind != AnchorKind::Corpus));
}

proptest::proptest! {
    #[test]
    fn inference_never_panics_and_answers_every_article(texts in proptest::collection::vec(
        "(\\PC{0,80}|On Tuesday the embassy was stormed\\.|December 31, 2019|in May 2018|\n){0,8}",
        1..4,
    )) {
        let names: Vec<String> = (0..texts.len()).map(|i| format!("{i}.txt")).collect();
        let files: Vec<(&str, &str)> = names.iter().map(String::as_str).zip(texts.iter().map(String::as_str)).collect();
        let articles = corpus(&files);
        let inferred = infer_published(&articles);
        proptest::prop_assert_eq!(inferred.len(), articles.len());
        for (a, inf) in articles.iter().zip(&inferred) {
            if a.published.date.is_some() {
                proptest::prop_assert!(inf.is_none());
            }
            if let Some(i) = inf {
                proptest::prop_assert!(!i.reason.is_empty());
            }
        }
    }
}

#[test]
fn a_month_or_year_alone_is_too_loose_to_date_an_article() {
    let undated = "A Long War and Its Aftermath\n\n\
The United States invaded the country in 2003 and withdrew its troops in December 2011, officials said.\n\n\
The invasion has led to years of insecurity and the rise of militant groups.\n";
    assert!(inferred(&[("b.txt", undated)])[0].is_none());
}
