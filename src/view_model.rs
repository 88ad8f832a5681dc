//! What the views show, worked out from a core [`Article`] as plain data.
//!
//! The Leptos components only render these values. Keeping the decisions
//! here (which title to show, how a date reads, where removed text goes)
//! lets them be tested natively with `cargo test -p crossread-app`.
//!
//! The main types:
//!
//! - [`LibraryEntry`]: one row of the library.
//! - [`DateView`]: a publication date as a reader should see it.
//! - [`Block`]: one paragraph, subheading or removed block of the reader, in
//!   the order of the original text.
//! - [`route::RouteState`]: what the URL says is on screen, filter included.
//! - [`highlight`]: the reader's mention highlighting ([`highlight::segments`]).
//! - [`search`]: search chips, result cards, the date histogram's bars.
//! - [`entity_list`]: entities as the Entities view and the card list them.
//! - [`corrections`]: the reader's corrections in words and in storage.

pub mod corrections;
pub mod entity_list;
pub mod highlight;
pub mod route;
pub mod search;
pub mod timeline;

use crossread_core::ingest::dates::MONTH_NAMES;
use crossread_core::ingest::{Article, DateBasis, NoticeKind, ParagraphKind};
use crossread_core::time::Inference;

/// How many words of the text stand in for a missing headline.
pub const UNTITLED_PREVIEW_WORDS: usize = 8;

/// What the library and the reader call an article with no headline.
pub const UNTITLED: &str = "Untitled";

/// The headline to show, and whether it had to be made up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisplayTitle {
    /// The headline, or "Untitled" and the first words of the text.
    pub text: String,
    /// True when the article has no headline of its own.
    pub untitled: bool,
}

impl DisplayTitle {
    /// The title of `article`: its headline, else "Untitled" with its first
    /// words (or its file name when it has no words at all).
    pub fn of(article: &Article) -> DisplayTitle {
        match &article.title {
            Some(title) if !title.value.trim().is_empty() => {
                DisplayTitle { text: title.value.trim().to_string(), untitled: false }
            }
            _ => {
                let preview = first_words(article, UNTITLED_PREVIEW_WORDS);
                let text = if preview.is_empty() {
                    format!("{UNTITLED} ({})", article.file)
                } else {
                    format!("{UNTITLED}: {preview}")
                };
                DisplayTitle { text, untitled: true }
            }
        }
    }
}

/// The first `n` words of the article's clean paragraphs, with an ellipsis
/// when the text goes on.
pub fn first_words(article: &Article, n: usize) -> String {
    let mut words = article.paragraphs.iter().flat_map(|p| p.text.split_whitespace());
    let head: Vec<&str> = words.by_ref().take(n).collect();
    let mut out = head.join(" ");
    if !out.is_empty() && words.next().is_some() {
        out.push('…');
    }
    out
}

/// A publication date as a reader should see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateView {
    /// The text states the date.
    Stated {
        /// ISO 8601, for `<time datetime>`.
        iso: String,
        /// For people, such as "3 January 2020".
        human: String,
    },
    /// The date was worked out; never shown as fact.
    Inferred {
        /// ISO 8601, for `<time datetime>`.
        iso: String,
        /// For people, such as "3 January 2020".
        human: String,
        /// Why it was inferred, in words.
        reason: String,
    },
    /// Nothing tells when it was published.
    Undated,
}

impl DateView {
    /// How `article`'s publication date should read. `inferred` is the date
    /// the time step worked out from the corpus for an article that states
    /// none; it is shown as inferred, with its reason, never as stated.
    pub fn of(article: &Article, inferred: Option<&Inference>) -> DateView {
        let published = &article.published;
        let Some(date) = published.date else {
            return match inferred {
                Some(i) => {
                    DateView::inferred(i.date.year(), i.date.month(), i.date.day(), &i.reason)
                }
                None => DateView::Undated,
            };
        };
        let (iso, human) = iso_and_human(date.year(), date.month(), date.day());
        match published.basis {
            DateBasis::Stated => DateView::Stated { iso, human },
            DateBasis::Inferred => DateView::inferred(
                date.year(),
                date.month(),
                date.day(),
                published.reason.as_deref().unwrap_or(""),
            ),
            DateBasis::Unknown => DateView::Undated,
        }
    }

    /// An inferred date with its reason ("no reason given" when blank).
    fn inferred(year: i16, month: i8, day: i8, reason: &str) -> DateView {
        let (iso, human) = iso_and_human(year, month, day);
        let reason = if reason.trim().is_empty() {
            "no reason given".to_string()
        } else {
            reason.to_string()
        };
        DateView::Inferred { iso, human, reason }
    }
}

