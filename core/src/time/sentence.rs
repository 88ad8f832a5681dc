//! Sentence bounds and tense around a temporal expression.
//!
//! This is a small private stand-in for the `text` step, which is written
//! on another branch: it cuts a text at `.`, `!`, `?` or `;` followed by
//! blank space and a capital letter, a digit or an opening quote, unless the
//! word before the stop is an abbreviation ("Dec.", "U.S.", "Gen.",
//! "Mr."). It is computed once per text, so looking up the sentence of many
//! mentions stays linear.

use crate::span::Span;

/// Titles and short forms that end in a dot without ending a sentence.
/// Single letters ("U.S.", "J.") are handled by rule, not listed.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "sgt", "cpl", "adm",
    "cmdr", "sen", "rep", "gov", "pres", "rev", "st", "jr", "sr", "no", "vs", "etc", "inc", "corp",
    "co", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "approx",
    "est", "dept", "govt", "mt", "ft",
];

/// How far (in bytes) on each side of a mention the tense cues are looked
/// for: about a dozen words, so a long sentence's far end does not decide.
const TENSE_WINDOW_BYTES: usize = 80;

/// Where sentences start in one text.
#[derive(Debug, Clone)]
pub(crate) struct Sentences {
    /// Byte offsets where sentences start; the first is always 0.
    starts: Vec<usize>,
    len: usize,
}

impl Sentences {
    /// Finds the sentence starts of `text` in one pass.
    pub fn new(text: &str) -> Sentences {
        let mut starts = vec![0];
        let bytes = text.as_bytes();
        for (at, c) in text.char_indices() {
            if !matches!(c, '.' | '!' | '?' | ';') {
                continue;
            }
            // The stop must be followed by blank space, then a sentence opener.
            let after = &text[at + 1..];
            let trimmed = after.trim_start();
            if trimmed.len() == after.len() {
                continue;
            }
            let Some(next) = trimmed.chars().next() else { continue };
            let opener = next.is_uppercase()
                || next.is_ascii_digit()
                || matches!(next, '"' | '“' | '‘' | '\'' | '(' | '[');
            if !opener {
                continue;
            }
            if c == '.' && is_abbreviation(&bytes[..at]) {
                continue;
            }
            starts.push(text.len() - trimmed.len());
        }
        Sentences { starts, len: text.len() }
    }

    /// The sentence holding byte offset `at`.
    pub fn around(&self, at: usize) -> Span {
        let i = match self.starts.binary_search(&at) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        };
        let start = self.starts[i];
        let end = self.starts.get(i + 1).copied().unwrap_or(self.len).max(start);
        Span::new(start, end)
    }
}

/// True when the word just before a dot (the end of `before`) is an
/// abbreviation: a listed short form or a single letter ("U.S.").
fn is_abbreviation(before: &[u8]) -> bool {
    let word_start = before.iter().rposition(|b| !b.is_ascii_alphabetic()).map_or(0, |i| i + 1);
    let word = &before[word_start..];
    if word.len() == 1 {
        return true;
    }
    ABBREVIATIONS.iter().any(|a| a.as_bytes().eq_ignore_ascii_case(word))
}

/// Extra distance for a tense cue in a later clause on the right.
const CLAUSE_PENALTY_BYTES: usize = 24;

/// Which way a clause looks in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Present,
    Future,
}

/// Words that mark future reference ("will deploy", "is expected to").
const FUTURE: &[&str] = &[
    "will",
    "shall",
    "would",
    "could",
    "might",
    "may",
    "expected",
    "expects",
    "scheduled",
    "planned",
    "plans",
    "plan",
    "going",
    "upcoming",
    "next",
    "coming",
    "due",
    "intends",
    "ll",
];

/// Words that mark the present ("is", "are challenging").
const PRESENT: &[&str] = &["is", "are", "am", "has", "have", "remains", "says", "continues"];

/// Past-tense words that do not end in -ed.
const PAST: &[&str] = &[
    "was", "were", "had", "did", "said", "told", "ago", "last", "took", "came", "went", "left",
    "met", "held", "made", "gave", "began", "saw", "sent", "spoke", "wrote", "led", "struck",
    "fought", "threw", "hit", "shot", "broke", "fell", "rose", "won", "lost", "paid", "set", "put",
    "ran", "brought", "thought", "felt", "kept", "sought", "found", "stood", "became", "got",
    "heard", "meant", "told",
];

/// The tense of the words around `span` in `text`: the nearest cue word
/// within [`TENSE_WINDOW_BYTES`] on either side, inside `sentence`, wins;
/// with no cue, news text speaks of the past.
pub(crate) fn tense_around(text: &str, sentence: Span, span: Span) -> Tense {
    tense_in(text, sentence, span, true)
}

