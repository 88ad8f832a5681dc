//! Table-driven ingest tests: each `fixtures/ingest/NAME.*` input has a
//! `NAME.expected.json` saying what must come out of it.
//!
//! Expected keys (all optional): `title`, `byline`, `outlet` (string or
//! null); `published` (null, or `{date, evidence}`); `notices` (the kinds,
//! in any order); `paragraphs` (the count); `removed` (pairs of reason code
//! and a piece of the removed text); `details` (pairs of reason code and a
//! piece of the detail); `kept` (pieces of text some paragraph holds).

mod common;

use common::check_invariants;
use crossread_core::ingest::{ingest_file, Article, SourceFile};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest")
}

/// Every (input, expected) pair in the fixtures folder.
fn fixtures() -> Vec<(PathBuf, PathBuf)> {
    let mut pairs = Vec::new();
    for entry in std::fs::read_dir(fixture_dir()).expect("fixtures folder") {
        let path = entry.expect("fixture entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        if name.ends_with(".expected.json") {
            continue;
        }
        let stem = name.split('.').next().unwrap_or_default();
        let expected = fixture_dir().join(format!("{stem}.expected.json"));
        assert!(expected.exists(), "{name} has no {stem}.expected.json");
        pairs.push((path, expected));
    }
    pairs.sort();
    pairs
}

fn opt_str(v: &Value) -> Option<&str> {
    v.as_str()
}

fn check(article: &Article, expected: &Value, name: &str) -> Vec<String> {
    let mut errors = Vec::new();
    let mut expect = |ok: bool, what: String| {
        if !ok {
            errors.push(format!("{name}: {what}"));
        }
    };
    for (key, field) in
        [("title", &article.title), ("byline", &article.byline), ("outlet", &article.outlet)]
    {
        if let Some(want) = expected.get(key) {
            let got = field.as_ref().map(|f| f.value.as_str());
            expect(got == opt_str(want), format!("{key} is {got:?}, expected {want}"));
        }
    }
    if let Some(want) = expected.get("published") {
        let p = &article.published;
        let got_date = p.date.map(|d| d.to_string());
        let got_evidence = p.evidence.map(|s| s.of(&article.text).to_string());
        let want_date = want.get("date").and_then(Value::as_str).map(str::to_string);
        let want_evidence = want.get("evidence").and_then(Value::as_str).map(str::to_string);
        expect(got_date == want_date, format!("published {got_date:?}, expected {want_date:?}"));
        expect(
            got_evidence == want_evidence,
            format!("date evidence {got_evidence:?}, expected {want_evidence:?}"),
        );
    }
    if let Some(want) = expected.get("notices").and_then(Value::as_array) {
        let mut want: Vec<String> =
            want.iter().filter_map(Value::as_str).map(str::to_string).collect();
        let mut got: Vec<String> =
            article.notices.iter().map(|n| notice_code(n.kind).to_string()).collect();
        want.sort();
        got.sort();
        expect(got == want, format!("notices {got:?}, expected {want:?}"));
    }
    if let Some(want) = expected.get("paragraphs").and_then(Value::as_u64) {
        let got = article.paragraphs.len() as u64;
        expect(got == want, format!("{got} paragraphs, expected {want}: {:#?}", texts(article)));
    }
    for pair in expected.get("removed").and_then(Value::as_array).into_iter().flatten() {
        let (code, piece) =
            (pair[0].as_str().unwrap_or_default(), pair[1].as_str().unwrap_or_default());
        let found =
            article.removed.iter().any(|r| r.reason.code() == code && r.text.contains(piece));
        expect(
            found,
            format!("no {code} removal holding {piece:?}; removed: {:#?}", removals(article)),
        );
    }
    for pair in expected.get("details").and_then(Value::as_array).into_iter().flatten() {
        let (code, piece) =
            (pair[0].as_str().unwrap_or_default(), pair[1].as_str().unwrap_or_default());
        let found =
            article.removed.iter().any(|r| r.reason.code() == code && r.detail.contains(piece));
        expect(
            found,
            format!("no {code} removal with detail {piece:?}; removed: {:#?}", removals(article)),
        );
    }
    for piece in expected.get("kept").and_then(Value::as_array).into_iter().flatten() {
        let piece = piece.as_str().unwrap_or_default();
        let found = article.paragraphs.iter().any(|p| p.text.contains(piece));
        expect(found, format!("no paragraph holds {piece:?}: {:#?}", texts(article)));
    }
    errors
}

fn notice_code(kind: crossread_core::ingest::NoticeKind) -> &'static str {
    use crossread_core::ingest::NoticeKind::*;
    match kind {
        Empty => "empty",
        Binary => "binary",
        Encoding => "encoding",
        NoTitle => "no-title",
        NoDate => "no-date",
        Truncated => "truncated",
    }
}

fn texts(a: &Article) -> Vec<&str> {
    a.paragraphs.iter().map(|p| p.text.as_str()).collect()
}

fn removals(a: &Article) -> Vec<String> {
    a.removed.iter().map(|r| format!("{}: {} ({})", r.reason.code(), r.text, r.detail)).collect()
}

#[test]
fn every_fixture_comes_out_as_expected() {
    let pairs = fixtures();
    assert!(pairs.len() >= 12, "only {} fixtures found", pairs.len());
    let mut errors = Vec::new();
    for (input, expected) in pairs {
        let name = input.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        let bytes = std::fs::read(&input).expect("fixture input");
        let json = std::fs::read_to_string(&expected).expect("expected file");
        let expected: Value =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{name}: bad JSON: {e}"));
        let article = ingest_file(SourceFile { name: &name, bytes: &bytes });
        check_invariants(&article);
        errors.extend(check(&article, &expected, &name));
    }
    assert!(errors.is_empty(), "{}", errors.join("\n\n"));
}

#[test]
fn a_huge_single_line_is_read_quickly_and_kept_whole() {
    let sentence = "The committee met again today and said that talks would go on. ";
    let text = sentence.repeat(1024 * 1024 / sentence.len() + 1);
    let started = std::time::Instant::now();
    let article = ingest_file(SourceFile { name: "huge.txt", bytes: text.as_bytes() });
    check_invariants(&article);
    assert_eq!(article.paragraphs.len(), 1);
    assert!(article.removed.is_empty());
    assert!(started.elapsed().as_secs() < 20, "took {:?}", started.elapsed());
}

#[test]
fn text_over_the_size_limit_is_cut_with_a_notice() {
    let line = "Officials said the bridge would reopen next week after repairs.\n";
    let text = line.repeat(crossread_core::ingest::MAX_TEXT_BYTES / line.len() + 100);
    let article = ingest_file(SourceFile { name: "big.txt", bytes: text.as_bytes() });
    check_invariants(&article);
    assert!(article.text.len() <= crossread_core::ingest::MAX_TEXT_BYTES);
    assert!(article.notices.iter().any(|n| notice_code(n.kind) == "truncated"));
}
