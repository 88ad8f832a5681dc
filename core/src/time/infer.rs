//! Publication dates inferred from the corpus, for articles that state none.
//!
//! The evidence, strongest first:
//!
//! 1. **Weekdays shared with dated articles.** An undated article says
//!    "on Tuesday" in a sentence that shares content words with a sentence
//!    of a dated article whose mention resolves to a Tuesday (the same
//!    attack, told twice). That pins the undated article's week; within it,
//!    the date chosen is the earliest one that makes the weekdays it names
//!    (in past context) lie closest together, as news names the last few
//!    days before it.
//! 2. **Dates it mentions.** The latest full date it reports in the past is
//!    a lower bound (a month or a year alone is too loose to give a date). A date without a year ("December 31st") takes its year
//!    from dated articles that mention the same day, or else, more weakly,
//!    from the nearest dated article of the corpus when that is less than
//!    half a year later.
//!
//! With no evidence the answer is `None`: nothing is invented. Every
//! inference is marked as such by the caller and never shown as stated.

use super::resolve::{long, weekday_name};
use super::scan::{Shift, What};
use super::sentence::Tense;
use super::{find_times_detailed, AnchorKind, Detail, Granularity, TimeMention, TimexKind};
use crate::ingest::Article;
use crate::span::Span;
use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use std::collections::{BTreeMap, BTreeSet};

/// Two sentences tell the same event when they share at least this many
/// content words.
const MIN_SHARED_WORDS: usize = 2;

/// A year-less date borrows the year of the nearest dated article only
/// when that article is at most this many days later.
const CORPUS_YEAR_WINDOW_DAYS: i64 = 183;

/// A weekday in past context lies at most this many days before the
/// article's date.
const WEEK_DAYS: i32 = 6;

/// Content words shorter than this are ignored when comparing sentences.
const MIN_WORD_LEN: usize = 4;

/// Function words that say nothing about which event a sentence tells.
const STOPWORDS: &[&str] = &[
    "about",
    "above",
    "after",
    "again",
    "against",
    "also",
    "although",
    "among",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "could",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "early",
    "earlier",
    "either",
    "even",
    "from",
    "further",
    "have",
    "having",
    "here",
    "into",
    "just",
    "late",
    "later",
    "least",
    "like",
    "many",
    "more",
    "most",
    "much",
    "must",
    "near",
    "only",
    "other",
    "over",
    "said",
    "same",
    "says",
    "several",
    "should",
    "since",
    "some",
    "such",
    "than",
    "that",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "told",
    "under",
    "until",
    "upon",
    "very",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "will",
    "with",
    "within",
    "would",
    "your",
    "according",
    "added",
    "also",
    "night",
    "morning",
    "afternoon",
    "evening",
    "today",
    "yesterday",
    "week",
    "month",
    "year",
];

/// A publication date worked out from the corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inference {
    /// The inferred date. When only lower bounds are known, it is the
    /// earliest date the article can have.
    pub date: Date,
    /// The reasoning, for the reader.
    pub reason: String,
    /// The mentions in the article the inference rests on.
    pub evidence: Vec<Span>,
}

/// A dated article's mention of one day, with its sentence's words.
struct DatedDay {
    file: String,
    published: Date,
    date: Date,
    words: BTreeSet<String>,
}

/// For each article whose `published` date is unknown, a date inferred
/// from the corpus (see the module docs); `None` for dated articles and
/// where evidence is absent.
pub fn infer_published(articles: &[Article]) -> Vec<Option<Inference>> {
    if articles.iter().all(|a| a.published.date.is_some()) {
        return vec![None; articles.len()];
    }
    let mut evidence = PublicationEvidence::default();
    for a in articles {
        evidence.add(a);
    }
    let corpus = evidence.finish();
    articles.iter().map(|a| corpus.infer(a)).collect()
}

/// [`infer_published`] one article at a time, for a caller that must stay
/// responsive between articles: [`add`](PublicationEvidence::add) every article in
/// corpus order, [`finish`](PublicationEvidence::finish), then
/// [`infer`](DatedCorpus::infer) each one. The result is exactly
/// [`infer_published`]'s.
#[derive(Default)]
pub struct PublicationEvidence {
    /// Every day the dated articles mention, with its sentence's words.
    dated_days: Vec<DatedDay>,
    /// Each publication date once, with its first article (number, file).
    dated: BTreeMap<Date, (usize, String)>,
    /// How many articles were added.
    added: usize,
}

