//! Time: temporal expressions, their resolution to calendar dates,
//! publication dates inferred from the corpus, and events.
//!
//! The main types are few:
//!
//! - [`TimeMention`]: one temporal expression ("on Sunday", "six months
//!   later", "in recent months"), with its exact [`Span`] in the article's
//!   original text, its [`TimexKind`], and what it [`Resolved`] to.
//! - [`Resolved`]: an ISO value (`2019-12-29`, `2019-12`, `2019` or a range
//!   `2019-12-24/2019-12-31`), its [`Granularity`] and the inclusive days it
//!   covers.
//! - [`Anchor`]: why a value is what it is ("the most recent Sunday on or
//!   before the article's date, Thursday 2 January 2020, in past-tense
//!   context"), so every resolved date is traceable to words.
//! - [`Inference`]: a publication date worked out from the corpus for an
//!   article that states none, with its reason. It is never a stated date.
//! - [`Event`]: one real happening with every [`EventSource`] that reports
//!   it (exact sentence spans), its date and precision, a summary cut from a
//!   source, the entities named, and the [`Conflict`]s between sources.
//!
//! [`find_times`] reads an article's clean paragraphs; [`find_times_in`]
//! reads a bare text. [`infer_published`] looks at a whole corpus, and
//! [`find_times_in_corpus`] resolves every article against its stated or
//! inferred date. [`extract_events`] turns those into events.
//!
//! Sentence bounds and tense come from a small private helper (see
//! `sentence.rs`) until the `text` step exists.

mod events;
mod infer;
mod resolve;
mod scan;
mod sentence;

pub use events::{
    extract_events, Conflict, ConflictKind, ConflictValue, Event, EventFinder, EventSource,
    DATE_SLACK_DAYS, MIN_SIMILARITY,
};
pub use infer::{infer_published, DatedCorpus, Inference, PublicationEvidence};

use crate::ingest::dates::time_at_start;
use crate::ingest::{Article, DateBasis};
use crate::span::Span;
use jiff::civil::{Date, Time};
use resolve::{resolve, Context, Situation};
use scan::{scan, OrderEvidence, Raw, What};
use sentence::{tense_around, tense_before, Sentences};
use serde::Serialize;

/// How precise a resolved value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    /// One day: `2019-12-31`.
    Day,
    /// One month: `2019-12`. Never drawn as if it had a day.
    Month,
    /// One year: `2003`.
    Year,
    /// A stretch of days: `2019-10-01/2019-12-31`.
    Range,
}

impl Granularity {
    /// The stable lowercase code used in JSON.
    pub fn code(self) -> &'static str {
        match self {
            Granularity::Day => "day",
            Granularity::Month => "month",
            Granularity::Year => "year",
            Granularity::Range => "range",
        }
    }
}

/// What a temporal expression resolved to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// ISO 8601: `YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or a range `A/B` of days.
    pub value: String,
    pub granularity: Granularity,
    /// The first day the value covers.
    pub start: Date,
    /// The last day the value covers (inclusive).
    pub end: Date,
}

/// What a resolution counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AnchorKind {
    /// The article's stated publication date.
    Published,
    /// Another date the article mentions: the one just before ("six months
    /// later"), or the one right after ("two days after December 9").
    PreviousMention,
    /// A publication date inferred from the corpus (never stated).
    Corpus,
    /// Nothing: the expression is complete on its own, or cannot be placed.
    None,
}

/// Why an expression resolved as it did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Anchor {
    pub kind: AnchorKind,
    /// The date counted from, when there is one.
    pub date: Option<Date>,
    /// The reasoning in words, for the reader: "the most recent Sunday on
    /// or before the article's date, Thursday 2 January 2020, in past-tense
    /// context".
    pub explanation: String,
}

/// The form of a temporal expression.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TimexKind {
    /// A calendar date, month or year: "December 31, 2019", "Dec. 31",
    /// "in May 2018", "in 2003", "since October".
    Absolute,
    /// A day of the week: "on Sunday", "late Tuesday", "Tuesday night".
    Weekday,
    /// Counted from another time: "six months later", "last week", "a year
    /// ago", "earlier in the day".
    Relative,
    /// A numeric date such as "01/10/2020".
    Numeric,
    /// A clock time: "10:42 GMT", "1:20 a.m. local time".
    Time,
    /// A vague stretch: "in recent months", "in the coming days", "during
    /// the summer", "earlier this year".
    Vague,
    /// A word that points at the writing day, such as "today".
    Deictic(String),
}

impl TimexKind {
    /// The stable lowercase code used in JSON.
    pub fn code(&self) -> &'static str {
        match self {
            TimexKind::Absolute => "absolute",
            TimexKind::Weekday => "weekday",
            TimexKind::Relative => "relative",
            TimexKind::Numeric => "numeric",
            TimexKind::Time => "time",
            TimexKind::Vague => "vague",
            TimexKind::Deictic(_) => "deictic",
        }
    }
}

