//! Text with matched words in `<mark>`.

use crate::view_model::search::Segment;
use leptos::prelude::*;

/// Renders `segments` as text nodes, the marked ones inside `<mark>`.
/// Article text only ever becomes text nodes, never HTML.
#[component]
pub fn Marked(
    /// The pieces of text, in order.
    segments: Vec<Segment>,
) -> impl IntoView {
    segments
        .into_iter()
        .map(|s| {
            if s.marked {
                view! { <mark class="search-match">{s.text}</mark> }.into_any()
            } else {
                s.text.into_any()
            }
        })
        .collect_view()
}