impl PublicationEvidence {
    /// Reads the next article: a dated one's days become evidence.
    pub fn add(&mut self, a: &Article) {
        let i = self.added;
        self.added += 1;
        let Some(p) = a.published.date else { return };
        self.dated.entry(p).or_insert_with(|| (i, a.file.clone()));
        for (m, d) in find_times_detailed(a, Some(p), AnchorKind::Published) {
            let Some(r) = m.resolved.as_ref().filter(|r| r.granularity == Granularity::Day) else {
                continue;
            };
            self.dated_days.push(DatedDay {
                file: a.file.clone(),
                published: p,
                date: r.start,
                words: content_words(&d.sentence),
            });
        }
    }

    /// Indexes the evidence for [`DatedCorpus::infer`].
    pub fn finish(self) -> DatedCorpus {
        let PublicationEvidence { dated_days, dated, .. } = self;
        let mut by_day: BTreeMap<(i8, i8), Vec<usize>> = BTreeMap::new();
        let mut slot: BTreeMap<(Date, &BTreeSet<String>), usize> = BTreeMap::new();
        let mut distinct: Vec<usize> = Vec::new();
        for (i, d) in dated_days.iter().enumerate() {
            by_day.entry((d.date.month(), d.date.day())).or_default().push(i);
            match slot.get(&(d.date, &d.words)) {
                Some(&k) => distinct[k] = i,
                None => {
                    slot.insert((d.date, &d.words), distinct.len());
                    distinct.push(i);
                }
            }
        }
        drop(slot);
        let mut by_weekday_word: [BTreeMap<String, Vec<u32>>; 7] = Default::default();
        for (k, &i) in distinct.iter().enumerate() {
            let d = &dated_days[i];
            let day = d.date.weekday().to_monday_zero_offset() as usize;
            for w in &d.words {
                by_weekday_word[day].entry(w.clone()).or_default().push(k as u32);
            }
        }
        DatedCorpus { dated_days, dated, by_day, distinct, by_weekday_word }
    }
}

/// The dated articles' days, indexed so that each undated article looks
/// only at those it can share (a corpus of thousands of articles never
/// compares every undated article with every dated one).
pub struct DatedCorpus {
    dated_days: Vec<DatedDay>,
    /// The publication dates, each with its first article (number, file).
    dated: BTreeMap<Date, (usize, String)>,
    /// `dated_days` (by place) by (month, day).
    by_day: BTreeMap<(i8, i8), Vec<usize>>,
    /// The distinct (date, words) of `dated_days`, each as the place of its
    /// last copy: syndicated copies repeat whole sentences.
    distinct: Vec<usize>,
    /// For each weekday (from Monday), the `distinct` entries of that
    /// weekday holding each word.
    by_weekday_word: [BTreeMap<String, Vec<u32>>; 7],
}

impl DatedCorpus {
    /// The publication date inferred for `a`; `None` when it states one or
    /// evidence is absent.
    pub fn infer(&self, a: &Article) -> Option<Inference> {
        match a.published.date {
            Some(_) => None,
            None => infer_one(a, self),
        }
    }

    /// The dated day on weekday `day` whose sentence shares most words
    /// with `words` (at least [`MIN_SHARED_WORDS`]); the latest date on a
    /// tie, then the last one. With the shared words.
    fn best_weekday(
        &self,
        day: Weekday,
        words: &BTreeSet<String>,
    ) -> Option<(&DatedDay, Vec<String>)> {
        let postings = &self.by_weekday_word[day.to_monday_zero_offset() as usize];
        let mut shared: BTreeMap<u32, usize> = BTreeMap::new();
        for w in words {
            for &k in postings.get(w.as_str()).into_iter().flatten() {
                *shared.entry(k).or_insert(0) += 1;
            }
        }
        let (k, _) =
            shared.into_iter().filter(|&(_, n)| n >= MIN_SHARED_WORDS).max_by_key(|&(k, n)| {
                let last = self.distinct[k as usize];
                (n, std::cmp::Reverse(self.dated_days[last].date), last)
            })?;
        let d = &self.dated_days[self.distinct[k as usize]];
        Some((d, words.intersection(&d.words).cloned().collect()))
    }
}

