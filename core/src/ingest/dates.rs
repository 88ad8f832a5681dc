//! A scanner for the date and time forms news pages print.
//!
//! [`find_dates`] finds calendar dates with an optional weekday and time of
//! day; [`time_at_start`] finds the time stamp that opens a live-blog entry.
//! Both are hand-written over a small token stream, run in linear time and
//! never guess: an ambiguous `03/04/2021` or an impossible `February 30,
//! 2021` is not a date.
//!
//! Accepted forms, each with an optional leading weekday and trailing time:
//!
//! ```text
//! 2019-12-31   2019/12/31   2019-12-31T16:38:00Z   2019-12-31 16:38+03:00
//! December 31, 2019   Dec. 31 2019   December 31st   (no year)
//! 31 December 2019    31st of Dec 2019    Tue 31 Dec 2019 16.38 GMT
//! 31.12.2019   31/12/2019   12/31/2019   (slashes only when unambiguous)
//! times: 4:38 pm   16:38   16.38 GMT   9.15am   1:20 p.m. ET   16:38:00Z
//! ```

use crate::span::Span;
use jiff::civil::{Date, Time, Weekday};

/// Years outside this range are not taken as years (a Hebrew year such as
/// 5781, a count such as 1500).
const YEARS: std::ops::RangeInclusive<i16> = 1900..=2100;

/// Month names and abbreviations with their numbers.
/// Full month names, January first (also used to write dates out).
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const MONTHS: &[(&str, i8)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

/// Weekday names and abbreviations.
const WEEKDAYS: &[(&str, Weekday)] = &[
    ("monday", Weekday::Monday),
    ("mon", Weekday::Monday),
    ("tuesday", Weekday::Tuesday),
    ("tue", Weekday::Tuesday),
    ("tues", Weekday::Tuesday),
    ("wednesday", Weekday::Wednesday),
    ("wed", Weekday::Wednesday),
    ("thursday", Weekday::Thursday),
    ("thu", Weekday::Thursday),
    ("thur", Weekday::Thursday),
    ("thurs", Weekday::Thursday),
    ("friday", Weekday::Friday),
    ("fri", Weekday::Friday),
    ("saturday", Weekday::Saturday),
    ("sat", Weekday::Saturday),
    ("sunday", Weekday::Sunday),
    ("sun", Weekday::Sunday),
];

/// Time-zone abbreviations that may follow a time.
const ZONES: &[&str] = &[
    "gmt", "utc", "z", "bst", "cet", "cest", "eet", "eest", "est", "edt", "cst", "cdt", "mst",
    "mdt", "pst", "pdt", "et", "pt", "ct", "mt", "ast", "msk", "ist", "jst", "aest", "aedt",
    "irst", "wib", "sgt", "hkt",
];

/// A date (and maybe a time) found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateMatch {
    /// The exact text, as a byte range of the scanned text.
    pub span: Span,
    /// The calendar date, when the year is given.
    pub date: Option<Date>,
    /// The month, 1–12.
    pub month: i8,
    /// The day of the month.
    pub day: i8,
    /// The weekday, when given.
    pub weekday: Option<Weekday>,
    /// The time of day, when given.
    pub time: Option<Time>,
}

/// A time stamp at the start of a text, as live blogs open their entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeStamp {
    /// The exact text of the stamp.
    pub span: Span,
    /// The time of day.
    pub time: Time,
}

/// Finds every date in `text`, in order. Spans are byte ranges of `text`.
pub fn find_dates(text: &str) -> Vec<DateMatch> {
    let tokens = tokenize(text);
    let scanner = Scanner { text, tokens: &tokens };
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match scanner.date_at(i) {
            Some((m, next)) => {
                found.push(m);
                i = next;
            }
            None => i += 1,
        }
    }
    found
}

