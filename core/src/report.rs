//! The JSON document that `crossread analyze` prints.
//!
//! Offsets here are counted in Unicode code points into the original file
//! text (after decoding), unlike the byte [`Span`]s used inside the core.
//! The schema is documented in the README; later pipeline steps add their
//! annotations to the same document.

use crate::ingest::{Article, DateBasis, Field, Notice, NoticeKind, ParagraphKind};
use crate::span::{CharOffsets, Span};
use serde::Serialize;

/// The whole analysis of a corpus.
#[derive(Debug, Serialize)]
pub struct Analysis {
    /// Schema version; bumped when a field changes meaning.
    pub version: u32,
    pub articles: Vec<ArticleReport>,
}

/// One article in the analysis.
#[derive(Debug, Serialize)]
pub struct ArticleReport {
    pub file: String,
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    pub published: PublishedReport,
    pub notices: Vec<NoticeReport>,
    pub paragraphs: Vec<ParagraphReport>,
    pub removed: Vec<RemovedReport>,
}

/// Publication date with its basis and evidence.
#[derive(Debug, Serialize)]
pub struct PublishedReport {
    /// `YYYY-MM-DD`, or null.
    pub date: Option<String>,
    /// `stated`, `inferred` or `unknown`.
    pub basis: &'static str,
    /// The exact text the date came from (null when unknown).
    pub evidence: Option<String>,
    /// Why it was inferred (null unless inferred).
    pub reason: Option<String>,
}

/// A piece of text and its code-point range in the original.
#[derive(Debug, Serialize)]
pub struct TextSpan {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// A paragraph of the clean article.
#[derive(Debug, Serialize)]
pub struct ParagraphReport {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// `body` or `heading` (a subheading inside the article).
    pub kind: &'static str,
}

/// A removed block.
#[derive(Debug, Serialize)]
pub struct RemovedReport {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// A stable code such as `donation` or `related`.
    pub reason: &'static str,
    /// The evidence, in words.
    pub detail: String,
}

/// A reading problem.
#[derive(Debug, Serialize)]
pub struct NoticeReport {
    pub kind: &'static str,
    pub message: String,
}

impl Analysis {
    /// Builds the report of already ingested articles.
    pub fn new(articles: &[Article]) -> Analysis {
        Analysis { version: 1, articles: articles.iter().map(ArticleReport::new).collect() }
    }
}

impl ArticleReport {
    fn new(article: &Article) -> ArticleReport {
        let offsets = CharOffsets::new(&article.text);
        let text_span = |text: &str, span: Span| {
            let (start, end) = offsets.chars(span);
            TextSpan { text: text.to_string(), start, end }
        };
        let value = |field: &Option<Field>| field.as_ref().map(|f| f.value.clone());
        let p = &article.published;
        ArticleReport {
            file: article.file.clone(),
            id: article.id.clone(),
            title: value(&article.title),
            outlet: value(&article.outlet),
            byline: value(&article.byline),
            published: PublishedReport {
                date: p.date.map(|d| d.to_string()),
                basis: match p.basis {
                    DateBasis::Stated => "stated",
                    DateBasis::Inferred => "inferred",
                    DateBasis::Unknown => "unknown",
                },
                evidence: p.evidence.map(|s| s.of(&article.text).to_string()),
                reason: p.reason.clone(),
            },
            notices: article.notices.iter().map(NoticeReport::new).collect(),
            paragraphs: article
                .paragraphs
                .iter()
                .map(|p| {
                    let t = text_span(&p.text, p.span);
                    let kind = match p.kind {
                        ParagraphKind::Body => "body",
                        ParagraphKind::Heading => "heading",
                    };
                    ParagraphReport { text: t.text, start: t.start, end: t.end, kind }
                })
                .collect(),
            removed: article
                .removed
                .iter()
                .map(|r| {
                    let t = text_span(&r.text, r.span);
                    RemovedReport {
                        text: t.text,
                        start: t.start,
                        end: t.end,
                        reason: r.reason.code(),
                        detail: r.detail.clone(),
                    }
                })
                .collect(),
        }
    }
}

impl NoticeReport {
    fn new(notice: &Notice) -> NoticeReport {
        let kind = match notice.kind {
            NoticeKind::Empty => "empty",
            NoticeKind::Binary => "binary",
            NoticeKind::Encoding => "encoding",
            NoticeKind::NoTitle => "no-title",
            NoticeKind::NoDate => "no-date",
            NoticeKind::Truncated => "truncated",
        };
        NoticeReport { kind, message: notice.message.clone() }
    }
}
