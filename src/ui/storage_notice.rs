//! The notice shown when stored corrections cannot be read.

use super::entity_state::use_entities;
use crate::view_model::corrections::STORAGE_KEY;
use leptos::prelude::*;

/// Says that the saved corrections could not be read, that they are kept
/// untouched, and that new corrections are not saved until the reader sets
/// the old text aside (under another key, so nothing is lost).
#[component]
pub fn StorageNotice() -> impl IntoView {
    let entities = use_entities();
    move || {
        entities.unreadable.get().map(|u| {
            view! {
                <section class="notices storage-notice" role="alert">
                    <p>
                        <strong>"Your saved corrections could not be read."</strong>
                        " They are kept unchanged in this browser's storage (under “"
                        <code>{STORAGE_KEY}</code>
                        "”). Corrections you make now apply, but are not saved until you set the old ones aside."
                    </p>
                    <p class="storage-error">{format!("Reason: {}", u.error)}</p>
                    <details>
                        <summary>"The stored text"</summary>
                        <pre class="stored-text">{u.raw}</pre>
                    </details>
                    <button
                        type="button"
                        class="set-aside"
                        on:click=move |_| entities.set_aside_unreadable()
                    >
                        "Set them aside and save new corrections"
                    </button>
                </section>
            }
        })
    }
}
