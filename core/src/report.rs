//! The JSON document that `crossread analyze` prints.
//!
//! Offsets here are counted in Unicode code points into the original file
//! text (after decoding), unlike the byte [`Span`]s used inside the core.
//! The schema is documented in the README; later pipeline steps add their
//! annotations to the same document.

use crate::entities::{annotate_corpus, Entity, EntityId, EntityIndex, Mention};
use crate::ingest::{Article, DateBasis, Field, Notice, NoticeKind, ParagraphKind};
use crate::span::{CharOffsets, Span};
use crate::time::{extract_events, find_times_in_corpus, Event, Inference, TimeMention};
use serde::Serialize;

/// The whole analysis of a corpus.
#[derive(Debug, Serialize)]
pub struct Analysis {
    /// Schema version; bumped when a field changes meaning.
    pub version: u32,
    pub articles: Vec<ArticleReport>,
    /// Canonical entities across the corpus, sorted by type then id.
    pub entities: Vec<EntityReport>,
    /// Events across the corpus, sorted by date then id.
    pub events: Vec<EventReport>,
}

/// One canonical entity across the corpus.
#[derive(Debug, Serialize)]
pub struct EntityReport {
    /// `person:mark-esper`: type code in lower case and a slug of the name.
    pub id: String,
    /// The display name.
    pub name: String,
    /// `PERSON`, `ORG`, `PLACE`, `NORP`, `FACILITY` or `QUANTITY`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Every distinct surface form seen, the name included.
    pub aliases: Vec<String>,
    /// Titles and roles seen with it ("Secretary of Defense").
    pub roles: Vec<String>,
    /// Mentions per article that mentions it, in corpus order.
    pub mentions: Vec<MentionCount>,
    /// All mentions across the corpus.
    pub total: usize,
    /// How each alias other than the name was merged in.
    pub merges: Vec<MergeReport>,
}

/// How many times one article mentions an entity.
#[derive(Debug, Serialize)]
pub struct MentionCount {
    pub file: String,
    pub count: usize,
}

/// Why an alias was merged into an entity.
#[derive(Debug, Serialize)]
pub struct MergeReport {
    pub alias: String,
    /// From 0 to 1.
    pub confidence: f32,
    pub reason: String,
}

/// One mention of an entity in an article.
#[derive(Debug, Serialize)]
pub struct EntityMentionReport {
    /// Code points into the original text.
    pub start: usize,
    pub end: usize,
    /// The original text of `start..end`.
    pub text: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The canonical entity's id.
    pub entity: String,
    /// A title or role written next to it, kept out of the span.
    pub role: Option<String>,
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
    /// Entity mentions in the clean paragraphs, sorted, never overlapping.
    pub entities: Vec<EntityMentionReport>,
    /// Temporal expressions in the clean paragraphs, in text order.
    pub dates: Vec<DateReport>,
}

/// One temporal expression and what it resolved to.
#[derive(Debug, Serialize)]
pub struct DateReport {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// ISO `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or a range `A/B`; null when the
    /// expression cannot be placed.
    pub value: Option<String>,
    /// `day`, `month`, `year` or `range`; null with `value`.
    pub granularity: Option<&'static str>,
    /// `absolute`, `weekday`, `relative`, `numeric`, `time`, `vague` or
    /// `deictic`.
    pub kind: &'static str,
    pub anchor: AnchorReport,
}

/// What a date counts from, and why.
#[derive(Debug, Serialize)]
pub struct AnchorReport {
    /// `published`, `previous-mention`, `corpus` or `none`.
    pub kind: &'static str,
    /// `YYYY-MM-DD` of the date counted from, or null.
    pub date: Option<String>,
    pub explanation: String,
}

/// One event and every source that reports it.
#[derive(Debug, Serialize)]
pub struct EventReport {
    pub id: String,
    /// ISO value, never finer than `precision`.
    pub date: String,
    /// `day`, `month` or `year`.
    pub precision: &'static str,
    pub summary: String,
    pub entities: Vec<EntityId>,
    pub sources: Vec<EventSourceReport>,
    pub conflicts: Vec<ConflictReport>,
}

