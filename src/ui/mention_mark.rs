//! One highlighted mention in the reader's text.

use super::card_state::{use_card, Opened};
use crate::view_model::highlight::{type_class, MentionRef};
use leptos::ev;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// The entity the reader marks (from the URL's filter), shared by every
/// mention of the open article.
#[derive(Clone, Copy)]
pub struct MarkedEntity(pub Memo<Option<String>>);

/// A mention: its text in a focusable span, coloured and underlined by type.
/// Hovering or focusing it opens its entity's card; Enter, Space or a click
/// open the card and move focus into it.
#[component]
pub fn MentionMark(
    /// The article's corpus position.
    article: usize,
    /// Byte offset of the mention in the original text.
    start: usize,
    /// The mention's text (shown as a text node, never HTML).
    text: String,
    /// The mention's type and entity.
    mention: MentionRef,
) -> impl IntoView {
    let card = use_card();
    let marked = expect_context::<MarkedEntity>().0;
    let MentionRef { end, kind, entity } = mention;
    let entity_for_mark = entity.clone();
    let is_marked = move || marked.with(|m| m.as_deref() == Some(entity_for_mark.as_str()));
    let expanded = move || {
        card.target.with(|t| t.as_ref().is_some_and(|t| t.article == article && t.start == start))
    };
    let label = format!("{text}, {}", kind.label());

    let open = move |ev: &ev::Event, via: Opened| {
        if let Some(el) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            card.open(&el, article, start, end, via);
        }
    };
    let enter_card = move || {
        // The card renders on the next tick; focus its first control then.
        request_animation_frame(move || {
            if let Some(el) = document()
                .query_selector("#entity-card .card-focus")
                .ok()
                .flatten()
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        });
    };
    let on_key = move |ev: ev::KeyboardEvent| match ev.key().as_str() {
        "Enter" | " " => {
            ev.prevent_default();
            open(&ev, Opened::Focus);
            enter_card();
        }
        "Escape" if card.is_open() => {
            ev.stop_propagation();
            card.close();
        }
        _ => {}
    };

    view! {
        <span
            class=format!("mention {}", type_class(kind))
            class:marked=is_marked
            tabindex="0"
            role="button"
            aria-haspopup="dialog"
            aria-expanded=move || expanded().to_string()
            aria-label=label
            data-type=kind.code()
            data-entity=entity
            data-start=start
            on:mouseenter=move |ev| open(&ev, Opened::Hover)
            on:mouseleave=move |_| card.close_soon()
            on:focus=move |ev| {
                if !card.is_returning() {
                    open(&ev, Opened::Focus);
                }
            }
            on:blur=move |ev: ev::FocusEvent| {
                let into_card = ev
                    .related_target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| el.closest("#entity-card").ok().flatten().is_some());
                if !into_card && expanded() {
                    card.close();
                }
            }
            on:click=move |ev| {
                open(&ev, Opened::Focus);
                enter_card();
            }
            on:keydown=on_key
        >
            {text}
        </span>
    }
}
