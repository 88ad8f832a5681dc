//! A small search-and-pick list of entities, for merging.

use super::entity_state::use_entities;
use crate::view_model::entity_list::EntityRow;
use crossread_core::entities::EntityType;
use leptos::html::Input;
use leptos::prelude::*;

/// How many candidates the picker lists at once.
const SHOWN: usize = 8;

/// A search box and the entities matching it (any name, folded), entities
/// of the same type first; picking one calls `on_pick` with its id. The box
/// takes focus when the picker opens.
#[component]
pub fn EntityPicker(
    /// The entity being merged, left out of the list.
    exclude: String,
    /// Its type; candidates of this type come first.
    kind: EntityType,
    /// The label of the search box, such as "Merge “Esper” into".
    label: String,
    /// Called with the id of the picked entity.
    on_pick: Callback<String>,
) -> impl IntoView {
    let entities = use_entities();
    let query = RwSignal::new(String::new());
    let candidates = Memo::new(move |_| {
        let q = query.get();
        entities.rows.with(|rows| rows.candidates(&q, &exclude, kind, SHOWN))
    });
    let input = NodeRef::<Input>::new();
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
        }
    });
    view! {
        <div class="picker">
            <label class="picker-label">
                {label} " "
                <input
                    type="search"
                    node_ref=input
                    placeholder="Type a name"
                    autocomplete="off"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
            </label>
            <ul class="picker-list">
                <For
                    each=move || candidates.get()
                    key=|row| row.id.clone()
                    children=move |row: EntityRow| {
                        let id = row.id.clone();
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="pick"
                                    on:click=move |_| on_pick.run(id.clone())
                                >
                                    <span class="pick-name">{row.name}</span>
                                    <span class="pick-meta">
                                        {format!(" {} · {}×", row.kind.label(), row.total)}
                                    </span>
                                </button>
                            </li>
                        }
                    }
                />
            </ul>
            {move || {
                candidates
                    .with(Vec::is_empty)
                    .then(|| view! { <p class="picker-empty">"No other entity has that name."</p> })
            }}
        </div>
    }
}