/// Where one article reports an event (code points into its file text).
#[derive(Debug, Serialize)]
pub struct EventSourceReport {
    pub file: String,
    pub start: usize,
    pub end: usize,
    /// The sentence or clause (line breaks as spaces).
    pub text: String,
    /// The expression that dates it in this source, and its value; both
    /// null for a sentence that tells the event without a date.
    pub date_text: Option<String>,
    pub date: Option<String>,
}

/// A detail the sources of an event disagree on.
#[derive(Debug, Serialize)]
pub struct ConflictReport {
    /// `number` or `date`.
    pub kind: &'static str,
    /// What is counted (`wounded`, `killed`, ...) or `date`.
    pub what: String,
    pub values: Vec<ConflictValueReport>,
}

/// One source's value in a conflict.
#[derive(Debug, Serialize)]
pub struct ConflictValueReport {
    pub file: String,
    pub value: String,
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
    /// Builds the report of already ingested articles, recognising their
    /// entities.
    pub fn new(articles: &[Article]) -> Analysis {
        Analysis::with_entities(articles, &annotate_corpus(articles))
    }

    /// Builds the report with entities already found (and perhaps corrected).
    pub fn with_entities(articles: &[Article], index: &EntityIndex) -> Analysis {
        let (inferred, times) = find_times_in_corpus(articles);
        let events = extract_events(articles, &times, index);
        let none = Vec::new();
        let offsets: Vec<CharOffsets> =
            articles.iter().map(|a| CharOffsets::new(&a.text)).collect();
        Analysis {
            version: 1,
            articles: articles
                .iter()
                .enumerate()
                .zip(&offsets)
                .zip(inferred.iter().zip(&times))
                .map(|(((i, a), o), (inf, t))| {
                    let mentions = index.mentions.get(i).unwrap_or(&none);
                    ArticleReport::new(a, o, mentions, inf.as_ref(), t)
                })
                .collect(),
            entities: index.entities.iter().map(|e| EntityReport::new(e, articles)).collect(),
            events: events.iter().map(|e| EventReport::new(e, &offsets)).collect(),
        }
    }
}

impl EntityReport {
    fn new(e: &Entity, articles: &[Article]) -> EntityReport {
        EntityReport {
            id: e.id.clone(),
            name: e.name.clone(),
            kind: e.kind.code(),
            aliases: e.aliases.clone(),
            roles: e.roles.clone(),
            mentions: e
                .counts
                .iter()
                .map(|&(a, count)| MentionCount {
                    file: articles.get(a).map(|x| x.file.clone()).unwrap_or_default(),
                    count,
                })
                .collect(),
            total: e.total(),
            merges: e
                .merges
                .iter()
                .map(|m| MergeReport {
                    alias: m.alias.clone(),
                    confidence: (m.confidence * 100.0).round() / 100.0,
                    reason: m.reason.clone(),
                })
                .collect(),
        }
    }
}

impl ArticleReport {
    fn new(
        article: &Article,
        offsets: &CharOffsets,
        mentions: &[Mention],
        inferred: Option<&Inference>,
        times: &[TimeMention],
    ) -> ArticleReport {
        let text_span = |text: &str, span: Span| {
            let (start, end) = offsets.chars(span);
            TextSpan { text: text.to_string(), start, end }
        };
        let value = |field: &Option<Field>| field.as_ref().map(|f| f.value.clone());
        ArticleReport {
            file: article.file.clone(),
            id: article.id.clone(),
            title: value(&article.title),
            outlet: value(&article.outlet),
            byline: value(&article.byline),
            published: PublishedReport::new(article, inferred),
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
            entities: mentions
                .iter()
                .filter(|m| article.text.get(m.span.start..m.span.end).is_some())
                .map(|m| {
                    let (start, end) = offsets.chars(m.span);
                    EntityMentionReport {
                        start,
                        end,
                        // Line breaks as spaces, like the paragraphs' text.
                        text: m.span.of(&article.text).replace(['\n', '\r'], " "),
                        kind: m.kind.code(),
                        entity: m.entity.clone(),
                        role: m.role.clone(),
                    }
                })
                .collect(),
            dates: times.iter().map(|m| DateReport::new(m, offsets)).collect(),
        }
    }
}

