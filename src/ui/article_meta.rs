//! The byline block under an article's headline.

use super::published_date::PublishedDate;
use crate::view_model::DateView;
use leptos::prelude::*;

/// Outlet, byline and publication date, each only where known (an unknown
/// date still reads "undated").
#[component]
pub fn ArticleMeta(
    /// The publishing outlet, when known.
    outlet: Option<String>,
    /// The author credit, when known.
    byline: Option<String>,
    /// The publication date.
    date: DateView,
) -> impl IntoView {
    view! {
        <dl class="article-meta">
            {outlet
                .map(|o| {
                    view! {
                        <div class="meta-item">
                            <dt>"Outlet"</dt>
                            <dd class="outlet">{o}</dd>
                        </div>
                    }
                })}
            {byline
                .map(|b| {
                    view! {
                        <div class="meta-item">
                            <dt>"Byline"</dt>
                            <dd class="byline">{b}</dd>
                        </div>
                    }
                })}
            <div class="meta-item">
                <dt>"Published"</dt>
                <dd>
                    <PublishedDate date explain=true />
                </dd>
            </div>
        </dl>
    }
}
