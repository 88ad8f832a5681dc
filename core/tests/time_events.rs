//! Events and their clustering.
//!
//! - `fixtures/time/events_corpora.txt`: small made-up corpora, each with
//!   its expectations (one event from two reports, different events apart,
//!   conflicting counts, month precision kept, ...).
//! - `fixtures/time/events_bundled.tsv`: the events of the five bundled
//!   articles, annotated by hand. Run
//!   `cargo test -p crossread-core --test time_events -- --nocapture` to
//!   see precision and recall of event detection, date accuracy, and
//!   pairwise precision and recall of the clustering, with every miss.
//!   The gold was written before the program first ran on it. First run:
//!   detection precision 0.944, recall 0.895, date accuracy 0.933,
//!   pairwise clustering precision 0.778, recall 0.412. Later rules (a
//!   possessive weekday names a known event; elapsed time about the present
//!   is no event; an undated sentence of the same article joins an event
//!   when it gives the same count of the same thing) were general, but were
//!   found looking at this set, so the later figures (0.972, 0.921, 0.967,
//!   0.800, 0.444) are not blind.
//!   Clustering recall is the weak point: reports of one happening in
//!   different words ("stormed", "descended on", "hurled stones at") share
//!   few stems, and no entity index is available yet on this branch.
//! - A property test: event source spans lie in their article's text, on
//!   char boundaries; summaries are cut from a source; no input panics.

mod common;

use crossread_core::entities::annotate_corpus;
use crossread_core::ingest::{ingest_corpus, Article, SourceFile};
use crossread_core::time::{extract_events, find_times_in_corpus, Event, Granularity};
use crossread_core::Span;
use proptest::prelude::*;
use std::collections::BTreeSet;

const CORPORA: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/time/events_corpora.txt");
const GOLD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/time/events_bundled.tsv");

/// Floors on the bundled articles, set a little under the figures measured
/// when written (printed by the test). Pairwise precision has more room:
/// the real entity index (another branch) lowers the word threshold for
/// mentions sharing an entity, which will move the clustering.
const MIN_DETECTION_PRECISION: f64 = 0.90;
const MIN_DETECTION_RECALL: f64 = 0.85;
const MIN_DATE_ACCURACY: f64 = 0.90;
const MIN_PAIR_PRECISION: f64 = 0.65;
const MIN_PAIR_RECALL: f64 = 0.35;

/// Ingests `(name, text)` pairs as one corpus.
fn corpus(files: &[(String, String)]) -> Vec<Article> {
    let sources: Vec<SourceFile<'_>> =
        files.iter().map(|(name, text)| SourceFile { name, bytes: text.as_bytes() }).collect();
    ingest_corpus(&sources)
}

/// The events of a corpus, as `crossread analyze` computes them.
fn events_of(articles: &[Article]) -> Vec<Event> {
    let (_, times) = find_times_in_corpus(articles);
    extract_events(articles, &times, &annotate_corpus(articles))
}

/// One case of `events_corpora.txt`.
struct Case {
    name: String,
    files: Vec<(String, String)>,
    expect: Vec<String>,
}

fn cases() -> Vec<Case> {
    let text = std::fs::read_to_string(CORPORA).expect("events_corpora.txt");
    let mut cases: Vec<Case> = Vec::new();
    let mut in_expect = false;
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("## ") {
            cases.push(Case {
                name: name.trim().to_string(),
                files: Vec::new(),
                expect: Vec::new(),
            });
            in_expect = false;
            continue;
        }
        let Some(case) = cases.last_mut() else { continue };
        if let Some(file) = line.strip_prefix("# file ") {
            case.files.push((file.trim().to_string(), String::new()));
            in_expect = false;
        } else if line.trim() == "# expect" {
            in_expect = true;
        } else if in_expect {
            if !line.trim().is_empty() {
                case.expect.push(line.trim().to_string());
            }
        } else if let Some((_, body)) = case.files.last_mut() {
            body.push_str(line);
            body.push('\n');
        }
    }
    cases
}

