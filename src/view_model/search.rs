//! What the search views show, as plain data: the chips of the active
//! filter, when typing adds a history entry, result cards with their
//! highlighted snippet, the date histogram's bars and the words of the
//! result summary. The components in `ui::search_*` and `ui::facet_*` only
//! render these values.

use super::route::Filter;
use super::{DateView, DisplayTitle};
use crossread_core::ingest::Article;
use crossread_core::search::{snippet, DateHistogram, Hit, SearchResults};
use crossread_core::time::Inference;
use crossread_core::Span;

/// Result cards are shown this many at a time ("Show more" adds as many).
pub const RESULTS_PAGE: usize = 20;
/// A result's snippet is cut to about this many characters.
pub const SNIPPET_CHARS: usize = 220;
/// Facet lists show this many values before "Show all".
pub const FACET_PREVIEW: usize = 8;

/// One field of the [`Filter`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FilterField {
    /// The search words.
    Query,
    /// The entity the articles mention.
    Entity,
    /// The outlet.
    Outlet,
    /// The entity type.
    Kind,
    /// The earliest date.
    After,
    /// The latest date.
    Before,
}

impl FilterField {
    /// Every field, in the order chips are shown.
    pub const ALL: [FilterField; 6] = [
        FilterField::Query,
        FilterField::Entity,
        FilterField::Outlet,
        FilterField::Kind,
        FilterField::After,
        FilterField::Before,
    ];

    /// The words before the value on a chip.
    pub fn label(self) -> &'static str {
        match self {
            FilterField::Query => "Words",
            FilterField::Entity => "Mentions",
            FilterField::Outlet => "Outlet",
            FilterField::Kind => "Type",
            FilterField::After => "From",
            FilterField::Before => "Until",
        }
    }

    /// The value of this field in `filter`, if set.
    pub fn get(self, filter: &Filter) -> Option<&str> {
        match self {
            FilterField::Query => Some(filter.query.trim()).filter(|q| !q.is_empty()),
            FilterField::Entity => filter.entity.as_deref(),
            FilterField::Outlet => filter.outlet.as_deref(),
            FilterField::Kind => filter.kind.as_deref(),
            FilterField::After => filter.after.as_deref(),
            FilterField::Before => filter.before.as_deref(),
        }
    }

    /// `filter` with this field set to `value` (or unset).
    pub fn set(self, filter: &Filter, value: Option<String>) -> Filter {
        let mut out = filter.clone();
        match self {
            FilterField::Query => out.query = value.unwrap_or_default(),
            FilterField::Entity => out.entity = value,
            FilterField::Outlet => out.outlet = value,
            FilterField::Kind => out.kind = value,
            FilterField::After => out.after = value,
            FilterField::Before => out.before = value,
        }
        out
    }
}

/// One removable chip of the active filter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chip {
    /// The field the chip shows.
    pub field: FilterField,
    /// What the chip reads, such as "Outlet: Reuters"; removing the chip
    /// unsets [`field`](Self::field) (`field.set(filter, None)`).
    pub text: String,
}

/// The chips of every active field of `filter`, in [`FilterField::ALL`]
/// order. `entity_name` names an entity id; an id it does not know (merged
/// away, say) is shown as such.
pub fn chips(filter: &Filter, entity_name: impl Fn(&str) -> Option<String>) -> Vec<Chip> {
    FilterField::ALL
        .iter()
        .filter_map(|&field| {
            let value = field.get(filter)?;
            let shown = match field {
                FilterField::Entity => {
                    entity_name(value).unwrap_or_else(|| format!("{value} (no longer an entity)"))
                }
                FilterField::Query => format!("“{value}”"),
                _ => value.to_string(),
            };
            Some(Chip { field, text: format!("{}: {shown}", field.label()) })
        })
        .collect()
}

/// How a change of the search words enters the browser history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryStep {
    /// A new entry: Back returns to the search before it.
    Push,
    /// Overwrite the current entry: the words are still being typed.
    Replace,
}

/// Decides how typed words enter the history, so Back steps through
/// searches rather than keystrokes. The first keystroke of a search adds an
/// entry; later keystrokes overwrite it until the search is committed
/// (the reader pauses, presses Enter or leaves the box); the next keystroke
/// then starts a new entry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TypingHistory {
    /// True while the current history entry belongs to words being typed.
    open: bool,
}

