//! The search box in the header, on every view.

use super::route::{href, use_route};
use super::search_help::SearchHelp;
use crate::view_model::route::Filter;
use crate::view_model::search::{HistoryStep, TypingHistory};
use leptos::ev;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use std::time::Duration;

/// The id of the search box's input, focused by the `/` key.
pub const SEARCH_INPUT_ID: &str = "search-input";
/// The result links the arrow keys move between.
pub const RESULT_LINK_SELECTOR: &str = ".library a.entry-title";
/// After this long without a keystroke the words typed count as a search
/// of their own: the next keystroke adds a history entry.
const PAUSE: Duration = Duration::from_millis(900);

/// A search box bound to the URL's search words. Each keystroke updates the
/// URL (and so every view) at once; while typing, the keystrokes share one
/// history entry, and a pause, Enter or leaving the box ends it, so Back
/// and Forward step through searches. Typed on the reader, it searches the
/// library. ↓ moves to the results, Escape clears the box (then leaves
/// it). Next to it, "?" explains the query language.
#[component]
pub fn SearchBox() -> impl IntoView {
    let route = use_route();
    let navigate = use_navigate();
    let text = RwSignal::new(route.with_untracked(|r| r.filter.query.clone()));
    let history = StoredValue::new(TypingHistory::default());
    let typed = StoredValue::new(0u64);

    // Back, Forward, a chip or a suggestion changed the words: show them.
    Effect::new(move |_| {
        let words = route.with(|r| r.filter.query.clone());
        if text.with_untracked(|t| t.trim() != words.trim()) {
            text.set(words);
            history.update_value(TypingHistory::commit);
        }
    });

    let apply = move |value: String| {
        let before = route.with_untracked(|r| r.filter.query.clone());
        let step = history.try_update_value(|h| h.on_input(&before, &value)).flatten();
        let Some(step) = step else { return };
        let state = route.with_untracked(|r| {
            let base = if r.article.is_some() { r.library() } else { r.clone() };
            base.with_filter(Filter { query: value, ..r.filter.clone() })
        });
        let options = NavigateOptions {
            replace: step == HistoryStep::Replace,
            scroll: false,
            ..NavigateOptions::default()
        };
        navigate(&href(&state), options);
        // A pause ends the search being typed.
        typed.update_value(|n| *n += 1);
        let this = typed.get_value();
        set_timeout(
            move || {
                if typed.try_get_value() == Some(this) {
                    history.update_value(TypingHistory::commit);
                }
            },
            PAUSE,
        );
    };

    let on_input = {
        let apply = apply.clone();
        move |e: ev::Event| {
            let value = event_target_value(&e);
            text.set(value.clone());
            apply(value);
        }
    };
    let on_keydown = move |e: ev::KeyboardEvent| match e.key().as_str() {
        "Enter" => {
            e.prevent_default();
            history.update_value(TypingHistory::commit);
        }
        "Escape" => {
            e.prevent_default();
            if text.with_untracked(|t| t.is_empty()) {
                blur(&e);
            } else {
                text.set(String::new());
                history.update_value(TypingHistory::commit);
                apply(String::new());
                history.update_value(TypingHistory::commit);
            }
        }
        "ArrowDown" => {
            if let Some(first) = result_links().first() {
                e.prevent_default();
                history.update_value(TypingHistory::commit);
                let _ = first.focus();
            }
        }
        _ => {}
    };

    view! {
        <div class="search-box" role="search">
            <label class="visually-hidden" for=SEARCH_INPUT_ID>
                "Search the articles"
            </label>
            <input
                id=SEARCH_INPUT_ID
                type="search"
                placeholder="Search articles  /"
                autocomplete="off"
                spellcheck="false"
                aria-keyshortcuts="/"
                aria-describedby="search-help-summary"
                prop:value=move || text.get()
                on:input=on_input
                on:keydown=on_keydown
                on:blur=move |_| history.update_value(TypingHistory::commit)
            />
            <SearchHelp />
        </div>
    }
}

/// Removes focus from the element a key was pressed in.
fn blur(e: &ev::KeyboardEvent) {
    if let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.blur();
    }
}

/// The result links on screen, in order.
pub fn result_links() -> Vec<web_sys::HtmlElement> {
    let Ok(list) = document().query_selector_all(RESULT_LINK_SELECTOR) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// Focuses the search box and selects its words.
pub fn focus_search_box() {
    let input = document()
        .get_element_by_id(SEARCH_INPUT_ID)
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let Some(input) = input {
        let _ = input.focus();
        input.select();
    }
}