/// Checks one expectation line; `Err` says what was found instead.
fn check(events: &[Event], line: &str) -> Result<(), String> {
    let (op, rest) = line.split_once(' ').unwrap_or((line, ""));
    let describe = || {
        events
            .iter()
            .map(|e| {
                let files: BTreeSet<&str> = e.sources.iter().map(|s| s.file.as_str()).collect();
                format!(
                    "{} {} {:?} [{}] “{}”",
                    e.date.value,
                    e.precision.code(),
                    files,
                    e.conflicts.iter().map(|c| c.what.as_str()).collect::<Vec<_>>().join(","),
                    e.summary
                )
            })
            .collect::<Vec<_>>()
            .join("\n    ")
    };
    let ok = match op {
        "events" => rest.trim().parse::<usize>().map_err(|e| e.to_string())? == events.len(),
        "event" => {
            let parts: Vec<&str> = rest.split_whitespace().collect();
            let [value, precision, files] = parts[..] else {
                return Err(format!("bad expectation {line:?}"));
            };
            let want: BTreeSet<&str> = files.split(',').collect();
            events.iter().any(|e| {
                let got: BTreeSet<&str> = e.sources.iter().map(|s| s.file.as_str()).collect();
                e.date.value == value && e.precision.code() == precision && got == want
            })
        }
        "conflict" => {
            let (kind, what) = rest.split_once(' ').unwrap_or((rest, ""));
            events
                .iter()
                .flat_map(|e| &e.conflicts)
                .any(|c| c.kind.code() == kind && c.what == what.trim() && c.values.len() >= 2)
        }
        "sources" => {
            let (value, n) = rest.split_once(' ').unwrap_or((rest, ""));
            let n: usize = n.trim().parse().map_err(|e| format!("{line:?}: {e}"))?;
            events.iter().any(|e| e.date.value == value && e.sources.len() == n)
        }
        "no-conflict" => events.iter().all(|e| e.conflicts.is_empty()),
        "never-day" => events.iter().all(|e| e.precision != Granularity::Day),
        "summary-has" => events.iter().any(|e| e.summary.contains(rest)),
        "summary-lacks" => events.iter().all(|e| !e.summary.contains(rest)),
        _ => return Err(format!("unknown expectation {line:?}")),
    };
    if ok {
        Ok(())
    } else {
        Err(format!("expected `{line}`; found:\n    {}", describe()))
    }
}

