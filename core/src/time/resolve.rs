//! Resolution: what calendar date or range an expression stands for, and
//! why (its [`Anchor`]).
//!
//! The rules, in brief:
//!
//! - A bare weekday in past or present context is the most recent such day
//!   **on or before** the article's date (an article of Tuesday saying "on
//!   Tuesday" in the past tense means that same day); in future context it
//!   is the next such day **on or after** it (wire copy names the writing
//!   day too). "last"/"next" always step away from the article's date.
//! - A date or month without a year takes the year that puts it on or
//!   before the article's date in past context, on or after it in future
//!   context, and the nearest one in present context.
//! - "six months later", "two days earlier" and "earlier in the day" count
//!   from the date mentioned just before; "a year ago" from the article's
//!   date.
//! - Vague phrases become ranges by fixed conventions (see [`RECENT_DAYS`]
//!   and friends), always anchored to the article's date.

use super::scan::{From, Raw, Season, Shift, Unit, What, MONTH_NAMES};
use super::sentence::Tense;
use super::{Anchor, AnchorKind, DayOrder, Granularity, NumericOrder, Resolved};
use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

/// "in recent days" reaches back this many days.
pub(crate) const RECENT_DAYS: i32 = 7;
/// "in recent weeks" reaches back this many days.
pub(crate) const RECENT_WEEKS_DAYS: i32 = 28;
/// "in recent months" reaches back this many months.
pub(crate) const RECENT_MONTHS: i32 = 3;
/// "in recent years" reaches back this many years.
pub(crate) const RECENT_YEARS: i32 = 3;
/// "in the coming days" reaches forward this many days.
pub(crate) const COMING_DAYS: i32 = 7;
/// "in the coming weeks" reaches forward this many days.
pub(crate) const COMING_WEEKS_DAYS: i32 = 28;
/// "in the coming months" reaches forward this many months.
pub(crate) const COMING_MONTHS: i32 = 6;

/// What a mention is resolved against.
#[derive(Clone, Debug)]
pub(crate) struct Context {
    /// The article's date, if known.
    pub published: Option<Date>,
    /// How the article's date is known: [`AnchorKind::Published`] when
    /// stated, [`AnchorKind::Corpus`] when inferred from the corpus.
    pub published_kind: AnchorKind,
    /// The last mention resolved to a day, month or year.
    pub previous: Option<Resolved>,
    /// The day/month order of ambiguous numeric dates, when decided.
    pub order: Option<DayOrder>,
}

/// Facts about the mention's own sentence.
#[derive(Clone, Debug)]
pub(crate) struct Situation {
    pub tense: Tense,
    /// A day-, month- or year-level mention earlier in the same sentence.
    pub earlier_in_sentence: Option<Resolved>,
    /// Only a comma separates this mention from that earlier one.
    pub appositive: bool,
    /// The mention directly after this one ("two days after December 9").
    pub following: Option<Resolved>,
}

/// The resolution of one mention.
pub(crate) struct Outcome {
    pub resolved: Option<Resolved>,
    pub anchor: Anchor,
    pub order: Option<DayOrder>,
}

impl Resolved {
    /// One day.
    pub fn day(d: Date) -> Resolved {
        Resolved { value: d.to_string(), granularity: Granularity::Day, start: d, end: d }
    }

    /// One month of one year.
    pub fn month(year: i16, month: i8) -> Option<Resolved> {
        let start = Date::new(year, month, 1).ok()?;
        Some(Resolved {
            value: format!("{year:04}-{month:02}"),
            granularity: Granularity::Month,
            start,
            end: start.last_of_month(),
        })
    }

    /// One year.
    pub fn year(year: i16) -> Option<Resolved> {
        let start = Date::new(year, 1, 1).ok()?;
        Some(Resolved {
            value: format!("{year:04}"),
            granularity: Granularity::Year,
            start,
            end: start.last_of_year(),
        })
    }

    /// The days from `start` to `end`, both included.
    pub fn range(start: Date, end: Date) -> Resolved {
        let (start, end) = if start <= end { (start, end) } else { (end, start) };
        Resolved { value: format!("{start}/{end}"), granularity: Granularity::Range, start, end }
    }

