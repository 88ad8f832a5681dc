//! The query language.
//!
//! | Syntax              | Meaning                                                        |
//! |---------------------|----------------------------------------------------------------|
//! | `word word`         | articles with every word (stemmed, folded, typos tolerated)   |
//! | `"exact phrase"`    | the words next to each other, in this order                    |
//! | `-word`, `-"a b"`   | leave out articles that match (works on fields too)            |
//! | `a OR b`            | either one (`OR` in capitals)                                  |
//! | `outlet:name`       | published by that outlet (`outlet:"Middle East Eye"`)          |
//! | `entity:name`       | mentions that entity, by canonical id, name or any alias       |
//! | `type:person`       | mentions an entity of that type                                |
//! | `after:2020-01`     | dated on or after the start of that year, month or day         |
//! | `before:2020`       | dated on or before the end of that year, month or day          |
//! | `undated`           | articles with no publication date                              |
//!
//! `after:` and `before:` look at the publication date and at the dates of
//! the events an article reports; an article matches when one of them falls
//! in the window. The parser never fails: whatever it cannot use becomes a
//! [`QueryWarning`] and the rest is searched.

use super::fold::{words, MAX_TERM_BYTES};
use jiff::civil::Date;
use std::fmt;

/// Queries longer than this many characters are cut here.
pub const MAX_QUERY_CHARS: usize = 1000;
/// At most this many terms and filters are used from one query.
pub const MAX_TERMS: usize = 32;
/// At most this many words are used from one phrase.
pub const MAX_PHRASE_WORDS: usize = 16;

/// One searchable unit of a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Atom {
    /// One folded word. `prefix` when it is the word being typed.
    Word { folded: String, raw: String, prefix: bool },
    /// Folded words that must stand next to each other, in order.
    Phrase(Vec<String>),
    /// Articles from an outlet whose folded name contains these words.
    Outlet(String),
    /// Articles mentioning an entity (folded id, name or alias).
    Entity(String),
    /// Articles mentioning an entity of this (folded) type.
    Type(String),
    /// Articles with a date in `from..=to` (either end open).
    Dated { from: Option<Date>, to: Option<Date> },
    /// Articles without a publication date.
    Undated,
}

/// Alternatives joined by `OR`, possibly excluded with `-`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clause {
    /// True for `-term`: articles matching it are left out.
    pub negated: bool,
    /// The clause matches when any alternative does.
    pub alternatives: Vec<Atom>,
}

/// A parsed query: every clause must match (except excluded ones, which
/// must not).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub clauses: Vec<Clause>,
    /// What was ignored or read differently, for the reader.
    pub warnings: Vec<QueryWarning>,
}

/// Something in the query that could not be used as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueryWarning {
    /// A `"` was not closed; the phrase ran to the end of the query.
    UnbalancedQuote,
    /// `name:` is not a field; its parts were searched as words.
    UnknownField(String),
    /// A field with nothing after the colon.
    EmptyField(String),
    /// `after:`/`before:` with a value that is not a date.
    BadDate { field: String, value: String },
    /// The query was cut to [`MAX_QUERY_CHARS`].
    TooLong { chars: usize },
    /// More than [`MAX_TERMS`] terms; the rest were ignored.
    TooManyTerms,
    /// A part with no letters or digits (only punctuation).
    NoWords(String),
    /// `OR` with nothing on one side, or next to an excluded term.
    StrayOr,
}

impl fmt::Display for QueryWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QueryWarning::UnbalancedQuote => f.write_str(
                "a quotation mark is not closed: the phrase was read to the end of the query",
            ),
            QueryWarning::UnknownField(name) => {
                write!(f, "unknown field '{name}:' searched as words (fields: outlet:, entity:, type:, after:, before:)")
            }
            QueryWarning::EmptyField(name) => {
                write!(f, "'{name}:' needs a value after the colon; ignored")
            }
            QueryWarning::BadDate { field, value } => {
                write!(
                    f,
                    "'{field}:{value}' is not a date (use YYYY, YYYY-MM or YYYY-MM-DD); ignored"
                )
            }
            QueryWarning::TooLong { chars } => {
                write!(f, "the query has {chars} characters; only the first {MAX_QUERY_CHARS} were searched")
            }
            QueryWarning::TooManyTerms => {
                write!(f, "the query has more than {MAX_TERMS} terms; only the first {MAX_TERMS} were searched")
            }
            QueryWarning::NoWords(text) => {
                write!(f, "'{text}' has no letters or digits to search for; ignored")
            }
            QueryWarning::StrayOr => f.write_str(
                "'OR' needs a term on each side and cannot join an excluded term; ignored",
            ),
        }
    }
}

