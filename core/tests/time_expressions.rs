//! Temporal expressions: table-driven fixtures (`fixtures/time/*.tsv`),
//! named cases across week, month and year boundaries, live-blog entries,
//! bad input, and property tests.
//!
//! A fixture row is `published | text | expected span | expected value |
//! granularity | checks`, where `-` means unknown or unresolved and the
//! checks are `key=value` words (`kind`, `part`, `anchor`, `order`).

use crossread_core::time::{
    find_times_in, find_times_with, AnchorKind, Granularity, NumericOrder, Options, TimeMention,
};
use jiff::civil::{date, Date};
use proptest::prelude::*;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/time");

fn read(name: &str) -> Vec<Vec<String>> {
    let path = format!("{FIXTURES}/{name}");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

fn published(cell: &str) -> Option<Date> {
    (cell != "-").then(|| cell.parse().unwrap_or_else(|e| panic!("bad date {cell:?}: {e}")))
}

fn granularity(g: Granularity) -> &'static str {
    g.code()
}

fn anchor_code(k: AnchorKind) -> &'static str {
    match k {
        AnchorKind::Published => "published",
        AnchorKind::PreviousMention => "previous-mention",
        AnchorKind::Corpus => "corpus",
        AnchorKind::None => "none",
    }
}

/// Checks every row of one table; reports all failures at once.
fn check_table(name: &str) {
    let rows = read(name);
    assert!(!rows.is_empty(), "{name} has no rows");
    let mut failures = Vec::new();
    for row in &rows {
        assert!(row.len() >= 5, "{name}: short row {row:?}");
        let (text, want_span, want_value, want_gran) = (&row[1], &row[2], &row[3], &row[4]);
        let found = find_times_in(text, published(&row[0]));
        let Some(m) = found.iter().find(|m| &m.text == want_span) else {
            let got: Vec<&str> = found.iter().map(|m| m.text.as_str()).collect();
            failures.push(format!("{text:?}: no mention {want_span:?}, found {got:?}"));
            continue;
        };
        assert_eq!(&text[m.span.start..m.span.end], m.text, "span and text disagree");
        let value = m.resolved.as_ref().map_or("-", |r| r.value.as_str());
        let gran = m.resolved.as_ref().map_or("-", |r| granularity(r.granularity));
        if value != want_value || gran != want_gran {
            failures.push(format!(
                "{text:?} ({}): {want_span:?} gave {value} ({gran}), want {want_value} ({want_gran}); {}",
                row[0], m.anchor.explanation
            ));
        }
        for check in row.get(5).map(|c| c.split(' ').collect::<Vec<_>>()).unwrap_or_default() {
            if let Some(e) = check_one(m, check) {
                failures.push(format!("{text:?}: {e}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{name}: {} of {} rows failed:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

/// One `key=value` check; `part` takes the rest of the cell's words.
fn check_one(m: &TimeMention, check: &str) -> Option<String> {
    let (key, want) = check.split_once('=')?;
    let got = match key {
        "kind" => m.kind.code().to_string(),
        "anchor" => anchor_code(m.anchor.kind).to_string(),
        "order" => match m.order.as_ref().map(|o| o.order) {
            Some(NumericOrder::DayFirst) => "day-first".into(),
            Some(NumericOrder::MonthFirst) => "month-first".into(),
            None => "-".into(),
        },
        // Parts may hold spaces ("10:42 GMT"): compare the first word.
        "part" => {
            m.time_of_day.clone().unwrap_or_default().split(' ').next().unwrap_or("").to_string()
        }
        other => return Some(format!("unknown check {other}")),
    };
    (got != want).then(|| format!("{key} is {got:?}, want {want:?}"))
}

#[test]
fn absolute_dates_resolve_as_the_table_says() {
    check_table("absolute.tsv");
}

#[test]
fn weekdays_and_parts_of_days_resolve_as_the_table_says() {
    check_table("weekdays.tsv");
}

#[test]
fn relative_expressions_resolve_as_the_table_says() {
    check_table("relative.tsv");
}

#[test]
fn vague_references_become_ranges_as_the_table_says() {
    check_table("vague.tsv");
}

#[test]
fn numeric_dates_and_clock_times_resolve_as_the_table_says() {
    check_table("numeric.tsv");
}

#[test]
fn texts_without_temporal_expressions_yield_none() {
    let mut failures = Vec::new();
    for row in read("not_times.tsv") {
        let found = find_times_in(&row[0], Some(date(2019, 12, 31)));
        if !found.is_empty() {
            let got: Vec<&str> = found.iter().map(|m| m.text.as_str()).collect();
            failures.push(format!(
                "{:?} ({}): found {got:?}",
                row[0],
                row.get(1).map_or("", |s| s)
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn value_of(text: &str, published: Option<Date>, span: &str) -> Option<String> {
    find_times_in(text, published)
        .into_iter()
        .find(|m| m.text == span)
        .and_then(|m| m.resolved)
        .map(|r| r.value)
}

#[test]
fn weekday_without_date_resolves_to_the_previous_one() {
    // Thursday 2 January 2020: the Sunday before is in the old year.
    let text = "US strikes on Sunday killed 25 fighters.";
    assert_eq!(value_of(text, Some(date(2020, 1, 2)), "on Sunday").as_deref(), Some("2019-12-29"));
}

#[test]
fn weekday_on_the_publication_day_is_that_same_day_in_the_past_tense() {
    let text = "Protesters stormed the embassy on Tuesday.";
    assert_eq!(
        value_of(text, Some(date(2019, 12, 31)), "on Tuesday").as_deref(),
        Some("2019-12-31")
    );
}

#[test]
fn weekday_in_future_context_resolves_to_the_next_one_across_the_year() {
    let text = "The council will vote on Friday.";
    assert_eq!(
        value_of(text, Some(date(2019, 12, 31)), "on Friday").as_deref(),
        Some("2020-01-03")
    );
}

#[test]
fn date_without_year_takes_the_year_before_across_new_year() {
    let text = "The embassy was stormed on Dec. 31 by militias.";
    assert_eq!(value_of(text, Some(date(2020, 1, 2)), "on Dec. 31").as_deref(), Some("2019-12-31"));
}

#[test]
fn anchors_explain_the_resolution_in_words() {
    let found = find_times_in("US strikes on Sunday killed 25 fighters.", Some(date(2020, 1, 2)));
    let a = &found[0].anchor;
    assert_eq!(a.kind, AnchorKind::Published);
    assert_eq!(a.date, Some(date(2020, 1, 2)));
    assert!(a.explanation.contains("Sunday"), "{}", a.explanation);
    assert!(a.explanation.contains("2 January 2020"), "{}", a.explanation);
    assert!(a.explanation.contains("past"), "{}", a.explanation);
}

#[test]
fn approximate_relative_expressions_say_so_in_the_anchor() {
    let text = "Protests are challenging the system nearly 17 years after the invasion.";
    let found = find_times_in(text, Some(date(2019, 12, 31)));
    let m = found.iter().find(|m| m.text == "nearly 17 years after").expect("mention");
    assert!(m.anchor.explanation.contains("approximate"), "{}", m.anchor.explanation);
    assert!(m.anchor.explanation.contains("2002"), "{}", m.anchor.explanation);
}

#[test]
fn outlet_habit_decides_numeric_order_when_the_article_does_not() {
    let text = "Signed on 01/10/2020.";
    let day_first = Options { prefer_day_first: Some(true) };
    let found = find_times_with(text, None, &day_first);
    assert_eq!(found[0].resolved.as_ref().map(|r| r.value.as_str()), Some("2020-10-01"));
    let order = found[0].order.as_ref().expect("order");
    assert_eq!(order.order, NumericOrder::DayFirst);
    assert!(order.reason.contains("outlet"), "{}", order.reason);
    // A numeric date in the article that can only be month first wins.
    let text = "Signed on 01/10/2020, amended 01/13/2020.";
    let found = find_times_with(text, None, &day_first);
    assert_eq!(found[0].resolved.as_ref().map(|r| r.value.as_str()), Some("2020-01-10"));
}

#[test]
fn live_blog_entry_times_follow_their_paragraphs() {
    let text = "10:42 GMT Police say crowds are growing.\nStill growing on Tuesday.\n11:05 GMT Marines arrived.";
    let found = find_times_in(text, Some(date(2019, 12, 31)));
    let entry = |t: &str| found.iter().find(|m| m.text == t).and_then(|m| m.entry_time);
    assert_eq!(entry("10:42 GMT"), Some(jiff::civil::time(10, 42, 0, 0)));
    assert_eq!(entry("on Tuesday"), Some(jiff::civil::time(10, 42, 0, 0)));
    assert_eq!(entry("11:05 GMT"), Some(jiff::civil::time(11, 5, 0, 0)));
}

#[test]
fn month_and_year_mentions_never_claim_a_day() {
    let found = find_times_in("It began in May 2018 and ended in 2019.", Some(date(2019, 12, 31)));
    let grans: Vec<Granularity> =
        found.iter().filter_map(|m| m.resolved.as_ref()).map(|r| r.granularity).collect();
    assert_eq!(grans, vec![Granularity::Month, Granularity::Year]);
    let may = found[0].resolved.as_ref().expect("May");
    assert_eq!((may.start, may.end), (date(2018, 5, 1), date(2018, 5, 31)));
}

#[test]
fn hundreds_of_dates_in_one_line_are_all_found() {
    let line = "On December 31, 2019, and on Tuesday, ".repeat(300);
    let found = find_times_in(&line, Some(date(2019, 12, 31)));
    assert_eq!(found.len(), 600);
    assert!(found.iter().all(|m| m.resolved.is_some()));
}

#[test]
fn a_megabyte_line_without_breaks_is_read_quickly() {
    let line = "militia protest 2,500 $ Tuesday in 2003, x ".repeat(25_000);
    assert!(line.len() > 1_000_000);
    let start = std::time::Instant::now();
    let found = find_times_in(&line, Some(date(2019, 12, 31)));
    assert_eq!(found.len(), 50_000);
    // Generous, for slow debug builds on a shared machine: linear work.
    assert!(start.elapsed().as_secs() < 30, "took {:?}", start.elapsed());
}

#[test]
fn empty_and_blank_texts_have_no_mentions() {
    assert!(find_times_in("", None).is_empty());
    assert!(find_times_in(" \n\t\n", Some(date(2019, 12, 31))).is_empty());
}

fn assert_spans_ok(text: &str, found: &[TimeMention]) {
    let mut last = 0;
    for m in found {
        assert!(m.span.start >= last, "out of order or overlapping: {found:?}");
        assert!(m.span.start < m.span.end && m.span.end <= text.len());
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        assert_eq!(&text[m.span.start..m.span.end], m.text);
        if let Some(r) = &m.resolved {
            assert!(r.start <= r.end);
        }
        last = m.span.end;
    }
}

proptest! {
    #[test]
    fn spans_are_in_order_on_char_boundaries_for_any_text(text in "\\PC{0,300}") {
        let found = find_times_in(&text, Some(date(2019, 12, 31)));
        assert_spans_ok(&text, &found);
    }

    #[test]
    fn spans_stay_valid_among_date_words(words in proptest::collection::vec(
        prop_oneof![
            Just("on"), Just("Tuesday"), Just("December"), Just("31"), Just("2019"), Just(","),
            Just("in"), Just("May"), Just("2003"), Just("later"), Just("six"), Just("months"),
            Just("the"), Just("coming"), Just("days"), Just("10:42"), Just("GMT"), Just("01/10/2020"),
            Just("early"), Just("last"), Just("week"), Just("ago"), Just("a"), Just("year"),
            Just("Dec."), Just("summer"), Just("during"), Just("’s"), Just("é"), Just("\n"),
            Just("end"), Just("of"), Just("first"), Just("quarter"), Just("Q3"), Just("1990s"),
            Just("mid-"), Just("to"), Just("after"), Just("from"), Just("now"), Just("recently"),
            Just("Saturday, April 17th"), Just("1:20 a.m."), Just("Today"), Just("USA"),
        ],
        0..60,
    ), published in proptest::option::of(0i32..20_000)) {
        let text = words.join(" ");
        let published = published.and_then(|d| date(1970, 1, 1).checked_add(jiff::ToSpan::days(d)).ok());
        let found = find_times_in(&text, published);
        assert_spans_ok(&text, &found);
    }
}
