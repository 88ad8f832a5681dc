//! Removable chips that show the URL's filter: [`FilterChip`] for the
//! entity alone (the reader's "Marked: …"), [`FilterChips`] for every
//! active field with "Clear all".

use super::entity_state::use_entities;
use super::route::{use_go, use_route};
use crate::view_model::search::chips;
use leptos::prelude::*;

/// Shows "Mentions: <name>" for the URL's entity filter, with a × button
/// that removes it (a new history entry, so Back brings it back). An id
/// that no longer names an entity (merged away, say) is shown as such.
#[component]
pub fn FilterChip(
    /// The words before the name, such as "Mentions".
    prefix: &'static str,
) -> impl IntoView {
    let route = use_route();
    let go = use_go();
    let entities = use_entities();
    let name = Memo::new(move |_| {
        let id = route.with(|r| r.filter.entity.clone())?;
        let name = entities.rows.with(|rows| rows.get(&id).map(|r| r.name.clone()));
        Some(name.unwrap_or_else(|| format!("{id} (no longer an entity)")))
    });
    move || {
        let go = go.clone();
        name.get().map(|name| {
            let text = format!("{prefix}: {name}");
            view! { <Chip text on_remove=move || go(route.get_untracked().with_entity(None), false) /> }
        })
    }
}

/// One chip for every active field of the URL's filter (words, entity,
/// outlet, type, period), each removable on its own, and "Clear all" when
/// more than one is set. Every removal is a new history entry.
#[component]
pub fn FilterChips() -> impl IntoView {
    let route = use_route();
    let go = use_go();
    let entities = use_entities();
    let all = Memo::new(move |_| {
        route.with(|r| {
            chips(&r.filter, |id| entities.rows.with(|rows| rows.get(id).map(|r| r.name.clone())))
        })
    });
    let go = StoredValue::new(go);
    view! {
        <Show when=move || all.with(|c| !c.is_empty())>
            <div class="filter-chips" role="group" aria-label="Active filters">
                <For
                    each=move || all.get()
                    key=|chip| (chip.field, chip.text.clone())
                    children=move |chip| {
                            let go = go.get_value();
                            let field = chip.field;
                            view! {
                                <Chip
                                    text=chip.text
                                    on_remove=move || {
                                        // The filter as it is now: the chip may outlive the filter it was made for.
                                        let state = route.get_untracked();
                                        go(state.with_filter(field.set(&state.filter, None)), false)
                                    }
                                />
                            }
                    }
                />
                <Show when=move || all.with(|c| c.len() > 1)>
                    <button
                        type="button"
                        class="clear-all"
                        on:click=move |_| {
                            go.get_value()(route.get_untracked().with_filter(Default::default()), false)
                        }
                    >
                        "Clear all"
                    </button>
                </Show>
            </div>
        </Show>
    }
}

/// A chip: its text and a × button.
#[component]
fn Chip(
    /// What the chip says, such as "Outlet: Reuters".
    text: String,
    /// Removes what the chip stands for.
    on_remove: impl Fn() + 'static,
) -> impl IntoView {
    let remove_label = format!("Remove filter {text}");
    view! {
        <div class="filter-chip">
            <span class="chip-text">{text}</span>
            <button type="button" class="chip-remove" aria-label=remove_label on:click=move |_| on_remove()>
                "×"
            </button>
        </div>
    }
}
