//! The message after a correction or an undo, with an Undo button.

use super::entity_state::use_entities;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// Moves keyboard focus to the toast's Undo button once it is drawn.
pub fn focus_toast() {
    request_animation_frame(|| {
        if let Some(el) = document()
            .query_selector(".toast .undo")
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

/// A status line at the bottom of the window saying what the last
/// correction did, with "Undo" and a close button. It is a live region, so
/// screen readers announce it.
#[component]
pub fn UndoToast() -> impl IntoView {
    let entities = use_entities();
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            {move || {
                entities
                    .toast
                    .get()
                    .map(|toast| {
                        view! {
                            <div class="toast">
                                <span class="toast-message">{toast.message}</span>
                                {toast
                                    .undoable
                                    .then(|| {
                                        view! {
                                            <button
                                                type="button"
                                                class="undo"
                                                on:click=move |_| entities.undo()
                                            >
                                                "Undo"
                                            </button>
                                        }
                                    })}
                                <button
                                    type="button"
                                    class="toast-close"
                                    aria-label="Dismiss"
                                    on:click=move |_| entities.toast.set(None)
                                >
                                    "×"
                                </button>
                            </div>
                        }
                    })
            }}
        </div>
    }
}