/// Which number of a numeric date is the month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NumericOrder {
    /// `01/10/2020` is 10 January (US habit).
    MonthFirst,
    /// `01/10/2020` is 1 October.
    DayFirst,
}

impl NumericOrder {
    fn phrase(self) -> &'static str {
        match self {
            NumericOrder::MonthFirst => "month first",
            NumericOrder::DayFirst => "day first",
        }
    }
}

/// How a numeric date was read, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DayOrder {
    pub order: NumericOrder,
    /// "another date in the article, 13/01/2020, can only be day first".
    pub reason: String,
}

/// One temporal expression in an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeMention {
    /// Byte range into the article's original text.
    pub span: Span,
    /// The text of `span` (line breaks as spaces).
    pub text: String,
    pub kind: TimexKind,
    /// The date or range meant, when it can be told.
    pub resolved: Option<Resolved>,
    /// Why it resolved as it did (or why it did not).
    pub anchor: Anchor,
    /// Part of the day or period ("early", "late", "night") or the clock
    /// time ("10:42 GMT").
    pub time_of_day: Option<String>,
    /// How a numeric date was read.
    pub order: Option<DayOrder>,
    /// In a live blog, the time stamp of the entry this mention is in
    /// (entries are ordered by it).
    pub entry_time: Option<Time>,
}

/// The date each article's expressions are resolved against: its stated
/// date, else the one [`infer_published`] gives (`inferred[i]` belongs to
/// `articles[i]`).
pub fn reference_date(article: &Article, inferred: Option<&Inference>) -> Option<Date> {
    article.published.date.or(inferred.map(|i| i.date))
}

/// The temporal expressions of every article of a corpus, each resolved
/// against its [`reference_date`]. Runs [`infer_published`] once.
pub fn find_times_in_corpus(
    articles: &[Article],
) -> (Vec<Option<Inference>>, Vec<Vec<TimeMention>>) {
    let inferred = infer_published(articles);
    let times = articles
        .iter()
        .zip(&inferred)
        .map(|(a, inf)| find_times(a, reference_date(a, inf.as_ref())))
        .collect();
    (inferred, times)
}

/// Knobs for [`find_times_with`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The outlet's habit for numeric dates, when the caller knows it:
    /// `Some(true)` for day first, `Some(false)` for month first. Numeric
    /// dates elsewhere in the article still win.
    pub prefer_day_first: Option<bool>,
}

/// All temporal expressions in an article's clean paragraphs, resolved
/// against `published`.
///
/// With `published` unknown (`None`), only dates that carry their year
/// resolve, plus those anchored to an earlier resolved mention. When
/// `published` is not the article's stated date (an inferred one), anchors
/// say so ([`AnchorKind::Corpus`]).
pub fn find_times(article: &Article, published: Option<Date>) -> Vec<TimeMention> {
    let stated =
        article.published.basis == DateBasis::Stated && article.published.date == published;
    let kind =
        if stated || published.is_none() { AnchorKind::Published } else { AnchorKind::Corpus };
    let pieces: Vec<(usize, &str)> =
        article.paragraphs.iter().map(|p| (p.span.start, p.text.as_str())).collect();
    run(&pieces, published, kind, &Options::default()).into_iter().map(|(m, _)| m).collect()
}

/// All temporal expressions in a bare text, resolved against `published`.
/// Each line is taken as a paragraph (a live-blog entry may open it).
pub fn find_times_in(text: &str, published: Option<Date>) -> Vec<TimeMention> {
    find_times_with(text, published, &Options::default())
}

/// [`find_times_in`] with [`Options`].
pub fn find_times_with(text: &str, published: Option<Date>, options: &Options) -> Vec<TimeMention> {
    let mut pieces = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        pieces.push((at, line));
        at += line.len();
    }
    run(&pieces, published, AnchorKind::Published, options).into_iter().map(|(m, _)| m).collect()
}

/// At most this many bytes of a mention's sentence on each side are kept
/// in its [`Detail`].
const SENTENCE_CONTEXT_BYTES: usize = 300;

/// What [`run`] knows about a mention beyond its public form.
#[derive(Clone, Debug)]
pub(crate) struct Detail {
    pub what: What,
    pub tense: sentence::Tense,
    /// The text of the mention's sentence (at most
    /// [`SENTENCE_CONTEXT_BYTES`] on each side of the mention).
    pub sentence: String,
}

/// [`find_times`] with each mention's [`Detail`], for the corpus pass.
pub(crate) fn find_times_detailed(
    article: &Article,
    published: Option<Date>,
    kind: AnchorKind,
) -> Vec<(TimeMention, Detail)> {
    let pieces: Vec<(usize, &str)> =
        article.paragraphs.iter().map(|p| (p.span.start, p.text.as_str())).collect();
    run(&pieces, published, kind, &Options::default())
}