/// [`tense_around`] looking only at the words before `span`: for "17
/// years after the invasion that toppled …" the words after the
/// expression tell the event, not the clause.
pub(crate) fn tense_before(text: &str, sentence: Span, span: Span) -> Tense {
    tense_in(text, sentence, span, false)
}

fn tense_in(text: &str, sentence: Span, span: Span, look_right: bool) -> Tense {
    let lo = floor(text, span.start.saturating_sub(TENSE_WINDOW_BYTES).max(sentence.start));
    let hi = floor(text, (span.end + TENSE_WINDOW_BYTES).min(sentence.end).max(span.end));
    // Words on both sides with their distance to the mention.
    // Distances count the gap between the word's near edge and the mention.
    let mut seen: Vec<(usize, &str)> = words(&text[lo..span.start])
        .into_iter()
        .map(|(at, w)| (span.start - (lo + at + w.len()) + 1, w))
        .collect();
    let left = seen.len();
    if look_right {
        let right = &text[span.end..hi];
        // A cue past a comma on the right belongs to another clause more
        // often than not ("which began in mid-December, would be …").
        let clause_end = right.find([',', ';', '—', '(']).unwrap_or(right.len());
        seen.extend(words(right).into_iter().map(|(at, w)| {
            let penalty = if at > clause_end { CLAUSE_PENALTY_BYTES } else { 0 };
            (at + 1 + penalty, w)
        }));
    }
    let mut best: Option<(usize, Tense)> = None;
    for (k, &(distance, word)) in seen.iter().enumerate() {
        let Some(mut t) = cue(word) else { continue };
        // "will be held", "has been deployed": a participle takes the
        // tense of its auxiliary (looked for on the same side only).
        let first = if k < left { 0 } else { left };
        if t == Tense::Past && is_participle(word) {
            if let Some(aux) = seen[first..k].iter().rev().take(3).find_map(|(_, w)| auxiliary(w)) {
                t = aux;
            }
        }
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, t));
        }
    }
    best.map_or(Tense::Past, |(_, t)| t)
}

/// Past-tense cue words that may also be participles ("deployed", "held").
fn is_participle(word: &str) -> bool {
    !["was", "were", "had", "did", "said", "told", "ago", "last"]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(word))
}

/// The tense an auxiliary verb gives a participle after it.
fn auxiliary(word: &str) -> Option<Tense> {
    match word.to_ascii_lowercase().as_str() {
        "will" | "would" | "could" | "shall" | "might" | "ll" => Some(Tense::Future),
        "may" if word == "may" => Some(Tense::Future),
        "is" | "are" | "am" | "has" | "have" => Some(Tense::Present),
        "was" | "were" | "had" => Some(Tense::Past),
        _ => None,
    }
}

/// The tense a single word marks, if any.
fn cue(word: &str) -> Option<Tense> {
    let lower = word.to_ascii_lowercase();
    // "May" with a capital is a month, not a modal verb.
    if lower == "may" && word != "may" {
        return None;
    }
    if FUTURE.contains(&lower.as_str()) {
        return Some(Tense::Future);
    }
    if PRESENT.contains(&lower.as_str()) {
        return Some(Tense::Present);
    }
    if PAST.contains(&lower.as_str()) || (lower.len() > 4 && lower.ends_with("ed")) {
        return Some(Tense::Past);
    }
    None
}

/// The words of `text` (runs of letters) with their byte offsets.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                found.push((s, &text[s..at]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        found.push((s, &text[s..]));
    }
    found
}

/// The largest char boundary of `text` at or below `at`.
pub(crate) fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let text = "On Dec. 31 the U.S. Embassy was hit. Gen. Milley spoke. Then more.";
        let s = Sentences::new(text);
        assert_eq!(s.around(10).of(text), "On Dec. 31 the U.S. Embassy was hit. ");
        assert_eq!(s.around(text.find("Milley").unwrap()).of(text), "Gen. Milley spoke. ");
    }

    #[test]
    fn the_nearest_cue_decides_the_tense() {
        let text = "Esper said early on Wednesday that troops will deploy.";
        let span = Span::new(11, 29);
        let sentence = Sentences::new(text).around(11);
        assert_eq!(tense_around(text, sentence, span), Tense::Past);
        let text = "The council will vote on Friday.";
        let span = Span::new(22, 31);
        assert_eq!(tense_around(text, Span::new(0, text.len()), span), Tense::Future);
    }

    #[test]
    fn words_split_on_any_non_letter() {
        let found = words("a’b, c");
        assert_eq!(found, vec![(0, "a"), (4, "b"), (7, "c")]);
    }
}