impl TypingHistory {
    /// The step for words changed from `before` to `after`; `None` when
    /// they mean the same search (only surrounding spaces changed).
    pub fn on_input(&mut self, before: &str, after: &str) -> Option<HistoryStep> {
        if before.trim() == after.trim() {
            return None;
        }
        let step = if self.open { HistoryStep::Replace } else { HistoryStep::Push };
        self.open = true;
        Some(step)
    }

    /// Ends the search being typed: the next keystroke adds an entry.
    pub fn commit(&mut self) {
        self.open = false;
    }
}

/// A piece of text, marked or not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// The text.
    pub text: String,
    /// True for a matched word, shown in `<mark>`.
    pub marked: bool,
}

/// Cuts `text` into plain and marked segments at `highlights` (byte ranges
/// of `text`). Ranges out of bounds, off char boundaries, empty or
/// overlapping an earlier one are clipped or skipped, never a panic; the
/// segments always join up to `text`.
pub fn segments(text: &str, highlights: &[Span]) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut at = 0;
    let push = |out: &mut Vec<Segment>, piece: &str, marked: bool| {
        if !piece.is_empty() {
            out.push(Segment { text: piece.to_string(), marked });
        }
    };
    for h in highlights {
        let start = h.start.max(at);
        let end = h.end.min(text.len());
        if start >= end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        push(&mut out, &text[at..start], false);
        push(&mut out, &text[start..end], true);
        at = end;
    }
    push(&mut out, &text[at..], false);
    out
}

/// One search result as a card shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResultCard {
    /// The article's id.
    pub id: String,
    /// The title, with matched words marked.
    pub title: Vec<Segment>,
    /// True when the article has no headline of its own.
    pub untitled: bool,
    /// The outlet, when known.
    pub outlet: Option<String>,
    /// The publication date.
    pub date: DateView,
    /// The best passage, cut short, with matched words marked.
    pub snippet: Vec<Segment>,
    /// Text was left out before / after the snippet.
    pub cut_before: bool,
    /// Text was left out after the snippet.
    pub cut_after: bool,
    /// The passage to mark in the reader (byte range of the article's
    /// text), when a word matched in the body.
    pub mark: Option<Span>,
    /// True when a word matched only through a typo correction.
    pub fuzzy: bool,
}

impl ResultCard {
    /// The card for `hit` in `article`; `inferred` is its inferred
    /// publication date, if the text states none.
    pub fn of(article: &Article, hit: &Hit, inferred: Option<&Inference>) -> ResultCard {
        let display = DisplayTitle::of(article);
        let title = segments(&display.text, &title_highlights(article, &display, hit));
        let cut = snippet(article, hit, SNIPPET_CHARS);
        ResultCard {
            id: article.id.clone(),
            title,
            untitled: display.untitled,
            outlet: article.outlet.as_ref().map(|o| o.value.clone()),
            date: DateView::of(article, inferred),
            snippet: segments(&cut.text, &cut.highlights),
            cut_before: cut.cut_before,
            cut_after: cut.cut_after,
            mark: hit.passage.as_ref().map(|p| p.span),
            fuzzy: hit.fuzzy,
        }
    }
}

/// The hit's title highlights as byte ranges of the shown title. They are
/// ranges of the article's text; they carry over only when the shown title
/// is that text (trimmed), else the title is shown unmarked.
fn title_highlights(article: &Article, display: &DisplayTitle, hit: &Hit) -> Vec<Span> {
    let Some(title) = article.title.as_ref().filter(|_| !display.untitled) else {
        return Vec::new();
    };
    let evidence = title.evidence;
    let Some(raw) = article.text.get(evidence.start..evidence.end) else {
        return Vec::new();
    };
    let lead = raw.len() - raw.trim_start().len();
    if raw.trim() != display.text {
        return Vec::new();
    }
    let base = evidence.start + lead;
    hit.title_highlights
        .iter()
        .filter_map(|h| {
            let (s, e) = (h.start.checked_sub(base)?, h.end.checked_sub(base)?);
            (e <= display.text.len()).then(|| Span::new(s, e))
        })
        .collect()
}

/// One bar of the date histogram.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateBar {
    /// `2020` or `2020-01`: the bar sets both `after` and `before` to it.
    pub label: String,
    /// How many matching articles were published then.
    pub count: usize,
    /// The bar's height, 0–100, relative to the tallest bar.
    pub percent: u32,
    /// What a screen reader and the tooltip say.
    pub describe: String,
}

