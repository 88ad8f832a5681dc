//! The scanner: finds temporal expressions and says what each one means,
//! before anything is resolved to a calendar date.
//!
//! Calendar dates with a day ("December 31, 2019", "Dec. 31", "31
//! December", "2019-12-31") come from [`crate::ingest::dates::find_dates`];
//! everything else (weekdays, months, years, numeric dates whose order is
//! ambiguous, relative and vague phrases, clock times) is matched here over
//! a token stream, in one left-to-right pass. Matches never overlap.

use super::TimexKind;
pub(crate) use crate::ingest::dates::MONTH_NAMES;
use crate::ingest::dates::{find_dates, tokenize, DateMatch, Kind, Token};
use crate::span::Span;
use jiff::civil::Weekday;

/// Years outside this range are not taken as years ("5781", "1500 troops").
pub(crate) const YEARS: std::ops::RangeInclusive<i16> = 1900..=2100;

/// Month abbreviations that count only with a dot or before a year.
const MONTH_SHORT: &[(&str, i8)] = &[
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Full weekday names, Monday first.
const WEEKDAY_NAMES: [(&str, Weekday); 7] = [
    ("monday", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
];

/// Prepositions that belong to the expression they introduce ("on
/// Sunday", "since October", "in 2003").
const PREPOSITIONS: &[&str] = &[
    "on",
    "in",
    "since",
    "during",
    "until",
    "till",
    "by",
    "from",
    "through",
    "throughout",
    "over",
];

/// Words that place an event early or late in the period that follows.
const MODIFIERS: &[&str] = &["early", "late", "mid", "earlier", "later"];

/// Words before a bare month name that make it a month ("in May", not the
/// verb "may").
const MONTH_CONTEXT: &[&str] = &[
    "in",
    "since",
    "during",
    "until",
    "till",
    "by",
    "from",
    "through",
    "throughout",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "of",
    "before",
    "after",
    "between",
    "and",
    "to",
];

/// Words before a four-digit number that make it a year ("in 2003").
const YEAR_CONTEXT: &[&str] = &[
    "in", "since", "by", "until", "till", "of", "from", "during", "through", "before", "after",
    "for", "early", "late", "mid", "around", "circa", "between", "and", "year",
];

/// Words that may follow a year; any other lowercase word means the number
/// counts something ("by 2000 troops").
const AFTER_YEAR: &[&str] = &[
    "and",
    "or",
    "but",
    "nor",
    "so",
    "yet",
    "to",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "with",
    "under",
    "over",
    "after",
    "before",
    "during",
    "until",
    "since",
    "as",
    "the",
    "a",
    "an",
    "its",
    "his",
    "her",
    "their",
    "while",
    "following",
    "through",
    "against",
    "amid",
    "despite",
    "into",
    "when",
    "where",
    "which",
    "who",
    "that",
    "than",
    "then",
    "was",
    "were",
    "is",
    "are",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "did",
    "saw",
];

/// Parts of a day that may follow a weekday or "yesterday".
const DAY_PARTS: &[&str] = &["morning", "afternoon", "evening", "night", "overnight"];

/// Time-zone abbreviations after a clock time (upper case only).
const ZONES: &[&str] = &[
    "GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST", "EST", "EDT", "CST", "CDT", "MST", "MDT",
    "PST", "PDT", "ET", "PT", "CT", "MT", "MSK", "AST", "IST", "JST", "AEST", "AEDT",
];

/// Number words for counts in relative expressions.
const NUMBER_WORDS: &[(&str, i32)] = &[
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
];

/// Words that make a count approximate ("nearly 17 years").
const APPROXIMATORS: &[&str] =
    &["nearly", "almost", "about", "around", "some", "roughly", "approximately", "over", "just"];

/// A unit of calendar time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Year,
    Decade,
}

impl Unit {
    fn parse(word: &str) -> Option<Unit> {
        let w = word.to_ascii_lowercase();
        let singular = w.strip_suffix('s').unwrap_or(&w);
        Some(match singular {
            "hour" => Unit::Hour,
            "day" => Unit::Day,
            "week" => Unit::Week,
            "weekend" => Unit::Weekend,
            "month" => Unit::Month,
            "year" => Unit::Year,
            "decade" => Unit::Decade,
            _ => return None,
        })
    }
}

/// Which occurrence a "last"/"next"/"this" word picks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shift {
    Bare,
    Last,
    This,
    Next,
}

impl Shift {
    fn parse(word: &str) -> Option<Shift> {
        match word.to_ascii_lowercase().as_str() {
            "last" | "past" => Some(Shift::Last),
            "this" => Some(Shift::This),
            "next" | "coming" => Some(Shift::Next),
            _ => None,
        }
    }
}

/// A season of the northern hemisphere, by whole months.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Season {
    fn parse(word: &str) -> Option<Season> {
        match word.to_ascii_lowercase().as_str() {
            "spring" => Some(Season::Spring),
            "summer" => Some(Season::Summer),
            "autumn" | "fall" => Some(Season::Autumn),
            "winter" => Some(Season::Winter),
            _ => None,
        }
    }

    /// The first month of the season.
    pub fn first_month(self) -> i8 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Autumn => 9,
            Season::Winter => 12,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Season::Spring => "spring",
            Season::Summer => "summer",
            Season::Autumn => "autumn",
            Season::Winter => "winter",
        }
    }
}

