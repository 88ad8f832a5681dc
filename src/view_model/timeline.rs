//! The timeline as plain data: which events the URL's filter lets through,
//! how they group by precision, the overview axis with its empty stretches
//! compressed, and conflicts between sources in words.
//!
//! - [`Period`]: an inclusive stretch of days, from an event's date or from
//!   the filter's `after`/`before` (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
//! - [`shown_events`]: the events the filter lets through.
//! - [`groups`]: shown events grouped by day, month or year, in time order;
//!   a month- or year-level event is never put under a day.
//! - [`Axis`]: buckets of days, months or years over a domain, with event
//!   counts, where long runs of empty buckets become one narrow [`Piece::Gap`].
//! - [`ConflictLine`]: what the sources of an event disagree on.
//!
//! Days are counted as plain integers (days since 1970-01-01), so the axis
//! arithmetic needs no calendar library here.

use super::highlight::{segments, Segment, TypeFilter};
use crossread_core::entities::Mention;
use crossread_core::ingest::dates::MONTH_NAMES;
use crossread_core::ingest::Article;
use crossread_core::time::{Conflict, ConflictKind, Event, Granularity, Resolved, TimeMention};
use std::collections::BTreeMap;

/// The most buckets an axis may have before it switches to a coarser unit.
pub const MAX_DAY_BUCKETS: i64 = 92;
/// The most month buckets before the axis counts in years.
pub const MAX_MONTH_BUCKETS: i64 = 480;
/// Neighbouring buckets covered by exactly the same events (a year-level
/// event across its months, say) are drawn as one bucket, so a vague date
/// does not take up a stretch of the axis as if it were many events.
/// A run of empty buckets longer than this is drawn as one gap.
pub const GAP_MIN_BUCKETS: usize = 3;
/// How wide a compressed gap is, in bucket widths.
pub const GAP_WIDTH: f64 = 0.6;
/// Two tick labels closer than this (percent of the axis width) would
/// overlap; the later one is left out.
pub const MIN_TICK_SPACING: f64 = 18.0;
/// Tick labels of buckets starting past this point (percent of the axis)
/// are right-aligned, so they stay inside it.
pub const TICK_FLIP_AT: f64 = 75.0;

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
/// `days_from_civil`).
pub fn day_number(year: i32, month: u32, day: u32) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The (year, month, day) of a day number; the inverse of [`day_number`].
pub fn civil(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        i32::try_from(year).unwrap_or(i32::MAX),
        u32::try_from(month).unwrap_or(1),
        u32::try_from(day).unwrap_or(1),
    )
}

/// The number of days in `month` of `year`.
fn days_in_month(year: i32, month: u32) -> u32 {
    let (ny, nm) = if month >= 12 { (year + 1, 1) } else { (year, month + 1) };
    u32::try_from(day_number(ny, nm, 1) - day_number(year, month, 1)).unwrap_or(28)
}

/// The English name of a month (1 to 12).
fn month_name(month: u32) -> &'static str {
    usize::try_from(month)
        .ok()
        .and_then(|m| MONTH_NAMES.get(m.wrapping_sub(1)))
        .copied()
        .unwrap_or("?")
}

/// The first three letters of a month's name.
fn month_short(month: u32) -> &'static str {
    month_name(month).get(..3).unwrap_or("?")
}

/// Weekday names, Monday first.
const WEEKDAYS: [&str; 7] =
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// The weekday name of a day number.
fn weekday(days: i64) -> &'static str {
    // 1970-01-01 was a Thursday (index 3).
    usize::try_from((days + 3).rem_euclid(7))
        .ok()
        .and_then(|i| WEEKDAYS.get(i))
        .copied()
        .unwrap_or("")
}

/// "31 December 2019".
pub fn human_day(days: i64) -> String {
    let (y, m, d) = civil(days);
    format!("{d} {} {y}", month_name(m))
}

/// An inclusive stretch of days.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    /// The first day.
    pub first: i64,
    /// The last day (inclusive, never before `first`).
    pub last: i64,
}

impl Period {
    /// The stretch from `a` to `b`, in whichever order they come.
    pub fn new(a: i64, b: i64) -> Period {
        Period { first: a.min(b), last: a.max(b) }
    }

    /// The days a resolved date covers.
    pub fn of(date: &Resolved) -> Period {
        // The fields' type is the core's calendar date; only its parts are read.
        let day = |y: i16, m: i8, d: i8| {
            day_number(i32::from(y), u32::try_from(m).unwrap_or(1), u32::try_from(d).unwrap_or(1))
        };
        let (s, e) = (&date.start, &date.end);
        Period::new(day(s.year(), s.month(), s.day()), day(e.year(), e.month(), e.day()))
    }

    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as the days it names;
    /// `None` for anything else, including impossible days.
    pub fn parse(value: &str) -> Option<Period> {
        let mut parts = value.trim().split('-');
        let year_text = parts.next()?;
        if year_text.len() != 4 || !year_text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let year: i32 = year_text.parse().ok()?;
        let number = |text: Option<&str>, max: u32| -> Option<Option<u32>> {
            match text {
                None => Some(None),
                Some(t) if t.len() == 2 && t.bytes().all(|b| b.is_ascii_digit()) => {
                    let n: u32 = t.parse().ok()?;
                    (1..=max).contains(&n).then_some(Some(n))
                }
                Some(_) => None,
            }
        };
        let month = number(parts.next(), 12)?;
        let day_text = parts.next();
        if parts.next().is_some() {
            return None;
        }
        match month {
            None if day_text.is_none() => {
                Some(Period::new(day_number(year, 1, 1), day_number(year, 12, 31)))
            }
            None => None,
            Some(m) => match number(day_text, days_in_month(year, m))? {
                None => Some(Period::new(
                    day_number(year, m, 1),
                    day_number(year, m, days_in_month(year, m)),
                )),
                Some(d) => Some(Period::new(day_number(year, m, d), day_number(year, m, d))),
            },
        }
    }