/// A date as ISO 8601 and for people ("3 January 2020").
fn iso_and_human(year: i16, month: i8, day: i8) -> (String, String) {
    let iso = format!("{year:04}-{month:02}-{day:02}");
    let name = usize::try_from(month).ok().and_then(|m| MONTH_NAMES.get(m.wrapping_sub(1)));
    let human = match name {
        Some(name) => format!("{day} {name} {year}"),
        None => iso.clone(),
    };
    (iso, human)
}

/// A short badge text for a notice, for the library list.
pub fn notice_badge(kind: NoticeKind) -> &'static str {
    match kind {
        NoticeKind::Empty => "empty file",
        NoticeKind::Binary => "binary file",
        NoticeKind::Encoding => "not UTF-8",
        NoticeKind::NoTitle => "no title",
        NoticeKind::NoDate => "no date",
        NoticeKind::Truncated => "truncated",
    }
}

/// A notice as the views show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoticeView {
    /// A short badge text, such as "not UTF-8".
    pub badge: &'static str,
    /// The full message from the core.
    pub message: String,
}

impl NoticeView {
    /// The notices of `article`, in order.
    pub fn all(article: &Article) -> Vec<NoticeView> {
        article
            .notices
            .iter()
            .map(|n| NoticeView { badge: notice_badge(n.kind), message: n.message.clone() })
            .collect()
    }
}

/// One row of the library.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibraryEntry {
    /// The article's URL-safe id.
    pub id: String,
    /// Its title, or a made-up "Untitled" one.
    pub title: DisplayTitle,
    /// The outlet, when known.
    pub outlet: Option<String>,
    /// The publication date.
    pub date: DateView,
    /// Problems met while reading the file.
    pub notices: Vec<NoticeView>,
}

impl LibraryEntry {
    /// The library row for `article`; `inferred` is its inferred
    /// publication date, if the time step found one.
    pub fn of(article: &Article, inferred: Option<&Inference>) -> LibraryEntry {
        LibraryEntry {
            id: article.id.clone(),
            title: DisplayTitle::of(article),
            outlet: article.outlet.as_ref().map(|o| o.value.clone()),
            date: DateView::of(article, inferred),
            notices: NoticeView::all(article),
        }
    }
}

/// What one block of the reader is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// Running text.
    Paragraph,
    /// A subheading inside the article.
    Heading,
    /// Text that is not part of the clean article.
    Removed {
        /// The stable reason code, such as `share`.
        code: &'static str,
        /// The reason in words, such as "share buttons".
        label: &'static str,
        /// The evidence, in words.
        detail: String,
    },
}

/// One block of the reader, in the order of the original text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// Byte offset of the block in the original text; unique within an
    /// article, so it keys the block in a list.
    pub start: usize,
    /// The text to show.
    pub text: String,
    /// What the block is.
    pub kind: BlockKind,
}

impl Block {
    /// True for text that is not part of the clean article.
    pub fn is_removed(&self) -> bool {
        matches!(self.kind, BlockKind::Removed { .. })
    }

    /// A key that stays the same while the list around it changes.
    pub fn key(&self) -> (usize, bool) {
        (self.start, self.is_removed())
    }

    /// The hover text of a removed block: its reason and the evidence.
    pub fn removed_tooltip(&self) -> Option<String> {
        match &self.kind {
            BlockKind::Removed { label, detail, .. } if detail.trim().is_empty() => {
                Some(format!("Removed: {label}"))
            }
            BlockKind::Removed { label, detail, .. } => {
                Some(format!("Removed: {label} ({detail})"))
            }
            _ => None,
        }
    }
}

/// The paragraphs and removed blocks of `article`, merged in the order of
/// the original text so removed text can be shown in place.
pub fn blocks(article: &Article) -> Vec<Block> {
    let paragraphs = article.paragraphs.iter().map(|p| Block {
        start: p.span.start,
        text: p.text.clone(),
        kind: match p.kind {
            ParagraphKind::Body => BlockKind::Paragraph,
            ParagraphKind::Heading => BlockKind::Heading,
        },
    });
    let removed = article.removed.iter().map(|r| Block {
        start: r.span.start,
        text: r.text.clone(),
        kind: BlockKind::Removed {
            code: r.reason.code(),
            label: r.reason.label(),
            detail: r.detail.clone(),
        },
    });
    let mut all: Vec<Block> = paragraphs.chain(removed).collect();
    // Stable, so a paragraph stays before a removed block at the same offset.
    all.sort_by_key(|b| b.key());
    all
}

