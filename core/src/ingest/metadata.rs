//! Reading metadata out of the text: date lines, bylines, credits and the
//! cues that name the outlet.
//!
//! Every value comes with the exact span it was read from. A cue that only
//! names a *source* ("told Reuters", "according to AP") is never taken as
//! the outlet.

use super::dates::{find_dates, DateMatch};
use super::shape::{key, Shape};
use super::Field;
use crate::span::Span;

/// A date line has at most this many words.
const DATE_LINE_MAX_WORDS: usize = 16;

/// Words beside the dates a date line may hold that are not labels.
const DATE_LINE_MAX_OTHER_WORDS: usize = 2;

/// A byline block has at most this many words.
const BYLINE_MAX_WORDS: usize = 16;

/// An author credit names at most this many words.
const CREDIT_MAX_WORDS: usize = 10;

/// An outlet name has at most this many words.
const OUTLET_MAX_WORDS: usize = 6;

/// A wire dateline "CITY (Agency) –" opens within this many bytes.
const DATELINE_MAX_BYTES: usize = 80;

/// Words that label a date or sit beside it on a date line.
const DATE_LABELS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "on",
    "date",
    "dated",
    "last",
    "first",
    "at",
    "modified",
    "created",
    "time",
    "am",
    "pm",
    "a",
    "m",
    "p",
    "advertisement",
    "ad",
    "sponsored",
    "and",
    "of",
    "the",
    "th",
    "st",
    "nd",
    "rd",
];

/// Labels that make a date the publication date.
const PUBLISHED_LABELS: &[&str] = &["published", "posted", "date", "dated", "created"];

/// Labels of a later revision.
const UPDATED_LABELS: &[&str] = &["updated", "modified"];

/// Labels of the day the page was read or saved, never its publication.
const VIEWED_LABELS: &[&str] =
    &["accessed", "retrieved", "viewed", "printed", "downloaded", "today", "saved", "scraped"];

/// Words before "by" that still make a byline: an image's alt text
/// ("avatar by"), or the kind of credit ("Written by").
const BYLINE_LEADS: &[&str] = &[
    "avatar",
    "author",
    "authors",
    "photo",
    "image",
    "written",
    "words",
    "story",
    "reporting",
    "reported",
    "posted",
    "published",
    "text",
    "article",
    "profile",
    "picture",
];

/// Words that mark a credit's part as an organisation rather than a person.
const ORG_WORDS: &[&str] = &[
    "press",
    "news",
    "times",
    "post",
    "journal",
    "herald",
    "tribune",
    "telegraph",
    "guardian",
    "gazette",
    "chronicle",
    "daily",
    "weekly",
    "magazine",
    "agency",
    "network",
    "media",
    "radio",
    "television",
    "tv",
    "broadcasting",
    "reuters",
    "afp",
    "ap",
    "associated",
    "bloomberg",
    "bbc",
    "cnn",
    "wire",
    "online",
    "observer",
    "standard",
    "monitor",
    "express",
    "inquirer",
    "courier",
    "report",
    "review",
    "independent",
    "agence",
    "staff",
];

/// Words that may join the capitalised words of a name.
const NAME_JOINERS: &[&str] =
    &["and", "&", "de", "da", "del", "der", "van", "von", "al", "bin", "ibn", "la", "le"];

/// Roles that make "a <Name> witness" name the outlet's own staff.
const STAFF_ROLES: &[&str] = &[
    "witness",
    "reporter",
    "correspondent",
    "photographer",
    "journalist",
    "cameraman",
    "photojournalist",
    "stringer",
];

/// What a date line says about its date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum DateLabel {
    /// "accessed", "today": the day the page was read.
    Viewed,
    /// "Updated": a revision.
    Updated,
    /// No label.
    Plain,
    /// "Published", "Posted", "date".
    Published,
}

/// A block that is (mostly) a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DateLine {
    /// The dates, with absolute spans.
    pub dates: Vec<DateMatch>,
    /// The label the line gives its date.
    pub label: DateLabel,
    /// Whether the line also holds an advertisement label.
    pub advertisement: bool,
}

impl DateLine {
    /// The first date with a year, and the evidence span (with a label
    /// right before it, as in "date 2019-12-31").
    pub fn dated(&self, text: &str, block: Span) -> Option<(DateMatch, Span)> {
        let m = *self.dates.iter().find(|m| m.date.is_some())?;
        Some((m, with_label(text, block, m.span)))
    }
}

