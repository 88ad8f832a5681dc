//! The list of the reader's corrections.

use super::entity_state::use_entities;
use leptos::prelude::*;

/// Every correction made so far, in order, each in words, with a button to
/// undo the last one. Corrections are kept in this browser only.
#[component]
pub fn CorrectionsPanel() -> impl IntoView {
    let entities = use_entities();
    let corrections = entities.corrections();
    let items = move || {
        corrections.with(|c| {
            c.ops.iter().enumerate().map(|(i, op)| (i, entities.describe(op))).collect::<Vec<_>>()
        })
    };
    let count = move || corrections.with(|c| c.ops.len());
    view! {
        <section class="corrections" aria-labelledby="corrections-title">
            <h2 id="corrections-title">
                "Your corrections " <span class="count">{move || format!("({})", count())}</span>
            </h2>
            {move || {
                if count() == 0 {
                    view! {
                        <p class="hint">
                            "None yet. Open an article and use the card of any highlighted name to correct it, or merge two entities below."
                        </p>
                    }
                        .into_any()
                } else {
                    view! {
                        <ol class="correction-list">
                            <For
                                each=items
                                key=|(i, text)| (*i, text.clone())
                                children=|(_, text)| view! { <li>{text}</li> }
                            />
                        </ol>
                        <button type="button" class="undo-last" on:click=move |_| entities.undo()>
                            "Undo last correction"
                        </button>
                    }
                        .into_any()
                }
            }}
            <p class="hint">"Corrections are saved in this browser only."</p>
        </section>
    }
}