    /// The same granularity, around another date.
    fn at_granularity(granularity: Granularity, d: Date) -> Option<Resolved> {
        match granularity {
            Granularity::Day | Granularity::Range => Some(Resolved::day(d)),
            Granularity::Month => Resolved::month(d.year(), d.month()),
            Granularity::Year => Resolved::year(d.year()),
        }
    }
}

/// "31 December 2019".
pub(crate) fn long(d: Date) -> String {
    format!("{} {} {}", d.day(), MONTH_NAMES[usize::try_from(d.month() - 1).unwrap_or(0)], d.year())
}

/// "Tuesday 31 December 2019".
fn long_with_weekday(d: Date) -> String {
    format!("{} {}", weekday_name(d.weekday()), long(d))
}

pub(crate) fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

fn month_name(m: i8) -> &'static str {
    MONTH_NAMES[usize::try_from(m - 1).unwrap_or(0)]
}

/// How a resolved value reads in an explanation.
fn describe(r: &Resolved) -> String {
    match r.granularity {
        Granularity::Day => long(r.start),
        Granularity::Month => format!("{} {}", month_name(r.start.month()), r.start.year()),
        Granularity::Year => r.start.year().to_string(),
        Granularity::Range => format!("{} to {}", long(r.start), long(r.end)),
    }
}

fn tense_phrase(t: Tense) -> &'static str {
    match t {
        Tense::Past => "in past-tense context",
        Tense::Present => "in present-tense context",
        Tense::Future => "in future context",
    }
}

fn add_days(d: Date, n: i32) -> Option<Date> {
    d.checked_add(n.days()).ok()
}

fn add_months(d: Date, n: i32) -> Option<Date> {
    d.checked_add(n.months()).ok()
}

fn add_years(d: Date, n: i32) -> Option<Date> {
    d.checked_add(n.years()).ok()
}

/// The Monday of the week holding `d` (weeks start on Monday, as ISO 8601).
fn monday_of(d: Date) -> Option<Date> {
    d.tomorrow().ok()?.nth_weekday(-1, Weekday::Monday).ok()
}

/// Days from `a` to `b` (negative when `b` is earlier).
fn days_between(a: Date, b: Date) -> i64 {
    b.duration_since(a).as_secs() / 86_400
}

impl Context {
    fn published_anchor(&self, explanation: String) -> Anchor {
        Anchor { kind: self.published_kind, date: self.published, explanation }
    }

    /// "the article's date, 31 December 2019" (or "inferred date").
    fn published_phrase(&self, d: Date) -> String {
        match self.published_kind {
            AnchorKind::Corpus => format!("the article's inferred date, {}", long_with_weekday(d)),
            _ => format!("the article's date, {}", long_with_weekday(d)),
        }
    }
}

fn no_anchor(explanation: impl Into<String>) -> Anchor {
    Anchor { kind: AnchorKind::None, date: None, explanation: explanation.into() }
}

fn previous_anchor(r: &Resolved, explanation: String) -> Anchor {
    Anchor { kind: AnchorKind::PreviousMention, date: Some(r.start), explanation }
}

