//! Lines → blocks: rebuilding real paragraphs from the shapes plain text
//! arrives in.
//!
//! - One paragraph per line, or paragraphs separated by blank lines: each
//!   line is a block, except that a line ending mid-sentence joins a next
//!   line that starts in lowercase.
//! - Hard-wrapped text (wire copy broken at about 70 columns): detected from
//!   line-length statistics, and lines that fill the width are rejoined.
//! - Live blogs: a line opening with a time stamp starts a new block, and a
//!   time stamp alone on its line joins the entry that follows it.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`. A block's span is trimmed of
//! surrounding blanks, and blocks never overlap.

use super::dates::time_at_start;
use super::shape::Shape;
use crate::span::Span;

/// Fewest wrapped-looking lines before the text counts as hard-wrapped.
const WRAP_MIN_LINES: usize = 4;

/// Narrowest and widest line width (in chars) that counts as hard wrapping;
/// one-paragraph-per-line text has much longer lines.
const WRAP_WIDTHS: std::ops::RangeInclusive<usize> = 40..=100;

/// A line at least this share of the wrap width is "full": the paragraph
/// goes on in the next line.
const WRAP_FULL_SHARE: f32 = 0.6;

/// Share of the lines followed by another line that must be full for the
/// text to count as hard-wrapped.
const WRAP_FULL_LINES_SHARE: f32 = 0.6;

/// Share of the full lines that must end without sentence punctuation (a
/// wrap breaks mid-sentence, a paragraph end does not).
const WRAP_OPEN_END_SHARE: f32 = 0.5;

/// The percentile of line widths taken as the wrap width.
const WRAP_WIDTH_PERCENTILE: f32 = 0.9;

/// One line of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Line {
    /// The line without its break and surrounding blanks (empty when blank).
    pub span: Span,
    /// Leading blank chars.
    pub indent: usize,
    /// Chars in `span`.
    pub chars: usize,
}

impl Line {
    fn is_blank(&self) -> bool {
        self.span.is_empty()
    }
}

/// A candidate paragraph: one or more lines joined.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Block {
    /// From the first line's first non-blank char to the last line's last.
    pub span: Span,
}

/// Splits `text` into lines at `\n`, `\r\n` and lone `\r`.
pub(crate) fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i <= bytes.len() {
        let at_end = i == bytes.len();
        if at_end || bytes[i] == b'\n' || bytes[i] == b'\r' {
            lines.push(line(text, start, i));
            if at_end {
                break;
            }
            i += if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            start = i;
        } else {
            i += 1;
        }
    }
    lines
}

fn line(text: &str, start: usize, end: usize) -> Line {
    // `start` and `end` sit next to ASCII line breaks, so they are char
    // boundaries.
    let raw = &text[start..end];
    let after_indent = raw.trim_start();
    let indent_bytes = raw.len() - after_indent.len();
    let content = after_indent.trim_end();
    let s = start + indent_bytes;
    Line {
        span: Span::new(s, s + content.len()),
        indent: raw[..indent_bytes].chars().count(),
        chars: content.chars().count(),
    }
}

/// The wrap width of hard-wrapped text, or `None` when lines are not
/// hard-wrapped.
pub(crate) fn wrap_width(text: &str, lines: &[Line]) -> Option<usize> {
    // Only a line followed by another non-blank line can be a wrapped one.
    let inner: Vec<&Line> =
        lines.windows(2).filter(|w| !w[0].is_blank() && !w[1].is_blank()).map(|w| &w[0]).collect();
    if inner.len() < WRAP_MIN_LINES {
        return None;
    }
    let mut widths: Vec<usize> = inner.iter().map(|l| l.chars).collect();
    widths.sort_unstable();
    let at = ((widths.len() - 1) as f32 * WRAP_WIDTH_PERCENTILE) as usize;
    let width = widths[at];
    if !WRAP_WIDTHS.contains(&width) {
        return None;
    }
    let full: Vec<&&Line> = inner.iter().filter(|l| is_full(l, width)).collect();
    let open = full.iter().filter(|l| !Shape::of(l.span.of(text)).ends_sentence()).count();
    let full_share = full.len() as f32 / inner.len() as f32;
    let open_share = open as f32 / full.len().max(1) as f32;
    (full_share >= WRAP_FULL_LINES_SHARE && open_share >= WRAP_OPEN_END_SHARE).then_some(width)
}

fn is_full(line: &Line, width: usize) -> bool {
    line.chars as f32 >= width as f32 * WRAP_FULL_SHARE
}

