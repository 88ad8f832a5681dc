//! The text of one paragraph with its mentions highlighted.

use super::entity_state::use_entities;
use super::mention_mark::MentionMark;
use crate::view_model::highlight::{mark_range, segments, Segment};
use leptos::either::EitherOf4;
use leptos::prelude::*;

/// The byte range the reader marks (a search passage or an event's
/// sentence), provided by the reader from the URL.
#[derive(Clone, Copy)]
pub struct MarkedRange(pub Memo<Option<(usize, usize)>>);

/// Renders a paragraph as text nodes and [`MentionMark`]s, following the
/// corrected index and the legend's switches; the runs inside the
/// [`MarkedRange`] are wrapped in `<mark class="passage-mark">`. Imported
/// text is never inserted as HTML.
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
    let runs = Memo::new(move |_| {
        let filter = entities.types.get();
        let range = mark.and_then(|m| m.0.get());
        entities.index.with(|ix| {
            let mentions = ix.mentions.get(article).map_or(&[][..], Vec::as_slice);
            mark_range(segments(&text, start, mentions, filter), range)
        })
    });
    view! {
        <For
            each=move || runs.get()
            key=Segment::key
            children=move |run| match (run.mention, run.marked) {
                (None, false) => EitherOf4::A(run.text),
                (None, true) => {
                    EitherOf4::B(
                        view! {
                            <mark class="passage-mark" tabindex="-1">
                                {run.text}
                            </mark>
                        },
                    )
                }
                (Some(mention), false) => {
                    EitherOf4::C(
                        view! { <MentionMark article start=run.start text=run.text mention /> },
                    )
                }
                (Some(mention), true) => {
                    EitherOf4::D(
                        view! {
                            <mark class="passage-mark" tabindex="-1">
                                <MentionMark article start=run.start text=run.text mention />
                            </mark>
                        },
                    )
                }
            }
        />
    }
}