/// Resolves one mention.
pub(crate) fn resolve(raw: &Raw, ctx: &Context, sit: &Situation) -> Outcome {
    let mut order = None;
    let (resolved, anchor) = match &raw.what {
        What::Date { year: Some(y), month, day, weekday } => match Date::new(*y, *month, *day) {
            Ok(d) => {
                let note = match weekday {
                    Some(w) if *w != d.weekday() => format!(
                        "the date is written in full (the weekday written beside it, {}, does not \
                         match: {} is a {})",
                        weekday_name(*w),
                        long(d),
                        weekday_name(d.weekday())
                    ),
                    _ => "the date is written in full".to_string(),
                };
                (Some(Resolved::day(d)), no_anchor(note))
            }
            Err(_) => (None, no_anchor("not a real calendar date")),
        },
        What::Date { year: None, month, day, weekday } => {
            date_without_year(*month, *day, *weekday, ctx, sit)
        }
        What::Numeric { first, second, year } => {
            let (r, a, o) = numeric(*first, *second, *year, ctx);
            order = o;
            (r, a)
        }
        What::Month { year: Some(y), month, .. } => {
            (Resolved::month(*y, *month), no_anchor("the month and year are written out"))
        }
        What::Month { year: None, month, shift } => month_without_year(*month, *shift, ctx, sit),
        What::Year(y) => (Resolved::year(*y), no_anchor("the year is written out")),
        What::Quarter { quarter, year } => quarter_range(*quarter, *year, ctx, sit),
        What::Decade(y) => {
            let r = Date::new(*y, 1, 1)
                .ok()
                .and_then(|a| Some(Resolved::range(a, Date::new(y.checked_add(9)?, 12, 31).ok()?)));
            (r, no_anchor("the decade is written out"))
        }
        What::Weekday { day, shift } => weekday(*day, *shift, ctx, sit),
        What::Deictic { offset } => deictic(*offset, raw, ctx),
        What::SameDay => same_day(ctx, sit),
        What::Period { unit, offset } => period(*unit, *offset, ctx),
        What::PartOf { unit, later } => part_of(*unit, *later, ctx),
        What::Relative { count, unit, forward, from, approx } => {
            relative(*count, *unit, *forward, *from, *approx, ctx, sit)
        }
        What::Recent { unit, count } => recent(*unit, *count, ctx),
        What::Coming { unit } => coming(*unit, ctx),
        What::Season { season, year, shift } => season_range(*season, *year, *shift, ctx, sit),
        What::Clock => clock(ctx, sit),
        What::PastRef => (
            None,
            Anchor {
                kind: ctx.published_kind,
                date: ctx.published,
                explanation:
                    "some time before the article's date; the text gives no definite value"
                        .to_string(),
            },
        ),
    };
    Outcome { resolved, anchor, order }
}

fn unknown_date() -> (Option<Resolved>, Anchor) {
    (None, no_anchor("the article's date is unknown, so this cannot be placed"))
}

/// How many years back a written weekday may move a year-less date: the
/// same day of the year falls on the same weekday every 5 to 11 years, so
/// within this window the weekday usually picks one year.
const WEEKDAY_YEARS_BACK: i16 = 6;

fn date_without_year(
    month: i8,
    day: i8,
    weekday: Option<Weekday>,
    ctx: &Context,
    sit: &Situation,
) -> (Option<Resolved>, Anchor) {
    let (reference, from_previous) = match (ctx.published, &ctx.previous) {
        (Some(p), _) => (p, None),
        (None, Some(prev)) if prev.granularity != Granularity::Range => (prev.start, Some(prev)),
        _ => {
            return (None, no_anchor("no year is given and the article's date is unknown"));
        }
    };
    // With only an earlier mention to go by, take the nearest year.
    let tense = if from_previous.is_some() { Tense::Present } else { sit.tense };
    let in_years = |back: i16| -> Vec<Date> {
        (-back..=1)
            .filter_map(|k| Date::new(reference.year().checked_add(k)?, month, day).ok())
            .collect()
    };
    // A weekday written beside the date ("Saturday, April 17th") picks
    // among the years where that day falls on it.
    let matching: Vec<Date> = match weekday {
        Some(w) => in_years(WEEKDAY_YEARS_BACK).into_iter().filter(|d| d.weekday() == w).collect(),
        None => Vec::new(),
    };
    let by_weekday = !matching.is_empty();
    let candidates = if by_weekday { matching } else { in_years(1) };
    let pick = match tense {
        Tense::Past => candidates.iter().rev().find(|c| **c <= reference).copied(),
        Tense::Future => candidates.iter().find(|c| **c >= reference).copied(),
        Tense::Present => {
            candidates.iter().min_by_key(|c| days_between(reference, **c).abs()).copied()
        }
    };
    let Some(d) = pick else {
        return (None, no_anchor("no year is given and none fits"));
    };
    let name = match (weekday, by_weekday) {
        (Some(w), true) => format!("{} {} {}", weekday_name(w), day, month_name(month)),
        (Some(w), false) => format!(
            "{day} {} (the weekday written, {}, fits no year near it)",
            month_name(month),
            weekday_name(w)
        ),
        (None, _) => format!("{} {}", day, month_name(month)),
    };
    let anchor = match from_previous {
        Some(prev) => previous_anchor(
            prev,
            format!(
                "no year is given; the {name} nearest to the date mentioned before it, {}",
                describe(prev)
            ),
        ),
        None => {
            let how = match tense {
                Tense::Past => "the most recent",
                Tense::Future => "the next",
                Tense::Present => "the nearest",
            };
            let rel = match tense {
                Tense::Past => "on or before",
                Tense::Future => "on or after",
                Tense::Present => "to",
            };
            ctx.published_anchor(format!(
                "no year is given; {how} {name} {rel} {}, {}",
                ctx.published_phrase(reference),
                tense_phrase(tense)
            ))
        }
    };
    (Some(Resolved::day(d)), anchor)
}