/// Whether a line is only a time stamp, such as "10:42" or "9.15am GMT".
fn is_time_only(text: &str, line: &Line) -> bool {
    let s = line.span.of(text);
    time_at_start(s)
        .is_some_and(|t| s[t.span.end..].trim_matches(|c: char| !c.is_alphanumeric()).is_empty())
}

/// Whether a line opens with a time stamp (a live-blog entry).
fn starts_with_time(text: &str, line: &Line) -> bool {
    time_at_start(line.span.of(text)).is_some()
}

/// Whether a line looks like a header credit, which never continues the
/// line before it ("By Jane Doe").
fn is_credit_line(text: &str, line: &Line) -> bool {
    let s = line.span.of(text);
    let mut words = s.split_whitespace();
    words.next().is_some_and(|w| w.eq_ignore_ascii_case("by"))
        && words.next().is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// Groups `lines` into blocks (candidate paragraphs).
pub(crate) fn blocks(text: &str, lines: &[Line]) -> Vec<Block> {
    let width = wrap_width(text, lines);
    let mut blocks: Vec<Block> = Vec::new();
    // The last line added to the open block, if a block is open.
    let mut open: Option<Line> = None;
    // Whether blank lines came since the open block's last line.
    let mut blank_since = false;
    for line in lines {
        if line.is_blank() {
            if open.is_some() {
                blank_since = true;
            }
            continue;
        }
        let join = match open {
            None => false,
            Some(prev) if blank_since => {
                // A time stamp alone on its line heads the entry after it,
                // even across a blank line.
                is_time_only(text, &prev) && blocks.last().is_some_and(|b| b.span == prev.span)
            }
            Some(prev) => joins(text, &prev, line, width),
        };
        match blocks.last_mut() {
            Some(block) if join => block.span = Span::new(block.span.start, line.span.end),
            _ => blocks.push(Block { span: line.span }),
        }
        open = Some(*line);
        blank_since = false;
    }
    blocks
}

/// Whether `next` continues the paragraph that `prev` (the line right
/// above it) belongs to.
fn joins(text: &str, prev: &Line, next: &Line, width: Option<usize>) -> bool {
    if is_time_only(text, prev) {
        return true;
    }
    if starts_with_time(text, next) || is_credit_line(text, next) {
        return false;
    }
    let prev_shape = Shape::of(prev.span.of(text));
    match width {
        Some(width) => {
            // An indented line after a finished sentence opens a paragraph.
            let indented = next.indent > prev.indent && prev_shape.ends_sentence();
            is_full(prev, width) && !indented
        }
        None => prev_shape.ends_open() && Shape::of(next.span.of(text)).starts_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        blocks(text, &lines(text)).iter().map(|b| b.span.of(text)).collect()
    }

    #[test]
    fn lines_end_at_lf_crlf_and_lone_cr() {
        let text = "a\r\nb\rc\nd";
        let found: Vec<&str> = lines(text).iter().map(|l| l.span.of(text)).collect();
        assert_eq!(found, ["a", "b", "c", "d"]);
    }

    #[test]
    fn each_line_is_a_paragraph_in_one_per_line_text() {
        assert_eq!(
            texts("First line here.\nSecond line here.\n\nThird."),
            ["First line here.", "Second line here.", "Third."]
        );
    }

    #[test]
    fn a_line_broken_mid_sentence_joins_a_lowercase_continuation() {
        assert_eq!(
            texts("The minister said that\nthe talks would go on.\nNext."),
            ["The minister said that\nthe talks would go on.", "Next."]
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_are_rejoined() {
        let text = "Storm hits coast\n\n\
            The storm reached the coast early on Tuesday, bringing heavy rain and\n\
            winds that tore roofs from houses in three towns, officials said in a\n\
            statement released after the first damage reports came in from the\n\
            area.\n\n\
            Rescue teams worked through the night to reach villages cut off by the\n\
            floods, and the army sent helicopters to carry food and water to the\n\
            people who had fled to higher ground.\n";
        let found = texts(text);
        assert_eq!(found.len(), 3, "{found:#?}");
        assert!(found[1].ends_with("area."));
    }

    #[test]
    fn a_time_stamp_alone_joins_the_entry_after_it() {
        let text = "10:42 GMT\n\nPolice close the bridge.\n10:50 Crowds gather at the gate.";
        assert_eq!(
            texts(text),
            ["10:42 GMT\n\nPolice close the bridge.", "10:50 Crowds gather at the gate."]
        );
    }
}