/// The time stamp `text` starts with, such as `10:42`, `10:42 GMT`,
/// `9.15am` or `1:20 p.m.`. A stamp written with a dot needs am/pm or a
/// zone, so that `3.5 million` is not a time.
pub fn time_at_start(text: &str) -> Option<TimeStamp> {
    let start = text.len() - text.trim_start().len();
    // Only the opening words matter; this keeps long lines cheap.
    let head_end = floor_char_boundary(text, start + 32);
    let tokens = tokenize(&text[start..head_end]);
    let scanner = Scanner { text: &text[start..head_end], tokens: &tokens };
    let (time, next) = scanner.time_at(0, false)?;
    // The stamp must end at a word boundary ("10:42am" yes, "10:42x" no).
    let end = tokens[next - 1].end;
    if tokens.get(next).is_some_and(|t| !t.space_before && t.kind == Kind::Word) {
        return None;
    }
    Some(TimeStamp { span: Span::new(start, start + end), time })
}

/// The largest char boundary of `text` at or below `at`.
fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// What a [`Token`] of [`tokenize`] is. The time step's scanner reads the
/// same tokens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A run of letters.
    Word,
    /// A run of ASCII digits.
    Num,
    /// Any other single non-blank char.
    Punct(char),
}

/// One token: its kind and byte range.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// Whether blank space separates it from the token before.
    pub space_before: bool,
}

