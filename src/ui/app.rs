//! The app shell: router, skip link, header and the view for the URL.

use super::corpus::{use_corpus, Corpus};
use super::library::Library;
use super::not_found::NotFound;
use super::reader::Reader;
use super::route::{library_href, use_go, use_route, RouteState};
use crate::view_model::DisplayTitle;
use leptos::ev;
use leptos::prelude::*;
use leptos_router::components::Router;

/// The name of the app, shown in the header and the window title.
const APP_NAME: &str = "Crossread";

/// Which view the URL asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Page {
    /// The list of all articles.
    Library,
    /// The reader, for the article at this position in the corpus.
    Reader(usize),
    /// The URL names an article that does not exist.
    Missing(String),
}

/// The root component: ingests the bundled articles once and shows the
/// library or a reader according to the URL.
#[component]
pub fn App() -> impl IntoView {
    provide_context(Corpus::from_bundle());
    view! {
        <Router>
            <Shell />
        </Router>
    }
}

/// Everything inside the router: skip link, header and the current view.
#[component]
fn Shell() -> impl IntoView {
    let corpus = use_corpus();
    let route = use_route();
    let page = Memo::new(move |_| match route.with(|r| r.article.clone()) {
        None => Page::Library,
        Some(id) => match corpus.position(&id) {
            Some(index) => Page::Reader(index),
            None => Page::Missing(id),
        },
    });
    let show_removed = Memo::new(move |_| route.with(|r| r.show_removed));

    // The window title names what is on screen.
    Effect::new(move |_| {
        let title = match page.get() {
            Page::Library => APP_NAME.to_string(),
            Page::Reader(index) => corpus
                .with_article(index, |a| format!("{} · {APP_NAME}", DisplayTitle::of(a).text))
                .unwrap_or_else(|| APP_NAME.to_string()),
            Page::Missing(_) => format!("No such article · {APP_NAME}"),
        };
        document().set_title(&title);
    });

    // Escape returns from a reader to the library.
    let go = use_go();
    let on_key = window_event_listener(ev::keydown, move |e| {
        let plain = !(e.ctrl_key() || e.meta_key() || e.alt_key() || e.shift_key());
        if plain && e.key() == "Escape" && page.with_untracked(|p| *p != Page::Library) {
            go(RouteState::default(), true);
        }
    });
    on_cleanup(move || on_key.remove());

    view! {
        // rel="external" leaves the jump to the browser, which also moves
        // keyboard focus; the router would only scroll.
        <a class="skip-link" href="#content" rel="external">
            "Skip to content"
        </a>
        <header class="site-header">
            <a class="brand" href=library_href()>
                {APP_NAME}
            </a>
        </header>
        <main id="content" tabindex="-1" data-ready="true">
            {move || match page.get() {
                Page::Library => view! { <Library /> }.into_any(),
                Page::Reader(index) => view! { <Reader index show_removed /> }.into_any(),
                Page::Missing(id) => view! { <NotFound id /> }.into_any(),
            }}
        </main>
    }
}
