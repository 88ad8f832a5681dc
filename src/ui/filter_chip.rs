//! The removable chip that shows the entity filter.

use super::entity_state::use_entities;
use super::route::{use_go, use_route};
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
            let remove_label = format!("Remove filter {text}");
            view! {
                <div class="filter-chip">
                    <span class="chip-text">{text}</span>
                    <button
                        type="button"
                        class="chip-remove"
                        aria-label=remove_label
                        on:click=move |_| go(route.get_untracked().with_entity(None), false)
                    >
                        "×"
                    </button>
                </div>
            }
        })
    }
}