/// Cuts `text` into runs of letters, runs of digits and single other
/// chars, skipping blanks.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut space_before = false;
    for (at, c) in text.char_indices() {
        let kind = if c.is_whitespace() {
            space_before = true;
            continue;
        } else if c.is_ascii_digit() {
            Kind::Num
        } else if c.is_alphabetic() {
            Kind::Word
        } else {
            Kind::Punct(c)
        };
        let end = at + c.len_utf8();
        match tokens.last_mut() {
            Some(last) if !space_before && last.kind == kind && !matches!(kind, Kind::Punct(_)) => {
                last.end = end;
            }
            _ => tokens.push(Token { kind, start: at, end, space_before }),
        }
        space_before = false;
    }
    tokens
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

    /// A number token of `min..=max` digits, directly after the previous
    /// token when `tight`.
    fn num(&self, i: usize, digits: std::ops::RangeInclusive<usize>, tight: bool) -> Option<u32> {
        let t = self.tok(i)?;
        if t.kind != Kind::Num || !digits.contains(&(t.end - t.start)) || (tight && t.space_before)
        {
            return None;
        }
        self.str(t).parse().ok()
    }

    fn punct(&self, i: usize, c: char, tight: bool) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Punct(c) && !(tight && t.space_before))
    }

    fn word(&self, i: usize) -> Option<&str> {
        self.tok(i).filter(|t| t.kind == Kind::Word).map(|t| self.str(t))
    }

    fn word_is(&self, i: usize, w: &str) -> bool {
        self.word(i).is_some_and(|s| s.eq_ignore_ascii_case(w))
    }

    /// A capitalised month name at `i`, with an optional abbreviation dot.
    fn month(&self, i: usize) -> Option<(i8, usize)> {
        let w = self.word(i)?;
        if !w.starts_with(|c: char| c.is_uppercase()) {
            return None;
        }
        let &(_, m) = MONTHS.iter().find(|(name, _)| w.eq_ignore_ascii_case(name))?;
        let next = if self.punct(i + 1, '.', true) { i + 2 } else { i + 1 };
        Some((m, next))
    }

    fn weekday(&self, i: usize) -> Option<(Weekday, usize)> {
        let w = self.word(i)?;
        let &(_, day) = WEEKDAYS.iter().find(|(name, _)| w.eq_ignore_ascii_case(name))?;
        let mut next = i + 1;
        if self.punct(next, '.', true) {
            next += 1;
        }
        if self.punct(next, ',', true) {
            next += 1;
        }
        Some((day, next))
    }

    /// A day of the month with an optional ordinal suffix ("31st").
    fn day(&self, i: usize) -> Option<(i8, usize)> {
        let d = self.num(i, 1..=2, false)?;
        let mut next = i + 1;
        if let Some(w) = self.word(next) {
            let tight = !self.tokens[next].space_before;
            if tight && ["st", "nd", "rd", "th"].iter().any(|s| w.eq_ignore_ascii_case(s)) {
                next += 1;
            }
        }
        Some((i8::try_from(d).ok()?, next))
    }

    /// A year of four digits in [`YEARS`].
    fn year(&self, i: usize) -> Option<i16> {
        let y = i16::try_from(self.num(i, 4..=4, false)?).ok()?;
        YEARS.contains(&y).then_some(y)
    }

    /// `(year, month, day, next)` for the date forms without a weekday.
    fn calendar_at(&self, i: usize) -> Option<(Option<i16>, i8, i8, usize)> {
        self.iso_at(i)
            .or_else(|| self.month_first_at(i))
            .or_else(|| self.day_first_at(i))
            .or_else(|| self.numeric_at(i))
    }

    /// `2019-12-31` or `2019/12/31`.
    fn iso_at(&self, i: usize) -> Option<(Option<i16>, i8, i8, usize)> {
        let y = self.year(i)?;
        let sep = match self.tok(i + 1)?.kind {
            Kind::Punct(c @ ('-' | '/')) if !self.tokens[i + 1].space_before => c,
            _ => return None,
        };
        let m = self.num(i + 2, 1..=2, true)?;
        if !self.punct(i + 3, sep, true) {
            return None;
        }
        let d = self.num(i + 4, 1..=2, true)?;
        Some((Some(y), i8::try_from(m).ok()?, i8::try_from(d).ok()?, i + 5))
    }

    /// `December 31, 2019`, `Dec. 31 2019`, `December 31st`.
    fn month_first_at(&self, i: usize) -> Option<(Option<i16>, i8, i8, usize)> {
        let (m, next) = self.month(i)?;
        let (d, mut next) = self.day(next)?;
        // "May 2019" is a month, not a day: `day` takes one or two digits.
        let comma = self.punct(next, ',', true);
        let at_year = if comma { next + 1 } else { next };
        let year = self.year(at_year);
        if year.is_some() {
            next = at_year + 1;
        }
        Some((year, m, d, next))
    }

    /// `31 December 2019`, `31st of Dec, 2019`.
    fn day_first_at(&self, i: usize) -> Option<(Option<i16>, i8, i8, usize)> {
        let (d, mut next) = self.day(i)?;
        if self.word_is(next, "of") {
            next += 1;
        }
        let (m, mut next) = self.month(next)?;
        let at_year = if self.punct(next, ',', true) { next + 1 } else { next };
        let year = self.year(at_year);
        if year.is_some() {
            next = at_year + 1;
        }
        Some((year, m, d, next))
    }

    /// `31.12.2019` (always day first), `31/12/2019` or `12/31/2019` (only
    /// when one part cannot be a month).
    fn numeric_at(&self, i: usize) -> Option<(Option<i16>, i8, i8, usize)> {
        let a = self.num(i, 1..=2, false)?;
        let sep = match self.tok(i + 1)?.kind {
            Kind::Punct(c @ ('/' | '.')) if !self.tokens[i + 1].space_before => c,
            _ => return None,
        };
        let b = self.num(i + 2, 1..=2, true)?;
        if !self.punct(i + 3, sep, true) || self.tok(i + 4)?.space_before {
            return None;
        }
        let y = self.year(i + 4)?;
        let (d, m) = match sep {
            '.' => (a, b),
            _ if a > 12 && b <= 12 => (a, b),
            _ if b > 12 && a <= 12 => (b, a),
            _ if a == b => (a, b),
            _ => return None,
        };
        Some((Some(y), i8::try_from(m).ok()?, i8::try_from(d).ok()?, i + 5))
    }

    /// A date at token `i` with its optional weekday and time.
    fn date_at(&self, i: usize) -> Option<(DateMatch, usize)> {
        let (weekday, at) = match self.weekday(i) {
            Some((w, next)) => (Some(w), next),
            None => (None, i),
        };
        let (year, month, day, mut next) = self.calendar_at(at)?;
        let date = match year {
            Some(y) => Some(Date::new(y, month, day).ok()?),
            // Without a year, check against a leap year so 29 February passes.
            None => {
                Date::new(2000, month, day).ok()?;
                None
            }
        };
        // An ISO date may run straight into its time: 2019-12-31T16:38.
        let mut time_from = next;
        if self.tok(next).is_some_and(|t| !t.space_before) && self.word_is(next, "t") {
            time_from = next + 1;
        } else {
            // Separators between a date and its time: "Dec 31, 2019, 4:38 pm",
            // "31 Dec 2019 at 16:38", "2019-12-31 | 16:38".
            while self.punct(time_from, ',', false)
                || self.punct(time_from, '|', false)
                || self.punct(time_from, '·', false)
                || self.punct(time_from, '@', false)
                || self.punct(time_from, '-', false)
                || self.punct(time_from, '–', false)
                || self.word_is(time_from, "at")
            {
                time_from += 1;
            }
        }
        let time = match self.time_at(time_from, true) {
            Some((t, after)) => {
                next = after;
                Some(t)
            }
            None => None,
        };
        let span = Span::new(self.tokens[i].start, self.tokens[next - 1].end);
        Some((DateMatch { span, date, month, day, weekday, time }, next))
    }

    /// A time of day at token `i`. A dot separator (`16.38`) is accepted
    /// after a date, or with am/pm or a zone.
    fn time_at(&self, i: usize, after_date: bool) -> Option<(Time, usize)> {
        let mut h = self.num(i, 1..=2, false)?;
        let sep = match self.tok(i + 1)?.kind {
            Kind::Punct(c @ (':' | '.')) if !self.tokens[i + 1].space_before => c,
            _ => return None,
        };
        let min = self.num(i + 2, 2..=2, true)?;
        let mut next = i + 3;
        let mut sec = 0;
        if self.punct(next, ':', true) {
            if let Some(s) = self.num(next + 1, 2..=2, true) {
                sec = s;
                next += 2;
                // Fractional seconds of an ISO time.
                if self.punct(next, '.', true) && self.num(next + 1, 1..=9, true).is_some() {
                    next += 2;
                }
            }
        }
        let mut marked = false;
        if let Some((pm, after)) = self.meridiem(next) {
            if !(1..=12).contains(&h) {
                return None;
            }
            h = match (pm, h) {
                (false, 12) => 0,
                (true, 12) => 12,
                (true, h) => h + 12,
                (false, h) => h,
            };
            next = after;
            marked = true;
        }
        if let Some(after) = self.zone(next) {
            next = after;
            marked = true;
        }
        if sep == '.' && !marked && !after_date {
            return None;
        }
        let time =
            Time::new(i8::try_from(h).ok()?, i8::try_from(min).ok()?, i8::try_from(sec).ok()?, 0)
                .ok()?;
        Some((time, next))
    }

    /// `am`, `pm`, `a.m.`, `p.m.` → (is pm, next token).
    fn meridiem(&self, i: usize) -> Option<(bool, usize)> {
        let w = self.word(i)?;
        if w.eq_ignore_ascii_case("am") || w.eq_ignore_ascii_case("pm") {
            return Some((w.eq_ignore_ascii_case("pm"), i + 1));
        }
        let pm = if w.eq_ignore_ascii_case("p") {
            true
        } else if w.eq_ignore_ascii_case("a") {
            false
        } else {
            return None;
        };
        if self.punct(i + 1, '.', true)
            && self.word_is(i + 2, "m")
            && self.tok(i + 2).is_some_and(|t| !t.space_before)
        {
            let next = if self.punct(i + 3, '.', true) { i + 4 } else { i + 3 };
            return Some((pm, next));
        }
        None
    }

    /// A zone abbreviation or an offset such as `+03:00`.
    fn zone(&self, i: usize) -> Option<usize> {
        if let Some(w) = self.word(i) {
            if ZONES.iter().any(|z| w.eq_ignore_ascii_case(z)) {
                // A single "Z" must touch the time; "ET" and friends may not.
                return Some(i + 1);
            }
        }
        let sign = self.tok(i)?;
        if !matches!(sign.kind, Kind::Punct('+' | '-' | '−')) || sign.space_before {
            return None;
        }
        self.num(i + 1, 2..=4, true)?;
        if self.punct(i + 2, ':', true) && self.num(i + 3, 2..=2, true).is_some() {
            return Some(i + 4);
        }
        Some(i + 2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn one(text: &str) -> DateMatch {
        let found = find_dates(text);
        assert_eq!(found.len(), 1, "{text:?} gave {found:?}");
        found[0]
    }

    fn evidence(text: &str) -> &str {
        let m = one(text);
        &text[m.span.start..m.span.end]
    }

    #[test]
    fn iso_dates_are_found_with_and_without_time() {
        assert_eq!(one("date 2019-12-31 advertisement").date, Some(date(2019, 12, 31)));
        assert_eq!(evidence("at 2019-12-31T16:38:00Z."), "2019-12-31T16:38:00Z");
        assert_eq!(evidence("2021-03-03 10:42+03:00"), "2021-03-03 10:42+03:00");
        assert_eq!(one("2019-12-31T16:38:00Z").time, Some(jiff::civil::time(16, 38, 0, 0)));
    }

    #[test]
    fn month_first_dates_take_an_optional_time_with_am_pm() {
        let m = one("December 31, 2019 4:38 pm");
        assert_eq!(m.date, Some(date(2019, 12, 31)));
        assert_eq!(m.time, Some(jiff::civil::time(16, 38, 0, 0)));
        assert_eq!(
            evidence("Posted Dec. 31, 2019 at 1:20 p.m. ET by"),
            "Dec. 31, 2019 at 1:20 p.m. ET"
        );
    }

    #[test]
    fn day_first_dates_take_weekday_and_dotted_time() {
        let m = one("Tue 31 Dec 2019 16.38 GMT");
        assert_eq!(m.date, Some(date(2019, 12, 31)));
        assert_eq!(m.weekday, Some(Weekday::Tuesday));
        assert_eq!(evidence("Updated 10:42 GMT, 3 March 2021"), "3 March 2021");
        assert_eq!(one("the 3rd of March, 2021").date, Some(date(2021, 3, 3)));
    }

    #[test]
    fn a_date_without_year_has_month_and_day_only() {
        let m = one("Saturday, April 17th | 5 Iyyar 5781");
        assert_eq!((m.date, m.month, m.day), (None, 4, 17));
        assert_eq!(m.weekday, Some(Weekday::Saturday));
    }

    #[test]
    fn impossible_and_ambiguous_dates_are_not_dates() {
        assert!(find_dates("February 30, 2021").is_empty());
        assert!(find_dates("2021-13-01").is_empty());
        assert!(find_dates("03/04/2021").is_empty());
        assert_eq!(one("31/12/2019").date, Some(date(2019, 12, 31)));
        assert_eq!(one("12/31/2019").date, Some(date(2019, 12, 31)));
    }

    #[test]
    fn ordinary_words_and_numbers_are_not_dates() {
        assert!(find_dates("officials may 20 percent").is_empty());
        assert!(find_dates("3.5 million people in 2019").is_empty());
        assert!(find_dates("Tuesday").is_empty());
    }

    #[test]
    fn live_blog_stamps_are_found_at_line_start() {
        assert_eq!(time_at_start("10:42 Police say").map(|t| t.span), Some(Span::new(0, 5)));
        assert_eq!(time_at_start("10:42 GMT").map(|t| t.span), Some(Span::new(0, 9)));
        assert_eq!(
            time_at_start("9.15am: Crowds").map(|t| t.time),
            Some(jiff::civil::time(9, 15, 0, 0))
        );
        assert_eq!(time_at_start("1:20 p.m. Update").map(|t| t.span.end), Some(9));
        assert!(time_at_start("3.5 million").is_none());
        assert!(time_at_start("The 10:42 train").is_none());
    }
}