/// Percent-encodes `value` for a URL query, leaving only RFC 3986
/// unreserved characters as they are.
pub fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossread_core::ingest::{Field, Notice, Paragraph, Published, RemovalReason, Removed};
    use crossread_core::Span;

    /// One shared fixture: a headline, a share line, two paragraphs and a
    /// subheading.
    const TEXT: &str = "Big news\nShare on X\nFirst para here.\nA heading\nSecond para.";

    fn span_of(needle: &str) -> Span {
        let start = TEXT.find(needle).expect("fixture contains needle");
        Span::new(start, start + needle.len())
    }

    fn para(needle: &str, kind: ParagraphKind) -> Paragraph {
        Paragraph { span: span_of(needle), text: needle.to_string(), kind }
    }

    fn removed(needle: &str, reason: RemovalReason) -> Removed {
        Removed { span: span_of(needle), text: needle.to_string(), reason, detail: String::new() }
    }

    fn article() -> Article {
        Article {
            file: "007_x.txt".into(),
            id: "007_x".into(),
            text: TEXT.into(),
            notices: vec![],
            title: Some(Field { value: "Big news".into(), evidence: span_of("Big news") }),
            outlet: None,
            byline: None,
            published: Published::unknown(),
            paragraphs: vec![
                para("First para here.", ParagraphKind::Body),
                para("A heading", ParagraphKind::Heading),
                para("Second para.", ParagraphKind::Body),
            ],
            removed: vec![
                removed("Big news", RemovalReason::Title),
                removed("Share on X", RemovalReason::Share),
            ],
        }
    }

    #[test]
    fn removed_blocks_are_merged_in_text_order() {
        let order: Vec<String> = blocks(&article()).into_iter().map(|b| b.text).collect();
        assert_eq!(
            order,
            ["Big news", "Share on X", "First para here.", "A heading", "Second para."]
        );
    }

    #[test]
    fn removed_blocks_carry_their_reason_code_and_label() {
        let all = blocks(&article());
        assert_eq!(
            all[1].kind,
            BlockKind::Removed { code: "share", label: "share buttons", detail: String::new() }
        );
        assert_eq!(all[1].removed_tooltip().as_deref(), Some("Removed: share buttons"));
        assert_eq!(all[3].kind, BlockKind::Heading);
    }

    #[test]
    fn an_article_without_headline_is_untitled_with_its_first_words() {
        let mut a = article();
        a.title = None;
        let title = DisplayTitle::of(&a);
        assert!(title.untitled);
        assert_eq!(title.text, "Untitled: First para here. A heading Second para.");
        a.paragraphs[0].text = "one two three four five six seven eight nine".into();
        assert_eq!(DisplayTitle::of(&a).text, "Untitled: one two three four five six seven eight…");
    }

    #[test]
    fn an_article_without_any_words_is_named_by_its_file() {
        let mut a = article();
        a.title = None;
        a.paragraphs.clear();
        a.notices.push(Notice { kind: NoticeKind::Binary, message: "binary".into() });
        assert_eq!(DisplayTitle::of(&a).text, "Untitled (007_x.txt)");
        assert_eq!(LibraryEntry::of(&a, None).notices[0].badge, "binary file");
    }

    #[test]
    fn dates_read_as_stated_inferred_or_undated() {
        let mut a = article();
        assert_eq!(DateView::of(&a, None), DateView::Undated);
        let guess = Inference {
            date: "2020-01-02".parse().expect("valid date"),
            reason: "it reports Tuesday's attack as yesterday".into(),
            evidence: vec![],
        };
        assert_eq!(
            DateView::of(&a, Some(&guess)),
            DateView::Inferred {
                iso: "2020-01-02".into(),
                human: "2 January 2020".into(),
                reason: "it reports Tuesday's attack as yesterday".into()
            },
            "an undated article shows the corpus's inference, marked as such"
        );
        a.published = Published {
            date: "2020-01-03".parse().ok(),
            basis: DateBasis::Inferred,
            evidence: None,
            reason: Some("viewed 2 days later".into()),
        };
        assert_eq!(
            DateView::of(&a, None),
            DateView::Inferred {
                iso: "2020-01-03".into(),
                human: "3 January 2020".into(),
                reason: "viewed 2 days later".into()
            }
        );
        a.published.basis = DateBasis::Stated;
        assert!(
            matches!(DateView::of(&a, None), DateView::Stated { human, .. } if human == "3 January 2020")
        );
    }

    #[test]
    fn query_values_are_percent_encoded() {
        assert_eq!(encode_query_value("004_ab-c"), "004_ab-c");
        assert_eq!(encode_query_value("a b&c/é"), "a%20b%26c%2F%C3%A9");
    }
}