impl PublishedReport {
    /// The stated date when there is one (never overwritten), else the
    /// corpus inference marked `inferred` with its reason and evidence.
    fn new(article: &Article, inferred: Option<&Inference>) -> PublishedReport {
        let p = &article.published;
        let basis = match p.basis {
            DateBasis::Stated => "stated",
            DateBasis::Inferred => "inferred",
            DateBasis::Unknown => "unknown",
        };
        let stated = PublishedReport {
            date: p.date.map(|d| d.to_string()),
            basis,
            evidence: p.evidence.map(|s| s.of(&article.text).to_string()),
            reason: p.reason.clone(),
        };
        let Some(inf) = inferred.filter(|_| p.date.is_none()) else { return stated };
        let evidence: Vec<String> = inf
            .evidence
            .iter()
            .filter_map(|s| article.text.get(s.start..s.end))
            .map(|t| t.replace(['\n', '\r'], " "))
            .collect();
        // A date line without a year is evidence too: say why it was not
        // enough on its own.
        let reason = match p.evidence {
            Some(line) => format!(
                "the article's date line “{}” gives no year; {}",
                line.of(&article.text).trim(),
                inf.reason
            ),
            None => inf.reason.clone(),
        };
        PublishedReport {
            date: Some(inf.date.to_string()),
            basis: "inferred",
            evidence: (!evidence.is_empty()).then(|| evidence.join(" … ")),
            reason: Some(reason),
        }
    }
}

impl DateReport {
    fn new(m: &TimeMention, offsets: &CharOffsets) -> DateReport {
        let (start, end) = offsets.chars(m.span);
        DateReport {
            start,
            end,
            text: m.text.clone(),
            value: m.resolved.as_ref().map(|r| r.value.clone()),
            granularity: m.resolved.as_ref().map(|r| r.granularity.code()),
            kind: m.kind.code(),
            anchor: AnchorReport {
                kind: match m.anchor.kind {
                    crate::time::AnchorKind::Published => "published",
                    crate::time::AnchorKind::PreviousMention => "previous-mention",
                    crate::time::AnchorKind::Corpus => "corpus",
                    crate::time::AnchorKind::None => "none",
                },
                date: m.anchor.date.map(|d| d.to_string()),
                explanation: m.anchor.explanation.clone(),
            },
        }
    }
}

impl EventReport {
    fn new(e: &Event, offsets: &[CharOffsets]) -> EventReport {
        EventReport {
            id: e.id.clone(),
            date: e.date.value.clone(),
            precision: e.precision.code(),
            summary: e.summary.clone(),
            entities: e.entities.clone(),
            sources: e
                .sources
                .iter()
                .map(|s| {
                    let (start, end) = offsets.get(s.article).map_or((0, 0), |o| o.chars(s.span));
                    EventSourceReport {
                        file: s.file.clone(),
                        start,
                        end,
                        text: s.sentence.clone(),
                        date_text: s.date_text.clone(),
                        date: s.date.as_ref().map(|d| d.value.clone()),
                    }
                })
                .collect(),
            conflicts: e
                .conflicts
                .iter()
                .map(|c| ConflictReport {
                    kind: c.kind.code(),
                    what: c.what.clone(),
                    values: c
                        .values
                        .iter()
                        .map(|v| ConflictValueReport {
                            file: v.file.clone(),
                            value: v.value.clone(),
                        })
                        .collect(),
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
