//! The library: every article of the corpus, with title, outlet and date,
//! or only those that mention the entity the URL filters on.

use super::corpus::use_corpus;
use super::entity_state::use_entities;
use super::filter_chip::FilterChip;
use super::library_item::LibraryItem;
use super::route::{use_route, RouteState};
use crate::view_model::entity_list::mentions_per_article;
use crate::view_model::LibraryEntry;
use leptos::prelude::*;

/// Lists every article, including those that could not be read cleanly
/// (they carry a visible notice). With an entity filter in the URL it lists
/// only the articles that mention the entity, with the count of mentions,
/// under a removable chip.
#[component]
pub fn Library() -> impl IntoView {
    let corpus = use_corpus();
    let entities = use_entities();
    let route = use_route();
    let entries = StoredValue::new(
        corpus.0.with_value(|articles| articles.iter().map(LibraryEntry::of).collect::<Vec<_>>()),
    );
    let count = entries.with_value(Vec::len);
    let filter = Memo::new(move |_| route.with(|r| r.filter.clone()));

    // (entry, mentions of the filtered entity) for every article listed.
    let shown = Memo::new(move |_| {
        let id = filter.with(|f| f.entity.clone());
        let counts = id.map(|id| entities.index.with(|ix| mentions_per_article(ix, &id)));
        entries.with_value(|all| {
            all.iter()
                .enumerate()
                .filter_map(|(i, entry)| match &counts {
                    None => Some((entry.clone(), None)),
                    Some(counts) => {
                        let n = counts.get(i).copied().unwrap_or(0);
                        (n > 0).then(|| (entry.clone(), Some(n)))
                    }
                })
                .collect::<Vec<_>>()
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
            (true, 0, n) => format!("None of the {n} articles mentions it."),
            (true, 1, n) => format!("1 of {n} articles mentions it."),
            (true, k, n) => format!("{k} of {n} articles mention it."),
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
