//! Cheap measurements of a block's shape: words, stopwords, capitals and
//! the punctuation at its ends. Every clutter and metadata cue reads these
//! instead of re-scanning the text.

/// English function words. Running prose is full of them; menus, buttons,
/// headlines and credits have few. Sorted, for binary search.
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "but", "by", "can", "could", "did", "do", "for", "from", "had", "has", "have", "he", "her",
    "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "me", "more", "my", "no",
    "not", "of", "on", "one", "or", "our", "out", "over", "said", "she", "so", "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "to", "up", "us", "was",
    "we", "were", "what", "when", "which", "while", "who", "will", "with", "would", "you", "your",
];

/// Words by which a text speaks to its reader ("support us", "your inbox").
/// Prose that contains none of them is reporting, not a call to action.
const READER_WORDS: &[&str] = &["our", "us", "we", "you", "your"];

/// The longest stopword, so longer words skip the lookup.
const STOPWORD_MAX_LEN: usize = 5;

/// A sentence needs at least this many words to count as one.
const SENTENCE_MIN_WORDS: usize = 3;

/// A sentence-shaped block of at least this many words is running prose.
const PROSE_MIN_WORDS: usize = 8;

/// A block this long is prose whatever its punctuation (scrapes cut
/// paragraphs off mid-sentence).
const PROSE_LONG_WORDS: usize = 30;

/// A long block with fewer function words than this share is a list (of
/// links, tags, names), not prose, unless it is very long: text in another
/// language has none of these English words.
const PROSE_MIN_STOPWORD_RATIO: f32 = 0.1;

/// Closing marks that may follow a sentence's final punctuation.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '*' | '_')
}

/// Opening marks that may precede a block's first letter.
fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '‹' | '(' | '[' | '¿' | '¡' | '*' | '_' | '„')
}

/// The measured shape of a piece of text.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Shape {
    /// Whitespace-separated tokens holding a letter or digit.
    pub words: usize,
    /// Words holding at least one letter.
    pub letter_words: usize,
    /// Words from [`STOPWORDS`].
    pub stopwords: usize,
    /// Letter words starting with a capital letter.
    pub capitalised: usize,
    /// Number of chars.
    pub chars: usize,
    /// Whether the text speaks to its reader ([`READER_WORDS`]).
    pub addresses_reader: bool,
    /// Whether the text holds quotation marks (reported speech).
    pub quoted: bool,
    /// The last char that is not a closing quote or bracket.
    pub last: Option<char>,
    /// Ends with "..." or "…" (a truncated teaser).
    pub ends_ellipsis: bool,
    /// The first char that is not an opening quote or bracket.
    pub first: Option<char>,
}

impl Shape {
    /// Measures `text` in one pass over its words.
    pub fn of(text: &str) -> Shape {
        let mut shape = Shape { chars: text.chars().count(), ..Shape::default() };
        for raw in text.split_whitespace() {
            let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
            if word.is_empty() {
                continue;
            }
            shape.words += 1;
            let mut chars = word.chars();
            let first = chars.next();
            if word.chars().any(char::is_alphabetic) {
                shape.letter_words += 1;
                if first.is_some_and(char::is_uppercase) {
                    shape.capitalised += 1;
                }
            }
            if word.len() <= STOPWORD_MAX_LEN && word.is_ascii() {
                let lower = word.to_ascii_lowercase();
                if STOPWORDS.binary_search(&lower.as_str()).is_ok() {
                    shape.stopwords += 1;
                }
                if READER_WORDS.contains(&lower.as_str()) {
                    shape.addresses_reader = true;
                }
            }
        }
        shape.quoted = text.contains(['"', '“', '”', '«', '»']);
        let trimmed = text.trim_end();
        let body_end = trimmed.trim_end_matches(is_closer);
        shape.last = body_end.chars().next_back();
        shape.ends_ellipsis = body_end.ends_with("...") || body_end.ends_with('…');
        shape.first = text.trim_start().trim_start_matches(is_opener).chars().next();
        shape
    }

    /// Share of words that are stopwords (0 for no words).
    pub fn stopword_ratio(&self) -> f32 {
        if self.words == 0 {
            0.0
        } else {
            self.stopwords as f32 / self.words as f32
        }
    }

    /// Whether the text has any letters at all.
    pub fn has_letters(&self) -> bool {
        self.letter_words > 0
    }

    /// Ends with sentence punctuation (`.`, `!`, `?`, not an ellipsis).
    pub fn ends_sentence(&self) -> bool {
        !self.ends_ellipsis && matches!(self.last, Some('.' | '!' | '?' | '。' | '！' | '？'))
    }

