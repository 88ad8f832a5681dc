//! The library: the articles of the corpus the URL's filter lets through —
//! all of them when nothing is filtered, ranked search results with their
//! best passage when words are searched — beside the facet panel.

use super::corpus::use_corpus;
use super::facet_panel::FacetPanel;
use super::filter_chip::FilterChips;
use super::library_item::LibraryItem;
use super::route::{href, use_route};
use super::search_box::{focus_search_box, result_links};
use super::search_state::use_search;
use super::time_state::use_times;
use crate::view_model::search::{summary, thousands, ResultCard, Summary};
use crate::view_model::LibraryEntry;
use leptos::ev;
use leptos::prelude::*;

/// `text` with a capital first letter and a full stop, as a message.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = chars.next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
    out.push_str(chars.as_str());
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

/// One row of the list: what it shows and how it is keyed.
#[derive(Clone, PartialEq)]
struct Row {
    /// Changes whenever what the row shows changes.
    key: String,
    entry: LibraryEntry,
    mentions: Option<usize>,
    card: Option<ResultCard>,
}

/// Lists the articles the URL's filter lets through, including those that
/// could not be read cleanly (they carry a visible notice), a page at a
/// time ("Show more"). Searched words rank the list and show each
/// article's best passage; an entity filter adds the count of mentions.
/// Above the list: the active filters as removable chips, the count, any
/// query warnings and, for an empty result, a "did you mean" link.
#[component]
pub fn Library() -> impl IntoView {
    let corpus = use_corpus();
    let route = use_route();
    let inferred = use_times().inferred;
    let count = corpus.0.with_value(Vec::len);
    let filter = Memo::new(move |_| route.with(|r| r.filter.clone()));
    let search = use_search();

    let rows = Memo::new(move |_| {
        let limit = search.limit.get();
        let words = filter.with(|f| f.query.trim().to_string());
        search.matches.with(|m| {
            let mentions = |i: usize| m.mentions.as_ref().map(|c| c.get(i).copied().unwrap_or(0));
            let row = |i: usize, card: Option<ResultCard>| {
                corpus.with_article(i, |a| Row {
                    // What the row shows: a keystroke that leaves it alone
                    // keeps it (its link follows the filter by itself).
                    key: format!("{}\u{1f}{:?}\u{1f}{card:?}", a.id, mentions(i)),
                    entry: inferred.with_value(|guesses| {
                        LibraryEntry::of(a, guesses.get(i).and_then(Option::as_ref))
                    }),
                    mentions: mentions(i),
                    card,
                })
            };
            if words.is_empty() {
                (0..count)
                    .filter(|&i| m.contains(i))
                    .take(limit)
                    .filter_map(|i| row(i, None))
                    .collect()
            } else {
                m.results
                    .hits
                    .iter()
                    .filter_map(|h| {
                        let card = corpus.with_article(h.article, |a| {
                            inferred.with_value(|guesses| {
                                let guess = guesses.get(h.article).and_then(Option::as_ref);
                                ResultCard::of(a, h, guess)
                            })
                        })?;
                        row(h.article, Some(card))
                    })
                    .collect::<Vec<_>>()
            }
        })
    });
    let said = Memo::new(move |_| {
        search.matches.with(|m| filter.with(|f| summary(f, m.total, count, &m.results)))
    });
    let warnings = Memo::new(move |_| {
        search.matches.with(|m| {
            m.results.warnings.iter().map(|w| sentence(&w.to_string())).collect::<Vec<_>>()
        })
    });
    let more = move || search.matches.with(|m| m.total.saturating_sub(rows.with(Vec::len)));

    // ↓ and ↑ move between the results; ↑ from the first returns to the box.
    let on_keydown = move |e: ev::KeyboardEvent| {
        let key = e.key();
        if key != "ArrowDown" && key != "ArrowUp" {
            return;
        }
        let links = result_links();
        let active = document().active_element();
        let Some(at) = links
            .iter()
            .position(|l| active.as_ref().is_some_and(|a| a == l.as_ref() as &web_sys::Element))
        else {
            return;
        };
        e.prevent_default();
        match (key.as_str(), at) {
            ("ArrowUp", 0) => focus_search_box(),
            ("ArrowUp", _) => {
                let _ = links[at - 1].focus();
            }
            _ => {
                if let Some(next) = links.get(at + 1) {
                    let _ = next.focus();
                }
            }
        }
    };

    view! {
        <section class="library-view search-layout" aria-labelledby="library-title">
            <div class="search-main">
                <h1 id="library-title">"Library"</h1>
                <FilterChips />
                <p class="summary" aria-live="polite">
                    {move || said.with(Summary::text)}
                    {move || {
                        said.with(|s| match s {
                            Summary::None { suggestion: Some((query, words)), .. } => {
                                let state = route.with_untracked(|r| {
                                    r.with_filter(crate::view_model::route::Filter {
                                        query: query.clone(),
                                        ..r.filter.clone()
                                    })
                                });
                                Some(view! {
                                    " Did you mean "
                                    <a class="suggestion" href=href(&state)>
                                        {words.clone()}
                                    </a>
                                    "?"
                                })
                            }
                            _ => None,
                        })
                    }}
                </p>
                <For
                    each=move || warnings.get()
                    key=|w| w.clone()
                    children=|w| view! { <p class="search-warning" role="status">{w}</p> }
                />
                <ul class="library" on:keydown=on_keydown>
                    <For
                        each=move || rows.get()
                        key=|row| row.key.clone()
                        children=move |row| {
                            match row.card {
                                Some(card) => view! { <LibraryItem entry=row.entry mentions=row.mentions filter card /> }.into_any(),
                                None => view! { <LibraryItem entry=row.entry mentions=row.mentions filter /> }.into_any(),
                            }
                        }
                    />
                </ul>
                <Show when=move || { more() > 0 }>
                    <button
                        type="button"
                        class="show-more"
                        on:click=move |_| search.show_more(filter.get_untracked())
                    >
                        {move || {
                            let shown = rows.with(Vec::len);
                            format!("Show more ({} of {} shown)", thousands(shown), thousands(shown + more()))
                        }}
                    </button>
                </Show>
            </div>
            <FacetPanel />
        </section>
    }
}
