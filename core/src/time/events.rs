//! Events: sentences (or clauses) that report something happening at a
//! resolvable time, clustered across articles into one [`Event`] per real
//! happening.
//!
//! The pass has three steps:
//!
//! 1. **Mentions.** Each sentence of an article's clean paragraphs that
//!    holds a resolved temporal expression (day, month or year, not a vague
//!    stretch) becomes an event mention, unless its only date is the
//!    publication dateline or it speaks of the future without naming a
//!    date. A sentence with several dates far apart ("withdrew … in May
//!    2018, then re-imposed sanctions six months later") is cut into
//!    clauses, one mention each. The summary is the clause trimmed to its
//!    core: leading attributions ("The Pentagon said on Tuesday that"),
//!    trailing ones (", he said", ", according to X") and parentheticals
//!    are dropped; the words kept are the source's own.
//! 2. **Clusters.** Mentions join when their dates fit one window (days at
//!    most [`DATE_SLACK_DAYS`] apart; a month-level mention only with the
//!    same month, a year-level one only with the same year) and their
//!    stemmed content words are similar enough ([`MIN_SIMILARITY`], lower
//!    with shared entities or counted numbers).
//! 3. **Conflicts.** Within an event, counts of the same thing that differ
//!    ("wounded 55" against "upwards of 50 wounded") and sources that give
//!    different dates are listed, never silently merged.

use super::sentence::{self, Sentences, Tense};
use super::{AnchorKind, Granularity, Resolved, TimeMention, TimexKind};
use crate::entities::{EntityId, EntityIndex};
use crate::ingest::Article;
use crate::span::Span;
use jiff::civil::Date;
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Two day-level reports of one event may give dates this many days apart
/// ("on Tuesday" in one time zone, "Wednesday" in another, or a report
/// dated the next morning).
pub const DATE_SLACK_DAYS: i64 = 1;

/// Two mentions tell the same event when the Jaccard similarity of their
/// stemmed content words reaches this.
pub const MIN_SIMILARITY: f64 = 0.2;

/// The similarity needed when the mentions also share a specific entity
/// (a person, organisation or facility) or a counted number ("25 …
/// killed"): the shared name is evidence too.
pub const MIN_SIMILARITY_WITH_SHARED: f64 = 0.15;

/// A short report inside a long one: the mentions also join when this
/// share of the shorter one's stems is in the longer one ...
pub const MIN_OVERLAP: f64 = 0.4;

/// ... and they share at least this many stems.
pub const MIN_OVERLAP_SHARED_STEMS: usize = 4;

/// However high the ratio, mentions must share this many content stems
/// (two three-word sentences sharing one word are not one event).
pub const MIN_SHARED_STEMS: usize = 2;

/// A sentence needs this many content words besides its dates to report
/// something (a bare "Tuesday, 31 December" is not an event).
pub const MIN_EVENT_WORDS: usize = 3;

/// Summaries longer than this many bytes are cut at a clause boundary.
pub const MAX_SUMMARY_BYTES: usize = 200;

/// A cut summary keeps at least this many bytes.
pub const MIN_SUMMARY_BYTES: usize = 40;

/// A speaker's own words before the saying verb ("The minister, who
/// resigned in May,") become the summary only when at least this long.
pub const MIN_SPEAKER_CLAUSE_BYTES: usize = 20;

/// A date this close to the start of a summary ("On December 31st, …",
/// "But on Tuesday …" after its conjunction) is a leading date.
pub const LEADING_DATE_SLACK_BYTES: usize = 3;

/// "that" after a saying verb is looked for within this many words ("said
/// early on Wednesday that").
pub const ATTRIBUTION_THAT_WORDS: usize = 6;

/// How much a containment link (see [`MIN_OVERLAP`]) counts against a
/// Jaccard one when links are ranked.
pub const CONTAINMENT_WEIGHT: f64 = 0.5;

/// A leading place dateline ("BAGHDAD – ") has at most this many words.
pub const DATELINE_MAX_WORDS: usize = 6;

/// An attribution ("X said on Tuesday that") is dropped from the start of a
/// summary only when its verb lies within this many bytes of the start.
pub const MAX_ATTRIBUTION_BYTES: usize = 120;

/// A trailing attribution (", he said", ", officials said") has at most
/// this many words.
pub const MAX_TRAILING_ATTRIBUTION_WORDS: usize = 6;

/// Content words shorter than this (in chars) are ignored for similarity.
pub const MIN_WORD_CHARS: usize = 3;

/// One article's report of an event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventSource {
    /// Index of the article in the corpus slice.
    pub article: usize,
    /// The article's file name.
    pub file: String,
    /// Byte range of the sentence or clause in the article's original text.
    pub span: Span,
    /// The text of `span` (line breaks as spaces).
    pub sentence: String,
    /// The temporal expression that dates it ("on Tuesday"); `None` for a
    /// sentence that tells the event without a date of its own (it joined
    /// because it shares the event's words and counts).
    pub date_text: Option<String>,
    /// What that expression resolved to.
    pub date: Option<Resolved>,
    /// The clause trimmed to its core.
    pub summary: String,
}

/// What kind of detail the sources disagree on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConflictKind {
    /// Counts of the same thing differ ("25 dead" against "at least 30 killed").
    Number,
    /// The sources place the event on different dates.
    Date,
}

impl ConflictKind {
    /// The stable lowercase code used in JSON.
    pub fn code(self) -> &'static str {
        match self {
            ConflictKind::Number => "number",
            ConflictKind::Date => "date",
        }
    }
}

/// One source's value in a [`Conflict`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConflictValue {
    /// Index of the article in the corpus slice.
    pub article: usize,
    pub file: String,
    /// The words as written ("upwards of 50", "on Tuesday (2019-12-31)").
    pub value: String,
}

/// A detail the sources of one event disagree on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub kind: ConflictKind,
    /// What is counted ("wounded", "killed", "troops") or `date`.
    pub what: String,
    /// Every source's value, in source order.
    pub values: Vec<ConflictValue>,
}

/// One real happening, with every article that reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// A stable slug: the date and the summary's first content words
    /// (`2019-12-31-protesters-stormed-embassy`).
    pub id: String,
    /// The date most sources give (the earliest on a tie).
    pub date: Resolved,
    /// Never finer than the sources' own expressions.
    pub precision: Granularity,
    /// The summary of the most informative source.
    pub summary: String,
    /// Entities named in any source, most mentioned first.
    pub entities: Vec<EntityId>,
    /// Every report, in corpus then text order.
    pub sources: Vec<EventSource>,
    pub conflicts: Vec<Conflict>,
}

/// Finds the events of a corpus. `times[i]` are the temporal expressions of
/// `articles[i]` (resolved against its stated or inferred date) and
/// `entities.mentions[i]` its entity mentions; a missing or empty entity
/// index is fine (words alone then decide).
pub fn extract_events(
    articles: &[Article],
    times: &[Vec<TimeMention>],
    entities: &EntityIndex,
) -> Vec<Event> {
    let ents = |i: usize| entities.mentions.get(i).map(Vec::as_slice).unwrap_or(&[]);
    let mut finder = EventFinder::default();
    for (i, article) in articles.iter().enumerate() {
        if let Some(found) = times.get(i) {
            finder.add_dated(i, article, found, ents(i));
        }
    }
    finder.group();
    for (i, article) in articles.iter().enumerate() {
        finder.add_undated(i, article, times.get(i).map_or(&[][..], Vec::as_slice), ents(i));
    }
    finder.finish()
}

