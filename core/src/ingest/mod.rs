//! Ingest: raw bytes → [`Article`] with metadata, clean paragraphs and the
//! clutter that was removed, each removal with its reason.
//!
//! The entry points are [`ingest_corpus`], which also uses repetition across
//! articles as a clutter cue, and [`ingest_file`] for one file alone.
//!
//! Every non-blank character of an article's text ends up in exactly one
//! [`Paragraph`] or one [`Removed`] block, so the reader can show removed
//! text in place and nothing is silently dropped.

mod article;
mod blocks;
mod clutter;
pub mod dates;
mod decode;
mod duplicates;
mod ids;
mod metadata;
mod shape;

pub use decode::MAX_TEXT_BYTES;

use crate::span::Span;
use article::{build, Prepared};
use ids::{base_id, unique_ids};
use jiff::civil::Date;
use std::collections::{HashMap, HashSet};

/// A file as it arrives: its name and its raw bytes (any encoding, any size).
#[derive(Clone, Copy, Debug)]
pub struct SourceFile<'a> {
    /// The file name, such as `004_3318bfcccd3f0c62.txt`.
    pub name: &'a str,
    /// The raw bytes, not yet decoded.
    pub bytes: &'a [u8],
}

/// One cleaned article.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// The file name it came from.
    pub file: String,
    /// A stable, URL-safe identifier, unique within the corpus.
    pub id: String,
    /// The decoded original text. Every [`Span`] of this article points into it.
    pub text: String,
    /// Problems met while reading the file (empty, binary, not UTF-8, ...).
    pub notices: Vec<Notice>,
    /// The headline, if the text has one.
    pub title: Option<Field>,
    /// The publishing outlet, where the text reveals it.
    pub outlet: Option<Field>,
    /// The author credit.
    pub byline: Option<Field>,
    /// The publication date and how it is known.
    pub published: Published,
    /// The article's real paragraphs, in order.
    pub paragraphs: Vec<Paragraph>,
    /// Everything that is not a paragraph, in order, each with its reason.
    pub removed: Vec<Removed>,
}

/// A metadata value together with the exact text it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    /// The value, cleaned for display (for an outlet: `"Algemeiner"`).
    pub value: String,
    /// Where in the text the value was found.
    pub evidence: Span,
}

/// How a publication date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateBasis {
    /// The text states it, for example in a dateline or header.
    Stated,
    /// Worked out from other evidence; never shown as fact.
    Inferred,
    /// Nothing tells.
    Unknown,
}

/// An article's publication date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Published {
    /// The date, if known.
    pub date: Option<Date>,
    /// How it is known.
    pub basis: DateBasis,
    /// The text it came from (`None` when unknown).
    pub evidence: Option<Span>,
    /// Why it was inferred, for [`DateBasis::Inferred`].
    pub reason: Option<String>,
}

impl Published {
    /// A date nothing tells.
    pub fn unknown() -> Published {
        Published { date: None, basis: DateBasis::Unknown, evidence: None, reason: None }
    }
}

/// What a paragraph is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParagraphKind {
    /// Running text.
    Body,
    /// A subheading inside the article.
    Heading,
}

/// One paragraph of the clean article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Where it lies in the original text (trimmed of surrounding blanks).
    pub span: Span,
    /// The original text of `span` with each line break replaced by a space,
    /// so a char offset inside `text` is the same offset inside the original.
    pub text: String,
    /// Body text or subheading.
    pub kind: ParagraphKind,
}

/// Why a block of text is not part of the clean article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RemovalReason {
    /// The headline, shown as the article's title.
    Title,
    /// The headline again, or another article's headline.
    RepeatedHeadline,
    /// The author credit, shown in the article's header.
    Byline,
    /// A date or time line in the page header (the publication date, or the
    /// date the page was viewed).
    DateLine,
    /// Donation widgets and appeals.
    Donation,
    /// Share buttons and social links.
    Share,
    /// Image prompts and photo captions.
    Image,
    /// Teasers for other stories.
    Related,
    /// Newsletter, sign-up, comment and membership prompts.
    Newsletter,
    /// Cookie and privacy notices.
    Cookie,
    /// Captcha notices.
    Captcha,
    /// Advertisement markers and sponsored labels.
    Advertisement,
    /// A block that repeats earlier text of the same article.
    Duplicate,
    /// A line that recurs across articles from one site: page chrome.
    Boilerplate,
    /// Stray symbols, numbers or fragments with no words.
    Noise,
}

