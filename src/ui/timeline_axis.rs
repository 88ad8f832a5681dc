//! The timeline's overview axis: event density per bucket, long empty
//! stretches compressed, and brushing to a period.

use super::route::use_route;
use super::timeline_bucket::{AxisBucket, AxisState};
use crate::view_model::timeline::{Axis, Period, Piece, Window};
use leptos::either::Either;
use leptos::ev;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// The next (`forward`) or previous bucket button beside `el`, skipping
/// gap marks.
fn next_bucket(el: &web_sys::Element, forward: bool) -> Option<web_sys::HtmlElement> {
    let step = |e: &web_sys::Element| {
        if forward {
            e.next_element_sibling()
        } else {
            e.previous_element_sibling()
        }
    };
    let mut other = step(el);
    while let Some(e) = other {
        if e.class_list().contains("tl-bucket") {
            return e.dyn_into::<web_sys::HtmlElement>().ok();
        }
        other = step(&e);
    }
    None
}

/// Left/Right move between the buckets of one axis.
fn on_track_key(e: ev::KeyboardEvent) {
    let Some(active) = document().active_element() else { return };
    if !active.class_list().contains("tl-bucket") {
        return;
    }
    let target = match e.key().as_str() {
        "ArrowRight" => next_bucket(&active, true),
        "ArrowLeft" => next_bucket(&active, false),
        _ => return,
    };
    if let Some(b) = target {
        e.prevent_default();
        let _ = b.focus();
    }
}

/// An axis over `domain`: one button per bucket (its bar as high as its
/// events; the filtered events drawn darker), narrow break marks for long
/// empty stretches, and year or month ticks. Clicking a bucket sets the
/// filter's period to it; Shift+click (or Shift+Enter) stretches the period
/// to it; dragging across buckets brushes a period. Left and Right move
/// between buckets.
#[component]
pub fn TimelineAxis(
    /// The days the axis spans.
    #[prop(into)]
    domain: Signal<Period>,
    /// Every event's days, for the density.
    all: StoredValue<Vec<Period>>,
    /// The shown events' days.
    #[prop(into)]
    shown: Signal<Vec<Period>>,
    /// The axis's accessible name.
    label: &'static str,
) -> impl IntoView {
    let route = use_route();
    let axis = Memo::new(move |_| {
        let d = domain.get();
        all.with_value(|a| shown.with(|s| Axis::layout(d, a, s)))
    });
    let window = Memo::new(move |_| {
        route.with(|r| Window::of(r.filter.after.as_deref(), r.filter.before.as_deref()))
    });
    // One bucket is in the tab order: the first selected one, else the first
    // with events; the arrow keys reach the others.
    let tab_stop = Memo::new(move |_| {
        let w = window.get();
        axis.with(|a| {
            let buckets = a.pieces.iter().filter_map(|p| match p {
                Piece::Bucket(b) => Some(b),
                Piece::Gap { .. } => None,
            });
            let selected = buckets.clone().find(|b| !w.is_open() && w.admits(b.period));
            selected.or_else(|| buckets.clone().find(|b| b.count > 0)).map(|b| b.after.clone())
        })
    });
    let state = AxisState {
        window,
        anchor: RwSignal::new(None),
        over: RwSignal::new(None),
        dragged: RwSignal::new(false),
        tab_stop,
    };
    provide_context(state);
    // A drag ends wherever the button is released.
    let up = window_event_listener(ev::mouseup, move |_| {
        state.anchor.set(None);
        state.over.set(None);
    });
    on_cleanup(move || up.remove());

    view! {
        <div class="tl-axis" role="group" aria-label=label>
            <div class="tl-track" on:keydown=on_track_key>
                {move || {
                    let a = axis.get();
                    a.pieces
                        .into_iter()
                        .map(|piece| match piece {
                            Piece::Gap { title, x, width, .. } => {
                                let hover = title.clone();
                                view! {
                                    <span
                                        class="tl-gap"
                                        title=hover
                                        style:left=format!("{x:.3}%")
                                        style:width=format!("{width:.3}%")
                                    >
                                        <span class="visually-hidden">{title}</span>
                                    </span>
                                }
                                    .into_any()
                            }
                            Piece::Bucket(bucket) => {
                                view! { <AxisBucket bucket max=a.max_count /> }.into_any()
                            }
                        })
                        .collect_view()
                }}
            </div>
            {move || {
                let w = window.get();
                (!w.is_open())
                    .then(|| {
                        axis.with(|a| {
                            let left = w.after.map_or(0.0, |d| a.x_of(d));
                            let right = w.before.map_or(100.0, |d| a.x_of(d + 1));
                            let width = (right - left).max(0.5);
                            view! {
                                <div class="tl-window" aria-hidden="true">
                                    <span
                                        style:left=format!("{left:.3}%")
                                        style:width=format!("{width:.3}%")
                                    ></span>
                                </div>
                            }
                        })
                    })
            }}
            <div class="tl-ticks" aria-hidden="true">
                {move || {
                    axis.with(|a| {
                        a.pieces
                            .iter()
                            .filter_map(|p| match p {
                                Piece::Bucket(b) => b.tick.clone().map(|t| (t, b.x, b.width, b.tick_end)),
                                Piece::Gap { .. } => None,
                            })
                            .map(|(t, x, width, end)| {
                                if end {
                                    let right = (100.0 - x - width).max(0.0);
                                    Either::Left(
                                        view! {
                                            <span class="tl-tick end" style:right=format!("{right:.3}%")>
                                                {t}
                                            </span>
                                        },
                                    )
                                } else {
                                    Either::Right(
                                        view! {
                                            <span class="tl-tick" style:left=format!("{x:.3}%")>
                                                {t}
                                            </span>
                                        },
                                    )
                                }
                            })
                            .collect_view()
                    })
                }}
            </div>
        </div>
    }
}
