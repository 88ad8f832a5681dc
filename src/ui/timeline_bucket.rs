//! One bucket of the timeline's axis: a button with its density bars, which
//! chooses, stretches or brushes the filter's period.

use super::route::{use_go, use_route, RouteState};
use crate::view_model::route::Filter;
use crate::view_model::timeline::{brush, Bucket, Period, Window};
use leptos::ev;
use leptos::prelude::*;

/// The state one axis shares with its buckets: the filter's window, the
/// drag in progress and the bucket in the tab order.
#[derive(Clone, Copy)]
pub struct AxisState {
    /// The filter's period, as days.
    pub window: Memo<Window>,
    /// The bucket where a drag started, and the one under the pointer.
    pub anchor: RwSignal<Option<Bucket>>,
    /// The bucket under the pointer while dragging.
    pub over: RwSignal<Option<Bucket>>,
    /// Set once the pointer left the bucket it was pressed on.
    pub dragged: RwSignal<bool>,
    /// The `after` value of the one bucket in the tab order.
    pub tab_stop: Memo<Option<String>>,
}

/// Sets the filter's period, keeping the rest of the URL's state.
fn set_period(
    route: Memo<RouteState>,
    go: &impl Fn(RouteState, bool),
    after: String,
    before: String,
) {
    let state = route.get_untracked();
    let filter = Filter { after: Some(after), before: Some(before), ..state.filter.clone() };
    go(state.with_filter(filter), false);
}

/// A bucket: a button named by its period and count, with a bar for every
/// event and a darker one for those the filter shows. A click chooses its
/// period, Shift+click (or Shift+Enter) stretches the current one to it, and
/// a drag from another bucket brushes the stretch between them.
#[component]
pub fn AxisBucket(
    /// The bucket to draw.
    bucket: Bucket,
    /// The largest count on the axis, for the bars' heights.
    max: usize,
) -> impl IntoView {
    let state = expect_context::<AxisState>();
    let route = use_route();
    let go = use_go();
    let AxisState { window, anchor, over, dragged, tab_stop } = state;
    let period = bucket.period;
    let scale = |n: usize| format!("{:.1}%", 100.0 * n as f64 / max.max(1) as f64);
    let selected = move || {
        let w = window.get();
        !w.is_open() && w.admits(period)
    };
    let in_brush = move || match (anchor.get(), over.get()) {
        (Some(a), Some(b)) => {
            Period::new(a.period.first.min(b.period.first), a.period.last.max(b.period.last))
                .overlaps(period)
        }
        _ => false,
    };
    let key = bucket.after.clone();
    let tabindex =
        move || if tab_stop.with(|t| t.as_deref() == Some(key.as_str())) { "0" } else { "-1" };
    let name = bucket.name();
    let b = StoredValue::new(bucket.clone());
    let go_up = go.clone();
    let on_up = move |_| {
        if let (true, Some(a)) = (dragged.get_untracked(), anchor.get_untracked()) {
            let (after, before) = b.with_value(|b| brush(&a, b));
            set_period(route, &go_up, after, before);
        }
    };
    let on_click = move |e: ev::MouseEvent| {
        if dragged.get_untracked() {
            dragged.set(false);
            return;
        }
        let (after, before) = route.with_untracked(|r| {
            b.with_value(|b| {
                b.choose(e.shift_key(), r.filter.after.as_deref(), r.filter.before.as_deref())
            })
        });
        set_period(route, &go, after, before);
    };
    view! {
        <button
            type="button"
            class="tl-bucket"
            class:empty=bucket.count == 0
            class:selected=selected
            class:brushing=in_brush
            tabindex=tabindex
            aria-pressed=move || selected().to_string()
            aria-label=name.clone()
            title=name
            data-after=bucket.after.clone()
            data-before=bucket.before.clone()
            style:left=format!("{:.3}%", bucket.x)
            style:width=format!("{:.3}%", bucket.width)
            on:mousedown=move |e: ev::MouseEvent| {
                if e.button() == 0 {
                    e.prevent_default();
                    anchor.set(Some(b.get_value()));
                    over.set(Some(b.get_value()));
                    dragged.set(false);
                }
            }
            on:mouseenter=move |_| {
                if anchor.with_untracked(Option::is_some) {
                    over.set(Some(b.get_value()));
                    dragged.set(true);
                }
            }
            on:mouseup=on_up
            on:click=on_click
        >
            <span class="tl-bar all" style:height=scale(bucket.count)></span>
            <span class="tl-bar shown" style:height=scale(bucket.shown)></span>
        </button>
    }
}
