//! One block of the reader: a paragraph, a subheading or removed text.

use crate::view_model::{Block, BlockKind};
use leptos::either::EitherOf3;
use leptos::prelude::*;

/// Renders a block as text only (never as HTML), so imported content can
/// never run. Removed text is marked with its reason.
#[component]
pub fn ArticleBlock(
    /// The block to show.
    block: Block,
) -> impl IntoView {
    let tooltip = block.removed_tooltip();
    let Block { text, kind, .. } = block;
    match kind {
        BlockKind::Paragraph => EitherOf3::A(view! { <p class="para">{text}</p> }),
        BlockKind::Heading => EitherOf3::B(view! { <h2 class="para heading">{text}</h2> }),
        BlockKind::Removed { code, label, .. } => EitherOf3::C(view! {
            <div class="removed" data-reason=code title=tooltip>
                <span class="removed-label">
                    <span class="visually-hidden">"Removed: "</span>
                    {label}
                </span>
                <del class="removed-text">{text}</del>
            </div>
        }),
    }
}
