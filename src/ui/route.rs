//! The app's state in the URL, and helpers to read and change it.
//!
//! Crossread routes on the query string of the page's own path, so the app
//! works from any sub-path of a plain static host (no server fallback) and
//! under `trunk serve`:
//!
//! - no query: the library;
//! - `?article=<id>`: the reader for that article;
//! - `?article=<id>&removed=1`: the reader with removed text shown in place.

use crate::view_model::encode_query_value;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// The query key naming the open article.
const ARTICLE_KEY: &str = "article";
/// The query key that shows removed text when set to [`ON`].
const REMOVED_KEY: &str = "removed";
/// The value of a switched-on flag.
const ON: &str = "1";

/// Everything the URL says about what is on screen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RouteState {
    /// The id of the open article; `None` shows the library.
    pub article: Option<String>,
    /// Whether removed text is shown in place.
    pub show_removed: bool,
}

impl RouteState {
    /// The query string for this state, starting with `?`, or empty for the
    /// library.
    pub fn query(&self) -> String {
        match &self.article {
            None => String::new(),
            Some(id) => {
                let mut q = format!("?{ARTICLE_KEY}={}", encode_query_value(id));
                if self.show_removed {
                    q.push_str(&format!("&{REMOVED_KEY}={ON}"));
                }
                q
            }
        }
    }
}

/// The current [`RouteState`], following the URL (including back/forward).
pub fn use_route() -> Memo<RouteState> {
    let query = use_query_map();
    Memo::new(move |_| {
        query.with(|q| RouteState {
            article: q.get(ARTICLE_KEY).filter(|id| !id.is_empty()),
            show_removed: q.get(REMOVED_KEY).as_deref() == Some(ON),
        })
    })
}

/// The path the app was loaded from, such as `/sub/app/`; queries are
/// appended to it, so the app never leaves its own page.
pub fn page_path() -> String {
    window().location().pathname().unwrap_or_else(|_| "./".to_string())
}

/// A link to the library.
pub fn library_href() -> String {
    page_path()
}

/// A link to the reader for article `id`.
pub fn article_href(id: &str) -> String {
    RouteState { article: Some(id.to_string()), show_removed: false }.query()
}

/// Returns a function that moves to another [`RouteState`], adding a
/// history entry so back and forward work. `scroll` says whether to jump
/// to the top of the page.
pub fn use_go() -> impl Fn(RouteState, bool) + Clone {
    let navigate = use_navigate();
    move |state: RouteState, scroll: bool| {
        let to = format!("{}{}", page_path(), state.query());
        navigate(&to, NavigateOptions { scroll, ..NavigateOptions::default() });
    }
}
