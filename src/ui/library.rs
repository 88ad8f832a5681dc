//! The library: every article of the corpus, with title, outlet and date,
//! or only those that mention the entity the URL filters on.

use super::corpus::use_corpus;
use super::filter_chip::FilterChip;
use super::library_item::LibraryItem;
use super::route::{use_route, RouteState};
use super::search_state::use_search;
use super::time_state::use_times;
use crate::view_model::LibraryEntry;
use leptos::prelude::*;

/// Lists every article, including those that could not be read cleanly
/// (they carry a visible notice). With an entity filter in the URL it lists
/// only the articles that mention the entity, with the count of mentions,
/// under a removable chip.
#[component]
pub fn Library() -> impl IntoView {
    let corpus = use_corpus();
    let route = use_route();
    let inferred = use_times().inferred;
    let entries = StoredValue::new(corpus.0.with_value(|articles| {
        inferred.with_value(|guesses| {
            let guess = |i: usize| guesses.get(i).and_then(Option::as_ref);
            articles
                .iter()
                .enumerate()
                .map(|(i, a)| LibraryEntry::of(a, guess(i)))
                .collect::<Vec<_>>()
        })
    }));
    let count = entries.with_value(Vec::len);
    let filter = Memo::new(move |_| route.with(|r| r.filter.clone()));

    // (entry, mentions of the filtered entity) for every article listed:
    // the matches of the URL's filter, best first when words are searched.
    let search = use_search();
    let shown = Memo::new(move |_| {
        let ranked = filter.with(|f| !f.query.trim().is_empty());
        search.matches.with(|m| {
            entries.with_value(|all| {
                let mentions =
                    |i: usize| m.mentions.as_ref().map(|c| c.get(i).copied().unwrap_or(0));
                let order: Vec<usize> = if ranked {
                    m.results.hits.iter().map(|h| h.article).collect()
                } else {
                    (0..all.len()).filter(|&i| m.contains(i)).collect()
                };
                order
                    .into_iter()
                    .filter_map(|i| all.get(i).map(|e| (e.clone(), mentions(i))))
                    .collect::<Vec<_>>()
            })
        })
    });
    let summary = move || {
        let filtered = filter.with(|f| !f.is_empty());
        match (filtered, shown.with(Vec::len), count) {
            (_, _, 0) => {
                "No articles are bundled. Add files to the articles folder and rebuild.".to_string()
            }
            (false, _, 1) => "1 article about this story.".to_string(),
            (false, _, n) => format!("{n} articles about this story."),
            (true, 0, n) => format!("None of the {n} articles matches."),
            (true, 1, n) => format!("1 of {n} articles matches."),
            (true, k, n) => format!("{k} of {n} articles match."),
        }
    };

    view! {
        <section class="library-view" aria-labelledby="library-title">
            <h1 id="library-title">"Library"</h1>
            <FilterChip prefix="Mentions" />
            <p class="summary" aria-live="polite">
                {summary}
            </p>
            <ul class="library">
                <For
                    each=move || shown.get()
                    key=|(entry, n)| (entry.id.clone(), *n)
                    children=move |(entry, mentions)| {
                        let state = filter.with_untracked(|f| RouteState {
                            filter: f.clone(),
                            ..RouteState::default()
                        });
                        view! { <LibraryItem entry mentions state /> }
                    }
                />
            </ul>
        </section>
    }
}
