//! Tokens with byte spans, built on Unicode word boundaries.
//!
//! [`unicode_segmentation`]'s word bounds already keep "Kata’ib", "U.S" and
//! "5,000" whole. On top of them this module
//!
//! - joins hyphenated words ("Abdul-Mahdi", "al-Sadr", "Iran-backed");
//! - keeps the full stop of abbreviations and initials ("U.S.", "Gen.",
//!   "Dec.", "J."), so it does not end a sentence;
//! - splits the possessive off ("Iraq’s" → `Iraq` with [`Token::possessive`]
//!   set; the span stops before the apostrophe);
//! - records the shape of each word (capitalised, all capitals).
//!
//! Offsets are byte offsets into the text given, always on char boundaries.

use crate::span::Span;
use unicode_segmentation::UnicodeSegmentation;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Starts with a letter.
    Word,
    /// Starts with a digit ("5,000", "82nd").
    Number,
    /// Anything else that is not white space: punctuation, quotes, symbols.
    Punct,
}

/// One token of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the tokenised text.
    pub span: Span,
    pub kind: TokenKind,
    flags: u8,
}

const CAPITALISED: u8 = 1;
const ALL_CAPS: u8 = 1 << 1;
const POSSESSIVE: u8 = 1 << 2;
const ABBREVIATION: u8 = 1 << 3;
const SPACE_BEFORE: u8 = 1 << 4;
const HYPHENATED: u8 = 1 << 5;
const HAS_DIGIT: u8 = 1 << 6;

impl Token {
    /// The token's text in `text` (the text it was made from).
    pub fn text(self, text: &str) -> &str {
        self.span.of(text)
    }

    /// A word whose first letter is upper case ("Iraq", "U.S.", "PMF").
    pub fn capitalised(self) -> bool {
        self.flags & CAPITALISED != 0
    }

    /// A word of at least two letters, none lower case ("PMF", "SAFE", "U.S.").
    pub fn all_caps(self) -> bool {
        self.flags & ALL_CAPS != 0
    }

    /// Followed by a possessive "’s" or "'s", which the span leaves out.
    pub fn possessive(self) -> bool {
        self.flags & POSSESSIVE != 0
    }

    /// Ends with the full stop of an abbreviation or initial ("Gen.", "U.S.").
    pub fn abbreviation(self) -> bool {
        self.flags & ABBREVIATION != 0
    }

    /// White space (or the start of the text) comes right before it.
    pub fn space_before(self) -> bool {
        self.flags & SPACE_BEFORE != 0
    }

    /// Two or more parts joined by hyphens ("Abdul-Mahdi").
    pub fn hyphenated(self) -> bool {
        self.flags & HYPHENATED != 0
    }

    /// Contains a digit.
    pub fn has_digit(self) -> bool {
        self.flags & HAS_DIGIT != 0
    }

    /// A word or number (not punctuation).
    pub fn is_word(self) -> bool {
        self.kind != TokenKind::Punct
    }
}

/// Abbreviations whose full stop belongs to the word: titles, months and a
/// few common shortenings (lower case, without the stop).
const ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "aug", "capt", "cmdr", "co", "col", "corp", "cpl", "dec", "dr", "etc", "feb",
    "fr", "ft", "gen", "gov", "inc", "jan", "jr", "jul", "jun", "lt", "ltd", "maj", "mar",
    "messrs", "mr", "mrs", "ms", "mt", "nov", "oct", "pres", "prof", "pvt", "rep", "rev", "sen",
    "sep", "sept", "sgt", "sr", "st", "vs",
];

/// True when `word` (as written, without a stop) is a known abbreviation.
fn is_abbreviation(word: &str) -> bool {
    if word.len() > 6 || !word.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 6];
    for (b, w) in buf.iter_mut().zip(word.bytes()) {
        *b = w.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..word.len()]).unwrap_or("");
    ABBREVIATIONS.binary_search(&lower).is_ok()
}

/// Hyphen characters that join two words.
fn is_hyphen(s: &str) -> bool {
    matches!(s, "-" | "\u{2010}" | "\u{2011}")
}

/// Word-break class of an ASCII byte (the UAX #29 word break property).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Wb {
    Letter,
    Numeric,
    MidLetter,
    MidNum,
    /// `MidNumLet` or `Single_Quote`.
    MidNumLetQ,
    ExtendNumLet,
    Cr,
    Lf,
    Newline,
    Space,
    Other,
}