fn numeric(
    first: i8,
    second: i8,
    year: i16,
    ctx: &Context,
) -> (Option<Resolved>, Anchor, Option<DayOrder>) {
    let month_first = Date::new(year, first, second).ok();
    let day_first = Date::new(year, second, first).ok();
    let decided = match (month_first, day_first) {
        (Some(a), Some(b)) if a == b => Some((
            a,
            DayOrder {
                order: NumericOrder::MonthFirst,
                reason: "day and month are the same number".into(),
            },
        )),
        (Some(a), None) => Some((
            a,
            DayOrder {
                order: NumericOrder::MonthFirst,
                reason: "only month-first gives a real date".into(),
            },
        )),
        (None, Some(b)) => Some((
            b,
            DayOrder {
                order: NumericOrder::DayFirst,
                reason: "only day-first gives a real date".into(),
            },
        )),
        (Some(a), Some(b)) => ctx.order.clone().map(|o| {
            let d = if o.order == NumericOrder::MonthFirst { a } else { b };
            (d, o)
        }),
        (None, None) => None,
    };
    match decided {
        Some((d, o)) => {
            let anchor = no_anchor(format!("numeric date read {}: {}", o.order.phrase(), o.reason));
            (Some(Resolved::day(d)), anchor, Some(o))
        }
        None => (
            None,
            no_anchor("either number could be the month, and nothing in the article tells which"),
            None,
        ),
    }
}

fn month_without_year(
    month: i8,
    shift: Shift,
    ctx: &Context,
    sit: &Situation,
) -> (Option<Resolved>, Anchor) {
    let Some(p) = ctx.published else { return unknown_date() };
    let here = i32::from(p.year()) * 12 + i32::from(p.month()) - 1;
    let candidates: Vec<i32> =
        (-1..=1).map(|k| (i32::from(p.year()) + k) * 12 + i32::from(month) - 1).collect();
    let (pick, how) = match (shift, sit.tense) {
        (Shift::Last, _) => (candidates.iter().rev().find(|c| **c < here), "the last"),
        (Shift::Next, _) => (candidates.iter().find(|c| **c > here), "the next"),
        (Shift::This, _) => (candidates.get(1), "the"),
        (Shift::Bare, Tense::Future) => (candidates.iter().find(|c| **c >= here), "the next"),
        (Shift::Bare, _) => (candidates.iter().rev().find(|c| **c <= here), "the most recent"),
    };
    let Some(&m) = pick else { return (None, no_anchor("no year fits")) };
    let Ok(year) = i16::try_from(m.div_euclid(12)) else {
        return (None, no_anchor("no year fits"));
    };
    let resolved = Resolved::month(year, month);
    let rel = if shift == Shift::This { "of" } else { "relative to" };
    let anchor = ctx.published_anchor(format!(
        "no year is given; {how} {} {rel} {}, {}",
        month_name(month),
        ctx.published_phrase(p),
        tense_phrase(sit.tense)
    ));
    (resolved, anchor)
}

