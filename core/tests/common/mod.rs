//! Checks every ingested article must pass, shared by the integration tests.

#![allow(dead_code)] // each test binary uses a different part

use crossread_core::entities::{annotate_corpus, EntityIndex};
use crossread_core::ingest::{ingest_corpus, Article, Field, SourceFile};
use crossread_core::Span;

/// Asserts the ingest invariants on one article:
///
/// - every span lies on char boundaries inside `text` and is trimmed;
/// - paragraphs and removed blocks are in order, never overlap, and
///   together cover every non-whitespace char;
/// - their `text` is the original slice with line breaks turned to spaces;
/// - metadata values come from their evidence;
/// - the id is URL-safe and not empty.
pub fn check_invariants(a: &Article) {
    let text = &a.text;
    let mut spans: Vec<(Span, &str)> = Vec::new();
    spans.extend(a.paragraphs.iter().map(|p| (p.span, p.text.as_str())));
    spans.extend(a.removed.iter().map(|r| (r.span, r.text.as_str())));
    spans.sort_by_key(|(s, _)| s.start);
    for w in a.paragraphs.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "{}: paragraphs out of order", a.file);
    }
    for w in a.removed.windows(2) {
        assert!(w[0].span.end <= w[1].span.start, "{}: removals out of order", a.file);
    }
    let mut last_end = 0;
    for (span, shown) in &spans {
        assert_span(text, *span, &a.file);
        assert!(!span.is_empty(), "{}: empty block at {span:?}", a.file);
        assert!(span.start >= last_end, "{}: blocks overlap at {span:?}", a.file);
        let slice = span.of(text);
        assert_eq!(slice.trim(), slice, "{}: block {span:?} is not trimmed", a.file);
        assert_eq!(*shown, slice.replace(['\r', '\n'], " "), "{}: block text drifts", a.file);
        // Everything between blocks is blank.
        assert!(
            text[last_end..span.start].trim().is_empty(),
            "{}: text dropped before {span:?}",
            a.file
        );
        last_end = span.end;
    }
    assert!(text[last_end..].trim().is_empty(), "{}: text dropped at the end", a.file);
    for field in [&a.title, &a.outlet, &a.byline].into_iter().flatten() {
        assert_field(text, field, &a.file);
    }
    match (a.published.date, a.published.evidence) {
        (Some(_), Some(span)) => assert_span(text, span, &a.file),
        (None, None) => {}
        other => panic!("{}: date and evidence disagree: {other:?}", a.file),
    }
    assert!(!a.id.is_empty(), "{}: empty id", a.file);
    assert!(
        a.id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')),
        "{}: id {:?} is not URL-safe",
        a.file,
        a.id
    );
}

fn assert_span(text: &str, span: Span, file: &str) {
    assert!(span.end <= text.len(), "{file}: span {span:?} past the end");
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{file}: span {span:?} splits a char"
    );
}

fn assert_field(text: &str, field: &Field, file: &str) {
    assert_span(text, field.evidence, file);
    let evidence: Vec<&str> = field.evidence.of(text).split_whitespace().collect();
    assert_eq!(field.value, evidence.join(" "), "{file}: value differs from its evidence");
}

/// The removed blocks of `a` with this reason code.
pub fn removed<'a>(a: &'a Article, code: &str) -> Vec<&'a str> {
    a.removed.iter().filter(|r| r.reason.code() == code).map(|r| r.text.as_str()).collect()
}

/// The articles bundled with the app (`articles/` at the repository's
/// root), ingested in file-name order.
pub fn bundled_corpus() -> Vec<Article> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../articles");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("articles folder")
        .map(|e| e.expect("entry").path())
        .collect();
    paths.sort();
    let loaded: Vec<(String, Vec<u8>)> = paths
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap_or_default().to_string_lossy().into_owned();
            (name, std::fs::read(p).expect("article"))
        })
        .collect();
    let sources: Vec<SourceFile<'_>> =
        loaded.iter().map(|(name, bytes)| SourceFile { name, bytes }).collect();
    ingest_corpus(&sources)
}

/// Ingests made-up texts as articles named `000.txt`, `001.txt`, ...
pub fn ingest_texts(texts: &[&str]) -> Vec<Article> {
    let names: Vec<String> = (0..texts.len()).map(|i| format!("{i:03}.txt")).collect();
    let sources: Vec<SourceFile<'_>> = texts
        .iter()
        .zip(&names)
        .map(|(t, n)| SourceFile { name: n, bytes: t.as_bytes() })
        .collect();
    ingest_corpus(&sources)
}

/// Ingests made-up texts ([`ingest_texts`]) and finds their entities.
pub fn annotate(texts: &[&str]) -> (Vec<Article>, EntityIndex) {
    let articles = ingest_texts(texts);
    let index = annotate_corpus(&articles);
    (articles, index)
}