/// The block as a date line, if it is one: a date and at most a couple of
/// other words ("Saturday, April 17th | 5 Iyyar 5781").
pub(crate) fn date_line(text: &str, block: Span, shape: &Shape) -> Option<DateLine> {
    if shape.words > DATE_LINE_MAX_WORDS {
        return None;
    }
    let dates = dates_in(text, block);
    let first = dates.first()?;
    let mut other = 0;
    let mut advertisement = false;
    let mut label = DateLabel::Plain;
    for (at, word) in words(block.of(text)) {
        let at = block.start + at;
        if dates.iter().any(|m| m.span.start <= at && at < m.span.end) {
            continue;
        }
        let w = word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        if !w.chars().any(char::is_alphabetic) {
            continue;
        }
        if w == "advertisement" || w == "ad" || w == "sponsored" {
            advertisement = true;
        }
        if at < first.span.start {
            label = label.max(label_of(&w));
            if VIEWED_LABELS.contains(&w.as_str()) {
                label = DateLabel::Viewed;
            }
        }
        let known = DATE_LABELS.contains(&w.as_str()) || VIEWED_LABELS.contains(&w.as_str());
        if !known {
            // A lowercase word beside a date makes a sentence ("the museum
            // agreed on March 3"); a capitalised one may be a calendar name.
            if word.starts_with(char::is_lowercase) {
                return None;
            }
            other += 1;
        }
    }
    (other <= DATE_LINE_MAX_OTHER_WORDS).then_some(DateLine { dates, label, advertisement })
}

fn label_of(word: &str) -> DateLabel {
    if PUBLISHED_LABELS.contains(&word) {
        DateLabel::Published
    } else if UPDATED_LABELS.contains(&word) {
        DateLabel::Updated
    } else {
        DateLabel::Plain
    }
}

/// The dates of a block, with absolute spans.
pub(crate) fn dates_in(text: &str, block: Span) -> Vec<DateMatch> {
    find_dates(block.of(text))
        .into_iter()
        .map(|mut m| {
            m.span = Span::new(block.start + m.span.start, block.start + m.span.end);
            m
        })
        .collect()
}

/// `date` widened to take in a label right before it: "date 2019-12-31",
/// "Published: Dec. 31, 2019", "Posted on 31 Dec 2019".
fn with_label(text: &str, block: Span, date: Span) -> Span {
    let before = &text[block.start..date.start];
    let trimmed = before.trim_end_matches(|c: char| c.is_whitespace() || c == ':');
    let mut words = trimmed.rsplit(char::is_whitespace);
    let mut start = date.start;
    let mut consumed = 0;
    if let Some(last) = words.next() {
        let lower = last.to_lowercase();
        let mut label_word = last;
        let is_label = |w: &str| PUBLISHED_LABELS.contains(&w) || UPDATED_LABELS.contains(&w);
        if lower == "on" {
            if let Some(prev) = words.next() {
                if is_label(&prev.to_lowercase()) {
                    label_word = prev;
                    consumed = 2;
                }
            }
        } else if is_label(&lower) {
            consumed = 1;
        }
        if consumed > 0 {
            // `label_word` is a subslice of `text`.
            start = label_word.as_ptr() as usize - text.as_ptr() as usize;
        }
    }
    Span::new(start, date.end)
}

/// Whitespace-separated words of `s` with their byte offsets.
pub(crate) fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_whitespace().map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

/// A byline and the outlet it names.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Credit {
    pub byline: Option<Field>,
    pub outlet: Option<Field>,
    /// Dates printed on the byline line ("By Jane Doe | March 3, 2021").
    pub dates: Vec<DateMatch>,
}