    /// True when the two stretches share a day.
    pub fn overlaps(self, other: Period) -> bool {
        self.first <= other.last && other.first <= self.last
    }

    /// The smallest stretch holding both.
    pub fn union(self, other: Period) -> Period {
        Period { first: self.first.min(other.first), last: self.last.max(other.last) }
    }
}

/// The filter's period: `after` and `before` as days (either may be open).
/// A value that cannot be read leaves that side open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Window {
    /// The first day let through.
    pub after: Option<i64>,
    /// The last day let through.
    pub before: Option<i64>,
}

impl Window {
    /// The window of the filter's `after` and `before` values.
    pub fn of(after: Option<&str>, before: Option<&str>) -> Window {
        Window {
            after: after.and_then(Period::parse).map(|p| p.first),
            before: before.and_then(Period::parse).map(|p| p.last),
        }
    }

    /// True when neither side is set.
    pub fn is_open(self) -> bool {
        self.after.is_none() && self.before.is_none()
    }

    /// True when `period` has a day inside the window.
    pub fn admits(self, period: Period) -> bool {
        self.after.is_none_or(|a| period.last >= a) && self.before.is_none_or(|b| period.first <= b)
    }
}

/// What narrows the timeline, besides the articles the search keeps.
#[derive(Clone, Copy, Debug, Default)]
pub struct EventFilter<'a> {
    /// Only events involving this entity (canonical id, as corrected).
    pub entity: Option<&'a str>,
    /// Only events in this window.
    pub window: Window,
}

/// True when `event` involves entity `id`: it names it, or one of its
/// source sentences holds a mention of it in the corrected index
/// (`mentions[i]` are article `i`'s mentions).
pub fn involves(event: &Event, id: &str, mentions: &[Vec<Mention>]) -> bool {
    event.entities.iter().any(|e| e == id)
        || event.sources.iter().any(|s| {
            mentions.get(s.article).is_some_and(|ms| {
                ms.iter().any(|m| {
                    m.entity == id && m.span.start < s.span.end && s.span.start < m.span.end
                })
            })
        })
}

/// The entities of `event`: those it names and those mentioned in its
/// source sentences (corrected index), once each.
pub fn entities_of(event: &Event, mentions: &[Vec<Mention>]) -> Vec<String> {
    let mut out: Vec<String> = event.entities.clone();
    for s in &event.sources {
        let Some(ms) = mentions.get(s.article) else { continue };
        for m in ms {
            if m.span.start < s.span.end && s.span.start < m.span.end && !out.contains(&m.entity) {
                out.push(m.entity.clone());
            }
        }
    }
    out
}

/// The entities worth filtering the timeline by: every entity of an event,
/// with how many events involve it, most first (ties by id).
pub fn entity_choices(events: &[Event], mentions: &[Vec<Mention>]) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for e in events {
        for id in entities_of(e, mentions) {
            *counts.entry(id).or_default() += 1;
        }
    }
    let mut out: Vec<(String, usize)> = counts.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// The positions in `events` of the events to show: at least one source in
/// an article `keep` lets through, involving the filter's entity, and in its
/// window. Keeps the events' order.
pub fn shown_events(
    events: &[Event],
    keep: impl Fn(usize) -> bool,
    filter: EventFilter<'_>,
    mentions: &[Vec<Mention>],
) -> Vec<usize> {
    events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.sources.iter().any(|s| keep(s.article)))
        .filter(|(_, e)| filter.entity.is_none_or(|id| involves(e, id, mentions)))
        .filter(|(_, e)| filter.window.admits(Period::of(&e.date)))
        .map(|(i, _)| i)
        .collect()
}

/// How coarse a precision is: a year before a month before a day, so a
/// coarse group comes before the finer ones that start on the same day.
fn coarseness(precision: Granularity) -> u8 {
    match precision {
        Granularity::Year => 0,
        Granularity::Range => 1,
        Granularity::Month => 2,
        Granularity::Day => 3,
    }
}

/// The heading of a group of events with this date and precision:
/// "Tuesday 31 December 2019", "December 2019", "2003", or a range.
pub fn date_label(date: &Resolved, precision: Granularity) -> String {
    let period = Period::of(date);
    let (y, m, _) = civil(period.first);
    match precision {
        Granularity::Day => format!("{} {}", weekday(period.first), human_day(period.first)),
        Granularity::Month => format!("{} {y}", month_name(m)),
        Granularity::Year => y.to_string(),
        Granularity::Range => {
            let (y2, m2, d2) = civil(period.last);
            let (_, _, d1) = civil(period.first);
            if (y, m) == (y2, m2) {
                format!("{d1}–{d2} {} {y}", month_name(m))
            } else {
                format!("{} – {}", human_day(period.first), human_day(period.last))
            }
        }
    }
}

/// What a precision is called next to a date.
pub fn precision_word(precision: Granularity) -> &'static str {
    match precision {
        Granularity::Day => "day",
        Granularity::Month => "month",
        Granularity::Year => "year",
        Granularity::Range => "period",
    }
}

/// Events sharing one date at one precision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// Stable key: the precision's code and the ISO value.
    pub key: String,
    /// The heading, such as "December 2019".
    pub label: String,
    /// ISO value, for `<time datetime>`.
    pub iso: String,
    /// How precise the group's date is.
    pub precision: Granularity,
    /// Positions in the events slice, in order.
    pub events: Vec<usize>,
}

/// Groups the `shown` events by date at their own precision, in time order
/// (a coarser group before finer ones starting the same day).
pub fn groups(events: &[Event], shown: &[usize]) -> Vec<Group> {
    let mut by_key: BTreeMap<(i64, u8, i64, String), Group> = BTreeMap::new();
    for &i in shown {
        let Some(event) = events.get(i) else { continue };
        let period = Period::of(&event.date);
        let precision = event.precision;
        let sort = (period.first, coarseness(precision), period.last, event.date.value.clone());
        by_key
            .entry(sort)
            .or_insert_with(|| Group {
                key: format!("{}:{}", precision.code(), event.date.value),
                label: date_label(&event.date, precision),
                iso: event.date.value.clone(),
                precision,
                events: Vec::new(),
            })
            .events
            .push(i);
    }
    by_key.into_values().collect()
}