fn weekday(
    day: Weekday,
    shift: Shift,
    ctx: &Context,
    sit: &Situation,
) -> (Option<Resolved>, Anchor) {
    let Some(p) = ctx.published else { return unknown_date() };
    let name = weekday_name(day);
    let backward = match shift {
        Shift::Last => true,
        Shift::Next => false,
        Shift::Bare | Shift::This => sit.tense != Tense::Future,
    };
    let (d, how) = if backward {
        if shift != Shift::Last && p.weekday() == day {
            (Some(p), format!("the most recent {name} on or before"))
        } else {
            (p.nth_weekday(-1, day).ok(), format!("the most recent {name} before"))
        }
    } else if shift != Shift::Next && p.weekday() == day {
        // Wire style names the writing day too: "a vote expected on
        // Wednesday" in Wednesday's paper is that day.
        (Some(p), format!("the {name} on or after"))
    } else {
        (p.nth_weekday(1, day).ok(), format!("the next {name} after"))
    };
    let Some(d) = d else { return (None, no_anchor("out of the calendar's range")) };
    let why = match shift {
        Shift::Last => "as it says \"last\"".to_string(),
        Shift::Next => "as it says \"next\"".to_string(),
        _ => tense_phrase(sit.tense).to_string(),
    };
    let anchor = ctx.published_anchor(format!("{how} {}, {why}", ctx.published_phrase(p)));
    (Some(Resolved::day(d)), anchor)
}

fn deictic(offset: i8, raw: &Raw, ctx: &Context) -> (Option<Resolved>, Anchor) {
    let Some(p) = ctx.published else { return unknown_date() };
    let Some(d) = add_days(p, i32::from(offset)) else { return unknown_date() };
    let word = match &raw.kind {
        super::TimexKind::Deictic(w) => w.clone(),
        _ => String::new(),
    };
    let rel = match offset {
        0 => "is".to_string(),
        -1 => "is the day before".to_string(),
        1 => "is the day after".to_string(),
        n => format!("is {n} days from"),
    };
    let anchor = ctx.published_anchor(format!("\"{word}\" {rel} {}", ctx.published_phrase(p)));
    (Some(Resolved::day(d)), anchor)
}

fn same_day(ctx: &Context, sit: &Situation) -> (Option<Resolved>, Anchor) {
    let prev = sit.earlier_in_sentence.as_ref().or(ctx.previous.as_ref());
    if let Some(prev) = prev.filter(|r| r.granularity == Granularity::Day) {
        let anchor = previous_anchor(
            prev,
            format!("the day under discussion: the date mentioned before it, {}", describe(prev)),
        );
        return (Some(Resolved::day(prev.start)), anchor);
    }
    let Some(p) = ctx.published else { return unknown_date() };
    let anchor = ctx.published_anchor(format!(
        "no day was mentioned before it, so the day meant is {}",
        ctx.published_phrase(p)
    ));
    (Some(Resolved::day(p)), anchor)
}

fn period(unit: Unit, offset: i8, ctx: &Context) -> (Option<Resolved>, Anchor) {
    let Some(p) = ctx.published else { return unknown_date() };
    let which = match offset {
        -1 => "before",
        1 => "after",
        _ => "holding",
    };
    let n = i32::from(offset);
    let resolved = match unit {
        Unit::Week | Unit::Weekend => monday_of(p).and_then(|m| add_days(m, 7 * n)).and_then(|m| {
            if unit == Unit::Week {
                Some(Resolved::range(m, add_days(m, 6)?))
            } else {
                Some(Resolved::range(add_days(m, 5)?, add_days(m, 6)?))
            }
        }),
        Unit::Month => {
            add_months(p.first_of_month(), n).and_then(|d| Resolved::month(d.year(), d.month()))
        }
        Unit::Year => add_years(p, n).and_then(|d| Resolved::year(d.year())),
        Unit::Day | Unit::Hour | Unit::Decade => None,
    };
    let name = match unit {
        Unit::Week => "week (Monday to Sunday)",
        Unit::Weekend => "weekend",
        Unit::Month => "month",
        _ => "year",
    };
    let anchor = ctx.published_anchor(format!("the {name} {which} {}", ctx.published_phrase(p)));
    (resolved, anchor)
}

fn part_of(unit: Unit, later: bool, ctx: &Context) -> (Option<Resolved>, Anchor) {
    let Some(p) = ctx.published else { return unknown_date() };
    let (first, last) = match unit {
        Unit::Week => match monday_of(p).and_then(|m| Some((m, add_days(m, 6)?))) {
            Some(b) => b,
            None => return (None, no_anchor("out of the calendar's range")),
        },
        Unit::Month => (p.first_of_month(), p.last_of_month()),
        _ => (p.first_of_year(), p.last_of_year()),
    };
    let (resolved, part) = if later {
        (Resolved::range(p, last), "the rest of")
    } else {
        (Resolved::range(first, p), "the part so far of")
    };
    let name = match unit {
        Unit::Week => "week",
        Unit::Month => "month",
        _ => "year",
    };
    let anchor = ctx.published_anchor(format!("{part} the {name} of {}", ctx.published_phrase(p)));
    (Some(resolved), anchor)
}

