//! The "Show removed text" switch of the reader.

use super::route::{use_go, use_route, RouteState};
use leptos::prelude::*;

/// A labelled checkbox that shows or hides the removed blocks. Its state
/// lives in the URL (`&removed=1`), so it survives reloads and history.
#[component]
pub fn RemovedToggle(
    /// Whether removed text is shown now.
    #[prop(into)]
    checked: Signal<bool>,
    /// How many blocks were removed, shown next to the label.
    count: usize,
) -> impl IntoView {
    let route = use_route();
    let go = use_go();
    let on_change = move |ev: leptos::ev::Event| {
        let show = event_target_checked(&ev);
        let state = RouteState { show_removed: show, ..route.get_untracked() };
        // Stay where the reader is on the page.
        go(state, false);
    };
    let hint = match count {
        0 => "nothing was removed".to_string(),
        1 => "1 block".to_string(),
        n => format!("{n} blocks"),
    };
    view! {
        <div class="removed-toggle">
            <input
                type="checkbox"
                id="show-removed"
                prop:checked=move || checked.get()
                on:change=on_change
            />
            <label for="show-removed">"Show removed text"</label>
            <span class="hint">{format!("({hint})")}</span>
        </div>
    }
}
