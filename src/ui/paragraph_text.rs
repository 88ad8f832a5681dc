//! The text of one paragraph with its mentions highlighted.

use super::entity_state::use_entities;
use super::mention_mark::MentionMark;
use crate::view_model::highlight::{segments, Segment};
use leptos::either::Either;
use leptos::prelude::*;

/// Renders a paragraph as text nodes and [`MentionMark`]s, following the
/// corrected index and the legend's switches. Imported text is never
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
    let runs = Memo::new(move |_| {
        let filter = entities.types.get();
        entities.index.with(|ix| {
            let mentions = ix.mentions.get(article).map_or(&[][..], Vec::as_slice);
            segments(&text, start, mentions, filter)
        })
    });
    view! {
        <For
            each=move || runs.get()
            key=Segment::key
            children=move |run| match run.mention {
                None => Either::Left(run.text),
                Some(mention) => {
                    Either::Right(
                        view! { <MentionMark article start=run.start text=run.text mention /> },
                    )
                }
            }
        />
    }
}