impl Query {
    /// True when the query has nothing to search or filter on: every
    /// article matches.
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// Parses `input`. `typing` marks the last word as still being typed
    /// (prefix match) unless the input ends with a space.
    pub fn parse(input: &str, typing: bool) -> Query {
        let mut warnings = Vec::new();
        let chars = input.chars().count();
        let input = if chars > MAX_QUERY_CHARS {
            warnings.push(QueryWarning::TooLong { chars });
            let cut = input.char_indices().nth(MAX_QUERY_CHARS).map_or(input.len(), |(i, _)| i);
            &input[..cut]
        } else {
            input
        };
        let items = lex(input, &mut warnings);
        let mut clauses: Vec<Clause> = Vec::new();
        let mut pending_or = false;
        let mut terms = 0;
        let last_word = items.iter().rposition(|i| matches!(i, Item::Atom { .. }));
        for (n, item) in items.into_iter().enumerate() {
            match item {
                Item::Or => {
                    if pending_or || clauses.last().is_none_or(|c| c.negated) {
                        warnings.push(QueryWarning::StrayOr);
                    } else {
                        pending_or = true;
                    }
                }
                Item::Atom { negated, mut atom, open_end } => {
                    terms += 1;
                    if terms > MAX_TERMS {
                        if terms == MAX_TERMS + 1 {
                            warnings.push(QueryWarning::TooManyTerms);
                        }
                        continue;
                    }
                    if let Atom::Word { prefix, .. } = &mut atom {
                        *prefix = typing && open_end && Some(n) == last_word;
                    }
                    if pending_or {
                        pending_or = false;
                        if negated {
                            warnings.push(QueryWarning::StrayOr);
                        } else if let Some(last) = clauses.last_mut() {
                            last.alternatives.push(atom);
                            continue;
                        }
                    }
                    clauses.push(Clause { negated, alternatives: vec![atom] });
                }
            }
        }
        if pending_or {
            warnings.push(QueryWarning::StrayOr);
        }
        warnings.dedup();
        Query { clauses: merge_date_windows(clauses), warnings }
    }
}

/// `after:` and `before:` on their own (not excluded, not in an `OR`) form
/// one window, so `after:2019 before:2019` means "a date in 2019".
fn merge_date_windows(clauses: Vec<Clause>) -> Vec<Clause> {
    let mut from: Option<Date> = None;
    let mut to: Option<Date> = None;
    let mut any = false;
    let mut out = Vec::with_capacity(clauses.len());
    for c in clauses {
        match c.alternatives.as_slice() {
            [Atom::Dated { from: f, to: t }] if !c.negated => {
                any = true;
                if let Some(f) = f {
                    from = Some(from.map_or(*f, |x| x.max(*f)));
                }
                if let Some(t) = t {
                    to = Some(to.map_or(*t, |x| x.min(*t)));
                }
            }
            _ => out.push(c),
        }
    }
    if any {
        out.push(Clause { negated: false, alternatives: vec![Atom::Dated { from, to }] });
    }
    out
}

