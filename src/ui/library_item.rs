//! One article in the library list, or one search result.

use super::notice_badges::NoticeBadges;
use super::published_date::PublishedDate;
use super::route::{href, RouteState};
use super::search_marks::Marked;
use crate::view_model::route::Filter;
use crate::view_model::search::ResultCard;
use crate::view_model::LibraryEntry;
use leptos::prelude::*;

/// A library row: the title as a link to the reader, then outlet, date,
/// the number of mentions of the filtered entity, and any notices. As a
/// search result (`card`), the title's matched words are marked, the best
/// passage follows as a snippet, and the link opens the reader at that
/// passage.
#[component]
pub fn LibraryItem(
    /// What the row shows.
    entry: LibraryEntry,
    /// Mentions of the entity the library is filtered on, if it is.
    mentions: Option<usize>,
    /// The library's filter; the link keeps it, so the reader marks the
    /// filtered entity. It follows the filter, so a row whose content a new
    /// keystroke leaves alone is kept as it is.
    filter: Memo<Filter>,
    /// The search result this row shows, if words are searched.
    #[prop(optional)]
    card: Option<ResultCard>,
) -> impl IntoView {
    let LibraryEntry { id, title, outlet, date, notices } = entry;
    let untitled = title.untitled;
    let outlet_known = outlet.is_some();
    let mark = card.as_ref().and_then(|c| c.mark);
    let link = move || {
        filter.with(|f| {
            let state = RouteState { filter: f.clone(), ..RouteState::default() };
            match mark {
                Some(span) => href(&state.reader_marked(&id, span.start, span.end)),
                None => href(&state.reader(&id, None)),
            }
        })
    };
    let (title_view, snippet) = match card {
        Some(card) => {
            let snippet = view! {
                <p class="snippet">
                    {card.cut_before.then_some("… ")} <Marked segments=card.snippet />
                    {card.cut_after.then_some(" …")}
                </p>
            };
            (view! { <Marked segments=card.title /> }.into_any(), Some(snippet))
        }
        None => (title.text.into_any(), None),
    };
    view! {
        <li class="entry" class:untitled=untitled>
            <a class="entry-title" href=link>
                {title_view}
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
            {snippet}
            <NoticeBadges notices />
        </li>
    }
}
