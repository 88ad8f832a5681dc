//! How mentions are highlighted in the reader: which types are shown, and a
//! paragraph cut into plain and mention segments.
//!
//! - [`TypeFilter`]: the legend's on/off state per [`EntityType`].
//! - [`segments`]: a paragraph as plain text and mentions, in order, ready
//!   to be rendered as text nodes (never as HTML).
//! - [`mark_range`]: the same runs with a marked range (a search passage,
//!   an event's sentence) split out and flagged.

use crossread_core::entities::{EntityId, EntityType, Mention};

/// Which entity types the reader highlights. Every type is shown unless the
/// reader switched it off in the legend.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TypeFilter {
    /// Bit `i` set: `EntityType::ALL[i]` is hidden.
    hidden: u8,
}

/// The bit of `kind` in a [`TypeFilter`].
fn bit(kind: EntityType) -> u8 {
    let i = EntityType::ALL.iter().position(|&t| t == kind).unwrap_or(0);
    1 << i
}

impl TypeFilter {
    /// True when mentions of `kind` are highlighted.
    pub fn shows(self, kind: EntityType) -> bool {
        self.hidden & bit(kind) == 0
    }

    /// The same filter with `kind` switched the other way.
    pub fn toggled(self, kind: EntityType) -> TypeFilter {
        TypeFilter { hidden: self.hidden ^ bit(kind) }
    }

    /// For browser storage: the codes of the hidden types, comma-separated.
    pub fn to_storage(self) -> String {
        let hidden: Vec<&str> =
            EntityType::ALL.into_iter().filter(|&t| !self.shows(t)).map(EntityType::code).collect();
        hidden.join(",")
    }

    /// Reads [`to_storage`](Self::to_storage)'s text; unknown codes are
    /// ignored, so a stale value never hides everything by accident.
    pub fn from_storage(text: &str) -> TypeFilter {
        text.split(',').filter_map(EntityType::parse).fold(TypeFilter::default(), |f, t| {
            if f.shows(t) {
                f.toggled(t)
            } else {
                f
            }
        })
    }
}

/// The CSS class that gives a type its colour and its second cue.
pub fn type_class(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "t-person",
        EntityType::Org => "t-org",
        EntityType::Place => "t-place",
        EntityType::Norp => "t-norp",
        EntityType::Facility => "t-facility",
        EntityType::Quantity => "t-quantity",
    }
}

/// The non-colour cue of each type, in words, for the legend's tooltip.
pub fn type_cue(kind: EntityType) -> &'static str {
    match kind {
        EntityType::Person => "solid underline",
        EntityType::Org => "double underline",
        EntityType::Place => "dashed underline",
        EntityType::Norp => "dotted underline",
        EntityType::Facility => "wavy underline",
        EntityType::Quantity => "boxed",
    }
}

/// A mention inside a [`Segment`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MentionRef {
    /// Byte offset of the mention's end in the original text.
    pub end: usize,
    /// The mention's type.
    pub kind: EntityType,
    /// The canonical entity it belongs to.
    pub entity: EntityId,
}

/// A run of a paragraph: plain text, or one mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Byte offset of the run in the article's original text.
    pub start: usize,
    /// The text to show (a text node, never HTML).
    pub text: String,
    /// The mention this run is, if any.
    pub mention: Option<MentionRef>,
    /// True when the run lies in the reader's marked range.
    pub marked: bool,
    /// The temporal expression (its position in the article's list) this
    /// plain run belongs to, if any. Entity mentions take precedence: a
    /// date overlapping a mention is marked only outside it.
    pub date: Option<usize>,
}

impl Segment {
    /// Where the original-text offset `at` falls in this run's text,
    /// clamped to the run and moved back to a character boundary.
    fn cut_at(&self, at: usize) -> usize {
        let mut i = at.clamp(self.start, self.start + self.text.len()) - self.start;
        while !self.text.is_char_boundary(i) {
            i -= 1;
        }
        i
    }

    /// A key that stays the same while nothing about the run changes.
    pub fn key(&self) -> (usize, usize, Option<MentionRef>, bool, Option<usize>) {
        (self.start, self.text.len(), self.mention.clone(), self.marked, self.date)
    }
}

