//! One article in the library list.

use super::notice_badges::NoticeBadges;
use super::published_date::PublishedDate;
use super::route::{href, RouteState};
use crate::view_model::LibraryEntry;
use leptos::prelude::*;

/// A library row: the title as a link to the reader, then outlet, date,
/// the number of mentions of the filtered entity, and any notices.
#[component]
pub fn LibraryItem(
    /// What the row shows.
    entry: LibraryEntry,
    /// Mentions of the entity the library is filtered on, if it is.
    mentions: Option<usize>,
    /// The library's state; the link keeps its filter, so the reader marks
    /// the filtered entity.
    state: RouteState,
) -> impl IntoView {
    let LibraryEntry { id, title, outlet, date, notices } = entry;
    let untitled = title.untitled;
    let outlet_known = outlet.is_some();
    let link = href(&state.reader(&id, None));
    view! {
        <li class="entry" class:untitled=untitled>
            <a class="entry-title" href=link>
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
                {mentions
                    .map(|n| {
                        view! {
                            <span class="sep" aria-hidden="true">
                                " · "
                            </span>
                            <span class="entry-mentions">
                                {if n == 1 { "1 mention".to_string() } else { format!("{n} mentions") }}
                            </span>
                        }
                    })}
            </p>
            <NoticeBadges notices />
        </li>
    }
}
