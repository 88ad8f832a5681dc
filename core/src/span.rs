//! Spans over an article's original text, and their code-point offsets.

use std::ops::Index;

/// A half-open range `start..end` of **byte** offsets into an article's
/// original (decoded) text.
///
/// Invariant: `start <= end`. A span taken from a text always lies on
/// `char` boundaries of that text, so `&text[span]` never panics.
/// Spans are `Copy` and are never shifted by later steps: every annotation
/// points into the same original text.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// Creates a span. Panics if `start > end`, which is always a bug.
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} is after its end {end}");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text this span covers in `text` (works on `String` too, which
    /// `Index<Span>` cannot reach).
    pub fn of(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    /// True when `other` lies wholly inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl Index<Span> for str {
    type Output = str;

    fn index(&self, span: Span) -> &str {
        &self[span.start..span.end]
    }
}

/// Converts byte offsets of one text into Unicode code-point offsets, as the
/// JSON output counts them.
#[derive(Clone, Debug)]
pub struct CharOffsets {
    /// `starts[i]` is the byte offset of the `i`-th char; one extra entry
    /// holds the text's length.
    starts: Vec<usize>,
}

impl CharOffsets {
    /// Indexes `text`.
    pub fn new(text: &str) -> CharOffsets {
        let mut starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        starts.push(text.len());
        CharOffsets { starts }
    }

    /// The code-point offset of byte offset `byte`. A byte inside a char maps
    /// to that char's index.
    pub fn char_at(&self, byte: usize) -> usize {
        match self.starts.binary_search(&byte) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// `(start, end)` of `span` in code points.
    pub fn chars(&self, span: Span) -> (usize, usize) {
        (self.char_at(span.start), self.char_at(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_indexes_into_str() {
        let text = "Kata’ib Hezbollah";
        let span = Span::new(0, "Kata’ib".len());
        assert_eq!(&text[span], "Kata’ib");
    }

    #[test]
    fn char_offsets_count_code_points_not_bytes() {
        let text = "a’b c";
        let offsets = CharOffsets::new(text);
        let b = text.find('b').unwrap();
        assert_eq!(offsets.char_at(b), 2);
        assert_eq!(offsets.chars(Span::new(0, text.len())), (0, 5));
    }

    #[test]
    #[should_panic(expected = "after its end")]
    fn reversed_span_is_a_bug() {
        Span::new(3, 2);
    }
}