enum Item {
    Or,
    Atom { negated: bool, atom: Atom, open_end: bool },
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// Splits the query into items.
fn lex(input: &str, warnings: &mut Vec<QueryWarning>) -> Vec<Item> {
    let mut items = Vec::new();
    let mut rest = input;
    loop {
        rest = rest.trim_start();
        let Some(first) = rest.chars().next() else { break };
        let mut negated = false;
        if first == '-' && rest[1..].chars().next().is_some_and(|c| !c.is_whitespace()) {
            negated = true;
            rest = &rest[1..];
        }
        let c = rest.chars().next().unwrap_or(' ');
        if is_quote(c) {
            let (body, after, closed) = quoted(&rest[c.len_utf8()..]);
            if !closed {
                warnings.push(QueryWarning::UnbalancedQuote);
            }
            rest = after;
            push_words(&mut items, negated, body, body, closed || !rest.is_empty(), warnings, true);
            continue;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let mut token = &rest[..end];
        rest = &rest[end..];
        let open_end = rest.is_empty();
        if token == "OR" && !negated {
            items.push(Item::Or);
            continue;
        }
        if token.eq_ignore_ascii_case("undated") {
            items.push(Item::Atom { negated, atom: Atom::Undated, open_end: false });
            continue;
        }
        if let Some(colon) = token.find(':') {
            let name = &token[..colon];
            if !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphabetic()) {
                let field = name.to_ascii_lowercase();
                let mut value = &token[colon + 1..];
                if let Some(q) = value.chars().next().filter(|&q| is_quote(q)) {
                    // A quoted value may hold spaces: read on to the closing quote.
                    let value_start = value.as_ptr() as usize - input.as_ptr() as usize;
                    let from_value = &input[value_start + q.len_utf8()..];
                    let (body, after, closed) = quoted(from_value);
                    if !closed {
                        warnings.push(QueryWarning::UnbalancedQuote);
                    }
                    value = body;
                    rest = after;
                    token = body;
                }
                if let Some(atom) = field_atom(&field, value, name, warnings) {
                    items.push(Item::Atom { negated, atom, open_end: false });
                    continue;
                }
                if !is_field(&field) {
                    // Searched as separate words, as the warning says.
                    let parts: Vec<&str> =
                        token.split([':', '/']).filter(|p| !words(p).is_empty()).collect();
                    let count = parts.len();
                    for (k, part) in parts.into_iter().enumerate() {
                        push_words(
                            &mut items,
                            negated,
                            part,
                            part,
                            open_end && k + 1 == count,
                            warnings,
                            false,
                        );
                    }
                }
                continue;
            }
        }
        push_words(&mut items, negated, token, token, open_end, warnings, false);
    }
    items
}

/// The text up to the next closing quote, the rest after it, and whether a
/// closing quote was found.
fn quoted(s: &str) -> (&str, &str, bool) {
    match s.char_indices().find(|&(_, c)| is_quote(c)) {
        Some((i, c)) => (&s[..i], &s[i + c.len_utf8()..], true),
        None => (s, "", false),
    }
}

fn is_field(name: &str) -> bool {
    matches!(name, "outlet" | "entity" | "type" | "after" | "before")
}

/// The atom of a known field, or `None` (with a warning) when the field is
/// unknown, empty or its value unusable.
fn field_atom(
    field: &str,
    value: &str,
    raw_name: &str,
    warnings: &mut Vec<QueryWarning>,
) -> Option<Atom> {
    if !is_field(field) {
        warnings.push(QueryWarning::UnknownField(raw_name.to_string()));
        return None;
    }
    let folded = words(value).join(" ");
    if folded.is_empty() {
        warnings.push(QueryWarning::EmptyField(raw_name.to_string()));
        return None;
    }
    match field {
        "outlet" => Some(Atom::Outlet(folded)),
        "entity" => Some(Atom::Entity(folded)),
        "type" => Some(Atom::Type(folded)),
        _ => match parse_period(value.trim()) {
            Some((first, _)) if field == "after" => {
                Some(Atom::Dated { from: Some(first), to: None })
            }
            Some((_, last)) => Some(Atom::Dated { from: None, to: Some(last) }),
            None => {
                warnings.push(QueryWarning::BadDate {
                    field: raw_name.to_string(),
                    value: value.to_string(),
                });
                None
            }
        },
    }
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` → its first and last day.
pub fn parse_period(value: &str) -> Option<(Date, Date)> {
    let parts: Vec<&str> = value.split(['-', '/', '.']).collect();
    let num = |s: &str, max_len: usize| -> Option<i16> {
        (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let year = num(parts.first()?, 4)?;
    match parts.as_slice() {
        [_] => Some((Date::new(year, 1, 1).ok()?, Date::new(year, 12, 31).ok()?)),
        [_, m] => {
            let first = Date::new(year, i8::try_from(num(m, 2)?).ok()?, 1).ok()?;
            Some((first, first.last_of_month()))
        }
        [_, m, d] => {
            let day =
                Date::new(year, i8::try_from(num(m, 2)?).ok()?, i8::try_from(num(d, 2)?).ok()?)
                    .ok()?;
            Some((day, day))
        }
        _ => None,
    }
}

/// Turns a bare token or a phrase into word or phrase atoms.
fn push_words(
    items: &mut Vec<Item>,
    negated: bool,
    text: &str,
    raw: &str,
    open_end: bool,
    warnings: &mut Vec<QueryWarning>,
    quoted: bool,
) {
    let mut ws = words(text);
    if ws.is_empty() {
        let shown: String = raw.chars().take(40).collect();
        warnings.push(QueryWarning::NoWords(if quoted { format!("\"{shown}\"") } else { shown }));
        return;
    }
    ws.truncate(MAX_PHRASE_WORDS);
    let atom = if ws.len() == 1 {
        let folded = ws.pop().unwrap_or_default();
        debug_assert!(folded.len() <= MAX_TERM_BYTES);
        Atom::Word {
            folded,
            raw: raw.trim_matches(|c: char| !c.is_alphanumeric()).to_string(),
            prefix: false,
        }
    } else {
        Atom::Phrase(ws)
    };
    items.push(Item::Atom { negated, atom, open_end: open_end && !quoted });
}