fn wb(b: u8) -> Wb {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Wb::Letter,
        b'0'..=b'9' => Wb::Numeric,
        b':' => Wb::MidLetter,
        b',' | b';' => Wb::MidNum,
        b'.' | b'\'' => Wb::MidNumLetQ,
        b'_' => Wb::ExtendNumLet,
        b'\r' => Wb::Cr,
        b'\n' => Wb::Lf,
        0x0b | 0x0c => Wb::Newline,
        b' ' => Wb::Space,
        _ => Wb::Other,
    }
}

/// True when UAX #29 puts a word boundary before `s[i]` in the pure-ASCII
/// chunk `s` (`0 < i < s.len()`). ASCII has no Extend, Format, ZWJ,
/// Katakana, Hebrew or regional-indicator characters, so only these rules
/// apply.
fn ascii_break(s: &[u8], i: usize) -> bool {
    use Wb::*;
    let a = wb(s[i - 1]);
    let b = wb(s[i]);
    // WB7 and WB11 look two back for the same class as `b`.
    let prev = || i >= 2 && wb(s[i - 2]) == b;
    let next = |want: Wb| s.get(i + 1).is_some_and(|&c| wb(c) == want);
    match (a, b) {
        (Cr, Lf) => false,
        (Cr | Lf | Newline, _) | (_, Cr | Lf | Newline) => true,
        (Space, Space) => false,
        (Letter | Numeric, Letter | Numeric) => false,
        (Letter, MidLetter | MidNumLetQ) => !next(Letter),
        (Numeric, MidNum | MidNumLetQ) => !next(Numeric),
        (MidLetter | MidNumLetQ, Letter) | (MidNum | MidNumLetQ, Numeric) => !prev(),
        (Letter | Numeric | ExtendNumLet, ExtendNumLet) => false,
        (ExtendNumLet, Letter | Numeric) => false,
        _ => true,
    }
}

/// True for the ASCII white space after which a word boundary always falls
/// before a following ASCII non-space byte.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The same segments, in the same order, as
/// [`UnicodeSegmentation::split_word_bound_indices`], but pure-ASCII words
/// are cut by a small byte-level version of the UAX #29 rules instead of
/// the general tables.
///
/// The text is cut into chunks after ASCII white space that is followed by
/// an ASCII non-space byte. UAX #29 always breaks there, and no rule looks
/// back across white space, so segmenting each chunk on its own gives the
/// segments of the whole text. Chunks with any non-ASCII byte go to
/// `unicode_segmentation`.
pub(crate) struct WordBounds<'a> {
    text: &'a str,
    /// Start of the current chunk.
    chunk: usize,
    /// Next byte to hand out in an ASCII chunk.
    pos: usize,
    /// End of the current chunk.
    end: usize,
    general: Option<unicode_segmentation::UWordBoundIndices<'a>>,
}

impl<'a> WordBounds<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        WordBounds { text, chunk: 0, pos: 0, end: 0, general: None }
    }
}

impl<'a> Iterator for WordBounds<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        let bytes = self.text.as_bytes();
        loop {
            if let Some(general) = &mut self.general {
                if let Some((i, seg)) = general.next() {
                    return Some((self.chunk + i, seg));
                }
                self.general = None;
            }
            if self.pos < self.end {
                let chunk = &bytes[self.chunk..self.end];
                let start = self.pos;
                let mut i = start - self.chunk + 1;
                while i < chunk.len() {
                    // Letters and digits never break between each other
                    // (WB5, WB8 to WB10), so runs of them skip the full rules.
                    let inside_word =
                        chunk[i - 1].is_ascii_alphanumeric() && chunk[i].is_ascii_alphanumeric();
                    if !inside_word && ascii_break(chunk, i) {
                        break;
                    }
                    i += 1;
                }
                self.pos = self.chunk + i;
                return Some((start, &self.text[start..self.pos]));
            }
            if self.end >= bytes.len() {
                return None;
            }
            let start = self.end;
            let mut end = start + 1;
            let mut ascii = bytes[start].is_ascii();
            while end < bytes.len() {
                let b = bytes[end];
                if b.is_ascii() {
                    if !is_ascii_space(b) && is_ascii_space(bytes[end - 1]) {
                        break;
                    }
                } else {
                    ascii = false;
                }
                end += 1;
            }
            self.chunk = start;
            self.end = end;
            if ascii {
                self.pos = start;
            } else {
                self.pos = end;
                self.general = Some(self.text[start..end].split_word_bound_indices());
            }
        }
    }
}

/// Tokenises `text`.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    tokenize_into(text, &mut tokens);
    tokens
}

