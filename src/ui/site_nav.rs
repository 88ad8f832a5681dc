//! The header's navigation between the app's views.

use super::route::{href, use_route, Section};
use leptos::prelude::*;

/// "Articles | Entities | Timeline": links to the library, the Entities
/// view and the timeline that
/// keep the current filter; the one on screen is marked `aria-current`.
#[component]
pub fn SiteNav() -> impl IntoView {
    let route = use_route();
    let here = move |section: Section| {
        route.with(|r| (r.article.is_none() && r.section == section).then_some("page"))
    };
    view! {
        <nav class="site-nav" aria-label="Main">
            <a
                href=move || route.with(|r| href(&r.library()))
                aria-current=move || here(Section::Library)
            >
                "Articles"
            </a>
            <span class="nav-sep" aria-hidden="true">
                "|"
            </span>
            <a
                href=move || route.with(|r| href(&r.entities()))
                aria-current=move || here(Section::Entities)
            >
                "Entities"
            </a>
            <span class="nav-sep" aria-hidden="true">
                "|"
            </span>
            <a
                href=move || route.with(|r| href(&r.timeline()))
                aria-current=move || here(Section::Timeline)
            >
                "Timeline"
            </a>
        </nav>
    }
}
