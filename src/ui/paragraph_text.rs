//! The text of one paragraph with its mentions and dates highlighted.

use super::date_mark::{DateMark, ReaderDates};
use super::entity_state::use_entities;
use super::mention_mark::MentionMark;
use crate::view_model::highlight::{mark_dates, mark_range, segments, Segment};
use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;

/// The byte range the reader marks (a search passage or an event's
/// sentence), provided by the reader from the URL.
#[derive(Clone, Copy)]
pub struct MarkedRange(pub Memo<Option<(usize, usize)>>);

/// Renders a paragraph as text nodes, [`MentionMark`]s and [`DateMark`]s,
/// following the corrected index and the legend's switches (entity marks
/// win where a date overlaps one); the runs inside the [`MarkedRange`] are
/// wrapped in `<mark class="passage-mark">`. Imported text is never
/// inserted as HTML.
#[component]
pub fn ParagraphText(
    /// The article's corpus position.
    article: usize,
    /// Byte offset of the paragraph in the article's original text.
    start: usize,
    /// The paragraph's text.
    text: String,
) -> impl IntoView {
    let entities = use_entities();
    let mark = use_context::<MarkedRange>();
    let dates = use_context::<ReaderDates>();
    let runs = Memo::new(move |_| {
        let filter = entities.types.get();
        let range = mark.and_then(|m| m.0.get());
        entities.index.with(|ix| {
            let mentions = ix.mentions.get(article).map_or(&[][..], Vec::as_slice);
            let runs = segments(&text, start, mentions, filter);
            let runs = match dates {
                Some(d) => d.spans.with_value(|spans| mark_dates(runs, spans)),
                None => runs,
            };
            mark_range(runs, range)
        })
    });
    view! {
        <For
            each=move || runs.get()
            key=Segment::key
            children=move |run| {
                let inner = match (run.mention, run.date) {
                    (Some(mention), _) => {
                        EitherOf3::A(
                            view! { <MentionMark article start=run.start text=run.text mention /> },
                        )
                    }
                    (None, Some(index)) => EitherOf3::B(view! { <DateMark index text=run.text /> }),
                    (None, None) => EitherOf3::C(run.text),
                };
                if run.marked {
                    Either::Left(
                        view! {
                            <mark class="passage-mark" tabindex="-1">
                                {inner}
                            </mark>
                        },
                    )
                } else {
                    Either::Right(inner)
                }
            }
        />
    }
}