/// The block as a header byline: "By Jane Doe, Associated Press",
/// "avatar by Agency and Daily Staff", "Written by Jane Doe | Outlet",
/// "Author: Jane Doe", "Daily Planet Staff".
pub(crate) fn byline(text: &str, block: Span, shape: &Shape) -> Option<Credit> {
    if shape.words > BYLINE_MAX_WORDS {
        return None;
    }
    let s = block.of(text);
    let ws: Vec<(usize, &str)> = words(s).collect();
    let lower = |i: usize| {
        ws.get(i).map(|(_, w)| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
    };
    let start = if lower(0).as_deref() == Some("by") {
        1
    } else if lower(1).as_deref() == Some("by")
        && lower(0).is_some_and(|w| BYLINE_LEADS.contains(&w.as_str()))
    {
        2
    } else if ws.first().is_some_and(|(_, w)| w.ends_with(':'))
        && lower(0).is_some_and(|w| w == "author" || w == "authors" || w == "byline")
    {
        1
    } else if lower(ws.len().wrapping_sub(1)).as_deref() == Some("staff")
        && ws.len() <= OUTLET_MAX_WORDS
        && !shape.ends_sentence()
    {
        0
    } else {
        return None;
    };
    let &(from, _) = ws.get(start)?;
    let dates = dates_in(text, block);
    // The credit ends at a date, a bar or a spaced dash.
    let mut end = s.len();
    if let Some(m) = dates.iter().find(|m| m.span.start >= block.start + from) {
        end = end.min(m.span.start - block.start);
    }
    let mut tail: Option<Span> = None;
    for sep in ["|", " - ", " – ", " — ", " · ", " • "] {
        if let Some(at) = s[from..end].find(sep) {
            let cut = from + at;
            let rest = trim_span(text, Span::new(block.start + cut + sep.len(), block.start + end));
            tail = Some(rest);
            end = cut;
        }
    }
    let credit = trim_span(text, Span::new(block.start + from, block.start + end));
    let credit_text = credit.of(text);
    if credit.is_empty()
        || !credit_text.starts_with(char::is_uppercase)
        || Shape::of(credit_text).words > CREDIT_MAX_WORDS
    {
        return None;
    }
    let mut result = Credit { dates, ..Credit::default() };
    // "Jane Doe | Daily Planet": the part after a bar names the outlet.
    if let Some(t) = tail.filter(|t| is_name_like(t.of(text)) && dates_in(text, *t).is_empty()) {
        result.outlet = Some(field(text, t));
    }
    // "Jane Doe, Associated Press": a last comma part with an organisation word.
    let mut byline = credit;
    if let Some(comma) = credit_text.rfind(',') {
        let part = trim_span(text, Span::new(credit.start + comma + 1, credit.end));
        let is_org = key(part.of(text)).split(' ').any(|w| ORG_WORDS.contains(&w) && w != "staff");
        if is_org && is_name_like(part.of(text)) {
            result.outlet.get_or_insert_with(|| field(text, part));
            byline = trim_span(text, Span::new(credit.start, credit.start + comma));
        }
    }
    // "Agency and Daily Planet Staff": the name before "Staff" is the outlet.
    if let Some(name) = staff_outlet(text, byline) {
        result.outlet = Some(field(text, name));
    }
    result.byline = Some(field(text, byline));
    Some(result)
}

/// In "A and Daily Planet Staff", the span of "Daily Planet".
fn staff_outlet(text: &str, credit: Span) -> Option<Span> {
    let s = credit.of(text);
    let ws: Vec<(usize, &str)> = words(s).collect();
    let staff = ws
        .iter()
        .position(|(_, w)| w.trim_end_matches(|c: char| !c.is_alphanumeric()) == "Staff")?;
    let mut first = staff;
    while first > 0 {
        let w = ws[first - 1].1;
        let joiner = ["and", "&", "/", "with"].contains(&w) || w.ends_with(',');
        if joiner || !w.starts_with(char::is_uppercase) {
            break;
        }
        first -= 1;
    }
    if first == staff {
        return None; // "Staff Writer" names no outlet
    }
    let start = credit.start + ws[first].0;
    let end = credit.start + ws[staff - 1].0 + ws[staff - 1].1.len();
    Some(trim_span(text, Span::new(start, end)))
}

/// Whether `s` reads like a name: a few words, the first capitalised.
fn is_name_like(s: &str) -> bool {
    let shape = Shape::of(s);
    (1..=OUTLET_MAX_WORDS).contains(&shape.words)
        && shape.starts_capital()
        && shape.has_letters()
        && !shape.ends_sentence()
}

/// `span` without surrounding blanks and trailing list punctuation.
pub(crate) fn trim_span(text: &str, span: Span) -> Span {
    let s = span.of(text);
    let start_trimmed = s.trim_start();
    let start = span.start + (s.len() - start_trimmed.len());
    let body = start_trimmed.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '|' | '-' | '–' | '—')
    });
    Span::new(start, start + body.len())
}

/// A field whose value is its evidence with blanks collapsed.
pub(crate) fn field(text: &str, span: Span) -> Field {
    Field { value: span.of(text).split_whitespace().collect::<Vec<_>>().join(" "), evidence: span }
}

