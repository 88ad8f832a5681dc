//! The reader's temporal expressions: each one marked in the text, with
//! what it resolved to and why in a note on hover or focus, and a way to
//! its event on the timeline.

use super::route::{use_go, use_route};
use crate::view_model::timeline::DateNote;
use leptos::ev;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// The id of the one note element; marks point at it while it is theirs.
const TIP_ID: &str = "date-tip";
/// The note's widest width, in CSS pixels (as in timeline.css).
const TIP_MAX_WIDTH: f64 = 320.0;
/// The least room kept between the note and the window's edges.
const TIP_MARGIN: f64 = 8.0;

/// Where the note is shown, and for which expression.
#[derive(Clone, Copy, Debug, PartialEq)]
struct TipAt {
    /// The expression's position in [`ReaderDates::notes`].
    index: usize,
    /// Page coordinates of the note's top-left corner, in CSS pixels.
    left: f64,
    top: f64,
}

/// The open article's expressions and the note's state, provided by the
/// reader.
#[derive(Clone, Copy)]
pub struct ReaderDates {
    /// The notes, in text order.
    pub notes: StoredValue<Vec<DateNote>>,
    /// The notes' byte ranges, for [`mark_dates`](crate::view_model::highlight::mark_dates).
    pub spans: StoredValue<Vec<(usize, usize)>>,
    /// The note on screen.
    tip: RwSignal<Option<TipAt>>,
}

impl ReaderDates {
    /// The reader's dates, from its notes in text order.
    pub fn new(notes: Vec<DateNote>) -> ReaderDates {
        let spans = notes.iter().map(|n| n.span).collect();
        ReaderDates {
            notes: StoredValue::new(notes),
            spans: StoredValue::new(spans),
            tip: RwSignal::new(None),
        }
    }
}

/// One expression in the text: a focusable span with a dotted box and a
/// clock sign, so it reads as a date without colour. Hover or focus shows
/// its note; a click or Enter goes to its event on the timeline, when
/// it belongs to one.
#[component]
pub fn DateMark(
    /// The expression's position in the article's notes.
    index: usize,
    /// The part of its words this run holds (a text node, never HTML).
    text: String,
) -> impl IntoView {
    let dates = expect_context::<ReaderDates>();
    let route = use_route();
    let go = use_go();
    let (iso, event) = dates
        .notes
        .with_value(|n| n.get(index).map(|n| (n.iso.clone(), n.event.clone())))
        .unwrap_or_default();
    let show = move |e: &ev::Event| {
        let Some(el) = e.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let rect = el.get_bounding_client_rect();
        let (sx, sy) = (window().scroll_x().unwrap_or(0.0), window().scroll_y().unwrap_or(0.0));
        // Keep the note on screen on narrow windows.
        let vw = window().inner_width().ok().and_then(|w| w.as_f64()).unwrap_or(1024.0);
        let width = TIP_MAX_WIDTH.min(vw - 2.0 * TIP_MARGIN);
        let left = rect.left().min(vw - width - TIP_MARGIN).max(TIP_MARGIN);
        dates.tip.try_set(Some(TipAt { index, left: left + sx, top: rect.bottom() + sy + 6.0 }));
    };
    // Blur also fires while the reader is being taken down, after its
    // state is gone; the `try_` forms make that a no-op.
    let hide = move || {
        if dates.tip.try_with_untracked(|t| t.is_some_and(|t| t.index == index)) == Some(true) {
            dates.tip.try_set(None);
        }
    };
    let open = {
        let event = event.clone();
        move || {
            if let Some(id) = &event {
                go(route.get_untracked().timeline_event(id), true);
            }
        }
    };
    let on_key = {
        let open = open.clone();
        move |e: ev::KeyboardEvent| match e.key().as_str() {
            "Enter" => {
                e.prevent_default();
                open();
            }
            "Escape" if dates.tip.with_untracked(Option::is_some) => {
                e.stop_propagation();
                dates.tip.set(None);
            }
            _ => {}
        }
    };
    let owns_tip = move || dates.tip.with(|t| t.is_some_and(|t| t.index == index));
    view! {
        <span
            class="date-mention"
            class:has-event=event.is_some()
            tabindex="0"
            role=if event.is_some() { "link" } else { "note" }
            data-date=index
            data-value=iso
            aria-describedby=move || owns_tip().then_some(TIP_ID)
            on:mouseenter=move |e| show(&e)
            on:mouseleave=move |_| hide()
            on:focus=move |e| show(&e)
            on:blur=move |_| hide()
            on:click=move |_| open()
            on:keydown=on_key
        >
            {text}
        </span>
    }
}

/// The note of the expression being hovered or focused: the words, what
/// they resolved to, why, and how to reach the event on the timeline.
#[component]
pub fn DateTip() -> impl IntoView {
    let dates = expect_context::<ReaderDates>();
    move || {
        let at = dates.tip.get()?;
        let note = dates.notes.with_value(|n| n.get(at.index).cloned())?;
        let action = if note.event.is_some() {
            "Click or press Enter to show it on the timeline."
        } else {
            "No timeline event comes from this sentence."
        };
        Some(view! {
            <div
                id=TIP_ID
                class="date-tip"
                role="tooltip"
                style:left=format!("{:.0}px", at.left)
                style:top=format!("{:.0}px", at.top)
            >
                <p class="date-tip-head">{note.headline()}</p>
                <p class="date-tip-why">{note.explanation}</p>
                <p class="date-tip-action">{action}</p>
            </div>
        })
    }
}
