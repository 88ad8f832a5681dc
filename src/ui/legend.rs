//! The reader's legend of entity types, which doubles as on/off switches.

use super::entity_state::use_entities;
use crate::view_model::highlight::{type_class, type_cue};
use crossread_core::entities::EntityType;
use leptos::prelude::*;

/// One toggle button per entity type, each showing the type's colour and
/// second cue, its name and how many mentions of it the article has.
/// Pressed means highlighted; the choice is remembered in this browser.
#[component]
pub fn Legend(
    /// The open article's corpus position, for the counts.
    article: usize,
) -> impl IntoView {
    let entities = use_entities();
    let counts = Memo::new(move |_| {
        entities.index.with(|ix| {
            let mentions = ix.mentions.get(article).map_or(&[][..], Vec::as_slice);
            EntityType::ALL.map(|t| mentions.iter().filter(|m| m.kind == t).count())
        })
    });
    let buttons = EntityType::ALL
        .into_iter()
        .enumerate()
        .map(|(i, kind)| {
            let pressed = move || entities.types.with(|f| f.shows(kind));
            view! {
                <li>
                    <button
                        type="button"
                        class="legend-item"
                        data-type=kind.code()
                        aria-pressed=move || pressed().to_string()
                        title=format!("{}: {}. Click to show or hide.", kind.label(), type_cue(kind))
                        on:click=move |_| entities.toggle_type(kind)
                    >
                        <span class=format!("swatch {}", type_class(kind)) aria-hidden="true">
                            "Aa"
                        </span>
                        <span class="legend-label">{kind.label()}</span>
                        <span class="legend-count">
                            {move || counts.with(|c| c.get(i).copied().unwrap_or(0))}
                        </span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="legend" role="group" aria-labelledby="legend-title">
            <span id="legend-title" class="legend-title">
                "Highlight"
            </span>
            <ul>{buttons}</ul>
        </div>
    }
}