/// What a relative expression counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum From {
    /// "a year ago": from the article's date.
    Now,
    /// "six months later": from the date mentioned just before.
    Previous,
    /// "17 years after the invasion": from an event the sentence names.
    Event,
}

/// What an expression means, before resolution.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum What {
    /// A calendar day, maybe without its year, with the weekday written
    /// beside it ("Saturday, April 17th").
    Date {
        year: Option<i16>,
        month: i8,
        day: i8,
        weekday: Option<Weekday>,
    },
    /// `a/b/year` where either part could be the month.
    Numeric {
        first: i8,
        second: i8,
        year: i16,
    },
    /// A month, maybe without its year.
    Month {
        year: Option<i16>,
        month: i8,
        shift: Shift,
    },
    Year(i16),
    /// "the 1990s": the first year of the decade.
    Decade(i16),
    /// "the first quarter (of 2021)", "Q4 2019".
    Quarter {
        quarter: i8,
        year: Option<i16>,
    },
    Weekday {
        day: Weekday,
        shift: Shift,
    },
    /// "today" (0), "yesterday" (-1), "tomorrow" (1).
    Deictic {
        offset: i8,
    },
    /// "earlier in the day": the day under discussion.
    SameDay,
    /// "last week" (-1), "this month" (0), "next year" (1).
    Period {
        unit: Unit,
        offset: i8,
    },
    /// "earlier this year", "later this month".
    PartOf {
        unit: Unit,
        later: bool,
    },
    /// "six months later", "two days earlier", "a year ago".
    Relative {
        count: i32,
        unit: Unit,
        forward: bool,
        from: From,
        approx: bool,
    },
    /// "in recent months", "the past week".
    Recent {
        unit: Unit,
        count: Option<i32>,
    },
    /// "in the coming days", "over the next several days".
    Coming {
        unit: Unit,
    },
    /// "during the summer", "summer 2019".
    Season {
        season: Season,
        year: Option<i16>,
        shift: Shift,
    },
    /// "10:42 GMT", "1:20 a.m. local time".
    Clock,
    /// "recently", "lately": some time before the article, no definite value.
    PastRef,
}

/// One expression found in a text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Raw {
    /// Byte range in the scanned text.
    pub span: Span,
    pub kind: TimexKind,
    pub what: What,
    /// "early", "late", "night", or the clock time.
    pub part: Option<String>,
}

/// Order evidence for numeric dates, counted over a text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct OrderEvidence {
    /// Numeric dates that can only be day first ("13/01/2020").
    pub numeric_day_first: usize,
    /// Numeric dates that can only be month first ("01/13/2020").
    pub numeric_month_first: usize,
    /// Dates written "31 December".
    pub written_day_first: usize,
    /// Dates written "December 31".
    pub written_month_first: usize,
}

impl OrderEvidence {
    pub fn add(&mut self, other: OrderEvidence) {
        self.numeric_day_first += other.numeric_day_first;
        self.numeric_month_first += other.numeric_month_first;
        self.written_day_first += other.written_day_first;
        self.written_month_first += other.written_month_first;
    }
}

/// Scans `text` for temporal expressions, in order, never overlapping,
/// and counts the evidence for the order of numeric dates.
pub(crate) fn scan(text: &str) -> (Vec<Raw>, OrderEvidence) {
    let tokens = tokenize(text);
    let s = Scanner { text, tokens: &tokens };
    let dates = find_dates(text);
    let mut evidence = OrderEvidence::default();
    let mut found: Vec<Raw> = Vec::new();
    // Tokens before `free` belong to an earlier match.
    let mut free = 0;
    let mut next_date = 0;
    let mut i = 0;
    while i < tokens.len() {
        while next_date < dates.len() && dates[next_date].span.start < tokens[i].start {
            next_date += 1;
        }
        let matched = match dates.get(next_date) {
            Some(m) if m.span.start == tokens[i].start => {
                let end = tokens[i..].iter().position(|t| t.start >= m.span.end);
                let next = end.map_or(tokens.len(), |e| i + e);
                evidence.add(s.order_of(m, i));
                Some((s.calendar(m), i, next, true))
            }
            _ => s.at(i).map(|(raw, next, prefix)| (raw, i, next, prefix)).filter(|(raw, ..)| {
                // A calendar date that starts inside wins over this match.
                dates.get(next_date).is_none_or(|m| m.span.start >= raw.span.end)
            }),
        };
        // A match reaching back into an earlier one is dropped.
        let last_end = found.last().map_or(0, |r: &Raw| r.span.end);
        let matched = matched.filter(|(raw, ..)| raw.span.start >= last_end);
        match matched {
            Some((mut raw, core, next, prefix)) => {
                if prefix {
                    s.extend_prefix(&mut raw, core, free);
                }
                free = next;
                found.push(raw);
                i = next;
            }
            None => i += 1,
        }
    }
    (found, evidence)
}

struct Scanner<'a> {
    text: &'a str,
    tokens: &'a [Token],
}

