//! One entity in the Entities view.

use super::entity_picker::EntityPicker;
use super::entity_state::use_entities;
use super::route::{href, RouteState};
use crate::view_model::entity_list::EntityRow;
use crossread_core::entities::Correction;
use leptos::prelude::*;

/// An entity's name (a link that filters the library to the articles that
/// mention it), its counts and other names, and a "Merge into…" button that
/// opens a picker of the entity to merge it into.
#[component]
pub fn EntityRowItem(
    /// What the row shows.
    row: EntityRow,
    /// True when the URL filters on this entity.
    #[prop(into)]
    current: Signal<bool>,
) -> impl IntoView {
    let entities = use_entities();
    let picking = RwSignal::new(false);
    let EntityRow { id, name, kind, total, articles, aliases, .. } = row;
    let link = href(&RouteState::default().with_entity(Some(id.clone())));
    let counts = format!(
        "{total} {} · {articles} {}",
        if total == 1 { "mention" } else { "mentions" },
        if articles == 1 { "article" } else { "articles" }
    );
    let aliases = (!aliases.is_empty()).then(|| format!("also {}", aliases.join(" · ")));
    let from = id.clone();
    let merge = Callback::new(move |into: String| {
        picking.set(false);
        entities.correct(Correction::Merge { into, from: from.clone() });
    });
    let merge_label = format!("Merge “{name}” into");
    let row_id = id.clone();
    view! {
        <li class="entity-row" data-entity=row_id class:current=move || current.get()>
            <div class="entity-line">
                <a class="entity-name" href=link>
                    {name.clone()}
                </a>
                <span class="entity-counts">{counts}</span>
                <button
                    type="button"
                    class="merge-open"
                    aria-expanded=move || picking.get().to_string()
                    aria-label=format!("Merge “{name}” into another entity")
                    on:click=move |_| picking.update(|p| *p = !*p)
                >
                    "Merge into…"
                </button>
            </div>
            {aliases.map(|a| view! { <p class="entity-aliases">{a}</p> })}
            {move || {
                picking
                    .get()
                    .then(|| {
                        view! {
                            <EntityPicker
                                exclude=id.clone()
                                kind
                                label=merge_label.clone()
                                on_pick=merge
                            />
                        }
                    })
            }}
        </li>
    }
}