fn shift_by(d: Date, unit: Unit, n: i32) -> Option<Date> {
    match unit {
        Unit::Hour => Some(d),
        Unit::Day => add_days(d, n),
        Unit::Week | Unit::Weekend => add_days(d, 7 * n),
        Unit::Month => add_months(d, n),
        Unit::Year => add_years(d, n),
        Unit::Decade => add_years(d, 10 * n),
    }
}

fn unit_granularity(unit: Unit) -> Granularity {
    match unit {
        Unit::Hour | Unit::Day | Unit::Week | Unit::Weekend => Granularity::Day,
        Unit::Month => Granularity::Month,
        Unit::Year | Unit::Decade => Granularity::Year,
    }
}

fn coarser(a: Granularity, b: Granularity) -> Granularity {
    let rank = |g: Granularity| match g {
        Granularity::Day => 0,
        Granularity::Month => 1,
        Granularity::Year => 2,
        Granularity::Range => 0,
    };
    if rank(a) >= rank(b) {
        a
    } else {
        b
    }
}

fn unit_word(unit: Unit, count: i32) -> String {
    let w = match unit {
        Unit::Hour => "hour",
        Unit::Day => "day",
        Unit::Week => "week",
        Unit::Weekend => "weekend",
        Unit::Month => "month",
        Unit::Year => "year",
        Unit::Decade => "decade",
    };
    if count == 1 {
        format!("1 {w}")
    } else {
        format!("{count} {w}s")
    }
}

fn relative(
    count: i32,
    unit: Unit,
    forward: bool,
    from: From,
    approx: bool,
    ctx: &Context,
    sit: &Situation,
) -> (Option<Resolved>, Anchor) {
    let n = if forward { count } else { -count };
    let amount = unit_word(unit, count);
    let about = if approx { "about " } else { "" };
    let approx_note = if approx { " (approximate, as the text says)" } else { "" };
    let dir = if forward { "after" } else { "before" };
    match from {
        From::Now => {
            let Some(p) = ctx.published else { return unknown_date() };
            let Some(d) = shift_by(p, unit, n) else { return unknown_date() };
            let resolved = Resolved::at_granularity(unit_granularity(unit), d);
            let anchor = ctx.published_anchor(format!(
                "{about}{amount} {dir} {}{approx_note}",
                ctx.published_phrase(p)
            ));
            (resolved, anchor)
        }
        From::Previous => {
            let prev = sit.earlier_in_sentence.as_ref().or(ctx.previous.as_ref());
            let Some(prev) = prev.filter(|r| r.granularity != Granularity::Range) else {
                return (None, no_anchor("no date is mentioned before it to count from"));
            };
            let Some(d) = shift_by(prev.start, unit, n) else { return unknown_date() };
            let g = coarser(unit_granularity(unit), prev.granularity);
            let anchor = previous_anchor(
                prev,
                format!(
                    "{about}{amount} {dir} the date mentioned just before, {}{approx_note}",
                    describe(prev)
                ),
            );
            (Resolved::at_granularity(g, d), anchor)
        }
        From::Event => {
            // "two days after December 9": counted from the date that follows.
            if let Some(next) =
                sit.following.as_ref().filter(|r| r.granularity != Granularity::Range)
            {
                let Some(d) = shift_by(next.start, unit, n) else { return unknown_date() };
                let g = coarser(unit_granularity(unit), next.granularity);
                let anchor = Anchor {
                    kind: AnchorKind::PreviousMention,
                    date: Some(next.start),
                    explanation: format!("{about}{amount} {dir} {}{approx_note}", describe(next)),
                };
                return (Resolved::at_granularity(g, d), anchor);
            }
            // "nearly 17 years after the invasion" in a sentence about the
            // present: the time meant is now, the article's date.
            if sit.tense == Tense::Present {
                let Some(p) = ctx.published else { return unknown_date() };
                let event = shift_by(p, unit, -n).map(|e| e.year().to_string()).unwrap_or_default();
                let resolved = Resolved::at_granularity(unit_granularity(unit), p);
                let anchor = ctx.published_anchor(format!(
                    "{about}{amount} {dir} an event the sentence names (so the event was around {event}); \
                     the sentence speaks of the present, so the time meant is {}{approx_note}",
                    ctx.published_phrase(p)
                ));
                return (resolved, anchor);
            }
            let Some(prev) = sit.earlier_in_sentence.as_ref() else {
                return (
                    None,
                    no_anchor(format!("{amount} {dir} an event whose date the text does not give")),
                );
            };
            // "on Wednesday, a day after he met them": set off by a comma,
            // the phrase restates the date just mentioned and counts back
            // to its event.
            if sit.appositive {
                let anchor = previous_anchor(
                    prev,
                    format!(
                        "restates the date just before it, {}, which is {about}{amount} {dir} an \
                         event the sentence names{approx_note}",
                        describe(prev)
                    ),
                );
                return (Some(prev.clone()), anchor);
            }
            let Some(d) = shift_by(prev.start, unit, n) else { return unknown_date() };
            let g = coarser(unit_granularity(unit), prev.granularity);
            let anchor = previous_anchor(
                prev,
                format!("{about}{amount} {dir} the date mentioned earlier in the sentence, {}{approx_note}", describe(prev)),
            );
            (Resolved::at_granularity(g, d), anchor)
        }
    }
}

