//! The timeline's overview axis: event density per bucket, long empty
//! stretches compressed, and brushing to a period.

use super::route::{use_go, use_route};
use crate::view_model::route::Filter;
use crate::view_model::timeline::{brush, Axis, Bucket, Period, Piece, Window};
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
    let go = use_go();
    let axis = Memo::new(move |_| {
        let d = domain.get();
        all.with_value(|a| shown.with(|s| Axis::layout(d, a, s)))
    });
    let window = Memo::new(move |_| {
        route.with(|r| Window::of(r.filter.after.as_deref(), r.filter.before.as_deref()))
    });
    // Dragging: the bucket pressed and the one under the pointer.
    let anchor = RwSignal::new(None::<Bucket>);
    let over = RwSignal::new(None::<Bucket>);
    let dragged = RwSignal::new(false);
    let up = window_event_listener(ev::mouseup, move |_| {
        anchor.set(None);
        over.set(None);
    });
    on_cleanup(move || up.remove());

    let set_period = move |after: String, before: String| {
        let filter = route.with_untracked(|r| r.filter.clone());
        let state = route.get_untracked();
        go(state.with_filter(Filter { after: Some(after), before: Some(before), ..filter }), false);
    };
    let choose = {
        let set_period = set_period.clone();
        move |bucket: &Bucket, extend: bool| {
            let w = window.get_untracked();
            let current = route.with_untracked(|r| r.filter.clone());
            // Stretching keeps the side of the current period that already
            // reaches past the bucket.
            let keep_after = extend && w.after.is_some_and(|a| a < bucket.period.first);
            let keep_before = extend && w.before.is_some_and(|b| b > bucket.period.last);
            let after = match current.after {
                Some(a) if keep_after => a,
                _ => bucket.after.clone(),
            };
            let before = match current.before {
                Some(b) if keep_before => b,
                _ => bucket.before.clone(),
            };
            set_period(after, before);
        }
    };
    let in_brush = move |period: Period| match (anchor.get(), over.get()) {
        (Some(a), Some(b)) => {
            Period::new(a.period.first.min(b.period.first), a.period.last.max(b.period.last))
                .overlaps(period)
        }
        _ => false,
    };
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

    view! {
        <div class="tl-axis" role="group" aria-label=label>
            <div class="tl-track" on:keydown=on_track_key>
                {move || {
                    let a = axis.get();
                    let max = a.max_count.max(1) as f64;
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
                                let b = bucket.clone();
                                let period = b.period;
                                let all_h = 100.0 * b.count as f64 / max;
                                let shown_h = 100.0 * b.shown as f64 / max;
                                let name = match (b.count, b.shown) {
                                    (0, _) => format!("{}: no events", b.title),
                                    (c, s) if s == c => format!("{}: {c} events", b.title),
                                    (c, s) => format!("{}: {s} of {c} events shown", b.title),
                                };
                                let value = b.after.clone();
                                let (down_b, enter_b, up_b, click_b) =
                                    (b.clone(), b.clone(), b.clone(), b.clone());
                                let choose = choose.clone();
                                let set_period = set_period.clone();
                                view! {
                                    <button
                                        type="button"
                                        class="tl-bucket"
                                        class:empty=b.count == 0
                                        class:selected=move || {
                                            let w = window.get();
                                            !w.is_open() && w.admits(period)
                                        }
                                        class:brushing=move || in_brush(period)
                                        tabindex=move || {
                                            if tab_stop.with(|t| t.as_deref() == Some(value.as_str())) {
                                                "0"
                                            } else {
                                                "-1"
                                            }
                                        }
                                        aria-pressed=move || {
                                            let w = window.get();
                                            (!w.is_open() && w.admits(period)).to_string()
                                        }
                                        aria-label=name.clone()
                                        title=name
                                        data-after=b.after.clone()
                                        data-before=b.before.clone()
                                        style:left=format!("{:.3}%", b.x)
                                        style:width=format!("{:.3}%", b.width)
                                        on:mousedown=move |e: ev::MouseEvent| {
                                            if e.button() == 0 {
                                                e.prevent_default();
                                                anchor.set(Some(down_b.clone()));
                                                over.set(Some(down_b.clone()));
                                                dragged.set(false);
                                            }
                                        }
                                        on:mouseenter=move |_| {
                                            if anchor.with_untracked(Option::is_some) {
                                                over.set(Some(enter_b.clone()));
                                                dragged.set(true);
                                            }
                                        }
                                        on:mouseup=move |_| {
                                            if let (true, Some(a)) = (dragged.get_untracked(), anchor.get_untracked()) {
                                                let (after, before) = brush(&a, &up_b);
                                                set_period(after, before);
                                            }
                                        }
                                        on:click=move |e: ev::MouseEvent| {
                                            if dragged.get_untracked() {
                                                dragged.set(false);
                                                return;
                                            }
                                            choose(&click_b, e.shift_key());
                                        }
                                    >
                                        <span class="tl-bar all" style:height=format!("{all_h:.1}%")></span>
                                        <span class="tl-bar shown" style:height=format!("{shown_h:.1}%")></span>
                                    </button>
                                }
                                    .into_any()
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