    /// Ends where a sentence cannot end: after a comma, a hyphen, or a word
    /// with no punctuation, so the next line continues it.
    pub fn ends_open(&self) -> bool {
        match self.last {
            Some(c) => c.is_alphanumeric() || matches!(c, ',' | '-' | '–' | '—'),
            None => false,
        }
    }

    /// Starts with a lowercase letter (after any opening quote).
    pub fn starts_lowercase(&self) -> bool {
        self.first.is_some_and(char::is_lowercase)
    }

    /// Starts with a capital letter, a digit, or a letter of a script
    /// without case (Arabic, Chinese, …), after any opening quote.
    pub fn starts_capital(&self) -> bool {
        self.first.is_some_and(|c| {
            c.is_uppercase() || c.is_ascii_digit() || (c.is_alphabetic() && !c.is_lowercase())
        })
    }

    /// Shaped like a sentence: ends with sentence punctuation and holds a
    /// function word, like "Many share this view." (as opposed to a button
    /// label or a headline).
    pub fn is_sentence(&self) -> bool {
        self.ends_sentence() && self.words >= SENTENCE_MIN_WORDS && self.stopwords > 0
    }

    /// Running prose: a sentence of some length, or simply a long text.
    pub fn is_prose(&self) -> bool {
        let long = self.words >= PROSE_LONG_WORDS
            && (self.stopword_ratio() >= PROSE_MIN_STOPWORD_RATIO
                || self.words >= 2 * PROSE_LONG_WORDS);
        (self.is_sentence() && self.words >= PROSE_MIN_WORDS) || long
    }

    /// Shaped like a headline or subheading: `min..=max` words, at least
    /// `min` of them with letters (so "February 30, 2021" is no headline),
    /// starting with a capital, and not ending like a sentence or clause.
    pub fn is_headline(&self, min: usize, max: usize) -> bool {
        (min..=max).contains(&self.words)
            && self.letter_words >= min
            && self.starts_capital()
            && !matches!(self.last, Some('.' | ',' | ';' | ':' | '-' | '–' | '—'))
            && !self.ends_ellipsis
    }
}

/// The comparison key of a text: its letter and digit runs, lowercased,
/// joined by single spaces. Quotes, dashes and spacing do not matter, so a
/// headline with curly quotes matches the same headline with straight ones.
pub(crate) fn key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(c.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

/// Whether `phrase` (in [`key`] form) occurs in `key` on word boundaries.
pub(crate) fn has_phrase(key: &str, phrase: &str) -> bool {
    key.match_indices(phrase).any(|(at, _)| {
        let before = at == 0 || key.as_bytes()[at - 1] == b' ';
        let end = at + phrase.len();
        let after = end == key.len() || key.as_bytes()[end] == b' ';
        before && after
    })
}

/// Whether `key` starts with `phrase` on a word boundary.
pub(crate) fn starts_with_phrase(key: &str, phrase: &str) -> bool {
    key.starts_with(phrase)
        && (key.len() == phrase.len() || key.as_bytes().get(phrase.len()) == Some(&b' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(STOPWORDS.iter().all(|w| w.len() <= STOPWORD_MAX_LEN));
    }

    #[test]
    fn a_button_label_is_not_a_sentence_but_a_short_remark_is() {
        assert!(!Shape::of("Share On Facebook Share On Twitter").is_sentence());
        assert!(Shape::of("Many share this view.").is_sentence());
    }

    #[test]
    fn closing_quotes_do_not_hide_the_final_period() {
        let shape = Shape::of("“They will pay a very big price.”");
        assert!(shape.ends_sentence());
        assert_eq!(shape.first, Some('T'));
    }

    #[test]
    fn a_quoted_subheading_is_headline_shaped() {
        assert!(Shape::of("‘No America’").is_headline(1, 12));
        assert!(!Shape::of("He later tweeted again:").is_headline(1, 12));
    }

    #[test]
    fn keys_ignore_quotes_case_and_spacing() {
        assert_eq!(key("Has “Right of Self-Defense”"), key("has  \"right of self defense\""));
    }

    #[test]
    fn phrases_match_on_word_boundaries_only() {
        assert!(has_phrase("please share on facebook", "share on"));
        assert!(!has_phrase("shareholders on board", "share on"));
        assert!(starts_with_phrase("join the club", "join"));
        assert!(!starts_with_phrase("joined forces", "join"));
    }
}