/// [`extract_events`] a step at a time, for a caller that must stay
/// responsive between articles: [`add_dated`](Self::add_dated) every
/// article in corpus order, [`group`](Self::group), then
/// [`add_undated`](Self::add_undated) every article in order, and
/// [`finish`](Self::finish). The result is exactly [`extract_events`]'s.
pub struct EventFinder {
    words: Words,
    /// Every event mention so far: the dated ones, then the undated ones
    /// that joined an event.
    mentions: Vec<Candidate>,
    /// The events, as mention numbers (after [`group`](Self::group)).
    clusters: Vec<Vec<usize>>,
    /// What undated sentences are matched against (after `group`).
    undated: Option<UndatedIndex>,
    /// The event each dated mention belongs to.
    owner: Vec<Option<usize>>,
    /// Undated sentences that join an event, with its number.
    joins: Vec<(usize, Candidate)>,
}

impl Default for EventFinder {
    fn default() -> Self {
        EventFinder {
            words: Words::new(),
            mentions: Vec::new(),
            clusters: Vec::new(),
            undated: None,
            owner: Vec::new(),
            joins: Vec::new(),
        }
    }
}

impl EventFinder {
    /// The dated event mentions of article `index`, with its temporal
    /// expressions and entity mentions.
    pub fn add_dated(
        &mut self,
        index: usize,
        article: &Article,
        times: &[TimeMention],
        entities: &[crate::entities::Mention],
    ) {
        let found = article_mentions(&mut self.words, index, article, times, entities);
        self.mentions.extend(found);
    }

    /// Groups the dated mentions into events.
    pub fn group(&mut self) {
        self.clusters = cluster(&self.mentions);
        self.owner = vec![None; self.mentions.len()];
        for (k, c) in self.clusters.iter().enumerate() {
            for &i in c {
                self.owner[i] = Some(k);
            }
        }
        if !self.clusters.is_empty() {
            self.undated = Some(UndatedIndex::new(&self.mentions));
        }
    }

    /// The sentences of article `index` without a date of their own join
    /// the events they tell.
    pub fn add_undated(
        &mut self,
        index: usize,
        article: &Article,
        times: &[TimeMention],
        entities: &[crate::entities::Mention],
    ) {
        let Some(undated) = &self.undated else { return };
        attach_undated(
            &mut self.words,
            undated,
            &self.mentions,
            &self.owner,
            (index, article, times, entities),
            &mut self.joins,
        );
    }

    /// The events, in time order, with unique ids.
    pub fn finish(self) -> Vec<Event> {
        let EventFinder { mut mentions, mut clusters, joins, .. } = self;
        for (k, c) in joins {
            mentions.push(c);
            clusters[k].push(mentions.len() - 1);
        }
        for c in clusters.iter_mut() {
            c.sort_by_key(|&i| (mentions[i].source.article, mentions[i].source.span.start));
        }
        let mut events: Vec<Event> =
            clusters.into_iter().filter_map(|c| build_event(&mentions, &c)).collect();
        events.sort_by(|a, b| (a.date.start, &a.id).cmp(&(b.date.start, &b.id)));
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for e in &mut events {
            let n = seen.entry(e.id.clone()).or_insert(0);
            *n += 1;
            if *n > 1 {
                e.id = format!("{}-{}", e.id, n);
            }
        }
        events
    }
}

/// An event mention before clustering.
#[derive(Clone, Debug)]
struct Candidate {
    source: EventSource,
    stems: StemSet,
    entities: Vec<EntityId>,
    counts: Vec<Count>,
}

/// A counted thing in a sentence: "at least 25 … killed".
#[derive(Clone, Debug, PartialEq)]
struct Count {
    /// The thing counted, normalised ("killed", "wounded", "troops").
    what: String,
    value: f64,
    /// As written, with its qualifier ("upwards of 50").
    text: String,
}

/// The event mentions of one article.
fn article_mentions(
    words: &mut Words,
    index: usize,
    article: &Article,
    times: &[TimeMention],
    entities: &[crate::entities::Mention],
) -> Vec<Candidate> {
    let dateline = article.published.evidence;
    // The date the article's expressions were resolved against.
    let reference = article.published.date.or_else(|| {
        times.iter().find_map(|m| match m.anchor.kind {
            AnchorKind::Published | AnchorKind::Corpus => m.anchor.date,
            _ => None,
        })
    });
    let mut found = Vec::new();
    for p in &article.paragraphs {
        let para = Span::new(p.span.start, p.span.end);
        let inside: Vec<&TimeMention> = times.iter().filter(|m| para.contains(m.span)).collect();
        if inside.is_empty() {
            continue;
        }
        let sentences = Sentences::new(&p.text);
        let mut by_sentence: BTreeMap<usize, (Span, Vec<&TimeMention>)> = BTreeMap::new();
        for m in inside {
            let local = Span::new(m.span.start - para.start, m.span.end - para.start);
            let s = sentences.around(local.start);
            by_sentence.entry(s.start).or_insert((s, Vec::new())).1.push(m);
        }
        for (_, (s, ms)) in by_sentence {
            let usable: Vec<&TimeMention> = ms
                .into_iter()
                .filter(|m| dateline.is_none_or(|d| !d.overlaps(m.span)))
                .filter(|m| {
                    let Some(r) = m.resolved.as_ref() else { return false };
                    let local = Span::new(m.span.start - para.start, m.span.end - para.start);
                    let tense = sentence::tense_around(&p.text, s, local);
                    let future = tense == Tense::Future;
                    // Future talk names an event time only with a calendar
                    // date; past talk cannot report what is after its writing.
                    let calendar = matches!(m.kind, TimexKind::Absolute | TimexKind::Numeric);
                    let after_writing = reference.is_some_and(|p| r.start > p);
                    // "17 years after the invasion" placed on the writing
                    // year says how long ago something was, about the present.
                    let elapsed = m.kind == TimexKind::Relative
                        && matches!(r.granularity, Granularity::Month | Granularity::Year)
                        && reference.is_some_and(|p| r.start <= p && p <= r.end);
                    (!future || calendar) && (future || !after_writing) && !elapsed
                })
                .collect();
            for (clause, m) in clauses(&p.text, s, para.start, &usable) {
                if let Some(c) =
                    candidate(words, index, article, &p.text, para.start, clause, m, entities)
                {
                    found.push(c);
                }
            }
        }
    }
    found
}

/// The resolved value of a mention when it can date an event: a day, a
/// month or a year (vague stretches and unresolved mentions cannot).
fn usable_date(m: &TimeMention) -> Option<&Resolved> {
    m.resolved.as_ref().filter(|r| r.granularity != Granularity::Range)
}

/// How precise a granularity is (lower is finer).
fn rank(g: Granularity) -> u8 {
    match g {
        Granularity::Day => 0,
        Granularity::Month => 1,
        Granularity::Year => 2,
        Granularity::Range => 3,
    }
}