/// The name an article's reports go by: its outlet, else its file name.
pub fn outlet_name(article: &Article) -> String {
    match &article.outlet {
        Some(o) if !o.value.trim().is_empty() => o.value.trim().to_string(),
        _ => article.file.clone(),
    }
}

/// The outlets reporting `event`, once each, in source order.
pub fn outlets(event: &Event, articles: &[Article]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in &event.sources {
        let name = articles.get(s.article).map_or_else(|| s.file.clone(), outlet_name);
        if !out.contains(&name) {
            out.push(name);
        }
    }
    out
}

/// A conflict between sources, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConflictLine {
    /// What differs: "wounded", "date".
    pub what: String,
    /// Each distinct value with the outlets that give it.
    pub values: Vec<(String, Vec<String>)>,
    /// The whole line: `wounded: “upwards of 50” (Anti-war) vs “55” (Reuters, RT)`.
    pub text: String,
}

/// Says what the sources disagree on; `outlet_of(article)` names a source.
pub fn describe_conflict(conflict: &Conflict, outlet_of: impl Fn(usize) -> String) -> ConflictLine {
    let mut values: Vec<(String, Vec<String>)> = Vec::new();
    for v in &conflict.values {
        let outlet = outlet_of(v.article);
        match values.iter_mut().find(|(value, _)| *value == v.value) {
            Some((_, outlets)) if outlets.contains(&outlet) => {}
            Some((_, outlets)) => outlets.push(outlet),
            None => values.push((v.value.clone(), vec![outlet])),
        }
    }
    let what = match conflict.kind {
        ConflictKind::Date => "dates differ".to_string(),
        ConflictKind::Number => conflict.what.clone(),
    };
    let parts: Vec<String> =
        values.iter().map(|(v, o)| format!("“{v}” ({})", o.join(", "))).collect();
    let text = format!("{what}: {}", parts.join(" vs "));
    ConflictLine { what, values, text }
}

/// The event's summary cut into plain runs and entity mentions, found
/// through the source sentence it was cut from (a trailing "…" added by
/// the trimming is kept as plain text); plain text when no source holds it
/// word for word.
pub fn summary_runs(event: &Event, mentions: &[Vec<Mention>]) -> Vec<Segment> {
    let summary = event.summary.as_str();
    let core = summary.trim_end_matches('…').trim_end();
    let found = (!core.is_empty())
        .then(|| {
            event.sources.iter().find_map(|s| {
                let pos = s.sentence.find(core)?;
                Some((s.article, s.span.start + pos))
            })
        })
        .flatten();
    match found {
        Some((article, offset)) => {
            let ms = mentions.get(article).map_or(&[][..], Vec::as_slice);
            let mut runs = segments(core, offset, ms, TypeFilter::default());
            if let Some(rest) = summary.get(core.len()..).filter(|r| !r.is_empty()) {
                runs.extend(segments(rest, offset + core.len(), &[], TypeFilter::default()));
            }
            runs
        }
        None => segments(summary, 0, &[], TypeFilter::default()),
    }
}

/// The id of the event one of whose sources, in article `article`, holds
/// the byte range `start..end`.
pub fn event_at(events: &[Event], article: usize, start: usize, end: usize) -> Option<&str> {
    events
        .iter()
        .find(|e| {
            e.sources
                .iter()
                .any(|s| s.article == article && s.span.start <= start && end <= s.span.end)
        })
        .map(|e| e.id.as_str())
}

/// A temporal expression of the reader, as its hover note tells it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateNote {
    /// Byte range in the article's original text.
    pub span: (usize, usize),
    /// The words as written: "on Sunday".
    pub text: String,
    /// What they resolved to, for people: "Sunday 29 December 2019",
    /// "December 2019"; `None` when they could not be placed.
    pub resolved: Option<String>,
    /// The ISO value, for `datetime` and tests.
    pub iso: Option<String>,
    /// Why: the anchor's explanation.
    pub explanation: String,
    /// The event whose source holds these words, for "show on timeline".
    pub event: Option<String>,
}

impl DateNote {
    /// The note of `mention` in article `article`, linked to the event of
    /// `events` whose source sentence holds it.
    pub fn of(mention: &TimeMention, article: usize, events: &[Event]) -> DateNote {
        let span = (mention.span.start, mention.span.end);
        DateNote {
            span,
            text: mention.text.clone(),
            resolved: mention.resolved.as_ref().map(|r| date_label(r, r.granularity)),
            iso: mention.resolved.as_ref().map(|r| r.value.clone()),
            explanation: mention.anchor.explanation.clone(),
            event: event_at(events, article, span.0, span.1).map(str::to_string),
        }
    }

    /// The first line of the note: "on Sunday → Sunday 29 December 2019".
    pub fn headline(&self) -> String {
        match &self.resolved {
            Some(r) => format!("{} → {r}", self.text),
            None => format!("{} → no date could be placed", self.text),
        }
    }
}

/// The step of an axis's buckets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// One bucket a day.
    Day,
    /// One bucket a month.
    Month,
    /// One bucket a year.
    Year,
}

impl Unit {
    /// The finest unit that keeps `domain` to a readable number of buckets.
    pub fn for_domain(domain: Period) -> Unit {
        let (y1, m1, _) = civil(domain.first);
        let (y2, m2, _) = civil(domain.last);
        let months = (i64::from(y2) - i64::from(y1)) * 12 + i64::from(m2) - i64::from(m1) + 1;
        if domain.last - domain.first < MAX_DAY_BUCKETS {
            Unit::Day
        } else if months <= MAX_MONTH_BUCKETS {
            Unit::Month
        } else {
            Unit::Year
        }
    }