impl RemovalReason {
    /// The stable kebab-case code used in JSON and CSS.
    pub fn code(self) -> &'static str {
        match self {
            RemovalReason::Title => "title",
            RemovalReason::RepeatedHeadline => "repeated-headline",
            RemovalReason::Byline => "byline",
            RemovalReason::DateLine => "date-line",
            RemovalReason::Donation => "donation",
            RemovalReason::Share => "share",
            RemovalReason::Image => "image",
            RemovalReason::Related => "related",
            RemovalReason::Newsletter => "newsletter",
            RemovalReason::Cookie => "cookie",
            RemovalReason::Captcha => "captcha",
            RemovalReason::Advertisement => "advertisement",
            RemovalReason::Duplicate => "duplicate",
            RemovalReason::Boilerplate => "boilerplate",
            RemovalReason::Noise => "noise",
        }
    }

    /// A short label a reader understands.
    pub fn label(self) -> &'static str {
        match self {
            RemovalReason::Title => "headline, shown as title",
            RemovalReason::RepeatedHeadline => "repeated headline",
            RemovalReason::Byline => "byline, shown in header",
            RemovalReason::DateLine => "date line",
            RemovalReason::Donation => "donation widget",
            RemovalReason::Share => "share buttons",
            RemovalReason::Image => "image prompt or caption",
            RemovalReason::Related => "related-coverage teaser",
            RemovalReason::Newsletter => "sign-up prompt",
            RemovalReason::Cookie => "cookie notice",
            RemovalReason::Captcha => "captcha notice",
            RemovalReason::Advertisement => "advertisement",
            RemovalReason::Duplicate => "duplicated text",
            RemovalReason::Boilerplate => "site boilerplate",
            RemovalReason::Noise => "stray symbols",
        }
    }
}

/// A block of the original text that is not part of the clean article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removed {
    /// Where it lies in the original text.
    pub span: Span,
    /// The original text of `span`, line breaks replaced by spaces.
    pub text: String,
    /// Why it was removed.
    pub reason: RemovalReason,
    /// The evidence, in words: "currency amounts with no prose", "same as
    /// paragraphs 1–14", ...
    pub detail: String,
}

/// What kind of problem a [`Notice`] reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NoticeKind {
    /// The file holds no text at all.
    Empty,
    /// The file looks like binary data, not text; nothing is shown.
    Binary,
    /// The file is not valid UTF-8 and was decoded another way.
    Encoding,
    /// No headline was found.
    NoTitle,
    /// No publication date was found.
    NoDate,
    /// The file is very large and was cut to the first part.
    Truncated,
}

/// A problem met while reading a file, in words a reader understands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub message: String,
}

/// Ingests a whole corpus. Repetition across articles (site chrome that
/// recurs on every page of one site) is used as a clutter cue, and ids are
/// made unique.
pub fn ingest_corpus(files: &[SourceFile<'_>]) -> Vec<Article> {
    let prepared: Vec<Prepared> = files.iter().map(|f| Prepared::new(*f)).collect();
    let mut shared: HashMap<String, usize> = HashMap::new();
    for p in &prepared {
        let keys: HashSet<&str> = p.chrome_keys().collect();
        for k in keys {
            *shared.entry(k.to_string()).or_insert(0) += 1;
        }
    }
    shared.retain(|_, n| *n >= 2);
    let ids = unique_ids(files.iter().map(|f| f.name));
    prepared.into_iter().zip(ids).map(|(p, id)| build(p, id, &shared)).collect()
}

/// Ingests one file on its own.
pub fn ingest_file(file: SourceFile<'_>) -> Article {
    build(Prepared::new(file), base_id(file.name), &HashMap::new())
}