/// A lower bound on the publication date, with its reason and evidence.
struct Bound {
    date: Date,
    reason: String,
    span: Span,
}

fn infer_one(a: &Article, corpus: &DatedCorpus) -> Option<Inference> {
    let mentions = find_times_detailed(a, None, AnchorKind::Published);
    let past = |d: &Detail| d.tense != Tense::Future;
    let mut bounds: Vec<Bound> = Vec::new();
    for (m, d) in &mentions {
        if !past(d) {
            continue;
        }
        match (&d.what, &m.resolved) {
            // A date the article writes in full, or one that took its year
            // from a full date before it.
            (What::Date { .. } | What::Numeric { .. }, Some(r)) => bounds.push(Bound {
                date: r.start,
                reason: format!("it reports “{}” ({}) in the past", m.text, long(r.start)),
                span: m.span,
            }),
            // A month or year alone ("in 2003") bounds the date too loosely
            // to show as one: it is left out.
            (What::Date { year: None, month, day, .. }, None) => {
                if let Some(b) = shared_day(m, *month, *day, corpus)
                    .or_else(|| corpus_year(m, *month, *day, &corpus.dated))
                {
                    bounds.push(b);
                }
            }
            _ => {}
        }
    }
    let lower = bounds.iter().max_by_key(|b| b.date);
    if let Some(found) = from_weekdays(&mentions, corpus, lower.map(|b| b.date)) {
        return Some(found);
    }
    let b = lower?;
    Some(Inference {
        date: b.date,
        reason: format!(
            "inferred, not stated: {}, so it was published on or after {} (the earliest date it can have)",
            b.reason,
            long(b.date)
        ),
        evidence: vec![b.span],
    })
}

/// A year-less day that dated articles also mention: the year they give.
fn shared_day(m: &TimeMention, month: i8, day: i8, corpus: &DatedCorpus) -> Option<Bound> {
    let mut votes: BTreeMap<Date, (usize, &str, Date)> = BTreeMap::new();
    for d in corpus.by_day.get(&(month, day)).into_iter().flatten().map(|&i| &corpus.dated_days[i])
    {
        let e = votes.entry(d.date).or_insert((0, &d.file, d.published));
        e.0 += 1;
    }
    let (date, (_, file, published)) =
        votes.into_iter().max_by_key(|(date, (n, ..))| (*n, std::cmp::Reverse(*date)))?;
    Some(Bound {
        date,
        reason: format!(
            "“{}” gives no year, and {} (dated {}) mentions the same day, {}",
            m.text,
            file,
            long(published),
            long(date)
        ),
        span: m.span,
    })
}

/// A year-less day read in the year of the nearest later dated article.
fn corpus_year(
    m: &TimeMention,
    month: i8,
    day: i8,
    dated: &BTreeMap<Date, (usize, String)>,
) -> Option<Bound> {
    // (gap, first article, date, publication date, file): the smallest gap,
    // the earliest article on a tie.
    let mut best: Option<(i64, usize, Date, Date, &str)> = None;
    for (&p, (i, file)) in dated {
        let (i, file) = (*i, file.as_str());
        let candidate = (-1..=0)
            .filter_map(|k| Date::new(p.year().checked_add(k)?, month, day).ok())
            .filter(|c| *c <= p)
            .max()?;
        let gap = p.duration_since(candidate).as_secs() / 86_400;
        if gap <= CORPUS_YEAR_WINDOW_DAYS && best.is_none_or(|(g, j, ..)| (gap, i) < (g, j)) {
            best = Some((gap, i, candidate, p, file));
        }
    }
    let (_, _, date, p, file) = best?;
    Some(Bound {
        date,
        reason: format!(
            "“{}” gives no year and no dated article mentions that day; it is read in the year of the \
             nearest dated article of the corpus, {} (dated {}), which is weaker evidence",
            m.text,
            file,
            long(p)
        ),
        span: m.span,
    })
}