#[test]
fn made_up_corpora_give_the_expected_events() {
    let cases = cases();
    assert!(cases.len() >= 8, "fixture file lost its cases");
    let mut failures = Vec::new();
    for case in &cases {
        assert!(!case.expect.is_empty(), "{}: no expectations", case.name);
        let events = events_of(&corpus(&case.files));
        for line in &case.expect {
            if let Err(e) = check(&events, line) {
                failures.push(format!("{}: {e}", case.name));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn entities_named_in_the_sources_are_the_events_entities() {
    use crossread_core::entities::{EntityIndex, EntityType, Mention};
    let files = [
        (
            "one.txt".to_string(),
            "Storm\n\nMay 5, 2019\n\nA storm flooded the old harbour of the Avel Marina on Saturday.\n"
                .to_string(),
        ),
        (
            "two.txt".to_string(),
            "Floods\n\nMay 5, 2019\n\nFloodwater covered the quays and streets of the Avel Marina on Saturday night after heavy rain.\n"
                .to_string(),
        ),
    ];
    let articles = corpus(&files);
    let mentions: Vec<Vec<Mention>> = articles
        .iter()
        .map(|a| {
            let at = a.text.find("Avel Marina").expect("the name is in the text");
            vec![Mention {
                span: Span::new(at, at + "Avel Marina".len()),
                kind: EntityType::Facility,
                entity: "facility:avel-marina".to_string(),
                role: None,
            }]
        })
        .collect();
    let index = EntityIndex { entities: Vec::new(), mentions };
    let (_, times) = find_times_in_corpus(&articles);
    let without = extract_events(&articles, &times, &EntityIndex::default());
    let with = extract_events(&articles, &times, &index);
    assert!(
        with.iter().all(|e| e.entities == ["facility:avel-marina"]),
        "every event names the Avel Marina"
    );
    // Few shared words: apart on words alone, one event once the shared
    // facility is known (a shared place or nationality is not enough:
    // nearly every sentence of a story shares those).
    assert_eq!(without.len(), 2);
    assert_eq!(with.len(), 1);
    assert_eq!(with[0].sources.len(), 2);
}

#[test]
fn bad_input_gives_sound_events_or_none_and_never_panics() {
    let many_dates: String = (0..400)
        .map(|i| format!("on December {}, 2019 the council met and voted ", 1 + i % 31))
        .collect();
    let cases: Vec<(&str, String)> = vec![
        ("empty", String::new()),
        ("no dates", "Title\n\nNothing here has a date, and nobody did anything.\n".to_string()),
        ("impossible date", "Title\n\nMarch 2, 2020\n\nThe board met on February 30 and resigned.\n".to_string()),
        ("far years", "Title\n\nMarch 2, 2020\n\nThe city was founded in 9999 and sacked in 0001 by raiders.\n".to_string()),
        ("all caps", "TITLE\n\nMARCH 2, 2020\n\nTHE ARMY SEIZED THE AIRPORT ON SUNDAY, KILLING 12 PEOPLE.\n".to_string()),
        ("scripts", "Заголовок\n\nMarch 2, 2020\n\nВ воскресенье армия заняла аэропорт. سيطر الجيش على المطار يوم الأحد on Sunday.\n".to_string()),
        ("hundreds of dates in one line", format!("Title\n\nDecember 31, 2019\n\n{many_dates}\n")),
    ];
    for (name, text) in cases {
        let articles = corpus(&[(format!("{name}.txt"), text)]);
        let events = events_of(&articles);
        for e in &events {
            assert_ne!(e.precision, Granularity::Range, "{name}");
            assert!(e.date.value.len() >= 4, "{name}: {}", e.date.value);
            for s in &e.sources {
                let t = &articles[s.article].text;
                assert!(t.is_char_boundary(s.span.start) && t.is_char_boundary(s.span.end));
                assert!(s.span.end <= t.len());
            }
        }
        match name {
            "empty" | "no dates" => assert!(events.is_empty(), "{name}: {} events", events.len()),
            "impossible date" => assert!(
                events.iter().all(|e| !e.date.value.contains("-02-30")),
                "February 30 is no day"
            ),
            "all caps" => assert_eq!(events.len(), 1, "the seizure on Sunday"),
            "hundreds of dates in one line" => assert!(!events.is_empty()),
            _ => {}
        }
    }
}

fn bundled() -> Vec<Article> {
    common::bundled_corpus()
}

/// A hand-annotated report of an event.
struct Gold {
    event: String,
    article: usize,
    date: Option<String>,
    /// Where the snippet lies in the original text.
    span: Span,
}

fn gold(articles: &[Article]) -> Vec<Gold> {
    let text = std::fs::read_to_string(GOLD).expect("events_bundled.tsv");
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| {
            let cols: Vec<&str> = l.split('\t').collect();
            assert_eq!(cols.len(), 4, "row {l:?} needs 4 columns");
            let article = articles
                .iter()
                .position(|a| a.file.starts_with(cols[1]))
                .unwrap_or_else(|| panic!("no article {}", cols[1]));
            let a = &articles[article];
            let found: Vec<usize> = a
                .paragraphs
                .iter()
                .flat_map(|p| p.text.match_indices(cols[3]).map(move |(i, _)| p.span.start + i))
                .collect();
            assert_eq!(found.len(), 1, "{}: snippet {:?} must occur once", a.file, cols[3]);
            Gold {
                event: cols[0].to_string(),
                article,
                date: (cols[2] != "-").then(|| cols[2].to_string()),
                span: Span::new(found[0], found[0] + cols[3].len()),
            }
        })
        .collect()
}

/// True when every word of the event's summary is a word of one of its
/// sources, in order: the summary is cut from the source, not paraphrased.
fn summary_is_cut_from_a_source(e: &Event) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let summary = words(&e.summary);
    e.sources.iter().any(|s| {
        let mut source = words(&s.sentence).into_iter();
        summary.iter().all(|w| source.any(|x| &x == w))
    })
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 {
        1.0
    } else {
        n as f64 / d as f64
    }
}

#[test]
fn bundled_articles_events_match_the_hand_annotation() {
    let articles = bundled();
    let gold = gold(&articles);
    let events = events_of(&articles);
    // Every predicted source, with its event.
    let predicted: Vec<(usize, &crossread_core::time::EventSource)> = events
        .iter()
        .enumerate()
        .flat_map(|(k, e)| e.sources.iter().map(move |s| (k, s)))
        .collect();
    let matches = |g: &Gold, s: &crossread_core::time::EventSource| {
        s.article == g.article && s.span.overlaps(g.span)
    };
    // Detection.
    let mut false_positives = Vec::new();
    let mut true_positives = 0;
    for (_, s) in &predicted {
        if gold.iter().any(|g| matches(g, s)) {
            true_positives += 1;
        } else {
            false_positives.push(format!("{}: {}", &s.file[..3], s.sentence));
        }
    }
    let mut found_event: Vec<Option<usize>> = Vec::new();
    let mut misses = Vec::new();
    let (mut dated, mut dated_right, mut wrong_dates) = (0, 0, Vec::new());
    for g in &gold {
        let hit = predicted.iter().find(|(_, s)| matches(g, s));
        found_event.push(hit.map(|(k, _)| *k));
        match hit {
            None => misses.push(format!(
                "{} {}: {}",
                g.event,
                &articles[g.article].file[..3],
                g.span.of(&articles[g.article].text)
            )),
            Some((_, s)) => {
                if let Some(want) = &g.date {
                    dated += 1;
                    let got = s.date.as_ref().map(|d| d.value.as_str());
                    if got == Some(want.as_str()) {
                        dated_right += 1;
                    } else {
                        wrong_dates.push(format!("{} {}: {want} ≠ {got:?}", g.event, &s.file[..3]));
                    }
                }
            }
        }
    }
    let found = found_event.iter().filter(|k| k.is_some()).count();
    let precision = ratio(true_positives, predicted.len());
    let recall = ratio(found, gold.len());
    let date_accuracy = ratio(dated_right, dated);
    // Pairwise clustering over the gold reports that were found.
    let (mut tp, mut fp, mut fn_) = (0, 0, 0);
    for i in 0..gold.len() {
        for j in i + 1..gold.len() {
            let (Some(a), Some(b)) = (found_event[i], found_event[j]) else { continue };
            let same_gold = gold[i].event == gold[j].event;
            match (same_gold, a == b) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fn_ += 1,
                (false, false) => {}
            }
        }
    }
    let pair_precision = ratio(tp, tp + fp);
    let pair_recall = ratio(tp, tp + fn_);
    println!("event detection: {} sources found, {} gold reports", predicted.len(), gold.len());
    println!("  precision {precision:.3}  recall {recall:.3}  date accuracy {date_accuracy:.3} ({dated_right}/{dated})");
    println!("clustering (pairwise over found gold reports): precision {pair_precision:.3} ({tp}/{}) recall {pair_recall:.3} ({tp}/{})", tp + fp, tp + fn_);
    println!("events: {}", events.len());
    for m in &misses {
        println!("  missed: {m}");
    }
    for f in &false_positives {
        println!("  not in gold: {f}");
    }
    for w in &wrong_dates {
        println!("  wrong date: {w}");
    }
    assert!(precision >= MIN_DETECTION_PRECISION, "detection precision {precision:.3}");
    assert!(recall >= MIN_DETECTION_RECALL, "detection recall {recall:.3}");
    assert!(date_accuracy >= MIN_DATE_ACCURACY, "date accuracy {date_accuracy:.3}");
    assert!(pair_precision >= MIN_PAIR_PRECISION, "pairwise precision {pair_precision:.3}");
    assert!(pair_recall >= MIN_PAIR_RECALL, "pairwise recall {pair_recall:.3}");
}

#[test]
fn bundled_events_are_sorted_dated_and_never_finer_than_their_sources() {
    let articles = bundled();
    let events = events_of(&articles);
    assert!(!events.is_empty());
    for pair in events.windows(2) {
        assert!((pair[0].date.start, &pair[0].id) <= (pair[1].date.start, &pair[1].id));
    }
    let ids: BTreeSet<&str> = events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(ids.len(), events.len(), "event ids are unique");
    for e in &events {
        assert_eq!(e.precision, e.date.granularity);
        assert_ne!(e.precision, Granularity::Range, "{}: a vague stretch dates no event", e.id);
        let finest =
            e.sources.iter().filter_map(|s| s.date.as_ref()).any(|d| d.granularity == e.precision);
        assert!(finest, "{}: its precision comes from a source", e.id);
        assert!(!e.summary.is_empty(), "{}: has a summary", e.id);
        assert!(
            summary_is_cut_from_a_source(e),
            "{}: summary {:?} is not cut from a source",
            e.id,
            e.summary
        );
        for s in &e.sources {
            let a = &articles[s.article];
            assert_eq!(s.span.of(&a.text).replace(['\n', '\r'], " "), s.sentence);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn event_source_spans_lie_in_their_article_on_char_boundaries(
        texts in proptest::collection::vec(
            proptest::collection::vec(
                prop_oneof![
                    Just("On Tuesday".to_string()),
                    Just("on December 31".to_string()),
                    Just("in May 2018".to_string()),
                    Just("six months later".to_string()),
                    Just("2019-12-31".to_string()),
                    Just("killed 25 and wounded 55".to_string()),
                    Just("protesters stormed the embassy".to_string()),
                    Just("officials said".to_string()),
                    Just("(".to_string()),
                    Just("”".to_string()),
                    Just("Багдад".to_string()),
                    Just("İ at least".to_string()),
                    Just("   \t ".to_string()),
                    Just("20:40 GMT".to_string()),
                    Just("BAGHDAD –".to_string()),
                    Just("بغداد".to_string()),
                    Just(", ".to_string()),
                    Just(". ".to_string()),
                    Just("\n".to_string()),
                    "[a-zA-Z’ ]{0,12}",
                ],
                0..40,
            ).prop_map(|words| format!("Title here\n\nDecember 31, 2019\n\n{}", words.join(" "))),
            1..4,
        )
    ) {
        let files: Vec<(String, String)> =
            texts.into_iter().enumerate().map(|(i, t)| (format!("{i}.txt"), t)).collect();
        let articles = corpus(&files);
        for e in events_of(&articles) {
            prop_assert!(summary_is_cut_from_a_source(&e), "summary {:?}", e.summary);
            for s in &e.sources {
                let text = &articles[s.article].text;
                prop_assert!(s.span.start <= s.span.end && s.span.end <= text.len());
                prop_assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
                if let Some(d) = &s.date {
                    prop_assert!(d.granularity != Granularity::Range);
                }
            }
        }
    }
}