/// The bars of `dates`, with heights relative to the tallest one (a bar
/// with articles is never drawn at zero height).
pub fn date_bars(dates: &DateHistogram) -> Vec<DateBar> {
    let max = dates.buckets.iter().map(|b| b.count).max().unwrap_or(0).max(1);
    dates
        .buckets
        .iter()
        .map(|b| {
            let scaled = (b.count * 100).div_ceil(max);
            let percent = u32::try_from(scaled).unwrap_or(100).min(100);
            let noun = if b.count == 1 { "article" } else { "articles" };
            DateBar {
                label: b.label.clone(),
                count: b.count,
                percent,
                describe: format!("{}: {} {noun}", b.label, b.count),
            }
        })
        .collect()
}

/// The filter restricted to one bar's period (or widened back, when the
/// bar is already the whole period).
pub fn with_period(filter: &Filter, label: &str) -> Filter {
    let same = filter.after.as_deref() == Some(label) && filter.before.as_deref() == Some(label);
    let value = (!same).then(|| label.to_string());
    Filter { after: value.clone(), before: value, ..filter.clone() }
}

/// What the result summary says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Summary {
    /// Nothing is filtered.
    All {
        /// Articles in the corpus.
        total: usize,
    },
    /// Some articles match.
    Some {
        /// Matching articles.
        matched: usize,
        /// Articles in the corpus.
        total: usize,
    },
    /// Nothing matches.
    None {
        /// "No article mentions “X”" or "No article matches these filters".
        message: String,
        /// A corrected query to offer, with its words.
        suggestion: Option<(String, String)>,
    },
}

/// The summary of `results` for `filter` over a corpus of `total`
/// articles. `matched` counts the articles the filter lets through.
pub fn summary(filter: &Filter, matched: usize, total: usize, results: &SearchResults) -> Summary {
    if filter.is_empty() {
        return Summary::All { total };
    }
    if matched > 0 {
        return Summary::Some { matched, total };
    }
    let words = filter.query.trim();
    let message = if words.is_empty() {
        "No article matches these filters.".to_string()
    } else if filter.has_facets() {
        format!("No article mentions “{}” with these filters.", shorten(words, 80))
    } else {
        format!("No article mentions “{}”.", shorten(words, 80))
    };
    let suggestion = results.suggestion.as_ref().map(|s| {
        let shown = s.replacements.iter().map(|(_, to)| to.as_str()).collect::<Vec<_>>().join(" ");
        (s.query.clone(), shown)
    });
    Summary::None { message, suggestion }
}

impl Summary {
    /// The summary in words (the suggestion is rendered as a link apart).
    pub fn text(&self) -> String {
        match self {
            Summary::All { total: 0 } => {
                "No articles are bundled. Add files to the articles folder and rebuild.".into()
            }
            Summary::All { total: 1 } => "1 article about this story.".into(),
            Summary::All { total } => format!("{} articles about this story.", thousands(*total)),
            Summary::Some { matched: 1, total } => {
                format!("1 of {} articles matches.", thousands(*total))
            }
            Summary::Some { matched, total } => {
                format!("{} of {} articles match.", thousands(*matched), thousands(*total))
            }
            Summary::None { message, .. } => message.clone(),
        }
    }
}

