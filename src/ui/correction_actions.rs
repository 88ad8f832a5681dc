//! The "Correct" part of an entity card.

use super::card_state::use_card;
use super::corpus::use_corpus;
use super::entity_picker::EntityPicker;
use super::entity_state::{use_entities, Entities};
use super::undo_toast::focus_toast;
use crate::view_model::entity_list::{can_split, EntityCard};
use crossread_core::entities::{Correction, EntityType, Mention};
use leptos::prelude::*;

/// Records `correction`, closes the card and moves focus to the toast's
/// Undo button (the mention may be gone or re-drawn).
fn apply(entities: Entities, close: impl Fn(), correction: Correction) {
    close();
    entities.correct(correction);
    focus_toast();
}

/// Correction actions for one mention and its entity: "Not an entity" (this
/// mention only), a type select, "Split this name off" (when the entity
/// has other names) and "Merge into…" with a picker. Each applies at once
/// in every view and can be undone.
#[component]
pub fn CorrectionActions(
    /// The open article's corpus position.
    article: usize,
    /// The mention the card is for.
    mention: Mention,
    /// Its entity's card.
    card: EntityCard,
) -> impl IntoView {
    let entities = use_entities();
    let card_state = use_card();
    let close = move || card_state.close();
    let corpus = use_corpus();
    let (file, text) = corpus
        .with_article(article, |a| {
            (a.file.clone(), a.text.get(mention.span.start..mention.span.end).map(str::to_string))
        })
        .unwrap_or_default();
    let text = text.unwrap_or_default();
    let entity = card.id.clone();
    let can_split = corpus.0.with_value(|articles| {
        let texts: Vec<&str> = articles.iter().map(|a| a.text.as_str()).collect();
        entities.index.with_untracked(|ix| can_split(ix, &texts, &entity, &text))
    });
    let kind = card.kind;
    let picking = RwSignal::new(false);

    let (start, end) = (mention.span.start, mention.span.end);
    let not_entity = move |_| {
        apply(entities, close, Correction::NotEntity { article: file.clone(), start, end });
    };
    let retype_entity = entity.clone();
    let retype = move |ev: leptos::ev::Event| {
        if let Some(new) = EntityType::parse(&event_target_value(&ev)).filter(|&t| t != kind) {
            let correction = Correction::Retype { entity: retype_entity.clone(), kind: new };
            apply(entities, close, correction);
        }
    };
    let split_entity = entity.clone();
    let split_text = text.clone();
    let split = move |_| {
        let correction =
            Correction::Split { entity: split_entity.clone(), alias: split_text.clone() };
        apply(entities, close, correction);
    };
    let merge_from = entity.clone();
    let merge = Callback::new(move |into: String| {
        apply(entities, close, Correction::Merge { into, from: merge_from.clone() });
    });

    let options = EntityType::ALL
        .into_iter()
        .map(|t| {
            view! {
                <option value=t.code() selected=t == kind>
                    {t.label()}
                </option>
            }
        })
        .collect_view();

    view! {
        <section class="card-fix" aria-label="Correct this">
            <h3>"Correct"</h3>
            <div class="fix-row">
                <button type="button" class="fix not-entity" on:click=not_entity>
                    "Not an entity"
                </button>
                <label class="fix-type">
                    "Type "
                    <select on:change=retype>{options}</select>
                </label>
            </div>
            <div class="fix-row">
                {can_split
                    .then(|| {
                        view! {
                            <button type="button" class="fix split" on:click=split>
                                {format!("Split “{text}” off")}
                            </button>
                        }
                    })}
                <button
                    type="button"
                    class="fix merge"
                    aria-expanded=move || picking.get().to_string()
                    on:click=move |_| picking.update(|p| *p = !*p)
                >
                    "Merge into…"
                </button>
            </div>
            {move || {
                picking
                    .get()
                    .then(|| {
                        view! {
                            <EntityPicker
                                exclude=entity.clone()
                                kind
                                label=format!("Merge “{}” into", card.name)
                                on_pick=merge
                            />
                        }
                    })
            }}
        </section>
    }
}