/// The order of ambiguous numeric dates, from the article's other dates,
/// then the caller's hint about the outlet, then the way the article
/// writes dates in words.
fn decide_order(e: OrderEvidence, options: &Options) -> Option<DayOrder> {
    let order = |order, reason: &str| Some(DayOrder { order, reason: reason.to_string() });
    if e.numeric_day_first > e.numeric_month_first {
        return order(
            NumericOrder::DayFirst,
            "another numeric date in the article has a day above 12 in first place",
        );
    }
    if e.numeric_month_first > e.numeric_day_first {
        return order(
            NumericOrder::MonthFirst,
            "another numeric date in the article has a day above 12 in second place",
        );
    }
    match options.prefer_day_first {
        Some(true) => return order(NumericOrder::DayFirst, "the outlet writes dates day first"),
        Some(false) => {
            return order(NumericOrder::MonthFirst, "the outlet writes dates month first")
        }
        None => {}
    }
    if e.written_day_first > e.written_month_first {
        return order(
            NumericOrder::DayFirst,
            "the article writes its other dates day first (\"31 December\")",
        );
    }
    if e.written_month_first > e.written_day_first {
        return order(
            NumericOrder::MonthFirst,
            "the article writes its other dates month first (\"December 31\"), as US outlets do",
        );
    }
    None
}

/// True for values that later relative expressions may count from (a
/// clock time counts: "he spoke at 9:30. The next day …").
fn is_point(r: &Resolved) -> bool {
    r.granularity != Granularity::Range
}

/// The core: scans each piece (paragraph or line, with its byte offset in
/// the original text), decides the numeric order over all of them, then
/// resolves in reading order so that "later" can see what came before.
fn run(
    pieces: &[(usize, &str)],
    published: Option<Date>,
    published_kind: AnchorKind,
    options: &Options,
) -> Vec<(TimeMention, Detail)> {
    let mut evidence = OrderEvidence::default();
    let scanned: Vec<(usize, &str, Vec<Raw>)> = pieces
        .iter()
        .map(|&(offset, text)| {
            let (raws, e) = scan(text);
            evidence.add(e);
            (offset, text, raws)
        })
        .collect();
    let mut ctx = Context {
        published,
        published_kind,
        previous: None,
        order: decide_order(evidence, options),
    };
    let mut entry: Option<Time> = None;
    let mut found = Vec::new();
    for (offset, text, raws) in &scanned {
        if let Some(stamp) = time_at_start(text) {
            entry = Some(stamp.time);
        }
        if raws.is_empty() {
            continue;
        }
        let sentences = Sentences::new(text);
        // The last point mention: (sentence start, its end, value).
        let mut in_sentence: Option<(usize, usize, Resolved)> = None;
        for (k, raw) in raws.iter().enumerate() {
            let sentence = sentences.around(raw.span.start);
            let tense = match raw.what {
                What::Relative { from: scan::From::Event, .. } => {
                    tense_before(text, sentence, raw.span)
                }
                _ => tense_around(text, sentence, raw.span),
            };
            let earlier = in_sentence.as_ref().filter(|(s, ..)| *s == sentence.start);
            let appositive = earlier
                .and_then(|(_, end, _)| text.get(*end..raw.span.start))
                .is_some_and(|gap| gap.trim() == ",");
            let earlier_in_sentence = earlier.map(|(.., r)| r.clone());
            let following = raws.get(k + 1).and_then(|next| {
                let gap = text.get(raw.span.end..next.span.start)?;
                let gap = gap.trim();
                if !(gap.is_empty()
                    || gap.eq_ignore_ascii_case("the")
                    || gap.eq_ignore_ascii_case("on"))
                {
                    return None;
                }
                let sit = Situation {
                    tense,
                    earlier_in_sentence: None,
                    appositive: false,
                    following: None,
                };
                resolve(next, &ctx, &sit).resolved
            });
            let sit = Situation { tense, earlier_in_sentence, appositive, following };
            let outcome = resolve(raw, &ctx, &sit);
            if let Some(r) = outcome.resolved.as_ref().filter(|r| is_point(r)) {
                ctx.previous = Some(r.clone());
                in_sentence = Some((sentence.start, raw.span.end, r.clone()));
            }
            let span = Span::new(offset + raw.span.start, offset + raw.span.end);
            // A sentence with no stops may run for a megabyte: keep only
            // its words near the mention.
            let lo = raw.span.start.saturating_sub(SENTENCE_CONTEXT_BYTES).max(sentence.start);
            let lo = sentence::floor(text, lo);
            let hi = (raw.span.end + SENTENCE_CONTEXT_BYTES).min(sentence.end).max(raw.span.end);
            let hi = sentence::floor(text, hi);
            let detail =
                Detail { what: raw.what.clone(), tense, sentence: text[lo..hi].to_string() };
            found.push((
                TimeMention {
                    span,
                    text: raw.span.of(text).to_string(),
                    kind: raw.kind.clone(),
                    resolved: outcome.resolved,
                    anchor: outcome.anchor,
                    time_of_day: raw.part.clone(),
                    order: outcome.order,
                    entry_time: entry,
                },
                detail,
            ));
        }
    }
    found
}
