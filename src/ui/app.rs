//! The app shell: router, skip link, header and the view for the URL.

use super::card_state::{use_card, CardState};
use super::corpus::{use_corpus, Corpus};
use super::entities_view::EntitiesView;
use super::entity_state::{use_entities, Entities};
use super::library::Library;
use super::not_found::NotFound;
use super::preparing::Preparing;
use super::reader::Reader;
use super::route::{library_href, use_go, use_route, Section};
use super::search_box::{focus_search_box, SearchBox};
use super::search_state::Search;
use super::site_footer::SiteFooter;
use super::site_nav::SiteNav;
use super::startup::{prepare, Prepared, Progress};
use super::storage_notice::StorageNotice;
use super::time_state::Times;
use super::timeline_view::TimelineView;
use super::undo_toast::UndoToast;
use crate::bundled::BUNDLED;
use crate::view_model::DisplayTitle;
use crossread_core::search::Index;
use leptos::ev;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::components::Router;

/// The name of the app, shown in the header and the window title.
const APP_NAME: &str = "Crossread";

/// Which view the URL asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Page {
    /// The list of all articles.
    Library,
    /// Every entity, grouped by type.
    Entities,
    /// The events of the corpus, in time order.
    Timeline,
    /// The reader, for the article at this position in the corpus.
    Reader(usize),
    /// The URL names an article that does not exist.
    Missing(String),
}

/// The root component: prepares the bundled articles once (showing the
/// progress), then shows the view the URL asks for.
#[component]
pub fn App() -> impl IntoView {
    let progress = RwSignal::new(Progress::new(BUNDLED.len()));
    let prepared: StoredValue<Option<Prepared>> = StoredValue::new(None);
    let ready = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        prepared.set_value(Some(prepare(progress).await));
        ready.set(true);
    });
    move || match ready.get() {
        false => view! { <Preparing progress /> }.into_any(),
        true => match prepared.try_update_value(Option::take).flatten() {
            Some(p) => view! { <Ready prepared=p /> }.into_any(),
            None => ().into_any(),
        },
    }
}

/// Provides what start-up prepared to every view, then the router.
#[component]
fn Ready(prepared: Prepared) -> impl IntoView {
    let Prepared { articles, entities, inferred, mentions, events, index } = prepared;
    let corpus = Corpus::new(articles);
    provide_context(corpus);
    provide_context(Entities::new(corpus, entities));
    provide_context(Times::new(inferred, mentions, events));
    provide_context(CardState::new());
    let index = StoredValue::new(index);
    view! {
        <Router>
            <Shell index />
        </Router>
    }
}

/// True when a key press is meant for a text field, not for the page.
fn typing(e: &ev::KeyboardEvent) -> bool {
    e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|el| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || el.has_attribute("contenteditable")
    })
}

/// Everything inside the router: skip link, header, the current view,
/// notices, the undo toast and the footer. `index` is the search index.
#[component]
fn Shell(index: StoredValue<Index>) -> impl IntoView {
    let corpus = use_corpus();
    let entities = use_entities();
    let card = use_card();
    let route = use_route();
    // The filter lives in the URL, so the search is set up inside the router.
    provide_context(Search::new(corpus, entities, index));
    let page = Memo::new(move |_| {
        route.with(|r| match &r.article {
            None if r.section == Section::Entities => Page::Entities,
            None if r.section == Section::Timeline => Page::Timeline,
            None => Page::Library,
            Some(id) => match corpus.position(id) {
                Some(index) => Page::Reader(index),
                None => Page::Missing(id.clone()),
            },
        })
    });
    let show_removed = Memo::new(move |_| route.with(|r| r.show_removed));

    // The window title names what is on screen.
    Effect::new(move |_| {
        let title = match page.get() {
            Page::Library => APP_NAME.to_string(),
            Page::Entities => format!("Entities · {APP_NAME}"),
            Page::Timeline => format!("Timeline · {APP_NAME}"),
            Page::Reader(index) => corpus
                .with_article(index, |a| format!("{} · {APP_NAME}", DisplayTitle::of(a).text))
                .unwrap_or_else(|| APP_NAME.to_string()),
            Page::Missing(_) => format!("No such article · {APP_NAME}"),
        };
        document().set_title(&title);
    });

    // Escape closes an open card, else returns from a reader to the
    // library. Ctrl+Z (Cmd+Z) undoes the last correction outside text
    // fields. `/` outside text fields focuses the search box.
    let go = use_go();
    let on_key = window_event_listener(ev::keydown, move |e| {
        let ctrl = e.ctrl_key() || e.meta_key();
        let plain = !(ctrl || e.alt_key() || e.shift_key());
        if !(ctrl || e.alt_key()) && e.key() == "/" && !typing(&e) {
            e.prevent_default();
            focus_search_box();
        } else if plain && e.key() == "Escape" {
            if card.is_open() {
                card.dismiss();
            } else if !typing(&e)
                && matches!(page.get_untracked(), Page::Reader(_) | Page::Missing(_))
            {
                go(route.get_untracked().library(), true);
            }
        } else if ctrl && !e.alt_key() && !e.shift_key() && e.key() == "z" && !typing(&e) {
            e.prevent_default();
            entities.undo();
        }
    });
    on_cleanup(move || on_key.remove());
    // A card belongs to one page; leaving it closes the card.
    Effect::new(move |_| {
        page.track();
        card.close();
    });

    view! {
        // rel="external" leaves the jump to the browser, which also moves
        // keyboard focus; the router would only scroll.
        <a class="skip-link" href="#content" rel="external">
            "Skip to content"
        </a>
        <header class="site-header">
            <div class="header-inner">
                <a class="brand" href=library_href()>
                    {APP_NAME}
                </a>
                <SearchBox />
                <SiteNav />
            </div>
        </header>
        <main id="content" tabindex="-1" data-ready="true">
            <StorageNotice />
            {move || match page.get() {
                Page::Library => view! { <Library /> }.into_any(),
                Page::Entities => view! { <EntitiesView /> }.into_any(),
                Page::Timeline => view! { <TimelineView /> }.into_any(),
                Page::Reader(index) => view! { <Reader index show_removed /> }.into_any(),
                Page::Missing(id) => view! { <NotFound id /> }.into_any(),
            }}
        </main>
        <UndoToast />
        <SiteFooter />
    }
}
