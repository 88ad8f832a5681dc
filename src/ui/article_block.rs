//! One block of the reader: a paragraph, a subheading or removed text.

use super::paragraph_text::ParagraphText;
use crate::view_model::{Block, BlockKind};
use leptos::either::EitherOf3;
use leptos::prelude::*;

/// Renders a block as text only (never as HTML), so imported content can
/// never run. Paragraphs and subheadings show their mentions highlighted;
/// removed text is marked with its reason.
#[component]
pub fn ArticleBlock(
    /// The article's corpus position.
    article: usize,
    /// The block to show.
    block: Block,
) -> impl IntoView {
    let tooltip = block.removed_tooltip();
    let Block { text, kind, start } = block;
    match kind {
        BlockKind::Paragraph => EitherOf3::A(view! {
            <p class="para">
                <ParagraphText article start text />
            </p>
        }),
        BlockKind::Heading => EitherOf3::B(view! {
            <h2 class="para heading">
                <ParagraphText article start text />
            </h2>
        }),
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
