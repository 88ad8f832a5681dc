//! Which mention's card is open, shared through context, so the reader's
//! mentions, the card itself and the app's Escape key agree on it.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use std::time::Duration;

/// How long the card stays after the pointer leaves, so it can be reached.
const CLOSE_DELAY: Duration = Duration::from_millis(300);

/// How a card was opened; a card opened by hovering closes when the pointer
/// leaves, one opened by focus when focus leaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opened {
    /// The pointer rests on the mention.
    Hover,
    /// The mention has keyboard focus, or was clicked.
    Focus,
}

/// The mention a card is open for, and where it sits on the page.
#[derive(Clone, Debug, PartialEq)]
pub struct CardTarget {
    /// The article's corpus position.
    pub article: usize,
    /// Byte offset of the mention in the article's original text.
    pub start: usize,
    /// Byte offset of its end.
    pub end: usize,
    /// How the card was opened.
    pub via: Opened,
    /// The mention's box in page coordinates (CSS pixels): left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Bottom edge.
    pub bottom: f64,
}

/// The open card, if any; see the module docs.
#[derive(Clone, Copy)]
pub struct CardState {
    /// The mention whose card is open.
    pub target: RwSignal<Option<CardTarget>>,
    /// A pending close, cancelled when the pointer comes back.
    timer: StoredValue<Option<TimeoutHandle>>,
    /// Set while focus is handed back to a mention after closing its card,
    /// so that focus does not open the card again.
    returning: StoredValue<bool>,
}

impl CardState {
    /// No card open.
    pub fn new() -> CardState {
        CardState {
            target: RwSignal::new(None),
            timer: StoredValue::new(None),
            returning: StoredValue::new(false),
        }
    }

    /// Opens the card for the mention element `el` (a mention of article
    /// `article` at `start..end`).
    pub fn open(
        self,
        el: &web_sys::Element,
        article: usize,
        start: usize,
        end: usize,
        via: Opened,
    ) {
        self.keep();
        let current = self.target.get_untracked();
        let same = current.as_ref().is_some_and(|t| t.article == article && t.start == start);
        if same && (via == Opened::Hover || current.as_ref().is_some_and(|t| t.via == via)) {
            return;
        }
        let rect = el.get_bounding_client_rect();
        let (sx, sy) = (window().scroll_x().unwrap_or(0.0), window().scroll_y().unwrap_or(0.0));
        self.target.set(Some(CardTarget {
            article,
            start,
            end,
            via,
            left: rect.left() + sx,
            top: rect.top() + sy,
            bottom: rect.bottom() + sy,
        }));
    }

    /// Cancels a pending close.
    pub fn keep(self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
            self.timer.set_value(None);
        }
    }

    /// Closes the card shortly, if it was opened by hovering.
    pub fn close_soon(self) {
        if self.target.with_untracked(|t| t.as_ref().is_some_and(|t| t.via == Opened::Hover)) {
            self.keep();
            let handle = set_timeout_with_handle(move || self.close(), CLOSE_DELAY).ok();
            self.timer.set_value(handle);
        }
    }

    /// Closes the card now.
    pub fn close(self) {
        self.keep();
        self.target.set(None);
    }

    /// True while a card is open.
    pub fn is_open(self) -> bool {
        self.target.with_untracked(Option::is_some)
    }

    /// Closes the card and puts focus back on its mention.
    pub fn close_to_mention(self) {
        let start = self.target.with_untracked(|t| t.as_ref().map(|t| t.start));
        self.close();
        if let Some(el) = start.and_then(mention_element) {
            self.returning.set_value(true);
            let _ = el.focus();
            self.returning.set_value(false);
        }
    }

    /// Closes the card on Escape: focus returns to the mention only when
    /// the card was opened by focus (a hovered card leaves focus alone).
    pub fn dismiss(self) {
        match self.target.with_untracked(|t| t.as_ref().map(|t| t.via)) {
            Some(Opened::Focus) => self.close_to_mention(),
            _ => self.close(),
        }
    }

    /// True while focus is being handed back to a mention (see
    /// [`close_to_mention`](Self::close_to_mention)).
    pub fn is_returning(self) -> bool {
        self.returning.get_value()
    }
}

/// The reader's mention element starting at byte `start`, if shown.
pub fn mention_element(start: usize) -> Option<web_sys::HtmlElement> {
    document()
        .query_selector(&format!(".body .mention[data-start=\"{start}\"]"))
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
}

/// The card state provided by [`App`](super::App).
pub fn use_card() -> CardState {
    expect_context::<CardState>()
}
