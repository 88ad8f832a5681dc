//! Words and their folded, stemmed forms.
//!
//! A word is a run of letters, digits and combining marks. Inside a word an
//! apostrophe (straight or curly) is deleted, so "Kata’ib", "Kata'ib" and
//! "Kataib" fold alike, and a hyphen splits the word into parts while the
//! joined form is kept too, so "Abdul-Mahdi" is found by "abdul mahdi" and
//! by "abdulmahdi". Case and diacritics are folded away.

use super::fold_table::{
    ADDITIONAL_START, LATIN_1_TO_EXTENDED_B, LATIN_EXTENDED_ADDITIONAL, LATIN_START,
};
use crate::span::Span;
use rust_stemmers::{Algorithm, Stemmer};
use std::borrow::Cow;

/// Folded words longer than this many bytes are cut (on a char boundary), so
/// a megabyte without spaces does not become a megabyte-long term. Queries
/// are cut the same way, so such words stay findable.
pub const MAX_TERM_BYTES: usize = 48;

/// Words shorter than this are not stemmed (the stemmer has nothing to do).
const MIN_STEM_BYTES: usize = 3;

/// Apostrophes deleted inside a word.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´' | 'ʻ')
}

/// Hyphens that join the parts of a compound word.
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Combining marks and other signs that belong to a word but fold to nothing
/// (Latin accents as separate marks, Arabic short vowels and tatweel,
/// Hebrew points).
fn is_silent_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{0591}'..='\u{05BD}'
        | '\u{0610}'..='\u{061A}'
        | '\u{0640}'
        | '\u{064B}'..='\u{065F}'
        | '\u{0670}'
        | '\u{06D6}'..='\u{06ED}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{200C}'
        | '\u{200D}')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_silent_mark(c)
}

/// Appends the folded form of `c` to `out`.
fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        if !is_apostrophe(c) {
            out.push(c.to_ascii_lowercase());
        }
        return;
    }
    let code = c as u32;
    let table = if (LATIN_START..LATIN_START + LATIN_1_TO_EXTENDED_B.len() as u32).contains(&code) {
        Some(LATIN_1_TO_EXTENDED_B[(code - LATIN_START) as usize])
    } else if (ADDITIONAL_START..ADDITIONAL_START + LATIN_EXTENDED_ADDITIONAL.len() as u32)
        .contains(&code)
    {
        Some(LATIN_EXTENDED_ADDITIONAL[(code - ADDITIONAL_START) as usize])
    } else {
        None
    };
    match table {
        Some(ascii) if !ascii.is_empty() => out.push_str(ascii),
        _ if is_silent_mark(c) || is_apostrophe(c) => {}
        // Arabic alef with hamza or madda → bare alef.
        _ if matches!(c, '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}') => out.push('\u{0627}'),
        _ => {
            for lower in c.to_lowercase() {
                if !is_silent_mark(lower) {
                    out.push(lower);
                }
            }
        }
    }
}

/// Folds a whole string (case, diacritics, apostrophes), keeping everything
/// else. Used to compare outlet and entity names.
pub fn fold_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_space = true;
    for c in text.chars() {
        if is_word_char(c) || is_apostrophe(c) {
            push_folded(c, &mut out);
            last_space = false;
        } else if !last_space {
            out.push(' ');
            last_space = true;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Folds one word (no separators expected) into `out`, cut to
/// [`MAX_TERM_BYTES`].
fn fold_word_into(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        if out.len() >= MAX_TERM_BYTES {
            break;
        }
        push_folded(c, out);
    }
    if out.len() > MAX_TERM_BYTES {
        let mut cut = MAX_TERM_BYTES;
        while !out.is_char_boundary(cut) {
            cut -= 1;
        }
        out.truncate(cut);
    }
}

/// How a token relates to the position counter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Advance {
    /// The token takes the next position.
    Next,
    /// The token shares the previous token's position (the first part of a
    /// hyphenated word, after its joined form).
    Same,
}

/// One word (or word part) of a text.
#[derive(Clone, Copy, Debug)]
pub struct Token<'a> {
    /// Byte range in the text that was tokenized.
    pub span: Span,
    /// The folded form (not stemmed).
    pub folded: &'a str,
    /// Whether it takes a new position.
    pub advance: Advance,
    /// True for the joined form of a hyphenated word (its parts follow).
    pub joined: bool,
}

/// Calls `f` for every word of `text`, in order. A hyphenated word gives its
/// joined form first (new position), then its parts: the first part at the
/// same position as the joined form, the rest at the following positions.
pub fn for_each_token(text: &str, mut f: impl FnMut(Token<'_>)) {
    let mut folded = String::new();
    let mut joined = String::new();
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !is_word_char(c) {
            continue;
        }
        // Scan one word: parts separated by hyphens; apostrophes inside.
        parts.clear();
        let mut part_start = start;
        let mut end = start + c.len_utf8();
        while let Some(&(i, d)) = chars.peek() {
            if is_word_char(d) {
                end = i + d.len_utf8();
                chars.next();
                continue;
            }
            // A joiner counts only between two word chars.
            let next_is_word = text[i + d.len_utf8()..].chars().next().is_some_and(is_word_char);
            if next_is_word && is_apostrophe(d) {
                chars.next();
                continue;
            }
            if next_is_word && is_hyphen(d) {
                parts.push((part_start, end));
                chars.next();
                part_start = i + d.len_utf8();
                continue;
            }
            break;
        }
        parts.push((part_start, end));
        if parts.len() > 1 {
            joined.clear();
            for &(s, e) in &parts {
                fold_word_into(&text[s..e], &mut folded);
                joined.push_str(&folded);
            }
            let whole = std::mem::take(&mut joined);
            fold_word_into(&whole, &mut folded);
            joined = whole;
            if !folded.is_empty() {
                f(Token {
                    span: Span::new(start, end),
                    folded: &folded,
                    advance: Advance::Next,
                    joined: true,
                });
            }
            let mut first = !folded.is_empty();
            for &(s, e) in &parts {
                fold_word_into(&text[s..e], &mut folded);
                if folded.is_empty() {
                    continue;
                }
                let advance = if first { Advance::Same } else { Advance::Next };
                first = false;
                f(Token { span: Span::new(s, e), folded: &folded, advance, joined: false });
            }
        } else {
            fold_word_into(&text[start..end], &mut folded);
            if !folded.is_empty() {
                f(Token {
                    span: Span::new(start, end),
                    folded: &folded,
                    advance: Advance::Next,
                    joined: false,
                });
            }
        }
    }
}

/// The folded words of `text` as a reader would list them: hyphenated
/// words as their parts, without the joined forms.
pub fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for_each_token(text, |t| {
        if !t.joined {
            out.push(t.folded.to_string());
        }
    });
    out
}

/// Snowball English stemming of a folded word. Only plain ASCII words are
/// stemmed; numbers and other scripts are kept as they are.
pub struct Stem {
    stemmer: Stemmer,
}

impl Default for Stem {
    fn default() -> Self {
        Stem { stemmer: Stemmer::create(Algorithm::English) }
    }
}

impl Stem {
    /// The stem of a folded word.
    pub fn of<'a>(&self, folded: &'a str) -> Cow<'a, str> {
        if folded.len() >= MIN_STEM_BYTES && folded.bytes().all(|b| b.is_ascii_lowercase()) {
            self.stemmer.stem(folded)
        } else {
            Cow::Borrowed(folded)
        }
    }
}