/// Cuts a sentence (local span `s` in `text`) into clauses, one per group
/// of mentions with the same value, each with the most precise mention
/// that dates it.
fn clauses<'a>(
    text: &str,
    s: Span,
    offset: usize,
    ms: &[&'a TimeMention],
) -> Vec<(Span, &'a TimeMention)> {
    let mut groups: Vec<(Vec<&'a TimeMention>, String)> = Vec::new();
    for m in ms {
        let Some(r) = m.resolved.as_ref() else { continue };
        match groups.last_mut() {
            Some((g, v)) if *v == r.value => g.push(m),
            _ => groups.push((vec![m], r.value.clone())),
        }
    }
    if groups.is_empty() {
        return Vec::new();
    }
    // "Tuesday’s attack" names an event the reader already knows; the
    // sentence reports what happened at its other date, if it has one.
    let possessive = |m: &TimeMention| {
        let after = text.get(m.span.end.saturating_sub(offset)..).unwrap_or("");
        after.starts_with("’s") || after.starts_with("'s")
    };
    let key = |m: &TimeMention| {
        (possessive(m), m.resolved.as_ref().map_or(u8::MAX, |r| rank(r.granularity)))
    };
    let best = |g: &[&'a TimeMention]| -> &'a TimeMention {
        let mut best = g[0];
        for m in g {
            if key(m) < key(best) {
                best = m;
            }
        }
        best
    };
    let dated = |m: &'a TimeMention| usable_date(m).map(|_| m);
    if groups.len() == 1 {
        return dated(best(&groups[0].0)).map(|m| (s, m)).into_iter().collect();
    }
    // Cut between consecutive groups at the last clause boundary in the
    // gap; with none, the sentence stays whole, dated by its finest date.
    let mut cuts = vec![s.start];
    for pair in groups.windows(2) {
        let (Some(a), Some(b)) = (pair[0].0.last(), pair[1].0.first()) else { continue };
        let lo = a.span.end - offset;
        let hi = b.span.start - offset;
        if let Some(cut) = text.get(lo..hi).and_then(clause_boundary) {
            cuts.push(lo + cut);
        }
    }
    if cuts.len() != groups.len() {
        let all: Vec<&'a TimeMention> = groups.into_iter().flat_map(|(g, _)| g).collect();
        return dated(best(&all)).map(|m| (s, m)).into_iter().collect();
    }
    cuts.push(s.end);
    groups
        .iter()
        .enumerate()
        .filter_map(|(k, (g, _))| dated(best(g)).map(|m| (Span::new(cuts[k], cuts[k + 1]), m)))
        .collect()
}

/// The byte offset in `gap` just after its last clause boundary: a `;`, a
/// dash, or a comma followed by a conjunction or "then".
fn clause_boundary(gap: &str) -> Option<usize> {
    let mut found = None;
    for (at, c) in gap.char_indices() {
        let after = &gap[at + c.len_utf8()..];
        let lower = after.trim_start().to_lowercase();
        let joins = ["then ", "and ", "but ", "while ", "before ", "after "]
            .iter()
            .any(|w| lower.starts_with(w));
        if c == ';' || c == '—' || c == '–' || (c == ',' && joins) {
            found = Some(at + c.len_utf8());
        }
    }
    found
}

/// Builds the event mention for one clause, or `None` when the clause has
/// too few words of its own to report anything.
#[allow(clippy::too_many_arguments)]
fn candidate(
    words: &mut Words,
    index: usize,
    article: &Article,
    para_text: &str,
    offset: usize,
    clause: Span,
    m: &TimeMention,
    entities: &[crate::entities::Mention],
) -> Option<Candidate> {
    let date = usable_date(m)?.clone();
    let raw = para_text.get(clause.start..clause.end)?;
    let lead = raw.len() - raw.trim_start().len();
    // An all-blank clause has nothing left after trimming.
    let end = clause.start + raw.trim_end().len();
    let local = Span::new((clause.start + lead).min(end), end);
    if local.is_empty() {
        return None;
    }
    let span = Span::new(offset + local.start, offset + local.end);
    let sentence_text = local.of(para_text).to_string();
    let dates_in: Vec<Span> = vec![Span::new(m.span.start - offset, m.span.end - offset)];
    let stems = words.stems_outside(para_text, local, &dates_in);
    if stems.len() < MIN_EVENT_WORDS {
        return None;
    }
    let summary = summarize(para_text, local, m.span.start - offset..m.span.end - offset);
    let mut ents: Vec<EntityId> =
        entities.iter().filter(|e| span.contains(e.span)).map(|e| e.entity.clone()).collect();
    ents.sort();
    ents.dedup();
    Some(Candidate {
        counts: counts(&sentence_text),
        source: EventSource {
            article: index,
            file: article.file.clone(),
            span,
            sentence: sentence_text,
            date_text: Some(m.text.clone()),
            date: Some(date),
            summary,
        },
        stems,
        entities: ents,
    })
}

// ---------------------------------------------------------------- words

/// Words that say nothing about which event a sentence tells.
const STOPWORDS: &[&str] = &[
    "the",
    "and",
    "for",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "been",
    "being",
    "that",
    "this",
    "these",
    "those",
    "with",
    "from",
    "into",
    "onto",
    "over",
    "under",
    "after",
    "before",
    "about",
    "against",
    "between",
    "during",
    "since",
    "until",
    "while",
    "when",
    "where",
    "which",
    "who",
    "whom",
    "whose",
    "what",
    "why",
    "how",
    "its",
    "his",
    "her",
    "their",
    "them",
    "they",
    "she",
    "him",
    "our",
    "ours",
    "your",
    "you",
    "not",
    "but",
    "also",
    "than",
    "then",
    "there",
    "here",
    "some",
    "any",
    "all",
    "each",
    "other",
    "such",
    "only",
    "own",
    "same",
    "very",
    "can",
    "could",
    "would",
    "should",
    "will",
    "shall",
    "may",
    "might",
    "must",
    "did",
    "does",
    "doing",
    "said",
    "says",
    "say",
    "told",
    "tell",
    "according",
    "added",
    "adding",
    "per",
    "via",
    "upon",
    "out",
    "off",
    "again",
    "further",
    "once",
    "more",
    "most",
    "many",
    "much",
    "both",
    "either",
    "neither",
    "just",
    "even",
    "still",
    "yet",
    "least",
    "one",
    "two",
    "three",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "today",
    "yesterday",
    "tomorrow",
    "morning",
    "afternoon",
    "evening",
    "night",
    "early",
    "late",
    "earlier",
    "later",
    "last",
    "next",
    "ago",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "statement",
    "reported",
    "reports",
    "news",
];

/// The Snowball English stem of a lower-cased word, so that "stormed",
/// "storming" and "storms" meet.
fn stem(stemmer: &Stemmer, word: &str) -> String {
    stemmer.stem(&word.to_lowercase()).into_owned()
}

/// The stemmer, and a number for each stem seen so far: a sentence's words
/// are kept as a [`StemSet`] of numbers, so comparing two sentences never
/// compares strings.
struct Words {
    stemmer: Stemmer,
    ids: HashMap<String, u32>,
}

impl Words {
    fn new() -> Words {
        Words { stemmer: Stemmer::create(Algorithm::English), ids: HashMap::new() }
    }

    /// The stemmed content words of `text[within]`, leaving out the `skip`
    /// spans (the dating expression).
    fn stems_outside(&mut self, text: &str, within: Span, skip: &[Span]) -> StemSet {
        let mut out = Vec::new();
        let slice = within.of(text);
        let mut push = |s: usize, e: usize| {
            let abs = Span::new(within.start + s, within.start + e);
            if skip.iter().any(|k| k.overlaps(abs)) {
                return;
            }
            let w = &slice[s..e];
            if w.chars().count() < MIN_WORD_CHARS || w.chars().all(|c| c.is_ascii_digit()) {
                return;
            }
            let lower = w.to_lowercase();
            if STOPWORDS.contains(&lower.as_str()) {
                return;
            }
            let stemmed = stem(&self.stemmer, &lower);
            let next = self.ids.len() as u32;
            out.push(*self.ids.entry(stemmed).or_insert(next));
        };
        // Words are runs of letters and digits.
        let mut start: Option<usize> = None;
        for (at, c) in slice.char_indices() {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(at),
                (false, Some(s)) => {
                    push(s, at);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            push(s, slice.len());
        }
        StemSet::new(out)
    }
}

/// A sentence's distinct stems, as sorted stem numbers (see [`Words`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct StemSet(Vec<u32>);

impl StemSet {
    fn new(mut ids: Vec<u32>) -> StemSet {
        ids.sort_unstable();
        ids.dedup();
        StemSet(ids)
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.iter().copied()
    }

    /// How many stems the two sets share.
    fn shared(&self, other: &StemSet) -> usize {
        let (a, b) = (&self.0, &other.0);
        let (mut i, mut j, mut n) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    n += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        n
    }
}

// ------------------------------------------------------------- summaries

/// Verbs that attribute what follows (or precedes) to a speaker.
const SAYING: &[&str] = &[
    "said",
    "says",
    "told",
    "announced",
    "reported",
    "stated",
    "added",
    "claimed",
    "warned",
    "confirmed",
    "explained",
    "noted",
    "tweeted",
    "wrote",
    "insisted",
    "argued",
    "alleged",
];

/// The clause `local` of `text` trimmed to its core (see the module docs).
/// `date` is the dating expression's local byte range; an attribution is
/// not dropped if that would drop the date too... unless the date belongs
/// to the attribution itself ("said on Tuesday that").
fn summarize(text: &str, local: Span, date: std::ops::Range<usize>) -> String {
    let mut lo = local.start;
    let mut hi = local.end;
    let clause = local.of(text);
    if let Some(cut) = dateline_prefix(clause) {
        lo += cut;
    }
    // Leading attribution: "<speaker> <said> [date] that …". When the date
    // sits in the speaker's own words before the verb ("X, who resigned
    // early in December, told Y that …"), those words are the event.
    if let Some((verb, cut)) = leading_attribution(&text[lo..hi]) {
        let (verb, cut) = (lo + verb, lo + cut);
        let relative = word_spans(&text[lo..date.start.max(lo)]).iter().any(|&(s, e)| {
            matches!(text[lo + s..lo + e].to_lowercase().as_str(), "who" | "which" | "whose")
        });
        if date.end <= verb && relative && verb - lo >= MIN_SPEAKER_CLAUSE_BYTES {
            hi = verb;
        } else if hi - cut >= MIN_SUMMARY_BYTES {
            lo = cut;
        }
    }
    // Leading date and comma: "On December 31st, supporters …".
    // A live blog's entry time stamp ("20:40 GMT Turnout was …") too.
    if date.start >= lo && date.start - lo <= LEADING_DATE_SLACK_BYTES {
        let stamp = text.get(date.clone()).is_some_and(|d| {
            d.contains(':') && d.chars().next().is_some_and(|c| c.is_ascii_digit())
        });
        if let Some(rest) = text.get(date.end..hi) {
            let t = rest.trim_start();
            let after = match t.strip_prefix(',') {
                Some(t2) => Some(t2.trim_start()),
                None if stamp => Some(t),
                None => None,
            };
            if let Some(after) = after {
                let new_lo = hi - after.len();
                if hi - new_lo >= MIN_SUMMARY_BYTES {
                    lo = new_lo;
                }
            }
        }
    }
    // A clause cut from a longer sentence may open with its conjunction.
    for word in ["and then ", "and ", "but ", "then ", "while "] {
        if text[lo..hi].starts_with(word) && hi - lo - word.len() >= MIN_SUMMARY_BYTES {
            lo += word.len();
            break;
        }
    }
    // Trailing attribution: ", he said." / ", according to X."
    let body = &text[lo..hi];
    if let Some(cut) = trailing_attribution(body) {
        if cut >= MIN_SUMMARY_BYTES {
            hi = lo + cut;
        }
    }
    let mut s = drop_brackets(&text[lo..hi]);
    if s.len() > MAX_SUMMARY_BYTES {
        s = cut_long(&s);
    }
    let s = s.trim().trim_end_matches([',', ';', ':', '.', '–', '—', ' ']).trim();
    // Quotes opened and not closed inside the cut read badly: drop a lone
    // leading one.
    let s = strip_lone_quote(s);
    s.to_string()
}

/// Where a leading attribution ends: just after "that" when a saying verb
/// within [`MAX_ATTRIBUTION_BYTES`] of the start is followed by "that", or
/// after "According to X," at the start.
fn leading_attribution(clause: &str) -> Option<(usize, usize)> {
    let words = word_spans(clause);
    let word = |k: usize| -> String {
        words.get(k).map_or(String::new(), |&(s, e)| clause[s..e].to_lowercase())
    };
    if word(0) == "according" && word(1) == "to" {
        let comma = clause.find(',')?;
        let rest = &clause[comma + 1..];
        return Some((0, comma + 1 + (rest.len() - rest.trim_start().len())));
    }
    for (k, &(s, _)) in words.iter().enumerate() {
        if s > MAX_ATTRIBUTION_BYTES {
            break;
        }
        if !SAYING.contains(&word(k).as_str()) {
            continue;
        }
        // "that" within the next few words (a date may sit between).
        for (j, &(_, e2)) in words.iter().enumerate().skip(k + 1).take(ATTRIBUTION_THAT_WORDS) {
            if word(j) == "that" {
                let rest = &clause[e2..];
                return Some((s, e2 + (rest.len() - rest.trim_start().len())));
            }
        }
        return None;
    }
    None
}

/// The length of a leading place dateline ("BAGHDAD / WASHINGTON – ",
/// "ERBIL, Kurdistan Region – "): a few words opening with a word in
/// capitals, ended by a dash.
fn dateline_prefix(clause: &str) -> Option<usize> {
    let first: String = clause.chars().take_while(|c| c.is_alphabetic()).collect();
    if first.chars().count() < 2 || first.chars().any(|c| !c.is_uppercase()) {
        return None;
    }
    for dash in [" – ", " — ", " - ", " -- "] {
        if let Some(at) = clause.find(dash) {
            let head = &clause[..at];
            if head.split_whitespace().count() <= DATELINE_MAX_WORDS {
                return Some(at + dash.len());
            }
        }
    }
    None
}

/// Where a trailing attribution starts in `body`: the last comma when the
/// words after it are a short "… said" or "according to …".
fn trailing_attribution(body: &str) -> Option<usize> {
    let trimmed = body.trim_end().trim_end_matches(['.', '"', '”', '’', '\'']);
    let comma = trimmed.rfind(',')?;
    let tail = trimmed[comma + 1..].trim().to_lowercase();
    let n = tail.split_whitespace().count();
    let saying = tail.split_whitespace().any(|w| SAYING.contains(&w));
    if tail.starts_with("according to") || (saying && n <= MAX_TRAILING_ATTRIBUTION_WORDS) {
        Some(comma)
    } else {
        None
    }
}

/// The text without parenthetical asides "( … )" and "[ … ]".
fn drop_brackets(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    if depth > 0 {
        // Unbalanced: keep the text as it was.
        return s.to_string();
    }
    // Collapse the doubled spaces a removal leaves.
    let mut tidy = String::with_capacity(out.len());
    for c in out.chars() {
        if c == ' ' && (tidy.ends_with(' ') || tidy.is_empty()) {
            continue;
        }
        if matches!(c, ',' | '.' | ';') && tidy.ends_with(' ') {
            tidy.pop();
        }
        tidy.push(c);
    }
    tidy
}

/// A long summary cut at its first clause boundary after
/// [`MIN_SUMMARY_BYTES`], or at a word boundary near
/// [`MAX_SUMMARY_BYTES`] with an ellipsis.
fn cut_long(s: &str) -> String {
    for (at, c) in s.char_indices() {
        if at < MIN_SUMMARY_BYTES {
            continue;
        }
        if at > MAX_SUMMARY_BYTES {
            break;
        }
        if matches!(c, ',' | ';' | '—' | '–' | ':') {
            return s[..at].to_string();
        }
    }
    let end = sentence::floor(s, MAX_SUMMARY_BYTES);
    let end = s[..end].rfind(' ').unwrap_or(end);
    format!("{}…", &s[..end])
}

/// `s` without an opening quote that is never closed.
fn strip_lone_quote(s: &str) -> &str {
    for (open, close) in [('“', '”'), ('"', '"'), ('‘', '’')] {
        if let Some(rest) = s.strip_prefix(open) {
            if !rest.contains(close) {
                return rest.trim_start();
            }
        }
    }
    s
}

/// Byte spans of the words (letter or digit runs) of `s`.
fn word_spans(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, c) in s.char_indices() {
        let word = c.is_alphanumeric() || c == '\'' || c == '’';
        match (word, start) {
            (true, None) => start = Some(at),
            (false, Some(st)) => {
                out.push((st, at));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, s.len()));
    }
    out
}

// ---------------------------------------------------------------- counts

/// Counted things, with the key they are compared under. Casualty words
/// come first: "killed 25 fighters" counts the killed, not the fighters.
const COUNTED: &[(&str, &str)] = &[
    ("killed", "killed"),
    ("killing", "killed"),
    ("dead", "killed"),
    ("died", "killed"),
    ("deaths", "killed"),
    ("wounded", "wounded"),
    ("wounding", "wounded"),
    ("injured", "wounded"),
    ("injuring", "wounded"),
    ("injuries", "wounded"),
    ("hurt", "wounded"),
    ("arrested", "arrested"),
    ("detained", "arrested"),
    ("missing", "missing"),
    ("troops", "troops"),
    ("soldiers", "troops"),
    ("marines", "troops"),
    ("forces", "troops"),
    ("protesters", "protesters"),
    ("demonstrators", "protesters"),
    ("people", "people"),
    ("civilians", "civilians"),
    ("fighters", "fighters"),
    ("militants", "fighters"),
    ("militiamen", "fighters"),
    ("rockets", "rockets"),
    ("missiles", "rockets"),
    ("strikes", "strikes"),
    ("airstrikes", "strikes"),
];

/// Words that qualify a number and belong to its written value.
const QUALIFIERS: &[&str] = &[
    "at least",
    "upwards of",
    "more than",
    "over",
    "about",
    "around",
    "approximately",
    "nearly",
    "almost",
    "up to",
    "some",
    "roughly",
    "an estimated",
    "fewer than",
    "less than",
];

/// Number words read as values.
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("twenty", 20.0),
    ("dozen", 12.0),
    ("dozens", 24.0),
    ("hundreds", 200.0),
    ("thousands", 2000.0),
];

/// A counted thing is found at most this many words from its number.
const COUNT_REACH_WORDS: usize = 3;

/// The counted numbers of a sentence: "25 dead", "wounded 55", "at least
/// 25 fighters". A casualty word on either side wins over a noun.
fn counts(sentence: &str) -> Vec<Count> {
    let spans = word_spans(sentence);
    let words: Vec<String> = spans.iter().map(|&(s, e)| sentence[s..e].to_lowercase()).collect();
    let mut out: Vec<Count> = Vec::new();
    for (k, w) in words.iter().enumerate() {
        let Some(value) = number_value(w, &sentence[spans[k].0..]) else { continue };
        let key_at = |j: usize| COUNTED.iter().find(|(word, _)| words[j] == *word).map(|(_, k)| *k);
        // The reach stops at a conjunction: in "25 fighters and wounded
        // 55" the "wounded" belongs to the 55.
        let stop = |j: usize| matches!(words[j].as_str(), "and" | "or" | "but" | "while");
        let after: Vec<(usize, &str)> = (k + 1..(k + 1 + COUNT_REACH_WORDS).min(words.len()))
            .take_while(|&j| !stop(j))
            .filter_map(|j| key_at(j).map(|key| (j, key)))
            .collect();
        let before: Vec<(usize, &str)> = (k.saturating_sub(COUNT_REACH_WORDS)..k)
            .rev()
            .take_while(|&j| !stop(j))
            .filter_map(|j| key_at(j).map(|key| (j, key)))
            .collect();
        let casualty = |key: &str| matches!(key, "killed" | "wounded" | "arrested" | "missing");
        // A casualty word right after ("25 dead") or before ("killed at
        // least 25"), else the counted noun after ("750 soldiers").
        let what = after
            .iter()
            .find(|(_, key)| casualty(key))
            .or_else(|| before.iter().find(|(_, key)| casualty(key)))
            .or_else(|| after.first())
            .map(|(_, key)| key.to_string());
        let Some(what) = what else { continue };
        // Keep a qualifier written just before the number.
        let before_text = sentence[..spans[k].0].trim_end().to_lowercase();
        let qualifier = QUALIFIERS.iter().find(|q| before_text.ends_with(*q));
        let start = match qualifier {
            Some(q) => sentence[..spans[k].0].trim_end().len().saturating_sub(q.len()),
            None => spans[k].0,
        };
        let text = sentence.get(start..spans[k].1).unwrap_or(&words[k]).to_string();
        if !out.iter().any(|c| c.what == what) {
            out.push(Count { what, value, text });
        }
    }
    out
}

/// The value of a number word or numeral ("25", "4,000", "five").
fn number_value(word: &str, rest: &str) -> Option<f64> {
    if word.chars().all(|c| c.is_ascii_digit()) {
        // Take "4,000" whole.
        let digits: String = rest
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ',')
            .filter(|c| c.is_ascii_digit())
            .collect();
        return digits.parse().ok();
    }
    NUMBER_WORDS.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

// ------------------------------------------------------------- clustering

/// True when two dates may be one event's (see the module docs).
fn dates_fit(a: Option<&Resolved>, b: Option<&Resolved>) -> bool {
    let (Some(a), Some(b)) = (a, b) else { return false };
    match (a.granularity, b.granularity) {
        (Granularity::Day, Granularity::Day) => {
            let gap = (a.start - b.start).get_days().abs() as i64;
            gap <= DATE_SLACK_DAYS
        }
        (Granularity::Month, Granularity::Month) | (Granularity::Year, Granularity::Year) => {
            a.value == b.value
        }
        _ => false,
    }
}

/// Whether a shared entity says something about which event two reports
/// tell: a person, an organisation or a facility does; a place, a group or
/// a number is shared by nearly every sentence of a story ("US", "Iraqi")
/// and says nothing.
fn is_specific(id: &str) -> bool {
    ["person:", "org:", "facility:"].iter().any(|p| id.starts_with(p))
}

/// How similar two mentions are, or `None` when they cannot be one event.
fn similarity(a: &Candidate, b: &Candidate) -> Option<f64> {
    if !dates_fit(a.source.date.as_ref(), b.source.date.as_ref()) {
        return None;
    }
    // One sentence never tells two of one article's events at once, but the
    // same article may tell an event twice (lede and body).
    let shared = a.stems.shared(&b.stems);
    if shared < MIN_SHARED_STEMS {
        return None;
    }
    let union = (a.stems.len() + b.stems.len() - shared).max(1);
    let jaccard = shared as f64 / union as f64;
    let shared_entity = a.entities.iter().any(|e| is_specific(e) && b.entities.contains(e));
    let shared_count =
        a.counts.iter().any(|x| b.counts.iter().any(|y| x.what == y.what && x.value == y.value));
    let needed =
        if shared_entity || shared_count { MIN_SIMILARITY_WITH_SHARED } else { MIN_SIMILARITY };
    let overlap = shared as f64 / a.stems.len().min(b.stems.len()).max(1) as f64;
    let contained = shared >= MIN_OVERLAP_SHARED_STEMS && overlap >= MIN_OVERLAP;
    // A containment link ranks below an equal Jaccard one: overlap of a
    // short sentence is cheaper than overlap of two whole ones.
    (jaccard >= needed || contained).then_some(jaccard.max(overlap * CONTAINMENT_WEIGHT))
}

/// Each mention is compared with at most this many mentions after it in
/// date order (a pathological text with thousands of same-day sentences
/// stays fast; real corpora never reach it).
pub const MAX_COMPARISONS_PER_MENTION: usize = 400;

/// Groups mentions into events. Every pair of mentions whose dates fit
/// and whose words are similar enough is a link; links are taken strongest
/// first, and two groups merge only when every date of one fits every date
/// of the other (so a chain of one-day gaps never spreads an event over a
/// week) and no sentence would be two sources of one event.
fn cluster(mentions: &[Candidate]) -> Vec<Vec<usize>> {
    // Mentions in date order, so each one is compared only with those whose
    // dates can fit (a window of a few days, or the same month or year).
    let mut order: Vec<usize> = (0..mentions.len()).collect();
    let start = |i: usize| mentions[i].source.date.as_ref().map(|d| d.start);
    order.sort_by_key(|&i| (start(i), i));
    let mut links: Vec<(f64, usize, usize)> = Vec::new();
    for (x, &i) in order.iter().enumerate() {
        let a = &mentions[i];
        for &j in order[x + 1..].iter().take(MAX_COMPARISONS_PER_MENTION) {
            let b = &mentions[j];
            if let (Some(da), Some(db)) = (a.source.date.as_ref(), b.source.date.as_ref()) {
                let gap = (db.start - da.start).get_days() as i64;
                if gap > DATE_SLACK_DAYS && da.granularity == Granularity::Day {
                    break;
                }
            }
            if let Some(score) = similarity(a, b) {
                links.push((score, i.min(j), i.max(j)));
            }
        }
    }
    links.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    // Each group keeps what the merge test needs: its granularity, its
    // earliest and latest start, and its sentences.
    struct Group {
        granularity: Option<Granularity>,
        first: Option<Date>,
        last: Option<Date>,
        sentences: BTreeSet<(usize, Span)>,
    }
    let mut group: Vec<usize> = (0..mentions.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..mentions.len()).map(|i| vec![i]).collect();
    let mut groups: Vec<Group> = mentions
        .iter()
        .map(|m| Group {
            granularity: m.source.date.as_ref().map(|d| d.granularity),
            first: m.source.date.as_ref().map(|d| d.start),
            last: m.source.date.as_ref().map(|d| d.start),
            sentences: BTreeSet::from([(m.source.article, m.source.span)]),
        })
        .collect();
    for (_, i, j) in links {
        let (mut gi, mut gj) = (group[i], group[j]);
        if gi == gj {
            continue;
        }
        // The smaller group moves into the larger one.
        if members[gi].len() < members[gj].len() {
            std::mem::swap(&mut gi, &mut gj);
        }
        let (a, b) = (&groups[gi], &groups[gj]);
        let (Some(first), Some(last)) = (a.first.min(b.first), a.last.max(b.last)) else {
            continue;
        };
        let fits = a.granularity == b.granularity
            && match a.granularity {
                Some(Granularity::Day) => (last - first).get_days() as i64 <= DATE_SLACK_DAYS,
                _ => first == last,
            }
            && b.sentences.iter().all(|x| !a.sentences.contains(x));
        if !fits {
            continue;
        }
        let moved = std::mem::take(&mut members[gj]);
        for &y in &moved {
            group[y] = gi;
        }
        members[gi].extend(moved);
        let taken = std::mem::take(&mut groups[gj].sentences);
        let target = &mut groups[gi];
        target.sentences.extend(taken);
        target.first = Some(first);
        target.last = Some(last);
    }
    let mut clusters: Vec<Vec<usize>> = members.into_iter().filter(|m| !m.is_empty()).collect();
    for c in &mut clusters {
        c.sort_by_key(|&i| (mentions[i].source.article, mentions[i].source.span.start));
    }
    clusters
}

/// An undated sentence joins an event when its stemmed words reach this
/// Jaccard similarity with one of the event's sources in another article
/// (stricter than for dated mentions, as no date supports it) ...
pub const MIN_UNDATED_SIMILARITY: f64 = 0.35;

/// ... or when it gives the same count of the same thing ("25 dead",
/// "killed at least 25") and shares this many stems besides.
pub const MIN_UNDATED_SHARED_STEMS: usize = 2;

/// Adds to the events the sentences that tell them without a date of
/// their own ("The strikes … left 25 dead and upwards of 50 wounded"), so
/// their details can be compared. Such a sentence never starts an event,
/// and joins the one event it is most similar to.
///
/// A sentence is only compared with the dated mentions that can pass the
/// test (see [`UndatedIndex`]), so a corpus of thousands of articles that
/// repeat one another's sentences stays linear in practice.
fn attach_undated(
    words: &mut Words,
    index: &UndatedIndex,
    mentions: &[Candidate],
    owner: &[Option<usize>],
    (at_article, article, times, ents): (
        usize,
        &Article,
        &[TimeMention],
        &[crate::entities::Mention],
    ),
    joins: &mut Vec<(usize, Candidate)>,
) {
    let dated: Vec<Span> = times.iter().map(|m| m.span).collect();
    for p in &article.paragraphs {
        let sentences = Sentences::new(&p.text);
        let mut at = 0;
        while at < p.text.len() {
            let s = sentences.around(at);
            at = s.end.max(at + 1);
            let raw = s.of(&p.text);
            let lead = raw.len() - raw.trim_start().len();
            let end = s.start + raw.trim_end().len();
            let local = Span::new((s.start + lead).min(end), end);
            if local.is_empty() {
                continue;
            }
            let span = Span::new(p.span.start + local.start, p.span.start + local.end);
            if dated.iter().any(|d| span.overlaps(*d)) {
                continue;
            }
            let stems = words.stems_outside(&p.text, local, &[]);
            if stems.len() < MIN_EVENT_WORDS {
                continue;
            }
            let sentence_text = local.of(&p.text);
            let sentence_counts = counts(sentence_text);
            let Some(k) = index.best_event(mentions, owner, at_article, &stems, &sentence_counts)
            else {
                continue;
            };
            let mut e: Vec<EntityId> =
                ents.iter().filter(|e| span.contains(e.span)).map(|e| e.entity.clone()).collect();
            e.sort();
            e.dedup();
            joins.push((
                k,
                Candidate {
                    counts: sentence_counts,
                    source: EventSource {
                        article: at_article,
                        file: article.file.clone(),
                        span,
                        summary: summarize(&p.text, local, local.start..local.start),
                        sentence: sentence_text.to_string(),
                        date_text: None,
                        date: None,
                    },
                    stems,
                    entities: e,
                },
            ));
        }
    }
}

/// A stem or count that more than this many distinct dated sentences
/// share is, for finding what an undated sentence may join, a stop word of
/// the corpus ("embassy" in ten thousand articles about one storming): the
/// sentence is found through its rarer stems instead, and still scored on
/// all of them. Below this size nothing is skipped, so small corpora get
/// the exact answer.
pub const MAX_WALKED_ENTRIES: usize = 64;

/// An undated sentence is scored against at most about this many distinct
/// dated sentences, those sharing its rarest words first. Only a corpus
/// that repeats one template thousands of times reaches it.
pub const MAX_UNDATED_CANDIDATES: usize = 64;

/// The dated mentions, indexed so that an undated sentence meets only
/// those it may join.
///
/// Mentions with the same stems are one entry (syndicated copies repeat
/// whole sentences). An entry is found either through a shared count of a
/// shared thing, or through a shared stem among the first few of its stems
/// in corpus order, rarest first: two sets whose Jaccard similarity reaches
/// [`MIN_UNDATED_SIMILARITY`] always share a stem within those first few
/// ("prefix filtering", Chaudhuri et al. 2006), so nothing that could join
/// is missed, and the story's common words (see [`MAX_WALKED_ENTRIES`])
/// are never walked.
struct UndatedIndex {
    entries: Vec<Entry>,
    /// How many entries hold each stem.
    frequency: HashMap<u32, usize>,
    /// Entries by the stems of their prefix.
    by_prefix: HashMap<u32, Vec<usize>>,
    /// Entries by the counts their mentions give.
    by_count: HashMap<CountKey, Vec<usize>>,
    /// A number for each thing counted ("killed", "troops").
    things: HashMap<String, u32>,
}

/// A count as a key: the thing counted (numbered) and the value's bits.
type CountKey = (u32, u64);

/// One distinct stem set of the dated mentions.
struct Entry {
    stems: StemSet,
    /// The mentions with these stems, in ascending order.
    members: Vec<usize>,
    /// The first of them to give each count.
    counted: HashMap<CountKey, usize>,
}

impl UndatedIndex {
    fn new(mentions: &[Candidate]) -> UndatedIndex {
        let mut entry_of: HashMap<&StemSet, usize> = HashMap::new();
        let mut entries: Vec<Entry> = Vec::new();
        let mut things: HashMap<String, u32> = HashMap::new();
        for (i, m) in mentions.iter().enumerate() {
            if m.source.date.is_none() {
                continue;
            }
            let e = *entry_of.entry(&m.stems).or_insert_with(|| {
                entries.push(Entry {
                    stems: m.stems.clone(),
                    members: Vec::new(),
                    counted: HashMap::new(),
                });
                entries.len() - 1
            });
            entries[e].members.push(i);
            for c in &m.counts {
                let next = things.len() as u32;
                let thing = *things.entry(c.what.clone()).or_insert(next);
                entries[e].counted.entry((thing, c.value.to_bits())).or_insert(i);
            }
        }
        let mut frequency: HashMap<u32, usize> = HashMap::new();
        for entry in &entries {
            for s in entry.stems.iter() {
                *frequency.entry(s).or_insert(0) += 1;
            }
        }
        let mut index = UndatedIndex {
            entries,
            frequency,
            by_prefix: HashMap::new(),
            by_count: HashMap::new(),
            things,
        };
        for (e, entry) in index.entries.iter().enumerate() {
            for s in index.prefix(&entry.stems) {
                index.by_prefix.entry(s).or_default().push(e);
            }
            for &key in entry.counted.keys() {
                index.by_count.entry(key).or_default().push(e);
            }
        }
        index
    }

    /// The key of a count, if a dated mention counts the same thing.
    fn count_key(&self, c: &Count) -> Option<CountKey> {
        Some((*self.things.get(c.what.as_str())?, c.value.to_bits()))
    }

    /// The rarest stems of a set, as many as a set of its size must share
    /// with any set it is [`MIN_UNDATED_SIMILARITY`]-similar to.
    fn prefix(&self, stems: &StemSet) -> Vec<u32> {
        let mut order: Vec<u32> = stems.iter().collect();
        order.sort_by_key(|s| (self.frequency.get(s).copied().unwrap_or(0), *s));
        // A set this size shares at least `t * len` stems with any set it is
        // t-similar to, so its `len - ceil(t * len) + 1` rarest stems hold
        // one of them (the epsilon keeps rounding on the safe, longer side).
        let least_shared = ((MIN_UNDATED_SIMILARITY - 1e-9) * stems.len() as f64).ceil() as usize;
        let keep = stems.len() - least_shared + 1;
        order.truncate(keep.min(stems.len()));
        order
    }

    /// The event (cluster number) an undated sentence of article `article`
    /// joins: the one of the most similar dated mention that it may join
    /// (the earliest such mention on a tie), if any.
    fn best_event(
        &self,
        mentions: &[Candidate],
        owner: &[Option<usize>],
        article: usize,
        stems: &StemSet,
        sentence_counts: &[Count],
    ) -> Option<usize> {
        // Counts first, then stems rarest first, until enough are found.
        let mut found: BTreeSet<usize> = BTreeSet::new();
        let prefix = self.prefix(stems);
        let lists = sentence_counts
            .iter()
            .filter_map(|c| self.by_count.get(&self.count_key(c)?))
            .chain(prefix.iter().filter_map(|s| self.by_prefix.get(s)));
        for list in lists.filter(|l| l.len() <= MAX_WALKED_ENTRIES) {
            if found.len() >= MAX_UNDATED_CANDIDATES {
                break;
            }
            found.extend(list.iter().copied());
        }
        // (similarity, mention, event), best first.
        let mut best: Option<(f64, usize, usize)> = None;
        for e in found {
            let Entry { stems: other, members, counted } = &self.entries[e];
            let n = stems.shared(other);
            if n < MIN_UNDATED_SHARED_STEMS {
                continue;
            }
            let union = (stems.len() + other.len() - n).max(1);
            let jaccard = n as f64 / union as f64;
            if best.is_some_and(|(b, _, _)| jaccard < b) {
                continue;
            }
            let similar = jaccard >= MIN_UNDATED_SIMILARITY && n >= MIN_OVERLAP_SHARED_STEMS;
            // The earliest mention the sentence may join: one of another
            // article when they are similar, or one giving the same count
            // of the same thing (within one article only that ties a
            // sentence to an event: its other sentences share its topic
            // words anyway).
            let by_words = similar
                .then(|| members.iter().copied().find(|&i| mentions[i].source.article != article))
                .flatten();
            let by_count = sentence_counts
                .iter()
                .filter_map(|c| counted.get(&self.count_key(c)?))
                .min()
                .copied();
            let Some(i) = by_words.into_iter().chain(by_count).min() else { continue };
            if owner[i].is_none() {
                continue;
            }
            let better = match best {
                None => true,
                Some((b, bi, _)) => jaccard > b || (jaccard == b && i < bi),
            };
            if better {
                best = Some((jaccard, i, owner[i].expect("checked above")));
            }
        }
        best.map(|(_, _, k)| k)
    }
}

/// The event of one cluster.
fn build_event(mentions: &[Candidate], members: &[usize]) -> Option<Event> {
    let sources: Vec<&Candidate> = members.iter().map(|&i| &mentions[i]).collect();
    // The date most sources give; the earliest on a tie.
    let mut votes: BTreeMap<(Date, String), (usize, Resolved)> = BTreeMap::new();
    for c in &sources {
        let Some(d) = c.source.date.as_ref() else { continue };
        votes.entry((d.start, d.value.clone())).or_insert((0, d.clone())).0 += 1;
    }
    let date = votes
        .values()
        .fold(None::<&(usize, Resolved)>, |best, v| match best {
            Some(b) if b.0 >= v.0 => Some(b),
            _ => Some(v),
        })
        .map(|(_, r)| r.clone())?;
    // The summary of the most central dated source: the one sharing most
    // words with the others (an outlier that joined on a few shared words
    // never speaks for the event); more content words on a tie.
    let centrality = |c: &Candidate| -> usize {
        sources.iter().filter(|o| !std::ptr::eq(**o, c)).map(|o| c.stems.shared(&o.stems)).sum()
    };
    let summary = sources
        .iter()
        .filter(|c| c.source.date.is_some())
        .max_by_key(|c| (centrality(c), c.stems.len(), std::cmp::Reverse(c.source.summary.len())))
        .map(|c| c.source.summary.clone())
        .unwrap_or_default();
    let mut tally: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &sources {
        for e in &c.entities {
            *tally.entry(e).or_insert(0) += 1;
        }
    }
    let mut entities: Vec<(&str, usize)> = tally.into_iter().collect();
    entities.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let entities = entities.into_iter().map(|(e, _)| e.to_string()).collect();
    let mut conflicts = Vec::new();
    if votes.len() > 1 {
        conflicts.push(Conflict {
            kind: ConflictKind::Date,
            what: "date".to_string(),
            values: sources
                .iter()
                .filter_map(|c| {
                    let (text, date) = (c.source.date_text.as_ref()?, c.source.date.as_ref()?);
                    Some(ConflictValue {
                        article: c.source.article,
                        file: c.source.file.clone(),
                        value: format!("{text} ({})", date.value),
                    })
                })
                .collect(),
        });
    }
    let mut whats: Vec<&str> = Vec::new();
    for c in &sources {
        for n in &c.counts {
            if !whats.contains(&n.what.as_str()) {
                whats.push(&n.what);
            }
        }
    }
    for what in whats {
        let values: Vec<(&Candidate, &Count)> = sources
            .iter()
            .filter_map(|c| c.counts.iter().find(|n| n.what == what).map(|n| (*c, n)))
            .collect();
        let first = values[0].1.value;
        if values.iter().any(|(_, n)| n.value != first) {
            conflicts.push(Conflict {
                kind: ConflictKind::Number,
                what: what.to_string(),
                values: values
                    .iter()
                    .map(|(c, n)| ConflictValue {
                        article: c.source.article,
                        file: c.source.file.clone(),
                        value: n.text.clone(),
                    })
                    .collect(),
            });
        }
    }
    let id = slug(&date.value, &summary);
    Some(Event {
        id,
        precision: date.granularity,
        date,
        summary,
        entities,
        sources: sources.iter().map(|c| c.source.clone()).collect(),
        conflicts,
    })
}

/// Words of an event id after its date.
const SLUG_WORDS: usize = 4;

/// A stable id: the date value (with `/` as `--`) and the summary's first
/// content words, lower-case ASCII.
fn slug(value: &str, summary: &str) -> String {
    let mut id = value.replace('/', "--");
    let mut n = 0;
    for (s, e) in word_spans(summary) {
        let w = summary[s..e].to_lowercase();
        if w.chars().count() < MIN_WORD_CHARS || STOPWORDS.contains(&w.as_str()) {
            continue;
        }
        let ascii: String = w.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
        if ascii.is_empty() {
            continue;
        }
        id.push('-');
        id.push_str(&ascii);
        n += 1;
        if n == SLUG_WORDS {
            break;
        }
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Prefix filtering loses nothing: two stem sets similar enough to
        /// join always share a stem of their prefixes, whatever the corpus
        /// frequencies that order them.
        #[test]
        fn similar_sets_share_a_prefix_stem(
            x in proptest::collection::btree_set(0u32..24, 1..14),
            y in proptest::collection::btree_set(0u32..24, 1..14),
            freq in proptest::collection::vec(0usize..50, 24),
        ) {
            let index = UndatedIndex {
                entries: Vec::new(),
                frequency: freq.iter().enumerate().map(|(i, &f)| (i as u32, f)).collect(),
                by_prefix: HashMap::new(),
                by_count: HashMap::new(),
                things: HashMap::new(),
            };
            let (x, y) = (StemSet::new(x.into_iter().collect()), StemSet::new(y.into_iter().collect()));
            let n = x.shared(&y);
            let jaccard = n as f64 / (x.len() + y.len() - n) as f64;
            if jaccard >= MIN_UNDATED_SIMILARITY {
                let (px, py) = (index.prefix(&x), index.prefix(&y));
                prop_assert!(px.iter().any(|s| py.contains(s)), "{x:?} {y:?} {px:?} {py:?}");
            }
        }

        /// `shared` counts the common members of two sets.
        #[test]
        fn shared_counts_the_intersection(
            x in proptest::collection::btree_set(0u32..40, 0..20),
            y in proptest::collection::btree_set(0u32..40, 0..20),
        ) {
            let expected = x.intersection(&y).count();
            let (x, y) = (StemSet::new(x.into_iter().collect()), StemSet::new(y.into_iter().collect()));
            prop_assert_eq!(x.shared(&y), expected);
        }
    }

    #[test]
    fn inflections_meet_at_one_stem() {
        let s = Stemmer::create(Algorithm::English);
        assert_eq!(stem(&s, "stormed"), stem(&s, "storming"));
        assert_eq!(stem(&s, "Protesters"), stem(&s, "protester"));
        assert_eq!(stem(&s, "strikes"), stem(&s, "strike"));
    }

    #[test]
    fn casualty_words_decide_what_is_counted() {
        let c = counts("The strikes left 25 dead and upwards of 50 wounded.");
        assert_eq!(c[0].what, "killed");
        assert_eq!(c[1].what, "wounded");
        assert_eq!(c[1].text, "upwards of 50");
        let c = counts("killed at least 25 fighters and wounded 55.");
        assert_eq!(c[0].what, "killed");
        assert_eq!(c[0].text, "at least 25");
        assert_eq!(c[1].what, "wounded");
        assert_eq!(c[1].value, 55.0);
    }

    #[test]
    fn place_datelines_and_leading_conjunctions_leave_the_summary() {
        let text =
            "HARBOUR CITY – Dock workers walked off the job at the container port on Monday.";
        let s = summarize(text, Span::new(0, text.len()), 69..78);
        assert_eq!(s, "Dock workers walked off the job at the container port on Monday");
        let text = "and then the dock workers walked off the job at the container port on Monday";
        let s = summarize(text, Span::new(0, text.len()), 67..76);
        assert!(s.starts_with("the dock workers"), "{s}");
    }

    #[test]
    fn a_date_in_the_speakers_relative_clause_keeps_that_clause() {
        let text = "The minister, who resigned from the cabinet in early May, told reporters that the party would split.";
        let date = text.find("in early May").unwrap_or(0);
        let s = summarize(text, Span::new(0, text.len()), date..date + 12);
        assert_eq!(s, "The minister, who resigned from the cabinet in early May");
    }

    #[test]
    fn a_live_blog_time_stamp_leaves_the_summary() {
        let text = "20:40 GMT Turnout was higher than at the last election in almost every region.";
        let s = summarize(text, Span::new(0, text.len()), 0..9);
        assert_eq!(s, "Turnout was higher than at the last election in almost every region");
    }

    #[test]
    fn qualifiers_after_case_changing_letters_never_panic() {
        let c = counts("İİİİ at least 25 killed");
        assert_eq!(c[0].value, 25.0);
    }

    #[test]
    fn parentheticals_are_dropped() {
        assert_eq!(drop_brackets("the Popular Forces (PMF) marched"), "the Popular Forces marched");
        assert_eq!(drop_brackets("an open ( bracket"), "an open ( bracket");
    }

    #[test]
    fn attributions_are_dropped_from_summaries() {
        let text = "The Pentagon said on Tuesday that two rockets hit the base near the airport, officials said.";
        let s = summarize(text, Span::new(0, text.len()), 18..28);
        assert_eq!(s, "two rockets hit the base near the airport");
    }
}