/// `text` cut to `max` characters with an ellipsis, so a 10,000-character
/// query does not fill the page.
pub fn shorten(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

/// `n` with thin groups of three digits: 10,000.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossread_core::ingest::{Field, Paragraph, ParagraphKind, Published};
    use crossread_core::search::{DateBucket, DateUnit, Passage, Suggestion};
    use proptest::prelude::*;

    /// One shared fixture: a title line and one long paragraph.
    const TEXT: &str = "  Militia leaves the embassy\n\nProtesters left the embassy compound \
        in Baghdad on Wednesday after the militia leaders told them to go home.";

    fn span_of(needle: &str) -> Span {
        let start = TEXT.find(needle).expect("fixture contains needle");
        Span::new(start, start + needle.len())
    }

    fn article() -> Article {
        let para = &TEXT[TEXT.find("Protesters").unwrap_or(0)..];
        Article {
            file: "a.txt".into(),
            id: "a".into(),
            text: TEXT.into(),
            notices: vec![],
            title: Some(Field {
                value: "Militia leaves the embassy".into(),
                evidence: Span::new(0, TEXT.find('\n').unwrap_or(0)),
            }),
            outlet: Some(Field { value: "Reuters".into(), evidence: Span::default() }),
            byline: None,
            published: Published::unknown(),
            paragraphs: vec![Paragraph {
                span: span_of(para),
                text: para.into(),
                kind: ParagraphKind::Body,
            }],
            removed: vec![],
        }
    }

    fn marked(segments: &[Segment]) -> Vec<&str> {
        segments.iter().filter(|s| s.marked).map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn chips_name_every_active_field_and_remove_only_their_own() {
        let filter = Filter {
            query: " militia ".into(),
            entity: Some("org:pmf".into()),
            outlet: Some("Reuters".into()),
            kind: Some("person".into()),
            after: Some("2020-01".into()),
            before: Some("2020".into()),
        };
        let name = |id: &str| (id == "org:pmf").then(|| "PMF".to_string());
        let table = [
            (FilterField::Query, "Words: “militia”"),
            (FilterField::Entity, "Mentions: PMF"),
            (FilterField::Outlet, "Outlet: Reuters"),
            (FilterField::Kind, "Type: person"),
            (FilterField::After, "From: 2020-01"),
            (FilterField::Before, "Until: 2020"),
        ];
        let all = chips(&filter, name);
        assert_eq!(all.len(), table.len());
        for (chip, (field, text)) in all.iter().zip(table) {
            assert_eq!((chip.field, chip.text.as_str()), (field, text));
            let without = chip.field.set(&filter, None);
            assert_eq!(field.get(&without), None, "{text} removes its field");
            let others = FilterField::ALL.iter().filter(|&&f| f != field);
            for &other in others {
                assert_eq!(other.get(&without), other.get(&filter), "{text} keeps {other:?}");
            }
        }
    }

    #[test]
    fn an_unknown_entity_and_an_empty_filter_read_sensibly() {
        let filter = Filter { entity: Some("person:gone".into()), ..Filter::default() };
        assert_eq!(chips(&filter, |_| None)[0].text, "Mentions: person:gone (no longer an entity)");
        assert!(chips(&Filter { query: "   ".into(), ..Filter::default() }, |_| None).is_empty());
    }

    #[test]
    fn typing_pushes_one_entry_per_search_and_replaces_it_while_typing() {
        use HistoryStep::{Push, Replace};
        // (before, after, commit afterwards, expected step)
        let table = [
            ("", "m", false, Some(Push)),
            ("m", "mi", false, Some(Replace)),
            ("mi", "mil", true, Some(Replace)),
            ("mil", "mil ", false, None),
            ("mil", "mili", false, Some(Push)),
            ("mili", "", true, Some(Replace)),
            ("", "x", false, Some(Push)),
        ];
        let mut history = TypingHistory::default();
        for (before, after, commit, expected) in table {
            assert_eq!(history.on_input(before, after), expected, "{before:?} → {after:?}");
            if commit {
                history.commit();
                assert_eq!(history, TypingHistory::default());
            }
        }
    }

    #[test]
    fn segments_mark_highlights_and_survive_bad_ranges() {
        let text = "the militia and the embassy";
        let table: [(&[Span], Vec<&str>); 6] = [
            (&[], vec![]),
            (&[Span::new(4, 11)], vec!["militia"]),
            (&[Span::new(4, 11), Span::new(20, 27)], vec!["militia", "embassy"]),
            (&[Span::new(4, 11), Span::new(8, 15)], vec!["militia", " and"]),
            (&[Span::new(20, 400)], vec!["embassy"]),
            (&[Span::new(30, 40), Span::new(5, 5)], vec![]),
        ];
        for (highlights, expected) in table {
            let got = segments(text, highlights);
            assert_eq!(marked(&got), expected, "{highlights:?}");
            assert_eq!(got.iter().map(|s| s.text.as_str()).collect::<String>(), text);
        }
        let arabic = "في بغداد";
        let got = segments(arabic, &[Span::new(1, 4)]);
        assert_eq!(got.iter().map(|s| s.text.as_str()).collect::<String>(), arabic);
    }

    #[test]
    fn a_result_card_marks_title_and_snippet_words_and_points_at_the_passage() {
        let a = article();
        let para = a.paragraphs[0].span;
        let embassy = span_of("embassy compound").start;
        let hit = Hit {
            article: 0,
            score: 1.0,
            fuzzy: false,
            passage: Some(Passage {
                paragraph: 0,
                span: para,
                highlights: vec![Span::new(embassy, embassy + "embassy".len())],
            }),
            title_highlights: vec![span_of("Militia")],
        };
        let card = ResultCard::of(&a, &hit, None);
        assert_eq!(marked(&card.title), ["Militia"]);
        assert_eq!(marked(&card.snippet), ["embassy"]);
        assert_eq!(card.mark, Some(para));
        assert_eq!(card.outlet.as_deref(), Some("Reuters"));
        let no_passage = Hit { passage: None, title_highlights: vec![], ..hit };
        let card = ResultCard::of(&a, &no_passage, None);
        assert!(marked(&card.snippet).is_empty() && card.mark.is_none());
        assert!(card
            .snippet
            .iter()
            .map(|s| s.text.as_str())
            .collect::<String>()
            .starts_with("Protesters"));
    }

    #[test]
    fn date_bars_scale_to_the_tallest_and_a_bar_toggles_its_period() {
        let bucket = |label: &str, count| DateBucket {
            label: label.into(),
            first: Default::default(),
            last: Default::default(),
            count,
        };
        let dates = DateHistogram {
            unit: DateUnit::Month,
            buckets: vec![bucket("2019-12", 1), bucket("2020-01", 300), bucket("2020-02", 0)],
            undated: 2,
        };
        let bars = date_bars(&dates);
        let percents: Vec<u32> = bars.iter().map(|b| b.percent).collect();
        assert_eq!(percents, [1, 100, 0]);
        assert_eq!(bars[0].describe, "2019-12: 1 article");
        let set = with_period(&Filter::default(), "2020-01");
        assert_eq!(
            (set.after.as_deref(), set.before.as_deref()),
            (Some("2020-01"), Some("2020-01"))
        );
        assert_eq!(with_period(&set, "2020-01"), Filter::default());
        assert!(date_bars(&DateHistogram::default()).is_empty());
    }

    #[test]
    fn the_summary_counts_matches_and_offers_the_suggestion() {
        let words = Filter { query: "milita".into(), ..Filter::default() };
        let mut results = SearchResults::default();
        assert_eq!(
            summary(&Filter::default(), 5, 5, &results).text(),
            "5 articles about this story."
        );
        assert_eq!(summary(&words, 1, 10_000, &results).text(), "1 of 10,000 articles matches.");
        assert_eq!(
            summary(&words, 1_234, 10_000, &results).text(),
            "1,234 of 10,000 articles match."
        );
        results.suggestion = Some(Suggestion {
            query: "militia".into(),
            replacements: vec![("milita".into(), "militia".into())],
        });
        assert_eq!(
            summary(&words, 0, 5, &results),
            Summary::None {
                message: "No article mentions “milita”.".into(),
                suggestion: Some(("militia".into(), "militia".into())),
            }
        );
        let facets = Filter { outlet: Some("X".into()), ..Filter::default() };
        assert_eq!(
            summary(&facets, 0, 5, &SearchResults::default()).text(),
            "No article matches these filters."
        );
        let long = Filter { query: "a".repeat(10_000), ..Filter::default() };
        assert!(summary(&long, 0, 5, &SearchResults::default()).text().chars().count() < 120);
    }

    proptest! {
        #[test]
        fn highlighted_segments_lie_inside_the_text_and_join_up_to_it(
            text in "\\PC{0,60}",
            ranges in proptest::collection::vec((0usize..80, 0usize..80), 0..6),
        ) {
            let highlights: Vec<Span> =
                ranges.iter().map(|&(a, b)| Span::new(a.min(b), a.max(b))).collect();
            let got = segments(&text, &highlights);
            prop_assert_eq!(got.iter().map(|s| s.text.as_str()).collect::<String>(), text.clone());
            let mut at = 0;
            for s in &got {
                prop_assert!(!s.text.is_empty());
                if s.marked {
                    // A marked piece is exactly one (clipped) highlight.
                    let (start, end) = (at, at + s.text.len());
                    prop_assert!(highlights.iter().any(|h| h.start <= start && end <= h.end
                        || (h.start <= start && h.end > start)));
                    prop_assert!(end <= text.len());
                }
                at += s.text.len();
            }
        }
    }
}
