//! Snippets: a short window of a hit's best passage with its highlights.

use super::exec::Hit;
use crate::ingest::Article;
use crate::span::Span;

/// A piece of a passage to show under a result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    /// The text shown (line breaks as spaces), without ellipses.
    pub text: String,
    /// Where `text` lies in the article's text.
    pub span: Span,
    /// Highlighted ranges, as byte ranges of `text`.
    pub highlights: Vec<Span>,
    /// Text was left out before / after.
    pub cut_before: bool,
    pub cut_after: bool,
}

/// A snippet of at most about `max_chars` characters around the first
/// highlight of `hit`'s passage. Falls back to the start of the first
/// paragraph when the hit has no passage (title or filter matches).
pub fn snippet(article: &Article, hit: &Hit, max_chars: usize) -> Snippet {
    let (para, highlights) = match &hit.passage {
        Some(p) => (article.paragraphs.get(p.paragraph), p.highlights.as_slice()),
        None => (article.paragraphs.first(), &[][..]),
    };
    let Some(para) = para else {
        return Snippet {
            text: String::new(),
            span: Span::default(),
            highlights: Vec::new(),
            cut_before: false,
            cut_after: false,
        };
    };
    let text = para.text.as_str();
    let base = para.span.start;
    let max_chars = max_chars.max(1);
    if text.chars().count() <= max_chars {
        return Snippet {
            text: text.to_string(),
            span: para.span,
            highlights: relative(highlights, base, 0, text.len()),
            cut_before: false,
            cut_after: false,
        };
    }
    // Start a little before the first highlight, on a word boundary.
    let anchor = highlights.first().map_or(0, |h| h.start.saturating_sub(base).min(text.len()));
    // A hit from another article must not make the slicing panic.
    let mut anchor = anchor;
    while !text.is_char_boundary(anchor) {
        anchor -= 1;
    }
    let lead = max_chars / 4;
    let mut start = text[..anchor].char_indices().rev().nth(lead).map_or(0, |(i, _)| i);
    if start > 0 {
        start = text[start..].find(' ').map_or(start, |i| start + i + 1).min(anchor);
    }
    let mut end =
        text[start..].char_indices().nth(max_chars).map_or(text.len(), |(i, _)| start + i);
    if end < text.len() {
        end = text[start..end].rfind(' ').map_or(end, |i| start + i).max(start);
    }
    Snippet {
        text: text[start..end].to_string(),
        span: Span::new(base + start, base + end),
        highlights: relative(highlights, base, start, end),
        cut_before: start > 0,
        cut_after: end < text.len(),
    }
}

/// Highlights inside `start..end` of the paragraph, relative to `start`.
fn relative(highlights: &[Span], base: usize, start: usize, end: usize) -> Vec<Span> {
    highlights
        .iter()
        .filter_map(|h| {
            let (s, e) = (h.start.checked_sub(base)?, h.end.checked_sub(base)?);
            (s >= start && e <= end).then(|| Span::new(s - start, e - start))
        })
        .collect()
}