/// Tokenises `text` into `out` (cleared first), so a caller can reuse the
/// buffer across paragraphs.
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    tokenize_segments(text, WordBounds::new(text), out);
}

/// Tokenises `text` from its word-bound `segments` (the general
/// `unicode_segmentation` ones or the same from [`WordBounds`]).
fn tokenize_segments<'a>(
    text: &'a str,
    segments: impl Iterator<Item = (usize, &'a str)>,
    out: &mut Vec<Token>,
) {
    out.clear();
    let mut space = true;
    let mut segments = segments.peekable();
    while let Some((start, seg)) = segments.next() {
        let first = match seg.chars().next() {
            Some(c) => c,
            None => continue,
        };
        if first.is_whitespace() {
            space = true;
            continue;
        }
        let kind = if first.is_alphabetic() {
            TokenKind::Word
        } else if first.is_numeric() {
            TokenKind::Number
        } else {
            TokenKind::Punct
        };
        let mut end = start + seg.len();
        let mut flags = if space { SPACE_BEFORE } else { 0 };
        space = false;
        if kind != TokenKind::Punct {
            // Join "word-word(-word...)" written without spaces.
            while let Some(&(h, hy)) = segments.peek() {
                if h != end || !is_hyphen(hy) {
                    break;
                }
                let after = h + hy.len();
                let next_is_word = text[after..].chars().next().is_some_and(char::is_alphanumeric);
                if !next_is_word {
                    break;
                }
                segments.next();
                if let Some((w, word)) = segments.next() {
                    end = w + word.len();
                    flags |= HYPHENATED;
                }
            }
            // Keep the full stop of abbreviations and initials.
            if let Some(&(d, ".")) = segments.peek() {
                let word = &text[start..end];
                let initial = word.chars().count() == 1 && first.is_uppercase();
                let dotted = word.contains('.') && !word.ends_with('.') && kind == TokenKind::Word;
                if d == end && (initial || dotted || is_abbreviation(word)) {
                    segments.next();
                    end += 1;
                    flags |= ABBREVIATION;
                }
            }
        }
        let mut span_end = end;
        if kind == TokenKind::Word && flags & ABBREVIATION == 0 {
            let word = &text[start..end];
            for suffix in ["’s", "'s", "’S", "'S"] {
                if word.len() > suffix.len() && word.ends_with(suffix) {
                    span_end = end - suffix.len();
                    flags |= POSSESSIVE;
                    break;
                }
            }
        }
        let word = &text[start..span_end];
        if kind == TokenKind::Word {
            flags |= shape(word);
        }
        if kind != TokenKind::Punct && word.bytes().any(|b| b.is_ascii_digit()) {
            flags |= HAS_DIGIT;
        }
        out.push(Token { span: Span::new(start, span_end), kind, flags });
    }
}

