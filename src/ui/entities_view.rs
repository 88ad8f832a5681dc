//! The Entities view: every entity of the corpus, grouped by type.

use super::corrections_panel::CorrectionsPanel;
use super::entity_row::EntityRowItem;
use super::entity_state::use_entities;
use super::route::use_route;
use crate::view_model::entity_list::{EntityGroup, EntitySort};
use crate::view_model::highlight::type_class;
use leptos::prelude::*;

/// Lists all entities grouped by type, with their mention and article
/// counts, sortable by mentions or by name, narrowed by a filter box that
/// matches any of their names (ignoring case, accents and apostrophes).
/// Clicking a name filters the library; each row can be merged into
/// another entity. The reader's corrections are listed below.
#[component]
pub fn EntitiesView() -> impl IntoView {
    let entities = use_entities();
    let route = use_route();
    let query = RwSignal::new(String::new());
    let sort = RwSignal::new(EntitySort::default());
    let groups = Memo::new(move |_| {
        let q = query.get();
        let s = sort.get();
        entities.rows.with(|rows| rows.groups(&q, s))
    });
    let current = Memo::new(move |_| route.with(|r| r.filter.entity.clone()));
    let summary = move || {
        if entities.rows.with(|r| r.is_empty()) {
            return "No entities were found in these articles.".to_string();
        }
        let total = entities.rows.with(|r| r.len());
        let shown: usize = groups.with(|g| g.iter().map(|g| g.rows.len()).sum());
        match (total, shown) {
            (t, s) if s == t => format!("{t} entities across all articles."),
            (t, s) => format!("{s} of {t} entities match."),
        }
    };

    view! {
        <section class="entities-view" aria-labelledby="entities-title">
            <h1 id="entities-title">"Entities"</h1>
            <div class="entity-controls">
                <label class="entity-filter">
                    "Filter "
                    <input
                        type="search"
                        placeholder="Any name or spelling"
                        autocomplete="off"
                        prop:value=move || query.get()
                        on:input=move |ev| query.set(event_target_value(&ev))
                    />
                </label>
                <label class="entity-sort">
                    "Sort by "
                    <select
                        prop:value=move || sort.get().code()
                        on:change=move |ev| sort.set(EntitySort::parse(&event_target_value(&ev)))
                    >
                        <option value=EntitySort::Mentions.code()>"Mentions"</option>
                        <option value=EntitySort::Name.code()>"Name"</option>
                    </select>
                </label>
            </div>
            <p class="summary" aria-live="polite">
                {summary}
            </p>
            <For
                each=move || groups.get()
                key=|g: &EntityGroup| g.kind
                children=move |group: EntityGroup| {
                    let kind = group.kind;
                    let rows = Memo::new(move |_| {
                        groups
                            .with(|gs| {
                                gs.iter().find(|g| g.kind == kind).map(|g| g.rows.clone()).unwrap_or_default()
                            })
                    });
                    let heading_id = format!("type-{}", kind.code().to_ascii_lowercase());
                    let labelled_by = heading_id.clone();
                    view! {
                        <section class="entity-group" aria-labelledby=labelled_by>
                            <h2 id=heading_id>
                                <span class=format!("swatch {}", type_class(kind)) aria-hidden="true">
                                    "Aa"
                                </span>
                                {kind.label()}
                                <span class="count">{move || format!(" ({})", rows.with(Vec::len))}</span>
                            </h2>
                            <ul class="entity-list">
                                <For
                                    each=move || rows.get()
                                    key=|row| (row.id.clone(), row.total, row.articles, row.aliases.clone())
                                    children=move |row| {
                                        let id = row.id.clone();
                                        let is_current = Signal::derive(move || {
                                            current.with(|c| c.as_deref() == Some(id.as_str()))
                                        });
                                        view! { <EntityRowItem row current=is_current /> }
                                    }
                                />
                            </ul>
                        </section>
                    }
                }
            />
            <CorrectionsPanel />
        </section>
    }
}
