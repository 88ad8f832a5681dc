//! Sentence splitting over tokens, and the case style of a stretch of text.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or
//! brackets after it). The tokeniser already keeps the full stop of "U.S.",
//! "Gen.", "Dec." and initials inside the word, so those never end a
//! sentence, except a dotted abbreviation such as "U.S." followed by a
//! capitalised function word ("… in the U.S. The embassy …").

use super::fold::fold_into;
use super::stopwords::is_stopword;
use super::tokens::{Token, TokenKind};
use std::ops::Range;

/// The token ranges of the sentences of `text`, in order. Every token lies
/// in exactly one sentence.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut key = String::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let ends = match t.kind {
            TokenKind::Punct => matches!(t.text(text), "." | "!" | "?" | "…"),
            _ if t.abbreviation() && t.text(text).matches('.').count() >= 2 => {
                // "U.S." ends a sentence only before a capitalised function word.
                tokens.get(i + 1).is_some_and(|n| {
                    key.clear();
                    fold_into(n.text(text), &mut key);
                    n.capitalised() && !n.all_caps() && is_stopword(&key)
                })
            }
            _ => false,
        };
        i += 1;
        if ends {
            // Closing quotes, brackets and further marks stay with the sentence.
            while i < tokens.len()
                && tokens[i].kind == TokenKind::Punct
                && matches!(
                    tokens[i].text(text),
                    "”" | "’" | "\"" | "'" | ")" | "]" | "»" | "." | "!" | "?" | "…"
                )
            {
                i += 1;
            }
            out.push(start..i);
            start = i;
        }
    }
    if start < tokens.len() {
        out.push(start..tokens.len());
    }
    out
}

/// How a stretch of text is capitalised, which says how much capitals tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseStyle {
    /// Ordinary prose: a capital marks a name or a sentence start.
    Normal,
    /// Headline case: most words capitalised, so capitals tell little.
    Headline,
    /// Mostly capitals ("BREAKING: TROOPS SENT"): capitals tell nothing.
    AllCaps,
    /// No capitals at all: capitals cannot help.
    NoCaps,
}

/// A headline has at least this many words.
const HEADLINE_MIN_WORDS: usize = 4;
/// Share of capitalised words from which a stretch reads as headline case.
const HEADLINE_CAPITALISED_SHARE: f32 = 0.8;
/// Share of all-capitals words from which a stretch reads as all caps.
const ALL_CAPS_SHARE: f32 = 0.6;
/// Capitals are only judged missing in a stretch with at least this many words.
const NO_CAPS_MIN_WORDS: usize = 6;

/// The case style of `tokens` (usually one sentence or paragraph).
pub fn case_style(text: &str, tokens: &[Token]) -> CaseStyle {
    let mut key = String::new();
    case_style_by(tokens, |i| {
        key.clear();
        fold_into(tokens[i].text(text), &mut key);
        is_stopword(&key)
    })
}

/// Like [`case_style`], for a caller that already knows which tokens are
/// function words: `is_function(i)` tells it for the capitalised word
/// `tokens[i]` (asked only for those), so no word is folded again.
pub fn case_style_by(tokens: &[Token], mut is_function: impl FnMut(usize) -> bool) -> CaseStyle {
    let mut words = 0usize;
    let mut capitalised = 0usize;
    let mut all_caps = 0usize;
    let mut function_capitalised = 0usize;
    for (i, t) in tokens.iter().enumerate() {
        if t.kind != TokenKind::Word {
            continue;
        }
        words += 1;
        if t.all_caps() {
            all_caps += 1;
        }
        if t.capitalised() {
            capitalised += 1;
            if i > 0 && !t.all_caps() && is_function(i) {
                function_capitalised += 1;
            }
        }
    }
    if words == 0 {
        return CaseStyle::Normal;
    }
    let share = |n: usize| n as f32 / words as f32;
    if all_caps >= 3 && share(all_caps) >= ALL_CAPS_SHARE {
        CaseStyle::AllCaps
    } else if words >= HEADLINE_MIN_WORDS
        && share(capitalised) >= HEADLINE_CAPITALISED_SHARE
        && function_capitalised > 0
    {
        CaseStyle::Headline
    } else if capitalised == 0 && words >= NO_CAPS_MIN_WORDS {
        CaseStyle::NoCaps
    } else {
        CaseStyle::Normal
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;
    use proptest::prelude::*;

    fn split(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        sentences(text, &tokens)
            .into_iter()
            .filter(|r| !r.is_empty())
            .map(|r| text[tokens[r.start].span.start..tokens[r.end - 1].span.end].to_string())
            .collect()
    }

    #[test]
    fn sentences_survive_abbreviations() {
        let table: &[(&str, &[&str])] = &[
            ("Gen. Mark Milley spoke. He left.", &["Gen. Mark Milley spoke.", "He left."]),
            ("On Dec. 31 the U.S. Embassy shut.", &["On Dec. 31 the U.S. Embassy shut."]),
            ("Mr. J. R. Smith came. Then?", &["Mr. J. R. Smith came.", "Then?"]),
            ("They left the U.S. The rest stayed.", &["They left the U.S.", "The rest stayed."]),
            ("“It is SAFE!” he said. Yes.", &["“It is SAFE!”", "he said.", "Yes."]),
            ("No stop at the end", &["No stop at the end"]),
        ];
        for (text, want) in table {
            assert_eq!(&split(text), want, "sentences of {text:?}");
        }
    }

    #[test]
    fn case_styles_are_told_apart() {
        let table = [
            ("US Deploys More Troops to Iraq To Employ Its Right", CaseStyle::Headline),
            ("BREAKING: US TROOPS SENT TO IRAQ", CaseStyle::AllCaps),
            ("the troops were sent to iraq on tuesday night", CaseStyle::NoCaps),
            ("Iraqi Prime Minister Adil Abdul-Mahdi said so.", CaseStyle::Normal),
            ("The troops stay SAFE, he said.", CaseStyle::Normal),
        ];
        for (text, want) in table {
            assert_eq!(case_style(text, &tokenize(text)), want, "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn sentences_cover_every_token_in_order(text in "\\PC{0,80}") {
            let tokens = tokenize(&text);
            let mut next = 0;
            for r in sentences(&text, &tokens) {
                prop_assert_eq!(r.start, next);
                prop_assert!(r.end > r.start);
                next = r.end;
            }
            prop_assert_eq!(next, tokens.len());
        }
    }
}