    /// The bucket holding `day`.
    fn bucket(self, day: i64) -> Period {
        let (y, m, _) = civil(day);
        match self {
            Unit::Day => Period::new(day, day),
            Unit::Month => Period::new(day_number(y, m, 1), day_number(y, m, days_in_month(y, m))),
            Unit::Year => Period::new(day_number(y, 1, 1), day_number(y, 12, 31)),
        }
    }

    /// The filter value naming a bucket: `2019-12-31`, `2019-12` or `2019`.
    fn value(self, bucket: Period) -> String {
        let (y, m, d) = civil(bucket.first);
        match self {
            Unit::Day => format!("{y:04}-{m:02}-{d:02}"),
            Unit::Month => format!("{y:04}-{m:02}"),
            Unit::Year => format!("{y:04}"),
        }
    }

    /// A bucket's name for people: "31 December 2019", "December 2019", "2019".
    fn title(self, bucket: Period) -> String {
        let (y, m, _) = civil(bucket.first);
        match self {
            Unit::Day => human_day(bucket.first),
            Unit::Month => format!("{} {y}", month_name(m)),
            Unit::Year => y.to_string(),
        }
    }

    /// The tick label of a bucket: the larger unit is named when it
    /// changes (or after a gap, `force`), so "Dec 2019", "Jan 2020", "Feb";
    /// "30 Dec 2019", "31 Dec", "1 Jan 2020". Labels that would crowd are
    /// dropped later by the layout.
    fn tick(self, bucket: Period, previous: Option<Period>, force: bool) -> String {
        let (y, m, d) = civil(bucket.first);
        let prev = previous.map(|p| civil(p.first));
        match self {
            Unit::Day if force || prev.is_none_or(|(py, _, _)| py != y) => {
                format!("{d} {} {y}", month_short(m))
            }
            Unit::Day => format!("{d} {}", month_short(m)),
            Unit::Month if force || prev.is_none_or(|(py, _, _)| py != y) => {
                format!("{} {y}", month_short(m))
            }
            Unit::Month => month_short(m).to_string(),
            Unit::Year => y.to_string(),
        }
    }
}

/// One bucket of the axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Bucket {
    /// The days it covers.
    pub period: Period,
    /// Its name: "December 2019", or "2003" for a year's merged months.
    pub title: String,
    /// The filter's `after` value for it: "2019-12".
    pub after: String,
    /// The filter's `before` value for it: "2019-12".
    pub before: String,
    /// Events of the whole corpus overlapping it.
    pub count: usize,
    /// Events the filter lets through overlapping it.
    pub shown: usize,
    /// Left edge, percent of the axis width.
    pub x: f64,
    /// Width, percent of the axis width.
    pub width: f64,
    /// A tick label under it, when one fits.
    pub tick: Option<String>,
    /// The label is right-aligned to the bucket's right edge (near the
    /// axis's end, so it stays inside).
    pub tick_end: bool,
}

/// A piece of the axis: a bucket, or a compressed empty stretch.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    /// A bucket drawn at full width.
    Bucket(Bucket),
    /// A long run of empty buckets drawn narrow, with a break mark.
    Gap {
        /// The days it stands for.
        period: Period,
        /// In words: "no events, January 2004 – December 2014".
        title: String,
        /// Left edge, percent.
        x: f64,
        /// Width, percent.
        width: f64,
    },
}

impl Piece {
    /// The days the piece covers.
    pub fn period(&self) -> Period {
        match self {
            Piece::Bucket(b) => b.period,
            Piece::Gap { period, .. } => *period,
        }
    }

    /// Its left edge and width, in percent.
    pub fn extent(&self) -> (f64, f64) {
        match self {
            Piece::Bucket(b) => (b.x, b.width),
            Piece::Gap { x, width, .. } => (*x, *width),
        }
    }
}

/// The overview axis: buckets over a domain, empty stretches compressed.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    /// The bucket step.
    pub unit: Unit,
    /// The days the axis spans (whole buckets).
    pub domain: Period,
    /// Buckets and gaps, left to right, covering the domain without holes.
    pub pieces: Vec<Piece>,
    /// The largest bucket count, for scaling the bars.
    pub max_count: usize,
}