/// Lowercased content words of a sentence, without weekday and month names.
fn content_words(sentence: &str) -> BTreeSet<String> {
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= MIN_WORD_LEN)
        .map(str::to_lowercase)
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .filter(|w| {
            !super::scan::MONTH_NAMES.iter().any(|n| n.eq_ignore_ascii_case(w))
                && !["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
                    .contains(&w.as_str())
        })
        .collect()
}

/// The most recent `day` on or before `p`.
fn on_or_before(p: Date, day: Weekday) -> Option<Date> {
    if p.weekday() == day {
        Some(p)
    } else {
        p.nth_weekday(-1, day).ok()
    }
}

/// A past-context weekday the article names, with its sentence's words.
struct NamedDay {
    day: Weekday,
    text: String,
    span: Span,
    words: BTreeSet<String>,
}

/// Pins the article's week through weekdays it shares with dated
/// articles, then picks the date within it (see the module docs).
fn from_weekdays(
    mentions: &[(TimeMention, Detail)],
    corpus: &DatedCorpus,
    lower: Option<Date>,
) -> Option<Inference> {
    let named: Vec<NamedDay> = mentions
        .iter()
        .filter(|(m, d)| m.kind == TimexKind::Weekday && d.tense != Tense::Future)
        .filter_map(|(m, d)| match d.what {
            What::Weekday { day, shift: Shift::Bare | Shift::This } => Some(NamedDay {
                day,
                text: m.text.clone(),
                span: m.span,
                words: content_words(&d.sentence),
            }),
            _ => None,
        })
        .collect();
    // Each named weekday's best match among the dated articles' days.
    struct Match<'a> {
        named: &'a NamedDay,
        dated: &'a DatedDay,
        shared: Vec<String>,
    }
    let mut matches: Vec<Match> = Vec::new();
    for n in &named {
        if let Some((d, shared)) = corpus.best_weekday(n.day, &n.words) {
            matches.push(Match { named: n, dated: d, shared });
        }
    }
    // The strongest match decides; others must agree with its week.
    let strongest = matches.iter().max_by_key(|m| m.shared.len())?;
    let mut lo = strongest.dated.date;
    let mut hi = strongest.dated.date.checked_add(WEEK_DAYS.days()).ok()?;
    for m in &matches {
        let (a, b) = (m.dated.date, m.dated.date.checked_add(WEEK_DAYS.days()).ok()?);
        if a.max(lo) <= b.min(hi) {
            lo = lo.max(a);
            hi = hi.min(b);
        }
    }
    if let Some(l) = lower {
        if l > hi {
            return None;
        }
        lo = lo.max(l);
    }
    // The earliest date in [lo, hi] that makes the named weekdays closest.
    let mut best: Option<(i64, Date)> = None;
    let mut p = lo;
    while p <= hi {
        let days: Vec<Date> = named.iter().filter_map(|n| on_or_before(p, n.day)).collect();
        if let (Some(first), Some(last)) = (days.iter().min(), days.iter().max()) {
            let spread = last.duration_since(*first).as_secs() / 86_400;
            if best.is_none_or(|(s, _)| spread < s) {
                best = Some((spread, p));
            }
        }
        p = p.tomorrow().ok()?;
    }
    let (_, date) = best?;
    let weekdays: BTreeSet<&str> = named.iter().map(|n| weekday_name(n.day)).collect();
    let weekdays: Vec<&str> = weekdays.into_iter().collect();
    let s = strongest;
    let reason = format!(
        "inferred, not stated: its “{}” tells the same event as {} (dated {}), which places it on {} \
         (shared words: {}); the weekdays it names ({}) lie closest together if it was written on {}",
        s.named.text,
        s.dated.file,
        long(s.dated.published),
        format_args!("{} {}", weekday_name(s.dated.date.weekday()), long(s.dated.date)),
        s.shared.join(", "),
        weekdays.join(", "),
        format_args!("{} {}", weekday_name(date.weekday()), long(date)),
    );
    let mut evidence: Vec<Span> = matches.iter().map(|m| m.named.span).collect();
    evidence.sort();
    evidence.dedup();
    Some(Inference { date, reason, evidence })
}