fn recent(unit: Unit, count: Option<i32>, ctx: &Context) -> (Option<Resolved>, Anchor) {
    let Some(p) = ctx.published else { return unknown_date() };
    let (start, reach) = match (unit, count) {
        (_, Some(n)) => (shift_by(p, unit, -n), unit_word(unit, n)),
        (Unit::Day, None) => (add_days(p, -RECENT_DAYS), format!("{RECENT_DAYS} days")),
        (Unit::Week, None) => {
            (add_days(p, -RECENT_WEEKS_DAYS), format!("{RECENT_WEEKS_DAYS} days"))
        }
        (Unit::Month, None) => (add_months(p, -RECENT_MONTHS), format!("{RECENT_MONTHS} months")),
        (_, None) => (add_years(p, -RECENT_YEARS), format!("{RECENT_YEARS} years")),
    };
    let Some(start) = start else { return unknown_date() };
    let anchor = ctx.published_anchor(format!(
        "a vague stretch of time, taken as the {reach} up to {}",
        ctx.published_phrase(p)
    ));
    (Some(Resolved::range(start, p)), anchor)
}

fn coming(unit: Unit, ctx: &Context) -> (Option<Resolved>, Anchor) {
    let Some(p) = ctx.published else { return unknown_date() };
    let (end, reach) = match unit {
        Unit::Hour => (add_days(p, 1), "day".to_string()),
        Unit::Day => (add_days(p, COMING_DAYS), format!("{COMING_DAYS} days")),
        Unit::Week | Unit::Weekend => {
            (add_days(p, COMING_WEEKS_DAYS), format!("{COMING_WEEKS_DAYS} days"))
        }
        Unit::Month => (add_months(p, COMING_MONTHS), format!("{COMING_MONTHS} months")),
        Unit::Year | Unit::Decade => (add_years(p, 3), "3 years".to_string()),
    };
    let Some(end) = end else { return unknown_date() };
    let anchor = ctx.published_anchor(format!(
        "a vague stretch of time ahead, taken as the {reach} from {}",
        ctx.published_phrase(p)
    ));
    (Some(Resolved::range(p, end)), anchor)
}

/// The first and last day of `season` starting in `year` (winter runs
/// into the next year).
fn season_days(season: Season, year: i16) -> Option<(Date, Date)> {
    let start = Date::new(year, season.first_month(), 1).ok()?;
    let end = add_months(start, 3)?.yesterday().ok()?;
    Some((start, end))
}