/// The author named in a closing credit such as "(Additional reporting by
/// …; writing by Jane Doe; Editing by …)" or "Reporting by Jane Doe;
/// Editing by John Roe". Writing credits win over reporting credits;
/// "additional reporting" is never the author.
pub(crate) fn closing_credit(text: &str, block: Span) -> Option<Field> {
    let s = block.of(text);
    let lower = s.to_ascii_lowercase();
    for marker in ["writing by ", "written by ", "reporting by ", "reported by "] {
        for (at, _) in lower.match_indices(marker) {
            let before = lower[..at].trim_end();
            let opens_credit = before.is_empty() || before.ends_with(['(', ';', '.', ':']);
            if !opens_credit || before.ends_with("additional") {
                continue;
            }
            if let Some(name) = name_at(text, block.start + at + marker.len(), block.end) {
                return Some(field(text, name));
            }
        }
    }
    None
}

/// The capitalised name starting at byte `from` ("Jane Doe and John Roe").
fn name_at(text: &str, from: usize, end: usize) -> Option<Span> {
    let s = &text[from..end];
    let ws: Vec<(usize, &str)> = words(s).collect();
    let mut last_end = None;
    let mut i = 0;
    while i < ws.len() && i < CREDIT_MAX_WORDS {
        let (at, w) = ws[i];
        let bare = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        let capital = bare.starts_with(char::is_uppercase);
        let joiner = NAME_JOINERS.contains(&bare)
            && ws.get(i + 1).is_some_and(|(_, n)| n.starts_with(char::is_uppercase));
        if !(capital || (joiner && last_end.is_some())) {
            break;
        }
        last_end = Some(at + bare.len());
        if bare.len() < w.len() {
            break; // punctuation ends the name: "Steve Holland;"
        }
        i += 1;
    }
    let end_rel = last_end?;
    Some(Span::new(from, from + end_rel))
}

/// The agency of a wire dateline opening the first paragraph:
/// "WASHINGTON (Reuters) –", "PARIS, March 3 (AFP) -".
pub(crate) fn dateline_agency(text: &str, block: Span) -> Option<Field> {
    let s = block.of(text);
    let head = &s[..floor_boundary(s, DATELINE_MAX_BYTES)];
    let open = head.find('(')?;
    let close = open + head[open..].find(')')?;
    let place = &head[..open];
    let place_ok = place.chars().any(char::is_uppercase) && !place.chars().any(char::is_lowercase);
    let after = head[close + 1..].trim_start();
    let dash = after.starts_with(['-', '–', '—']);
    let inner = trim_span(text, Span::new(block.start + open + 1, block.start + close));
    (place_ok && dash && is_name_like(inner.of(text))).then(|| field(text, inner))
}

/// The largest char boundary of `s` at or below `at`.
fn floor_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The rights holder of a copyright line: "© 2021 Daily Planet. All rights
/// reserved." → "Daily Planet".
pub(crate) fn copyright_holder(text: &str, block: Span) -> Option<Field> {
    let s = block.of(text);
    let mut start = 0;
    for (at, w) in words(s) {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        let skip = w.contains('©')
            || bare == "copyright"
            || bare == "c"
            || (!bare.is_empty() && bare.chars().all(|c| c.is_ascii_digit()));
        if !skip && !bare.is_empty() {
            start = at;
            break;
        }
        start = at + w.len();
    }
    let rest = &s[start..];
    let end = rest.find(['.', ',', '|', ';']).unwrap_or(rest.len());
    let span = trim_span(text, Span::new(block.start + start, block.start + start + end));
    let value = span.of(text);
    (is_name_like(value) && !key(value).starts_with("all rights")).then(|| field(text, span))
}

