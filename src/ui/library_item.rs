//! One article in the library list.

use super::notice_badges::NoticeBadges;
use super::published_date::PublishedDate;
use super::route::article_href;
use crate::view_model::LibraryEntry;
use leptos::prelude::*;

/// A library row: the title as a link to the reader, then outlet, date and
/// any notices.
#[component]
pub fn LibraryItem(
    /// What the row shows.
    entry: LibraryEntry,
) -> impl IntoView {
    let LibraryEntry { id, title, outlet, date, notices } = entry;
    let untitled = title.untitled;
    let outlet_known = outlet.is_some();
    view! {
        <li class="entry" class:untitled=untitled>
            <a class="entry-title" href=article_href(&id)>
                {title.text}
            </a>
            <p class="entry-meta">
                <span class="outlet" class:unknown=!outlet_known>
                    {outlet.unwrap_or_else(|| "Unknown outlet".to_string())}
                </span>
                <span class="sep" aria-hidden="true">
                    " · "
                </span>
                <PublishedDate date />
            </p>
            <NoticeBadges notices />
        </li>
    }
}