fn season_range(
    season: Season,
    year: Option<i16>,
    shift: Shift,
    ctx: &Context,
    sit: &Situation,
) -> (Option<Resolved>, Anchor) {
    if let Some(y) = year {
        let r = season_days(season, y).map(|(a, b)| Resolved::range(a, b));
        return (
            r,
            no_anchor(format!(
                "the {} of {y}, by whole months (northern hemisphere)",
                season.name()
            )),
        );
    }
    let Some(p) = ctx.published else { return unknown_date() };
    let candidates: Vec<(Date, Date)> =
        (-2..=1).filter_map(|k| season_days(season, p.year().checked_add(k)?)).collect();
    let (pick, how) = match (shift, sit.tense) {
        (Shift::Last, _) => (candidates.iter().rev().find(|(_, e)| *e < p), "the last"),
        (Shift::Next, _) => (candidates.iter().find(|(s, _)| *s > p), "the next"),
        // "will return in the spring", said in March: this spring.
        (Shift::Bare, Tense::Future) => {
            (candidates.iter().find(|(_, e)| *e >= p), "the current or next")
        }
        _ => (candidates.iter().rev().find(|(s, _)| *s <= p), "the most recent"),
    };
    let Some(&(a, b)) = pick else { return (None, no_anchor("no season fits")) };
    let anchor = ctx.published_anchor(format!(
        "{how} {} (by whole months, northern hemisphere) relative to {}, {}",
        season.name(),
        ctx.published_phrase(p),
        tense_phrase(sit.tense)
    ));
    (Some(Resolved::range(a, b)), anchor)
}

/// The days of quarter `q` (1–4) of `year`.
fn quarter_days(q: i8, year: i16) -> Option<(Date, Date)> {
    let start = Date::new(year, (q - 1) * 3 + 1, 1).ok()?;
    Some((start, add_months(start, 3)?.yesterday().ok()?))
}

fn quarter_range(
    q: i8,
    year: Option<i16>,
    ctx: &Context,
    sit: &Situation,
) -> (Option<Resolved>, Anchor) {
    if let Some(y) = year {
        let r = quarter_days(q, y).map(|(a, b)| Resolved::range(a, b));
        return (r, no_anchor(format!("quarter {q} of {y}, by calendar months")));
    }
    let Some(p) = ctx.published else { return unknown_date() };
    let candidates: Vec<(Date, Date)> =
        (-1..=1).filter_map(|k| quarter_days(q, p.year().checked_add(k)?)).collect();
    let (pick, how) = match sit.tense {
        Tense::Future => (candidates.iter().find(|(_, e)| *e >= p), "the current or next"),
        _ => (candidates.iter().rev().find(|(s, _)| *s <= p), "the most recent"),
    };
    let Some(&(a, b)) = pick else { return (None, no_anchor("no year fits")) };
    let anchor = ctx.published_anchor(format!(
        "{how} calendar quarter {q} relative to {}, {} (a company's fiscal quarters may differ)",
        ctx.published_phrase(p),
        tense_phrase(sit.tense)
    ));
    (Some(Resolved::range(a, b)), anchor)
}

fn clock(ctx: &Context, sit: &Situation) -> (Option<Resolved>, Anchor) {
    if let Some(prev) =
        sit.earlier_in_sentence.as_ref().filter(|r| r.granularity == Granularity::Day)
    {
        let anchor = previous_anchor(
            prev,
            format!(
                "a time of day on the day mentioned earlier in the sentence, {}",
                describe(prev)
            ),
        );
        return (Some(Resolved::day(prev.start)), anchor);
    }
    // "1:20 a.m. local time on Tuesday": the day that follows.
    if let Some(next) = sit.following.as_ref().filter(|r| r.granularity == Granularity::Day) {
        let anchor = Anchor {
            kind: AnchorKind::PreviousMention,
            date: Some(next.start),
            explanation: format!(
                "a time of day on the day named right after it, {}",
                describe(next)
            ),
        };
        return (Some(Resolved::day(next.start)), anchor);
    }
    let Some(p) = ctx.published else { return unknown_date() };
    let anchor = ctx.published_anchor(format!(
        "a time of day with no date, taken to be on {}",
        ctx.published_phrase(p)
    ));
    (Some(Resolved::day(p)), anchor)
}