/// A well-mixed 64-bit value for event `i` (SplitMix64's finaliser), so a
/// sum of them tells sets of events apart.
fn event_hash(i: usize) -> u64 {
    let mut z = (i as u64).wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// For each bucket, the wrapping sum of [`event_hash`] over the `periods`
/// overlapping it: equal sums mean (all but surely) the same events.
fn bucket_signatures(periods: &[Period], n: usize, index: impl Fn(i64) -> usize) -> Vec<u64> {
    let mut diff = vec![0u64; n + 1];
    let top = n.saturating_sub(1);
    for (i, p) in periods.iter().enumerate() {
        let h = event_hash(i);
        if let Some(d) = diff.get_mut(index(p.first).min(top)) {
            *d = d.wrapping_add(h);
        }
        if let Some(d) = diff.get_mut(index(p.last).min(top) + 1) {
            *d = d.wrapping_sub(h);
        }
    }
    let mut running = 0u64;
    diff.iter()
        .take(n)
        .map(|d| {
            running = running.wrapping_add(*d);
            running
        })
        .collect()
}

/// How many of `periods` overlap each bucket: a difference array over
/// bucket positions, so an event spanning many buckets costs one step each
/// way. `index(day)` gives a day's bucket position.
fn bucket_counts(periods: &[Period], n: usize, index: impl Fn(i64) -> usize) -> Vec<usize> {
    let mut diff = vec![0i64; n + 1];
    for p in periods {
        let (a, b) =
            (index(p.first).min(n.saturating_sub(1)), index(p.last).min(n.saturating_sub(1)));
        if let Some(d) = diff.get_mut(a) {
            *d += 1;
        }
        if let Some(d) = diff.get_mut(b + 1) {
            *d -= 1;
        }
    }
    let mut out = Vec::with_capacity(n);
    let mut running = 0i64;
    for d in diff.iter().take(n) {
        running += d;
        out.push(usize::try_from(running).unwrap_or(0));
    }
    out
}

impl Axis {
    /// Lays out the axis over `domain` (widened to whole buckets) with the
    /// corpus's event dates `all` and the shown ones `shown`. Dates outside
    /// the domain are clipped to it; ones that miss it are not counted.
    pub fn layout(domain: Period, all: &[Period], shown: &[Period]) -> Axis {
        let unit = Unit::for_domain(domain);
        let mut buckets: Vec<Period> = Vec::new();
        let mut day = unit.bucket(domain.first).first;
        let end = unit.bucket(domain.last).last;
        while day <= end {
            let b = unit.bucket(day);
            buckets.push(b);
            day = b.last + 1;
        }
        let n = buckets.len();
        let index = |d: i64| buckets.partition_point(|b| b.last < d);
        let inside = |ps: &[Period]| -> Vec<Period> {
            ps.iter()
                .filter(|p| p.overlaps(Period::new(domain.first.min(end), end)))
                .map(|p| {
                    Period::new(
                        p.first.max(buckets.first().map_or(p.first, |b| b.first)),
                        p.last.min(end),
                    )
                })
                .collect()
        };
        let counts = bucket_counts(&inside(all), n, index);
        let shown_counts = bucket_counts(&inside(shown), n, index);

        let all_inside = inside(all);
        let signatures = bucket_signatures(&all_inside, n, index);

        // Slots: (first bucket, last bucket, kind), left to right. Empty
        // runs longer than GAP_MIN_BUCKETS become gaps; other empty buckets
        // stay single; filled buckets with the same events merge.
        #[derive(Clone, Copy, PartialEq)]
        enum Kind {
            Gap,
            Empty,
            Filled,
        }
        let mut slots: Vec<(usize, usize, Kind)> = Vec::new();
        let mut i = 0;
        while i < n {
            let empty = counts.get(i).is_none_or(|&c| c == 0);
            let mut j = i;
            if empty {
                while j + 1 < n && counts.get(j + 1).is_none_or(|&c| c == 0) {
                    j += 1;
                }
                if j - i + 1 > GAP_MIN_BUCKETS {
                    slots.push((i, j, Kind::Gap));
                } else {
                    slots.extend((i..=j).map(|k| (k, k, Kind::Empty)));
                }
            } else {
                while j + 1 < n
                    && counts.get(j + 1).is_some_and(|&c| c > 0)
                    && signatures.get(j + 1) == signatures.get(i)
                {
                    j += 1;
                }
                slots.push((i, j, Kind::Filled));
            }
            i = j + 1;
        }
        let units: f64 =
            slots.iter().map(|&(_, _, k)| if k == Kind::Gap { GAP_WIDTH } else { 1.0 }).sum();
        let scale = if units > 0.0 { 100.0 / units } else { 0.0 };
        let mut pieces: Vec<Piece> = Vec::new();
        let mut x = 0.0;
        let mut last_tick: Option<f64> = None;
        let mut previous: Option<Period> = None;
        let mut after_gap = true;
        for (a, b, kind) in slots {
            let (Some(&first), Some(&last)) = (buckets.get(a), buckets.get(b)) else { continue };
            let period = Period::new(first.first, last.last);
            if kind == Kind::Gap {
                let title = format!("No events: {} – {}", unit.title(first), unit.title(last));
                let width = GAP_WIDTH * scale;
                pieces.push(Piece::Gap { period, title, x, width });
                x += width;
                after_gap = true;
                previous = Some(last);
                continue;
            }
            let width = scale;
            let whole_year = unit == Unit::Month && Unit::Year.bucket(period.first) == period;
            let tick_unit = if whole_year { Unit::Year } else { unit };
            // A label near the right end hangs left of its bucket's right
            // edge, so it needs room for itself and the label before it.
            let tick_end = x > TICK_FLIP_AT;
            let room = |t: f64| {
                if tick_end {
                    x + width - t >= 2.0 * MIN_TICK_SPACING
                } else {
                    x - t >= MIN_TICK_SPACING
                }
            };
            let tick = Some(tick_unit.tick(first, previous, after_gap))
                .filter(|_| last_tick.is_none_or(room));
            if tick.is_some() {
                last_tick = Some(x);
            }
            let (title, after, before) = if a == b {
                (unit.title(first), unit.value(first), unit.value(first))
            } else if whole_year {
                let year = Unit::Year.value(period);
                (Unit::Year.title(period), year.clone(), year)
            } else {
                (
                    format!("{} – {}", unit.title(first), unit.title(last)),
                    unit.value(first),
                    unit.value(last),
                )
            };
            pieces.push(Piece::Bucket(Bucket {
                period,
                title,
                after,
                before,
                count: counts.get(a).copied().unwrap_or(0),
                shown: (a..=b).filter_map(|k| shown_counts.get(k)).copied().max().unwrap_or(0),
                x,
                width,
                tick,
                tick_end,
            }));
            x += width;
            after_gap = false;
            previous = Some(last);
        }
        let max_count = counts.iter().copied().max().unwrap_or(0);
        let domain = Period::new(buckets.first().map_or(domain.first, |b| b.first), end);
        Axis { unit, domain, pieces, max_count }
    }

    /// Where `day` falls on the axis, in percent (0 to 100): linear inside
    /// its piece, clamped to the ends outside the domain.
    pub fn x_of(&self, day: i64) -> f64 {
        let Some(piece) = self.pieces.iter().find(|p| p.period().last >= day) else {
            return if self.pieces.is_empty() { 0.0 } else { 100.0 };
        };
        let (x, width) = piece.extent();
        let p = piece.period();
        if day <= p.first {
            return x;
        }
        let span = (p.last - p.first + 1) as f64;
        (x + width * (day - p.first) as f64 / span).clamp(0.0, 100.0)
    }
}

impl Bucket {
    /// Its accessible name: "December 2019: 3 of 12 events shown".
    pub fn name(&self) -> String {
        match (self.count, self.shown) {
            (0, _) => format!("{}: no events", self.title),
            (1, 1) => format!("{}: 1 event", self.title),
            (c, s) if s == c => format!("{}: {c} events", self.title),
            (c, s) => format!("{}: {s} of {c} events shown", self.title),
        }
    }

    /// The filter's (`after`, `before`) when the reader chooses this bucket:
    /// the bucket itself, or with `stretch` the current period (`after`,
    /// `before` as in the URL) widened to take it in.
    pub fn choose(
        &self,
        stretch: bool,
        after: Option<&str>,
        before: Option<&str>,
    ) -> (String, String) {
        let window = Window::of(after, before);
        let keep_after = stretch && window.after.is_some_and(|a| a < self.period.first);
        let keep_before = stretch && window.before.is_some_and(|b| b > self.period.last);
        (
            after.filter(|_| keep_after).map_or_else(|| self.after.clone(), str::to_string),
            before.filter(|_| keep_before).map_or_else(|| self.before.clone(), str::to_string),
        )
    }
}

/// The period from bucket `a` to bucket `b` as filter values (`after`,
/// `before`), in order.
pub fn brush(a: &Bucket, b: &Bucket) -> (String, String) {
    if a.period.first <= b.period.first {
        (a.after.clone(), b.before.clone())
    } else {
        (b.after.clone(), a.before.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> i64 {
        Period::parse(text).map(|p| p.first).expect("valid test date")
    }

    #[test]
    fn day_numbers_round_trip_through_the_calendar() {
        let table = [
            ((1970, 1, 1), 0),
            ((2000, 3, 1), 11_017),
            ((2019, 12, 31), 18_261),
            ((2020, 2, 29), 18_321),
        ];
        for ((y, m, d), n) in table {
            assert_eq!(day_number(y, m, d), n, "{y}-{m}-{d}");
            assert_eq!(civil(n), (y, m, d));
        }
        let mut rng = Lcg(3);
        for _ in 0..2000 {
            let n = i64::try_from(rng.below(7_000_000)).unwrap_or(0) - 3_500_000;
            let (y, m, d) = civil(n);
            assert_eq!(day_number(y, m, d), n);
        }
    }

    #[test]
    fn filter_values_read_as_the_days_they_name() {
        let table: [(&str, Option<(&str, &str)>); 9] = [
            ("2019", Some(("2019-01-01", "2019-12-31"))),
            ("2019-12", Some(("2019-12-01", "2019-12-31"))),
            ("2020-02", Some(("2020-02-01", "2020-02-29"))),
            ("2019-12-31", Some(("2019-12-31", "2019-12-31"))),
            ("2019-02-30", None),
            ("2019-13", None),
            ("19", None),
            ("2019-1", None),
            ("", None),
        ];
        for (text, want) in table {
            let got = Period::parse(text);
            let want = want.map(|(a, b)| Period::new(day(a), day(b)));
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn the_window_admits_events_that_touch_it() {
        let w = Window::of(Some("2019-12"), Some("2019-12-31"));
        assert!(w.admits(Period::parse("2019").unwrap_or(Period::new(0, 0))), "a year touching it");
        assert!(w.admits(Period::new(day("2019-12-31"), day("2019-12-31"))));
        assert!(!w.admits(Period::new(day("2020-01-01"), day("2020-01-01"))));
        assert!(!w.admits(Period::new(day("2019-11-30"), day("2019-11-30"))));
        assert!(Window::of(Some("nonsense"), None).is_open(), "an unreadable value is ignored");
    }

    #[test]
    fn labels_never_give_a_coarse_date_a_day() {
        let table = [
            ("2019-12-31", Granularity::Day, "Tuesday 31 December 2019"),
            ("2019-12", Granularity::Month, "December 2019"),
            ("2003", Granularity::Year, "2003"),
        ];
        for (value, precision, want) in table {
            let p = Period::parse(value).unwrap_or(Period::new(0, 0));
            let resolved = resolved(value, precision, p);
            assert_eq!(date_label(&resolved, precision), want);
        }
    }

    fn resolved(value: &str, granularity: Granularity, p: Period) -> Resolved {
        let date = |n: i64| {
            let (y, m, d) = civil(n);
            format!("{y:04}-{m:02}-{d:02}").parse().expect("valid date")
        };
        Resolved { value: value.into(), granularity, start: date(p.first), end: date(p.last) }
    }

    /// An event with sources in the given articles.
    fn event(value: &str, precision: Granularity, articles: &[usize]) -> Event {
        let p = Period::parse(value).unwrap_or(Period::new(0, 0));
        Event {
            id: format!("{value}-x"),
            date: resolved(value, precision, p),
            precision,
            summary: "Protesters stormed the embassy".into(),
            entities: vec!["org:a".into()],
            sources: articles
                .iter()
                .map(|&article| crossread_core::time::EventSource {
                    article,
                    file: format!("{article}.txt"),
                    span: crossread_core::Span::new(10, 40),
                    sentence: "Protesters stormed the embassy".into(),
                    date_text: None,
                    date: None,
                    summary: "Protesters stormed the embassy".into(),
                })
                .collect(),
            conflicts: vec![],
        }
    }

    #[test]
    fn events_group_by_their_own_precision_in_time_order() {
        let events = vec![
            event("2019-12-31", Granularity::Day, &[0]),
            event("2003", Granularity::Year, &[0]),
            event("2019-12", Granularity::Month, &[1]),
            event("2019-12-31", Granularity::Day, &[1]),
            event("2019-12-01", Granularity::Day, &[1]),
        ];
        let all: Vec<usize> = (0..events.len()).collect();
        let got: Vec<(String, Vec<usize>)> =
            groups(&events, &all).into_iter().map(|g| (g.label, g.events)).collect();
        assert_eq!(
            got,
            [
                ("2003".to_string(), vec![1]),
                ("December 2019".to_string(), vec![2]),
                ("Sunday 1 December 2019".to_string(), vec![4]),
                ("Tuesday 31 December 2019".to_string(), vec![0, 3]),
            ]
        );
    }

    #[test]
    fn events_are_shown_by_article_entity_and_window() {
        let events = vec![
            event("2019-12-31", Granularity::Day, &[0]),
            event("2003", Granularity::Year, &[1]),
            event("2019-12", Granularity::Month, &[2]),
        ];
        let mention = |entity: &str, start: usize| Mention {
            span: crossread_core::Span::new(start, start + 5),
            kind: crossread_core::entities::EntityType::Person,
            entity: entity.into(),
            role: None,
        };
        let mentions = vec![vec![], vec![mention("person:b", 12)], vec![mention("person:b", 50)]];
        let any = |_: usize| true;
        let table: [(&str, EventFilter<'_>, Vec<usize>); 5] = [
            ("no filter", EventFilter::default(), vec![0, 1, 2]),
            (
                "named entity",
                EventFilter { entity: Some("org:a"), ..EventFilter::default() },
                vec![0, 1, 2],
            ),
            (
                "mention inside a source only",
                EventFilter { entity: Some("person:b"), ..EventFilter::default() },
                vec![1],
            ),
            (
                "window",
                EventFilter {
                    window: Window::of(Some("2019-12-15"), None),
                    ..EventFilter::default()
                },
                vec![0, 2],
            ),
            (
                "window ending before",
                EventFilter { window: Window::of(None, Some("2019-11")), ..EventFilter::default() },
                vec![1],
            ),
        ];
        for (name, filter, want) in table {
            assert_eq!(shown_events(&events, any, filter, &mentions), want, "{name}");
        }
        assert_eq!(shown_events(&events, |a| a == 2, EventFilter::default(), &mentions), [2]);
        assert_eq!(
            entity_choices(&events, &mentions),
            [("org:a".to_string(), 3), ("person:b".to_string(), 1)],
            "a mention outside every source span is not an event's entity"
        );
    }

    #[test]
    fn conflicts_name_each_value_with_its_outlets() {
        let value = |article: usize, v: &str| crossread_core::time::ConflictValue {
            article,
            file: format!("{article}.txt"),
            value: v.into(),
        };
        let conflict = Conflict {
            kind: ConflictKind::Number,
            what: "wounded".into(),
            values: vec![value(0, "upwards of 50"), value(1, "55"), value(2, "55")],
        };
        let outlet = |a: usize| ["Anti-war", "Reuters", "RT"][a % 3].to_string();
        let line = describe_conflict(&conflict, outlet);
        assert_eq!(line.text, "wounded: “upwards of 50” (Anti-war) vs “55” (Reuters, RT)");
        let dates = Conflict { kind: ConflictKind::Date, what: "date".into(), ..conflict };
        assert!(describe_conflict(&dates, outlet).text.starts_with("dates differ: "));
    }

    #[test]
    fn long_empty_stretches_become_one_narrow_gap() {
        let at = |v: &str| Period::parse(v).unwrap_or(Period::new(0, 0));
        let dates = [at("2003"), at("2019-12-31"), at("2020-01-02")];
        let domain = dates.iter().fold(dates[0], |a, b| a.union(*b));
        let axis = Axis::layout(domain, &dates, &dates[1..]);
        assert_eq!(axis.unit, Unit::Month);
        let gaps: Vec<&Piece> =
            axis.pieces.iter().filter(|p| matches!(p, Piece::Gap { .. })).collect();
        assert_eq!(gaps.len(), 1, "2004 to November 2019 is one gap");
        let buckets: Vec<&Bucket> = axis
            .pieces
            .iter()
            .filter_map(|p| if let Piece::Bucket(b) = p { Some(b) } else { None })
            .collect();
        let titles: Vec<&str> = buckets.iter().map(|b| b.title.as_str()).collect();
        assert_eq!(titles, ["2003", "December 2019", "January 2020"], "a year's months merge");
        assert_eq!((buckets[0].after.as_str(), buckets[0].before.as_str()), ("2003", "2003"));
        assert_eq!(buckets.iter().map(|b| b.shown).sum::<usize>(), 2);
        assert_eq!(buckets[1].after, "2019-12");
        assert_eq!(buckets[0].tick.as_deref(), Some("2003"), "a merged year is labelled as one");
        let short = Axis::layout(Period::new(day("2019-12-01"), day("2019-12-31")), &dates, &dates);
        assert_eq!(short.unit, Unit::Day);
        assert_eq!(brush(buckets[2], buckets[1]), ("2019-12".into(), "2020-01".into()));
    }

    #[test]
    fn a_date_note_says_what_the_words_resolved_to_and_why() {
        let events = vec![event("2019-12-29", Granularity::Day, &[3])];
        let p = Period::parse("2019-12-29").unwrap_or(Period::new(0, 0));
        let mention = |start: usize, resolved: Option<Resolved>| TimeMention {
            span: crossread_core::Span::new(start, start + 9),
            text: "on Sunday".into(),
            kind: crossread_core::time::TimexKind::Weekday,
            resolved,
            anchor: crossread_core::time::Anchor {
                kind: crossread_core::time::AnchorKind::Published,
                date: None,
                explanation: "the Sunday before the article's date".into(),
            },
            time_of_day: None,
            order: None,
            entry_time: None,
        };
        let placed = DateNote::of(
            &mention(12, Some(resolved("2019-12-29", Granularity::Day, p))),
            3,
            &events,
        );
        assert_eq!(placed.headline(), "on Sunday → Sunday 29 December 2019");
        assert_eq!(placed.event.as_deref(), Some("2019-12-29-x"), "inside the source span 10..40");
        let elsewhere = DateNote::of(&mention(12, None), 2, &events);
        assert_eq!(elsewhere.headline(), "on Sunday → no date could be placed");
        assert_eq!(elsewhere.event, None, "another article's span");
        assert_eq!(
            DateNote::of(&mention(35, None), 3, &events).event,
            None,
            "sticks out of the span"
        );
    }

    #[test]
    fn a_trimmed_summary_keeps_its_entities_and_its_ellipsis() {
        let mut e = event("2019-12-31", Granularity::Day, &[0]);
        e.sources[0].sentence = "Protesters stormed the embassy in Baghdad today".into();
        e.summary = "Protesters stormed the embassy in…".into();
        let mention = Mention {
            span: crossread_core::Span::new(10, 20),
            kind: crossread_core::entities::EntityType::Person,
            entity: "person:p".into(),
            role: None,
        };
        let runs = summary_runs(&e, &[vec![mention]]);
        let texts: Vec<(&str, bool)> =
            runs.iter().map(|r| (r.text.as_str(), r.mention.is_some())).collect();
        assert_eq!(texts, [("Protesters", true), (" stormed the embassy in", false), ("…", false)]);
        e.summary = "Words found in no source".into();
        assert_eq!(summary_runs(&e, &[]).len(), 1, "plain text when no source holds it");
    }

    #[test]
    fn choosing_a_bucket_sets_or_stretches_the_period() {
        let at = |v: &str| Period::parse(v).unwrap_or(Period::new(0, 0));
        let dates = [at("2019-12-09"), at("2019-12-31")];
        let axis = Axis::layout(at("2019-12"), &dates, &dates);
        let bucket = |v: &str| {
            axis.pieces
                .iter()
                .find_map(|p| match p {
                    Piece::Bucket(b) if b.after == v => Some(b.clone()),
                    _ => None,
                })
                .expect("bucket in the axis")
        };
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        let ninth = bucket("2019-12-09");
        let table = [
            (false, Some("2019-12-20"), Some("2019-12-31"), pair("2019-12-09", "2019-12-09")),
            (true, None, None, pair("2019-12-09", "2019-12-09")),
            (true, Some("2019-12-20"), Some("2019-12-31"), pair("2019-12-09", "2019-12-31")),
            (true, Some("2019-12-01"), Some("2019-12-05"), pair("2019-12-01", "2019-12-09")),
            (true, Some("2019-12"), Some("2019-12"), pair("2019-12", "2019-12")),
        ];
        for (stretch, after, before, want) in table {
            assert_eq!(
                ninth.choose(stretch, after, before),
                want,
                "{stretch} {after:?} {before:?}"
            );
        }
        assert_eq!(ninth.name(), "9 December 2019: 1 event");
    }

    /// A small deterministic generator for the property tests.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            usize::try_from(self.0 >> 33).unwrap_or(0) % n.max(1)
        }
    }

    #[test]
    fn the_compressed_axis_is_monotonic_within_bounds_and_without_holes() {
        let mut rng = Lcg(11);
        for case in 0..300 {
            // Days from the year 1 to 9999, clustered or spread.
            let base = day_number(1 + i32::try_from(rng.below(9000)).unwrap_or(0), 1, 1);
            let spread = [30, 400, 20_000, 3_000_000][rng.below(4)];
            let dates: Vec<Period> = (0..1 + rng.below(30))
                .map(|_| {
                    let a = base + i64::try_from(rng.below(spread)).unwrap_or(0);
                    Period::new(a, a + i64::try_from(rng.below(400)).unwrap_or(0))
                })
                .collect();
            let domain = dates.iter().fold(dates[0], |a, b| a.union(*b));
            let axis = Axis::layout(domain, &dates, &dates);
            assert!(!axis.pieces.is_empty(), "case {case}");
            let mut expected_first = axis.domain.first;
            let mut x_end = 0.0;
            for piece in &axis.pieces {
                let (x, w) = piece.extent();
                assert_eq!(piece.period().first, expected_first, "case {case}: hole or overlap");
                assert!((x - x_end).abs() < 1e-6 && w > 0.0, "case {case}");
                expected_first = piece.period().last + 1;
                x_end = x + w;
            }
            assert_eq!(expected_first - 1, axis.domain.last, "case {case}");
            // Kept tick labels never crowd each other.
            let ticks: Vec<(f64, f64, bool)> = axis
                .pieces
                .iter()
                .filter_map(|p| match p {
                    Piece::Bucket(b) if b.tick.is_some() => Some((b.x, b.width, b.tick_end)),
                    _ => None,
                })
                .collect();
            for pair in ticks.windows(2) {
                let ((x0, _, _), (x1, w1, end)) = (pair[0], pair[1]);
                let room = if end {
                    x1 + w1 - x0 >= 2.0 * MIN_TICK_SPACING
                } else {
                    x1 - x0 >= MIN_TICK_SPACING
                };
                assert!(room, "case {case}: ticks at {x0} and {x1} crowd");
            }
            assert!((x_end - 100.0).abs() < 1e-6, "case {case}: ends at {x_end}");
            let mut last = -1.0;
            let step = ((axis.domain.last - axis.domain.first) / 500).max(1);
            let mut d = axis.domain.first - 3;
            while d <= axis.domain.last + 3 {
                let x = axis.x_of(d);
                assert!((0.0..=100.0).contains(&x), "case {case}: x {x}");
                assert!(x >= last, "case {case}: not monotonic at {d}");
                last = x;
                d += step;
            }
            for p in &dates {
                assert!(
                    axis.pieces.iter().any(|piece| match piece {
                        Piece::Bucket(b) => b.count > 0 && b.period.overlaps(*p),
                        Piece::Gap { .. } => false,
                    }),
                    "case {case}: a date fell into no counted bucket"
                );
            }
        }
    }
}