impl Scanner<'_> {
    fn tok(&self, i: usize) -> Option<Token> {
        self.tokens.get(i).copied()
    }

    fn str(&self, t: Token) -> &str {
        &self.text[t.start..t.end]
    }

    fn word(&self, i: usize) -> Option<&str> {
        self.tok(i).filter(|t| t.kind == Kind::Word).map(|t| self.str(t))
    }

    fn word_is(&self, i: usize, w: &str) -> bool {
        self.word(i).is_some_and(|s| s.eq_ignore_ascii_case(w))
    }

    fn word_in(&self, i: usize, list: &[&str]) -> bool {
        self.word(i).is_some_and(|s| list.iter().any(|w| s.eq_ignore_ascii_case(w)))
    }

    fn capitalised(&self, i: usize) -> bool {
        self.word(i).is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
    }

    fn punct(&self, i: usize, c: char, tight: bool) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Punct(c) && !(tight && t.space_before))
    }

    fn tight(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.space_before)
    }

    fn num(&self, i: usize, digits: std::ops::RangeInclusive<usize>) -> Option<u32> {
        let t = self.tok(i)?;
        if t.kind != Kind::Num || !digits.contains(&(t.end - t.start)) {
            return None;
        }
        self.str(t).parse().ok()
    }

    fn span(&self, from: usize, to_exclusive: usize) -> Span {
        Span::new(self.tokens[from].start, self.tokens[to_exclusive - 1].end)
    }

    fn raw(&self, from: usize, next: usize, kind: TimexKind, what: What) -> Raw {
        Raw { span: self.span(from, next), kind, what, part: None }
    }

    /// True when token `i` opens a sentence (nothing before it, or a stop,
    /// a quote or a bracket).
    fn sentence_start(&self, i: usize) -> bool {
        i == 0
            || self.tok(i - 1).is_some_and(|t| {
                matches!(t.kind, Kind::Punct('.' | '!' | '?' | ':' | '"' | '“' | '‘' | '(' | '—'))
            })
    }

    /// A date from the ingest scanner.
    fn calendar(&self, m: &DateMatch) -> Raw {
        let year = m.date.map(|d| d.year());
        let part = m.time.map(|_| {
            // The clock part of the match, as written.
            let text = m.span.of(self.text);
            let cut = text.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
            let clock = clock_suffix(text, cut);
            clock.to_string()
        });
        // The ingest scanner takes a dot after any month name ("31
        // December."); only an abbreviation owns it.
        let mut span = m.span;
        let text = span.of(self.text);
        if let Some(head) = text.strip_suffix('.') {
            let last = head.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
            if MONTH_NAMES.iter().any(|n| n.eq_ignore_ascii_case(last)) {
                span.end -= 1;
            }
        }
        Raw {
            span,
            kind: TimexKind::Absolute,
            what: What::Date { year, month: m.month, day: m.day, weekday: m.weekday },
            part: part.filter(|p| !p.is_empty()),
        }
    }

    /// What the written form of a found date says about day/month order.
    fn order_of(&self, m: &DateMatch, i: usize) -> OrderEvidence {
        let mut e = OrderEvidence::default();
        let mut at = i;
        // Skip a leading weekday.
        if WEEKDAY_NAMES.iter().any(|(n, _)| {
            self.word(at).is_some_and(|w| w.len() >= 3 && n.starts_with(&w.to_ascii_lowercase()))
        }) {
            at += 1;
            while self.tok(at).is_some_and(|t| matches!(t.kind, Kind::Punct(_))) {
                at += 1;
            }
        }
        let Some(first) = self.tok(at) else { return e };
        match first.kind {
            Kind::Word => e.written_month_first += 1,
            Kind::Num if first.end - first.start <= 2 => {
                if self.punct(at + 1, '/', true) || self.punct(at + 1, '.', true) {
                    if let Some(a) = self.num(at, 1..=2) {
                        if a > 12 {
                            e.numeric_day_first += 1;
                        } else if u32::try_from(m.month).is_ok_and(|mm| mm == a)
                            && a != m.day as u32
                        {
                            e.numeric_month_first += 1;
                        }
                    }
                } else {
                    e.written_day_first += 1;
                }
            }
            _ => {}
        }
        e
    }

    /// Widens `raw` leftwards over a preposition and a modifier ("early on
    /// Wednesday", "on late Tuesday", "mid-December"), never into tokens
    /// before `free`.
    fn extend_prefix(&self, raw: &mut Raw, core: usize, free: usize) {
        // The match may already reach left of `core` ("the 1990s").
        let mut at = core;
        while at > 0 && self.tokens[at].start > raw.span.start {
            at -= 1;
        }
        let mut took_prep = false;
        let mut took_mod = false;
        for _ in 0..2 {
            if at == 0 || at - 1 < free {
                break;
            }
            // "mid-December"
            if !took_mod
                && at >= 2
                && at - 2 >= free
                && self.punct(at - 1, '-', true)
                && self.tight(at)
                && self.word_is(at - 2, "mid")
            {
                at -= 2;
                took_mod = true;
                raw.part.get_or_insert_with(|| "mid".to_string());
                continue;
            }
            if !took_prep && self.word_in(at - 1, PREPOSITIONS) {
                at -= 1;
                took_prep = true;
                continue;
            }
            if !took_mod && self.word_in(at - 1, MODIFIERS) {
                at -= 1;
                took_mod = true;
                let w = self.word(at).unwrap_or_default().to_ascii_lowercase();
                raw.part.get_or_insert(w);
                continue;
            }
            break;
        }
        raw.span.start = self.tokens[at].start;
    }

    /// An expression starting at token `i`: `(raw, next token, whether
    /// a preposition before it belongs to it)`.
    fn at(&self, i: usize) -> Option<(Raw, usize, bool)> {
        let t = self.tok(i)?;
        match t.kind {
            Kind::Num => self
                .numeric(i)
                .or_else(|| self.decade(i))
                .or_else(|| self.year(i))
                .or_else(|| self.clock(i))
                .or_else(|| self.relative(i)),
            Kind::Word => self
                .edge_of(i)
                .or_else(|| self.quarter(i))
                .or_else(|| self.part_of(i))
                .or_else(|| self.same_day(i))
                .or_else(|| self.recent(i))
                .or_else(|| self.coming(i))
                .or_else(|| self.relative(i))
                .or_else(|| self.period(i))
                .or_else(|| self.season(i))
                .or_else(|| self.weekday(i))
                .or_else(|| self.month(i))
                .or_else(|| self.deictic(i))
                .or_else(|| self.past_ref(i)),
            Kind::Punct(_) => None,
        }
    }

    /// A capitalised full weekday name, with "last"/"next"/"this" before
    /// and a part of the day after.
    fn weekday(&self, i: usize) -> Option<(Raw, usize, bool)> {
        let (from, shift, at) = match self.word(i).and_then(Shift::parse) {
            Some(shift) => (i, shift, i + 1),
            None => (i, Shift::Bare, i),
        };
        let w = self.word(at)?;
        if !w.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        let &(_, day) = WEEKDAY_NAMES.iter().find(|(n, _)| w.eq_ignore_ascii_case(n))?;
        // "Super Tuesday", "Good Friday": a name, not a date.
        if shift == Shift::Bare
            && at > 0
            && self.capitalised(at - 1)
            && !self.word_in(at - 1, PREPOSITIONS)
            && !self.word_in(at - 1, MODIFIERS)
            && !self.sentence_start(at - 1)
        {
            return None;
        }
        // "Sunday Times": a name, unless a preposition or a modifier
        // makes it a day ("On Tuesday Trump said").
        if shift == Shift::Bare
            && self.capitalised(at + 1)
            && !(at > 0 && (self.word_in(at - 1, PREPOSITIONS) || self.word_in(at - 1, MODIFIERS)))
        {
            return None;
        }
        let mut next = at + 1;
        let mut part = None;
        if self.word_in(next, DAY_PARTS) && !self.capitalised(next) {
            part = self.word(next).map(str::to_ascii_lowercase);
            next += 1;
        }
        let mut raw = self.raw(from, next, TimexKind::Weekday, What::Weekday { day, shift });
        raw.part = part;
        Some((raw, next, shift == Shift::Bare))
    }

    /// A month name at `i` (capitalised; abbreviations need a dot or a year).
    fn month_name(&self, i: usize) -> Option<(i8, usize)> {
        let w = self.word(i)?;
        if !w.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        if let Some(m) = MONTH_NAMES.iter().position(|n| w.eq_ignore_ascii_case(n)) {
            return Some((i8::try_from(m + 1).ok()?, i + 1));
        }
        let &(_, m) = MONTH_SHORT.iter().find(|(n, _)| w.eq_ignore_ascii_case(n))?;
        if self.punct(i + 1, '.', true) {
            return Some((m, i + 2));
        }
        self.year_value(i + 1).map(|_| (m, i + 1))
    }

    /// "May 2018", "October", "last December" (a bare month needs a
    /// word before it that makes it one).
    fn month(&self, i: usize) -> Option<(Raw, usize, bool)> {
        let (shift, at) = match self.word(i).and_then(Shift::parse) {
            Some(shift) => (shift, i + 1),
            None => (Shift::Bare, i),
        };
        let (month, next) = self.month_name(at)?;
        // "February 30": a day the ingest scanner refused; not a month.
        if self.num(next, 1..=2).is_some() {
            return None;
        }
        let at_year = if self.punct(next, ',', true) { next + 1 } else { next };
        // "of" between a month and its year: "May of 2018".
        let at_year = if self.word_is(at_year, "of") { at_year + 1 } else { at_year };
        if let Some(year) = self.year_value(at_year) {
            let what = What::Month { year: Some(year), month, shift };
            return Some((self.raw(i, at_year + 1, TimexKind::Absolute, what), at_year + 1, true));
        }
        let context = shift != Shift::Bare
            || (at > 0 && self.word_in(at - 1, MONTH_CONTEXT))
            || (at > 1 && self.punct(at - 1, '-', true) && self.word_is(at - 2, "mid"));
        if !context {
            return None;
        }
        let what = What::Month { year: None, month, shift };
        Some((self.raw(i, next, TimexKind::Absolute, what), next, shift == Shift::Bare))
    }

    /// A four-digit year in [`YEARS`] at `i`, not part of a larger number.
    fn year_value(&self, i: usize) -> Option<i16> {
        self.year_in_number(i, false)
    }

    /// [`Self::year_value`]; `inside` allows a slash or dash before it, as
    /// in `01/10/2020`.
    fn year_in_number(&self, i: usize, inside: bool) -> Option<i16> {
        let y = i16::try_from(self.num(i, 4..=4)?).ok()?;
        if !YEARS.contains(&y) {
            return None;
        }
        if !inside
            && i > 0
            && self.tight(i)
            && self.tok(i - 1).is_some_and(|t| {
                matches!(t.kind, Kind::Punct('$' | '£' | '€' | ',' | '.' | '/' | ':' | '#' | '+'))
            })
        {
            return None;
        }
        if let Some(n) = self.tok(i + 1).filter(|t| !t.space_before) {
            match n.kind {
                Kind::Punct('%' | ':' | '/') | Kind::Word | Kind::Num => return None,
                Kind::Punct('.' | ',' | '-')
                    if self.tok(i + 2).is_some_and(|t| !t.space_before && t.kind == Kind::Num) =>
                {
                    return None
                }
                _ => {}
            }
        }
        Some(y)
    }

    /// "in 2003", "since 1990", "mid-2019", "the invasion of 2003".
    fn year(&self, i: usize) -> Option<(Raw, usize, bool)> {
        let y = self.year_value(i)?;
        let context = (i > 0 && self.word_in(i - 1, YEAR_CONTEXT))
            || (i > 1 && self.punct(i - 1, '-', true) && self.word_is(i - 2, "mid"))
            // "from 2010 to 2018", "2010 to 2018"
            || (i > 1 && self.word_is(i - 1, "to") && self.year_value(i - 2).is_some());
        if !context {
            return None;
        }
        // "by 2000 troops": a count.
        if let Some(w) = self.word(i + 1) {
            let lower = w.starts_with(|c: char| c.is_lowercase());
            if lower && !AFTER_YEAR.iter().any(|a| w.eq_ignore_ascii_case(a)) {
                return None;
            }
        }
        Some((self.raw(i, i + 1, TimexKind::Absolute, What::Year(y)), i + 1, true))
    }

    /// "the 1990s", "the early 2000s", "mid-1980s".
    fn decade(&self, i: usize) -> Option<(Raw, usize, bool)> {
        let y = i16::try_from(self.num(i, 4..=4)?).ok()?;
        if !YEARS.contains(&y) || y % 10 != 0 || !self.tight(i + 1) || self.word(i + 1) != Some("s")
        {
            return None;
        }
        // "the early 2000s", "mid-1980s": the article and the modifier
        // belong to the expression.
        let mut from = i;
        let mut part = None;
        if i > 0 && self.word_in(i - 1, &["early", "late", "mid"]) {
            from = i - 1;
            part = self.word(from).map(str::to_ascii_lowercase);
        } else if i > 1 && self.punct(i - 1, '-', true) && self.word_is(i - 2, "mid") {
            from = i - 2;
            part = Some("mid".to_string());
        }
        if from > 0 && self.word_is(from - 1, "the") {
            from -= 1;
        } else if part.is_none() {
            return None;
        }
        let mut raw = self.raw(from, i + 2, TimexKind::Absolute, What::Decade(y));
        raw.part = part;
        Some((raw, i + 2, true))
    }

    /// `01/10/2020` or `01-10-2020`: the ingest scanner leaves these out
    /// when both parts could be the month.
    fn numeric(&self, i: usize) -> Option<(Raw, usize, bool)> {
        let a = self.num(i, 1..=2)?;
        let sep = match self.tok(i + 1)?.kind {
            Kind::Punct(c @ ('/' | '-')) if self.tight(i + 1) => c,
            _ => return None,
        };
        let b = self.num(i + 2, 1..=2).filter(|_| self.tight(i + 2))?;
        if !self.punct(i + 3, sep, true) || !self.tight(i + 4) {
            return None;
        }
        let year = self.year_in_number(i + 4, true)?;
        let (first, second) = (i8::try_from(a).ok()?, i8::try_from(b).ok()?);
        let valid = |m: i8, d: i8| jiff::civil::Date::new(year, m, d).is_ok();
        if !valid(first, second) && !valid(second, first) {
            return None;
        }
        let what = What::Numeric { first, second, year };
        Some((self.raw(i, i + 5, TimexKind::Numeric, what), i + 5, true))
    }

    /// `10:42 GMT`, `1:20 a.m. local time`, `4 p.m.`.
    fn clock(&self, i: usize) -> Option<(Raw, usize, bool)> {
        let h = self.num(i, 1..=2)?;
        let mut next = i + 1;
        let mut minutes = 0;
        if self.punct(next, ':', true) {
            minutes = self.num(next + 1, 2..=2).filter(|_| self.tight(next + 1))?;
            next += 2;
            if self.punct(next, ':', true) && self.num(next + 1, 2..=2).is_some() {
                next += 2;
            }
        }
        let colon = next > i + 1;
        let mut marked = false;
        if let Some(after) = self.meridiem(next) {
            if !(1..=12).contains(&h) {
                return None;
            }
            next = after;
            marked = true;
        }
        if self.word(next).is_some_and(|w| ZONES.contains(&w)) {
            next += 1;
            marked = true;
        }
        if self.word_is(next, "local") && self.word_is(next + 1, "time") {
            next += 2;
            marked = true;
        }
        if h > 23 || minutes > 59 || !(colon || marked) {
            return None;
        }
        let cued = i == 0
            || self.word_in(
                i - 1,
                &[
                    "at", "by", "around", "about", "from", "until", "till", "before", "after",
                    "since",
                ],
            );
        if !marked && !cued {
            return None;
        }
        let mut raw = self.raw(i, next, TimexKind::Time, What::Clock);
        raw.part = Some(raw.span.of(self.text).to_string());
        Some((raw, next, false))
    }

    /// `am`, `pm`, `a.m.`, `p.m.` → next token.
    fn meridiem(&self, i: usize) -> Option<usize> {
        let w = self.word(i)?;
        if w.eq_ignore_ascii_case("am") || w.eq_ignore_ascii_case("pm") {
            return Some(i + 1);
        }
        if (w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("p"))
            && self.punct(i + 1, '.', true)
            && self.word_is(i + 2, "m")
            && self.tight(i + 2)
        {
            return Some(if self.punct(i + 3, '.', true) { i + 4 } else { i + 3 });
        }
        None
    }

    /// "today", "tonight", "yesterday morning", "this evening", "last night".
    fn deictic(&self, i: usize) -> Option<(Raw, usize, bool)> {
        let word = self.word(i)?;
        // "USA Today": a name.
        if self.capitalised(i) && i > 0 && self.capitalised(i - 1) && !self.sentence_start(i - 1) {
            return None;
        }
        let w = word.to_ascii_lowercase();
        let (offset, mut part, mut next) = match w.as_str() {
            "today" => (0, None, i + 1),
            "tonight" => (0, Some("night".to_string()), i + 1),
            "yesterday" => (-1, None, i + 1),
            "tomorrow" => (1, None, i + 1),
            "this" if self.word_in(i + 1, &["morning", "afternoon", "evening"]) => {
                (0, self.word(i + 1).map(str::to_ascii_lowercase), i + 2)
            }
            "last" if self.word_is(i + 1, "night") => (-1, Some("night".to_string()), i + 2),
            _ => return None,
        };
        if part.is_none() && self.word_in(next, DAY_PARTS) && !self.capitalised(next) {
            part = self.word(next).map(str::to_ascii_lowercase);
            next += 1;
        }
        let label = self.span(i, if matches!(w.as_str(), "this" | "last") { i + 2 } else { i + 1 });
        let label = label.of(self.text).to_lowercase();
        let mut raw = self.raw(i, next, TimexKind::Deictic(label), What::Deictic { offset });
        raw.part = part;
        // "earlier today", "late yesterday"
        Some((raw, next, true))
    }

    /// "the end of the year", "the start of next month", "the middle of
    /// May": the period, with the edge as its part.
    fn edge_of(&self, i: usize) -> Option<(Raw, usize, bool)> {
        if !self.word_is(i, "the") {
            return None;
        }
        let edge = self.word(i + 1)?.to_ascii_lowercase();
        let part = match edge.as_str() {
            "end" | "close" => "end",
            "start" | "beginning" => "start",
            "middle" => "middle",
            _ => return None,
        };
        if !self.word_is(i + 2, "of") {
            return None;
        }
        let at = i + 3;
        let unit = self.word(at + 1).and_then(Unit::parse).filter(|_| self.word_is(at, "the"));
        let (mut raw, next) = match unit {
            // "the end of the year": the current one.
            Some(unit @ (Unit::Week | Unit::Month | Unit::Year))
                if !self.word(at + 1)?.ends_with('s') =>
            {
                let what = What::Period { unit, offset: 0 };
                (self.raw(at, at + 2, TimexKind::Relative, what), at + 2)
            }
            _ => {
                let (raw, next, _) =
                    self.period(at).or_else(|| self.month(at)).or_else(|| self.year(at))?;
                (raw, next)
            }
        };
        raw.span.start = self.tokens[i].start;
        raw.part = Some(part.to_string());
        Some((raw, next, true))
    }

    /// "the first quarter", "the third quarter of 2021", "Q4 2019".
    fn quarter(&self, i: usize) -> Option<(Raw, usize, bool)> {
        let (q, mut next) = if self.word(i) == Some("Q") && self.tight(i + 1) {
            let q = self.num(i + 1, 1..=1)?;
            (i8::try_from(q).ok()?, i + 2)
        } else if self.word_is(i, "the") {
            let q = match self.word(i + 1)?.to_ascii_lowercase().as_str() {
                "first" => 1,
                "second" => 2,
                "third" => 3,
                "fourth" | "final" => 4,
                _ => return None,
            };
            if !self.word_is(i + 2, "quarter") {
                return None;
            }
            (q, i + 3)
        } else {
            return None;
        };
        if !(1..=4).contains(&q) {
            return None;
        }
        let at_year = if self.word_is(next, "of") { next + 1 } else { next };
        let year = self.year_value(at_year);
        if year.is_some() {
            next = at_year + 1;
        }
        Some((
            self.raw(i, next, TimexKind::Absolute, What::Quarter { quarter: q, year }),
            next,
            true,
        ))
    }

    /// "recently", "lately".
    fn past_ref(&self, i: usize) -> Option<(Raw, usize, bool)> {
        // "most recently" orders a series; it does not place a time.
        if !self.word_in(i, &["recently", "lately"]) || (i > 0 && self.word_is(i - 1, "most")) {
            return None;
        }
        Some((self.raw(i, i + 1, TimexKind::Vague, What::PastRef), i + 1, false))
    }

    /// "earlier in the day", "later that day", "the same day".
    fn same_day(&self, i: usize) -> Option<(Raw, usize, bool)> {
        let part = self.word(i)?.to_ascii_lowercase();
        let next = if matches!(part.as_str(), "earlier" | "later") {
            if self.word_is(i + 1, "in") && self.word_is(i + 2, "the") && self.word_is(i + 3, "day")
            {
                i + 4
            } else if self.word_is(i + 1, "that") && self.word_is(i + 2, "day") {
                i + 3
            } else {
                return None;
            }
        } else if part == "the" && self.word_is(i + 1, "same") && self.word_is(i + 2, "day") {
            i + 3
        } else {
            return None;
        };
        let mut raw = self.raw(i, next, TimexKind::Relative, What::SameDay);
        if part != "the" {
            raw.part = Some(part);
        }
        Some((raw, next, false))
    }

    /// "earlier this year", "later this month".
    fn part_of(&self, i: usize) -> Option<(Raw, usize, bool)> {
        let w = self.word(i)?.to_ascii_lowercase();
        let later = match w.as_str() {
            "earlier" => false,
            "later" => true,
            _ => return None,
        };
        if !self.word_is(i + 1, "this") {
            return None;
        }
        let unit = self.word(i + 2).and_then(Unit::parse)?;
        if !matches!(unit, Unit::Week | Unit::Month | Unit::Year)
            || self.word(i + 2)?.ends_with('s')
        {
            return None;
        }
        let mut raw = self.raw(i, i + 3, TimexKind::Vague, What::PartOf { unit, later });
        raw.part = Some(w);
        Some((raw, i + 3, false))
    }

    /// "last week", "this month", "next year", "this weekend".
    fn period(&self, i: usize) -> Option<(Raw, usize, bool)> {
        let w = self.word(i)?.to_ascii_lowercase();
        let offset = match w.as_str() {
            "last" => -1,
            "this" => 0,
            "next" => 1,
            _ => return None,
        };
        let unit_word = self.word(i + 1)?;
        if unit_word.ends_with('s') {
            return None;
        }
        let unit = Unit::parse(unit_word)?;
        if !matches!(unit, Unit::Week | Unit::Weekend | Unit::Month | Unit::Year) {
            return None;
        }
        Some((self.raw(i, i + 2, TimexKind::Relative, What::Period { unit, offset }), i + 2, true))
    }

    /// A count: digits or a number word, with "a few", "several" as 3.
    fn count(&self, i: usize) -> Option<(i32, usize, bool)> {
        if let Some(n) = self.num(i, 1..=3) {
            return Some((i32::try_from(n).ok()?, i + 1, false));
        }
        let w = self.word(i)?.to_ascii_lowercase();
        if w == "a" && self.word_is(i + 1, "few") {
            return Some((3, i + 2, true));
        }
        if w == "a" && self.word_is(i + 1, "couple") && self.word_is(i + 2, "of") {
            return Some((2, i + 3, true));
        }
        if w == "several" || w == "few" {
            return Some((3, i + 1, true));
        }
        NUMBER_WORDS.iter().find(|(n, _)| *n == w).map(|&(_, n)| (n, i + 1, false))
    }

    /// "six months later", "two days earlier", "a year ago", "nearly 17
    /// years after", "the next day", "the following week".
    fn relative(&self, i: usize) -> Option<(Raw, usize, bool)> {
        // "the next day", "the following week", "the previous day"
        if self.word_is(i, "the") {
            let forward = match self.word(i + 1)?.to_ascii_lowercase().as_str() {
                "next" | "following" => true,
                "previous" => false,
                _ => return None,
            };
            let unit = self.word(i + 2).and_then(Unit::parse)?;
            if matches!(unit, Unit::Hour | Unit::Weekend) || self.word(i + 2)?.ends_with('s') {
                return None;
            }
            let what =
                What::Relative { count: 1, unit, forward, from: From::Previous, approx: false };
            return Some((self.raw(i, i + 3, TimexKind::Relative, what), i + 3, false));
        }
        let mut at = i;
        let mut approx = false;
        if self.word_in(at, APPROXIMATORS) {
            approx = true;
            at += 1;
        } else if self.word_in(at, &["more", "less"]) && self.word_is(at + 1, "than") {
            approx = true;
            at += 2;
        }
        let (count, after_count, vague) = self.count(at)?;
        let unit = self.word(after_count).and_then(Unit::parse)?;
        if matches!(unit, Unit::Hour | Unit::Weekend) {
            return None;
        }
        let dir = self.word(after_count + 1)?.to_ascii_lowercase();
        // "two weeks from now"
        if dir == "from" && self.word_is(after_count + 2, "now") {
            let what = What::Relative {
                count,
                unit,
                forward: true,
                from: From::Now,
                approx: approx || vague,
            };
            let next = after_count + 3;
            return Some((self.raw(i, next, TimexKind::Relative, what), next, false));
        }
        let (forward, from) = match dir.as_str() {
            "later" | "afterwards" | "afterward" => (true, From::Previous),
            "earlier" => (false, From::Previous),
            "ago" => (false, From::Now),
            "after" => (true, From::Event),
            "before" => (false, From::Event),
            _ => return None,
        };
        let what = What::Relative { count, unit, forward, from, approx: approx || vague };
        let next = after_count + 2;
        Some((self.raw(i, next, TimexKind::Relative, what), next, false))
    }

    /// "in recent months", "recent weeks", "the past few days", "in the
    /// last week".
    fn recent(&self, i: usize) -> Option<(Raw, usize, bool)> {
        let mut at = i;
        if self.word_in(at, &["in", "over", "during", "for", "within"]) {
            at += 1;
        }
        if self.word_is(at, "recent") {
            let unit_word = self.word(at + 1)?;
            let unit = Unit::parse(unit_word)?;
            if !unit_word.ends_with('s') || matches!(unit, Unit::Weekend) {
                return None;
            }
            let what = What::Recent { unit, count: None };
            return Some((self.raw(i, at + 2, TimexKind::Vague, what), at + 2, false));
        }
        if !(self.word_is(at, "the") && self.word_in(at + 1, &["past", "last"])) {
            return None;
        }
        at += 2;
        let (count, after) = match self.count(at) {
            Some((n, after, vague)) => (if vague { None } else { Some(n) }, after),
            None => (Some(1), at),
        };
        let unit_word = self.word(after)?;
        let unit = Unit::parse(unit_word)?;
        if matches!(unit, Unit::Weekend | Unit::Hour) {
            return None;
        }
        // "the last week of May" is a part of May, not a recent week.
        if self.word_is(after + 1, "of") {
            return None;
        }
        let what = What::Recent { unit, count };
        Some((self.raw(i, after + 1, TimexKind::Vague, what), after + 1, false))
    }

    /// "in the coming days", "in coming weeks", "over the next several
    /// days", "in the next few hours".
    fn coming(&self, i: usize) -> Option<(Raw, usize, bool)> {
        let mut at = i;
        if self.word_in(at, &["in", "over", "during", "within"]) {
            at += 1;
        }
        if self.word_is(at, "the") {
            at += 1;
        }
        let next = if self.word_is(at, "coming") {
            at + 1
        } else if self.word_is(at, "next") {
            // The count is required in the plural: "the next few days".
            match self.count(at + 1) {
                Some((_, after, _)) => after,
                None => at + 1,
            }
        } else {
            return None;
        };
        let unit_word = self.word(next)?;
        let unit = Unit::parse(unit_word)?;
        if !unit_word.ends_with('s') || matches!(unit, Unit::Weekend) {
            return None;
        }
        Some((self.raw(i, next + 1, TimexKind::Vague, What::Coming { unit }), next + 1, false))
    }

    /// "during the summer", "this summer", "summer 2019", "the summer of
    /// 2019".
    fn season(&self, i: usize) -> Option<(Raw, usize, bool)> {
        let mut at = i;
        let mut shift = Shift::Bare;
        let lead = self.word_in(
            at,
            &["during", "in", "over", "through", "throughout", "since", "by", "until"],
        );
        if lead {
            at += 1;
        }
        if let Some(s) = self.word(at).and_then(Shift::parse) {
            shift = s;
            at += 1;
        } else if self.word_is(at, "the") {
            at += 1;
        }
        let season_word = self.word(at)?;
        let season = Season::parse(season_word)?;
        // "the Summer Olympics": a name, unless a year follows.
        let capital =
            season_word.starts_with(|c: char| c.is_uppercase()) && !self.sentence_start(at);
        let mut next = at + 1;
        let of = if self.word_is(next, "of") { next + 1 } else { next };
        let year = self.year_value(of);
        if year.is_some() {
            next = of + 1;
        }
        let introduced = (lead && self.word_is(at - 1, "the")) || shift != Shift::Bare;
        if year.is_none() && (!introduced || capital) {
            return None;
        }
        // "in the fall of Baghdad": a noun, not a season.
        if season_word.eq_ignore_ascii_case("fall") && self.word_is(next, "of") {
            return None;
        }
        let what = What::Season { season, year, shift };
        Some((self.raw(i, next, TimexKind::Vague, what), next, false))
    }
}

/// The clock part of a date-and-time text, from byte `from` on: the last
/// run that starts with a digit and holds a `:` or a dot-time.
fn clock_suffix(text: &str, from: usize) -> &str {
    // The time follows the date; find the last number followed by ':' or '.'
    // then digits.
    let bytes = text.as_bytes();
    let mut best = None;
    let mut k = from;
    while k + 2 < bytes.len() {
        if bytes[k].is_ascii_digit()
            && matches!(bytes[k + 1], b':' | b'.')
            && bytes[k + 2].is_ascii_digit()
        {
            let mut s = k;
            while s > 0 && bytes[s - 1].is_ascii_digit() {
                s -= 1;
            }
            best = Some(s);
        }
        k += 1;
    }
    best.map_or("", |s| text[s..].trim())
}