/// "a Reuters witness", "an AFP correspondent": the outlet's own staff on
/// the scene. Demonyms ("an Iraqi journalist") are not outlets.
pub(crate) fn staff_mention(text: &str, block: Span) -> Option<Field> {
    let s = block.of(text);
    let ws: Vec<(usize, &str)> = words(s).collect();
    for i in 0..ws.len() {
        let article = ws[i].1.to_ascii_lowercase();
        if article != "a" && article != "an" {
            continue;
        }
        let mut j = i + 1;
        while j < ws.len()
            && j <= i + 3
            && ws[j].1.starts_with(char::is_uppercase)
            && ws[j].1.chars().all(char::is_alphanumeric)
        {
            j += 1;
        }
        if j == i + 1 || j >= ws.len() {
            continue;
        }
        let role = ws[j].1.trim_end_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
        let last_name = ws[j - 1].1;
        let demonym = ["an", "ian", "ese", "ish", "i", "ic"]
            .iter()
            .any(|suffix| last_name.ends_with(suffix) && last_name.len() > 3)
            && !last_name.chars().all(|c| c.is_uppercase());
        if STAFF_ROLES.contains(&role.as_str()) && !demonym {
            let start = block.start + ws[i + 1].0;
            let end = block.start + ws[j - 1].0 + last_name.len();
            return Some(field(text, Span::new(start, end)));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(text: &str) -> Span {
        Span::new(0, text.len())
    }

    fn credit(text: &str) -> (Option<String>, Option<String>) {
        let c = byline(text, whole(text), &Shape::of(text)).unwrap_or_default();
        (c.byline.map(|f| f.value), c.outlet.map(|f| f.value))
    }

    #[test]
    fn a_date_line_may_carry_a_label_and_an_ad_marker() {
        let text = " date 2019-12-31 advertisement";
        let block = Span::new(1, text.len());
        let line = date_line(text, block, &Shape::of(text)).expect("a date line");
        assert!(line.advertisement);
        let (_, evidence) = line.dated(text, block).expect("a dated line");
        assert_eq!(evidence.of(text), "date 2019-12-31");
    }

    #[test]
    fn a_sentence_with_a_date_is_not_a_date_line() {
        let text = "Protesters stormed the embassy on December 31, 2019, officials said.";
        assert!(date_line(text, whole(text), &Shape::of(text)).is_none());
    }

    #[test]
    fn a_short_clause_with_a_date_is_not_a_date_line() {
        let text = "Museum agreed on March 3, 2020";
        assert!(date_line(text, whole(text), &Shape::of(text)).is_none());
    }

    #[test]
    fn a_viewing_date_is_labelled_as_such() {
        let text = "Accessed 3 March 2021";
        assert_eq!(
            date_line(text, whole(text), &Shape::of(text)).map(|l| l.label),
            Some(DateLabel::Viewed)
        );
    }

    #[test]
    fn bylines_give_author_and_outlet() {
        assert_eq!(
            credit("By Jane Doe, Associated Press"),
            (Some("Jane Doe".into()), Some("Associated Press".into()))
        );
        assert_eq!(
            credit("avatar by Agency and Daily Planet Staff"),
            (Some("Agency and Daily Planet Staff".into()), Some("Daily Planet".into()))
        );
        assert_eq!(
            credit("Written by Jane Doe | The Courier"),
            (Some("Jane Doe".into()), Some("The Courier".into()))
        );
        assert_eq!(credit("By Jane Doe, John Roe"), (Some("Jane Doe, John Roe".into()), None));
        assert_eq!(credit("By Jane Doe, Staff Writer").1, None);
        assert_eq!(credit("By the way, this is not a byline at all."), (None, None));
    }

    #[test]
    fn a_byline_with_a_date_keeps_the_date_apart() {
        let text = "By Jane Doe | March 3, 2021";
        let c = byline(text, whole(text), &Shape::of(text)).expect("a byline");
        assert_eq!(c.byline.map(|f| f.value).as_deref(), Some("Jane Doe"));
        assert_eq!(c.outlet, None);
        assert_eq!(c.dates.len(), 1);
    }

    #[test]
    fn closing_credits_name_the_writer_not_the_additional_reporters() {
        let text = "Troops left. (Additional reporting by Ann Lee in Rome; writing by Sam Park; Editing by Bo Chan)";
        assert_eq!(closing_credit(text, whole(text)).map(|f| f.value).as_deref(), Some("Sam Park"));
        let text = "The letter, written by the minister, was read aloud.";
        assert_eq!(closing_credit(text, whole(text)), None);
    }

    #[test]
    fn a_wire_dateline_names_the_agency_but_a_place_alone_does_not() {
        let text = "WASHINGTON (Wire Service) — Talks resumed on Monday.";
        assert_eq!(
            dateline_agency(text, whole(text)).map(|f| f.value).as_deref(),
            Some("Wire Service")
        );
        let text = "ERBIL, Region – Around 750 troops (the first wave) – will go.";
        assert_eq!(dateline_agency(text, whole(text)), None);
    }

    #[test]
    fn staff_on_the_scene_names_the_outlet_but_a_source_does_not() {
        let text = "A Courier witness saw blood on the ground.";
        assert_eq!(staff_mention(text, whole(text)).map(|f| f.value).as_deref(), Some("Courier"));
        for text in ["Officials told Courier that the troops left.", "An Iraqi journalist saw it."]
        {
            assert_eq!(staff_mention(text, whole(text)), None, "{text}");
        }
    }

    #[test]
    fn copyright_lines_name_the_rights_holder() {
        let text = "© 2021 Daily Planet. All rights reserved.";
        assert_eq!(
            copyright_holder(text, whole(text)).map(|f| f.value).as_deref(),
            Some("Daily Planet")
        );
    }
}
