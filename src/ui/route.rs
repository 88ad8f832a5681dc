//! The app's state in the URL, and helpers to read and change it.
//!
//! Crossread routes on the query string of the page's own path, so the app
//! works from any sub-path of a plain static host (no server fallback) and
//! under `trunk serve`. The state itself, [`RouteState`], and its query
//! format live in `view_model::route`, where they are tested natively.

pub use crate::view_model::route::{RouteState, Section};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// The current [`RouteState`], following the URL (including back/forward).
pub fn use_route() -> Memo<RouteState> {
    let query = use_query_map();
    Memo::new(move |_| query.with(|q| RouteState::from_query(|key| q.get(key))))
}

/// The path the app was loaded from, such as `/sub/app/`; queries are
/// appended to it, so the app never leaves its own page.
pub fn page_path() -> String {
    window().location().pathname().unwrap_or_else(|_| "./".to_string())
}

/// A link to `state`, on the app's own page.
pub fn href(state: &RouteState) -> String {
    format!("{}{}", page_path(), state.query())
}

/// A link to the unfiltered library.
pub fn library_href() -> String {
    page_path()
}

/// Returns a function that moves to another [`RouteState`], adding a
/// history entry so back and forward work. `scroll` says whether to jump
/// to the top of the page.
pub fn use_go() -> impl Fn(RouteState, bool) + Clone {
    let navigate = use_navigate();
    move |state: RouteState, scroll: bool| {
        navigate(&href(&state), NavigateOptions { scroll, ..NavigateOptions::default() });
    }
}