/// Capitalisation flags of a word.
fn shape(word: &str) -> u8 {
    let mut flags = 0;
    let mut letters = 0usize;
    let mut lower = false;
    if word.is_ascii() {
        let bytes = word.as_bytes();
        if bytes.first().is_some_and(u8::is_ascii_uppercase) {
            flags |= CAPITALISED;
        }
        for &b in bytes {
            if b.is_ascii_alphabetic() {
                letters += 1;
                lower |= b.is_ascii_lowercase();
            }
        }
    } else {
        if word.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_uppercase) {
            flags |= CAPITALISED;
        }
        for c in word.chars() {
            if c.is_alphabetic() {
                letters += 1;
                lower |= c.is_lowercase();
            }
        }
    }
    if letters >= 2 && !lower && flags & CAPITALISED != 0 {
        flags |= ALL_CAPS;
    }
    flags
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn hard_cases_tokenise_as_a_reader_expects() {
        let table: &[(&str, &[&str])] = &[
            ("the U.S. Embassy", &["the", "U.S.", "Embassy"]),
            ("Gen. Mark Milley", &["Gen.", "Mark", "Milley"]),
            ("on Dec. 31, 2019", &["on", "Dec.", "31", ",", "2019"]),
            ("Adil Abdul-Mahdi said", &["Adil", "Abdul-Mahdi", "said"]),
            ("Muqtada al-Sadr", &["Muqtada", "al-Sadr"]),
            ("Kata’ib Hezbollah", &["Kata’ib", "Hezbollah"]),
            ("Iraq’s wellbeing", &["Iraq", "wellbeing"]),
            ("Iran-backed militia", &["Iran-backed", "militia"]),
            ("about 5,000 US troops.", &["about", "5,000", "US", "troops", "."]),
            ("“SAFE!”", &["“", "SAFE", "!", "”"]),
            ("J. R. Smith", &["J.", "R.", "Smith"]),
            ("end - start", &["end", "-", "start"]),
            ("the 82nd Airborne", &["the", "82nd", "Airborne"]),
        ];
        for (text, want) in table {
            assert_eq!(&words(text), want, "tokens of {text:?}");
        }
    }

    #[test]
    fn word_shapes_are_recorded() {
        let text = "PMF Iraq’s the SAFE U.S. al-Sadr";
        let t = tokenize(text);
        assert!(t[0].all_caps() && t[0].capitalised());
        assert!(t[1].possessive() && t[1].capitalised() && !t[1].all_caps());
        assert!(!t[2].capitalised());
        assert!(t[3].all_caps());
        assert!(t[4].abbreviation() && t[4].all_caps());
        assert!(t[5].hyphenated() && !t[5].capitalised());
    }

    #[test]
    fn abbreviation_list_is_sorted_for_binary_search() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
    }

    fn general_bounds(text: &str) -> Vec<(usize, &str)> {
        text.split_word_bound_indices().collect()
    }

    fn fast_bounds(text: &str) -> Vec<(usize, &str)> {
        WordBounds::new(text).collect()
    }

    fn general_tokens(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        tokenize_segments(text, text.split_word_bound_indices(), &mut out);
        out
    }

    #[test]
    fn ascii_fast_path_cuts_the_fixtures_and_articles_like_the_general_path() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut seen = 0;
        for dir in [
            root.join("../articles"),
            root.join("tests/fixtures/entities/own"),
            root.join("tests/fixtures/entities/holdout"),
            root.join("tests/fixtures/entities/bundled"),
        ] {
            let Ok(entries) = std::fs::read_dir(&dir) else { continue };
            for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
                let Ok(text) = std::fs::read_to_string(&path) else { continue };
                assert_eq!(fast_bounds(&text), general_bounds(&text), "segments of {path:?}");
                assert_eq!(tokenize(&text), general_tokens(&text), "tokens of {path:?}");
                seen += 1;
            }
        }
        assert!(seen > 0, "no fixture texts found");
    }

    #[test]
    fn ascii_fast_path_cuts_hard_cases_like_the_general_path() {
        let table = [
            "",
            " ",
            "a",
            "U.S. Embassy",
            "5,000.25 troops",
            "it's 3:30 a.m.",
            "a_b _1 __",
            "x\r\ny\r\rz\n\n",
            "tab\tthen  two   spaces",
            "a.b.c. 1.2.3, 4;5 6:7",
            "don't 'quote' \"dq\"",
            "caf\u{e9} au lait",
            "a \u{301}b",
            "Kata\u{2019}ib x",
            "\u{1f1fa}\u{1f1f8} flag",
            "e\u{301}. x",
            " \u{200d}\u{1f600} y",
            "a:b c::d",
            "1'2 a'1 1.a",
        ];
        for text in table {
            assert_eq!(fast_bounds(text), general_bounds(text), "segments of {text:?}");
            assert_eq!(tokenize(text), general_tokens(text), "tokens of {text:?}");
        }
    }

    proptest! {
        #[test]
        fn tokens_lie_in_order_on_char_boundaries(text in "\\PC{0,80}") {
            let mut last = 0;
            for t in tokenize(&text) {
                prop_assert!(t.span.start >= last && t.span.start < t.span.end);
                prop_assert!(t.span.end <= text.len());
                prop_assert!(text.is_char_boundary(t.span.start));
                prop_assert!(text.is_char_boundary(t.span.end));
                last = t.span.end;
            }
        }

        #[test]
        fn ascii_fast_path_gives_the_general_segments_and_tokens(
            text in "[a-zA-Z0-9 .,;:'_\"\\-\t\r\n\u{b}\u{2019}\u{e9}\u{301}\u{200d}\u{a0}\u{5d0}\u{30a2}\u{1f1fa}!?()]{0,60}"
        ) {
            prop_assert_eq!(fast_bounds(&text), general_bounds(&text));
            prop_assert_eq!(tokenize(&text), general_tokens(&text));
        }

        #[test]
        fn ascii_fast_path_matches_on_any_text(text in "\\PC{0,60}") {
            prop_assert_eq!(fast_bounds(&text), general_bounds(&text));
            prop_assert_eq!(tokenize(&text), general_tokens(&text));
        }
    }
}
