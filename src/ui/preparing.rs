//! What the page shows while start-up runs.

use super::startup::{Progress, Step};
use crate::view_model::search::thousands;
use leptos::prelude::*;

/// The step start-up is on, with a progress bar for the steps that go
/// article by article, announced politely to screen readers.
#[component]
pub fn Preparing(progress: RwSignal<Progress>) -> impl IntoView {
    let line = move || {
        progress.with(|p| {
            let mut text =
                format!("Step {} of {}: {}", p.step.number(), Step::COUNT, p.step.label());
            if p.done > 0 {
                text.push_str(&format!(" ({:.0} %)", p.part() * 100.0));
            }
            text.push('…');
            text
        })
    };
    // Steps done, plus the share of the current one.
    let value = move || progress.with(|p| (p.step.number() - 1) as f64 + p.part());
    view! {
        <main id="content" class="preparing" aria-busy="true">
            <h1>"Preparing the articles"</h1>
            <p>
                {move || {
                    let n = progress.with(|p| p.articles);
                    format!(
                        "Crossread reads and analyses all {} articles on this machine; nothing leaves it.",
                        thousands(n)
                    )
                }}
            </p>
            <progress max=Step::COUNT value=value aria-label="Start-up progress"></progress>
            <p class="preparing-step" role="status" aria-live="polite">
                {line}
            </p>
        </main>
    }
}