/// Cuts a paragraph into plain and mention runs.
///
/// `text` is the paragraph's text and `offset` the byte offset where it
/// starts in the original text (mention spans are in original offsets).
/// Only mentions of types `filter` shows are cut out. A mention that sticks
/// out of the paragraph is clipped to it; one that overlaps an earlier one,
/// or would cut a character in two, is left as plain text. The runs' texts
/// always join up to exactly `text`.
pub fn segments(
    text: &str,
    offset: usize,
    mentions: &[Mention],
    filter: TypeFilter,
) -> Vec<Segment> {
    let end = offset.saturating_add(text.len());
    let mut inside: Vec<&Mention> = mentions
        .iter()
        .filter(|m| filter.shows(m.kind) && m.span.start < end && m.span.end > offset)
        .collect();
    // Earlier first; of two starting together the longer wins.
    inside.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));

    let mut out = Vec::new();
    let mut pos = 0;
    for m in inside {
        let s = m.span.start.max(offset) - offset;
        let e = m.span.end.min(end) - offset;
        if s < pos || s >= e || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        if s > pos {
            out.push(Segment {
                start: offset + pos,
                text: text[pos..s].to_string(),
                mention: None,
                marked: false,
                date: None,
            });
        }
        out.push(Segment {
            start: offset + s,
            text: text[s..e].to_string(),
            mention: Some(MentionRef { end: offset + e, kind: m.kind, entity: m.entity.clone() }),
            marked: false,
            date: None,
        });
        pos = e;
    }
    if pos < text.len() {
        out.push(Segment {
            start: offset + pos,
            text: text[pos..].to_string(),
            mention: None,
            marked: false,
            date: None,
        });
    }
    out
}

/// Flags the runs inside the byte range `mark` (original-text offsets,
/// half-open). Plain runs are split at the range's ends (on character
/// boundaries); a mention is never split, and is marked when any of it lies
/// in the range. The runs' texts still join up to the same text.
pub fn mark_range(runs: Vec<Segment>, mark: Option<(usize, usize)>) -> Vec<Segment> {
    let Some((from, to)) = mark.filter(|(a, b)| a < b) else {
        return runs;
    };
    let mut out = Vec::with_capacity(runs.len() + 2);
    for run in runs {
        let end = run.start + run.text.len();
        if end <= from || run.start >= to {
            out.push(run);
            continue;
        }
        if run.mention.is_some() {
            out.push(Segment { marked: true, ..run });
            continue;
        }
        let (a, b) = (run.cut_at(from), run.cut_at(to));
        let pieces = [(0, a, false), (a, b, true), (b, run.text.len(), false)];
        for (s, e, marked) in pieces {
            if s < e {
                out.push(Segment {
                    start: run.start + s,
                    text: run.text[s..e].to_string(),
                    mention: None,
                    marked,
                    date: run.date,
                });
            }
        }
    }
    out
}

/// Flags the plain runs covered by temporal expressions: `dates[i]` is the
/// byte range (original offsets, half-open) of expression `i`, in text
/// order. Plain runs are split at a date's ends (on character boundaries);
/// mentions are left whole and unflagged, so entity marks win and no text
/// is lost. Dates that overlap an earlier one are skipped.
pub fn mark_dates(runs: Vec<Segment>, dates: &[(usize, usize)]) -> Vec<Segment> {
    if dates.is_empty() {
        return runs;
    }
    let mut out = Vec::with_capacity(runs.len() + 2);
    for run in runs {
        let end = run.start + run.text.len();
        if run.mention.is_some() || run.text.is_empty() {
            out.push(run);
            continue;
        }
        // The dates touching this run, clipped to it, without overlaps.
        let first = dates.partition_point(|&(_, e)| e <= run.start);
        let mut pos = 0;
        let mut last_end = 0;
        for (offset, &(ds, de)) in dates.iter().enumerate().skip(first) {
            if ds >= end {
                break;
            }
            if ds >= de || ds < last_end {
                continue;
            }
            last_end = de;
            let (a, b) = (run.cut_at(ds).max(pos), run.cut_at(de));
            if a >= b {
                continue;
            }
            if pos < a {
                out.push(Segment {
                    start: run.start + pos,
                    text: run.text[pos..a].to_string(),
                    date: None,
                    ..run.clone()
                });
            }
            out.push(Segment {
                start: run.start + a,
                text: run.text[a..b].to_string(),
                date: Some(offset),
                ..run.clone()
            });
            pos = b;
        }
        if pos == 0 {
            out.push(run);
        } else if pos < run.text.len() {
            out.push(Segment {
                start: run.start + pos,
                text: run.text[pos..].to_string(),
                date: None,
                ..run
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossread_core::Span;

    /// One shared fixture paragraph, starting at byte 100 of its article.
    const PARA: &str = "Defense Secretary Mark Esper sent 750 soldiers to Baghdad’s airport.";
    const OFFSET: usize = 100;

    fn at(needle: &str, kind: EntityType, entity: &str) -> Mention {
        let s = PARA.find(needle).expect("fixture contains needle") + OFFSET;
        Mention { span: Span::new(s, s + needle.len()), kind, entity: entity.into(), role: None }
    }

    fn fixture_mentions() -> Vec<Mention> {
        vec![
            at("Mark Esper", EntityType::Person, "person:mark-esper"),
            at("750 soldiers", EntityType::Quantity, "quantity:750-soldiers"),
            at("Baghdad", EntityType::Place, "place:baghdad"),
        ]
    }

    fn shape(segs: &[Segment]) -> Vec<(&str, Option<EntityType>)> {
        segs.iter().map(|s| (s.text.as_str(), s.mention.as_ref().map(|m| m.kind))).collect()
    }

    fn marked_shape(segs: &[Segment]) -> Vec<(&str, bool)> {
        segs.iter().map(|s| (s.text.as_str(), s.marked)).collect()
    }

    #[test]
    fn a_marked_range_splits_plain_runs_and_marks_whole_mentions() {
        let runs = || segments(PARA, OFFSET, &fixture_mentions(), TypeFilter::default());
        let at = |needle: &str| PARA.find(needle).expect("in fixture") + OFFSET;
        // (range, expected runs with their marked flag)
        let table: Vec<((usize, usize), Vec<(&str, bool)>)> = vec![
            (
                (at("sent"), at(" to ")),
                vec![
                    ("Defense Secretary ", false),
                    ("Mark Esper", false),
                    (" ", false),
                    ("sent ", true),
                    ("750 soldiers", true),
                    (" to ", false),
                    ("Baghdad", false),
                    ("’s airport.", false),
                ],
            ),
            (
                // Starts inside a mention: the whole mention is marked.
                (at("Esper"), at("Esper") + 5),
                vec![
                    ("Defense Secretary ", false),
                    ("Mark Esper", true),
                    (" sent ", false),
                    ("750 soldiers", false),
                    (" to ", false),
                    ("Baghdad", false),
                    ("’s airport.", false),
                ],
            ),
            (
                // Ends inside the curly apostrophe: moved back to its start.
                (at("’s"), at("’s") + 1),
                vec![
                    ("Defense Secretary ", false),
                    ("Mark Esper", false),
                    (" sent ", false),
                    ("750 soldiers", false),
                    (" to ", false),
                    ("Baghdad", false),
                    ("’s airport.", false),
                ],
            ),
        ];
        for (range, expected) in table {
            let marked = mark_range(runs(), Some(range));
            assert_eq!(marked_shape(&marked), expected, "range {range:?}");
        }
        assert_eq!(mark_range(runs(), None), runs());
        assert_eq!(mark_range(runs(), Some((0, 10))), runs(), "before the paragraph");
    }

    #[test]
    fn a_paragraph_is_cut_into_plain_and_mention_runs_in_order() {
        let segs = segments(PARA, OFFSET, &fixture_mentions(), TypeFilter::default());
        assert_eq!(
            shape(&segs),
            [
                ("Defense Secretary ", None),
                ("Mark Esper", Some(EntityType::Person)),
                (" sent ", None),
                ("750 soldiers", Some(EntityType::Quantity)),
                (" to ", None),
                ("Baghdad", Some(EntityType::Place)),
                ("’s airport.", None),
            ]
        );
        assert_eq!(segs[1].start, OFFSET + 18);
        assert_eq!(segs[1].mention.as_ref().map(|m| m.end), Some(OFFSET + 28));
    }

    #[test]
    fn hidden_types_stay_plain_text() {
        let filter = TypeFilter::default().toggled(EntityType::Person);
        let segs = segments(PARA, OFFSET, &fixture_mentions(), filter);
        assert!(segs
            .iter()
            .all(|s| s.mention.as_ref().map(|m| m.kind) != Some(EntityType::Person)));
        assert_eq!(segs.iter().filter(|s| s.mention.is_some()).count(), 2);
        assert_eq!(segs[0].text, "Defense Secretary Mark Esper sent ");
    }

    #[test]
    fn mentions_outside_overlapping_or_splitting_a_char_are_left_out() {
        let mut ms = fixture_mentions();
        // Before the paragraph, overlapping Esper, inside the curly quote.
        ms.push(Mention { span: Span::new(0, 50), ..ms[0].clone() });
        ms.push(Mention { span: Span::new(OFFSET + 23, OFFSET + 33), ..ms[0].clone() });
        let quote = PARA.find('’').expect("fixture has a curly quote") + OFFSET;
        ms.push(Mention { span: Span::new(quote + 1, quote + 3), ..ms[0].clone() });
        let segs = segments(PARA, OFFSET, &ms, TypeFilter::default());
        assert_eq!(segs.iter().filter(|s| s.mention.is_some()).count(), 3);
    }

    #[test]
    fn a_mention_sticking_out_of_the_paragraph_is_clipped() {
        let ms = [Mention {
            span: Span::new(OFFSET + 60, OFFSET + 500),
            ..fixture_mentions()[0].clone()
        }];
        let segs = segments(PARA, OFFSET, &ms, TypeFilter::default());
        assert_eq!(segs.last().map(|s| s.text.as_str()), Some(&PARA[60..]));
    }

    #[test]
    fn an_empty_paragraph_has_no_runs() {
        assert!(segments("", 5, &fixture_mentions(), TypeFilter::default()).is_empty());
    }

    #[test]
    fn the_type_filter_survives_storage_and_ignores_unknown_codes() {
        let f = TypeFilter::default().toggled(EntityType::Org).toggled(EntityType::Quantity);
        assert_eq!(f.to_storage(), "ORG,QUANTITY");
        assert_eq!(TypeFilter::from_storage(&f.to_storage()), f);
        assert_eq!(
            TypeFilter::from_storage("ORG,ORG,nonsense,"),
            TypeFilter::default().toggled(EntityType::Org)
        );
        assert!(TypeFilter::from_storage("").shows(EntityType::Person));
    }

    #[test]
    fn every_type_has_its_own_class_and_cue() {
        let classes: std::collections::HashSet<_> = EntityType::ALL.map(type_class).into();
        let cues: std::collections::HashSet<_> = EntityType::ALL.map(type_cue).into();
        assert_eq!(classes.len(), EntityType::ALL.len());
        assert_eq!(cues.len(), EntityType::ALL.len());
    }

    /// A tiny deterministic generator, so the property below runs on many
    /// cases without a test-only dependency in the app crate.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            usize::try_from(self.0 >> 33).unwrap_or(0) % n.max(1)
        }
    }

    #[test]
    fn dates_mark_plain_text_and_leave_mentions_whole() {
        let runs = || segments(PARA, OFFSET, &fixture_mentions(), TypeFilter::default());
        let at = |needle: &str| PARA.find(needle).expect("in fixture") + OFFSET;
        let shape = |segs: &[Segment]| -> Vec<(String, Option<usize>, bool)> {
            segs.iter().map(|s| (s.text.clone(), s.date, s.mention.is_some())).collect()
        };
        let own = |t: &str, d: Option<usize>, m: bool| (t.to_string(), d, m);
        // (date ranges, expected runs: text, date index, is a mention)
        let table: Vec<(Vec<(usize, usize)>, Vec<(String, Option<usize>, bool)>)> = vec![
            (
                vec![(at("sent"), at("sent") + 4)],
                vec![
                    own("Defense Secretary ", None, false),
                    own("Mark Esper", None, true),
                    own(" ", None, false),
                    own("sent", Some(0), false),
                    own(" ", None, false),
                    own("750 soldiers", None, true),
                    own(" to ", None, false),
                    own("Baghdad", None, true),
                    own("’s airport.", None, false),
                ],
            ),
            (
                // Overlapping a mention: only the plain part is a date.
                vec![(at("Esper"), at(" 750"))],
                vec![
                    own("Defense Secretary ", None, false),
                    own("Mark Esper", None, true),
                    own(" sent", Some(0), false),
                    own(" ", None, false),
                    own("750 soldiers", None, true),
                    own(" to ", None, false),
                    own("Baghdad", None, true),
                    own("’s airport.", None, false),
                ],
            ),
            (
                // Ends inside the curly apostrophe: moved back; two dates.
                vec![(at("’s"), at("’s") + 1), (at("airport"), at("airport") + 7)],
                vec![
                    own("Defense Secretary ", None, false),
                    own("Mark Esper", None, true),
                    own(" sent ", None, false),
                    own("750 soldiers", None, true),
                    own(" to ", None, false),
                    own("Baghdad", None, true),
                    own("’s ", None, false),
                    own("airport", Some(1), false),
                    own(".", None, false),
                ],
            ),
        ];
        for (dates, expected) in table {
            assert_eq!(shape(&mark_dates(runs(), &dates)), expected, "dates {dates:?}");
        }
        assert_eq!(mark_dates(runs(), &[]), runs());
    }

    #[test]
    fn runs_always_join_up_to_the_paragraph_and_never_split_a_char() {
        let texts = ["", "a", "Iraq’s PMF", "بغداد والعراق", "ÉÉÉ ééé", "Москва 🇮🇶 x", PARA];
        let mut rng = Lcg(7);
        for case in 0..5000 {
            let text = texts[case % texts.len()];
            let offset = rng.below(30);
            let mentions: Vec<Mention> = (0..rng.below(8))
                .map(|_| {
                    let s = rng.below(offset + text.len() + 10);
                    let k = rng.below(6);
                    Mention {
                        span: Span::new(s, s + rng.below(20)),
                        kind: EntityType::ALL[k],
                        entity: format!("e{k}"),
                        role: None,
                    }
                })
                .collect();
            let filter = TypeFilter { hidden: u8::try_from(rng.below(64)).unwrap_or(0) };
            let from = rng.below(offset + text.len() + 10);
            let mark = Some((from, from + rng.below(40)));
            let mut dates: Vec<(usize, usize)> = (0..rng.below(5))
                .map(|_| {
                    let s = rng.below(offset + text.len() + 10);
                    (s, s + rng.below(15))
                })
                .collect();
            dates.sort_unstable();
            let plain = segments(text, offset, &mentions, filter);
            let segs = mark_range(mark_dates(plain.clone(), &dates), mark);
            for run in segs.iter() {
                if let Some(i) = run.date {
                    let (a, b) = dates[i];
                    assert!(run.mention.is_none(), "case {case}: a date inside a mention");
                    assert!(run.start >= a.min(run.start) && run.start < b, "case {case}");
                }
            }
            // Marking only splits plain runs: the mentions stay the same.
            let mentions_of = |runs: &[Segment]| -> Vec<Option<MentionRef>> {
                runs.iter().filter(|r| r.mention.is_some()).map(|r| r.mention.clone()).collect()
            };
            assert_eq!(mentions_of(&segs), mentions_of(&plain), "case {case}");
            for run in segs.iter().filter(|r| r.marked) {
                let (a, b) = mark.unwrap_or_default();
                assert!(run.start < b && run.start + run.text.len() > a, "case {case}");
            }
            let joined: String = segs.iter().map(|s| s.text.as_str()).collect();
            assert_eq!(joined, text, "case {case}");
            let mut pos = offset;
            for s in &segs {
                assert_eq!(s.start, pos, "case {case}");
                assert!(!s.text.is_empty(), "case {case}");
                pos += s.text.len();
                if let Some(m) = &s.mention {
                    assert_eq!(m.end, pos, "case {case}");
                    assert!(filter.shows(m.kind), "case {case}");
                }
            }
        }
    }
}
