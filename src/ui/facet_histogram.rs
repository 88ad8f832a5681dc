//! The histogram of publication dates, its bars buttons.

use super::route::{use_go, use_route};
use crate::view_model::search::{date_bars, thousands, with_period};
use crossread_core::search::DateHistogram;
use leptos::prelude::*;

/// Bars of the matching articles' publication dates, by month (or year);
/// each bar is a button that narrows the filter to its period (`after` and
/// `before`), pressed while it is the whole period. Undated articles are
/// counted below.
#[component]
pub fn FacetHistogram(
    /// The dates of the matching articles.
    #[prop(into)]
    dates: Signal<DateHistogram>,
) -> impl IntoView {
    let route = use_route();
    let go = use_go();
    let bars = Memo::new(move |_| dates.with(date_bars));
    let undated = move || dates.with(|d| d.undated);
    let range = move || {
        bars.with(|b| match (b.first(), b.last()) {
            (Some(first), Some(last)) if b.len() > 1 => format!("{} – {}", first.label, last.label),
            (Some(first), _) => first.label.clone(),
            _ => String::new(),
        })
    };
    view! {
        <Show when=move || { bars.with(|b| !b.is_empty()) || undated() > 0 }>
            <section class="facet">
                <h3 class="facet-title">"Published"</h3>
                <div class="histogram" role="group" aria-label="Publication dates">
                    <For
                        each=move || bars.get()
                        key=|b| (b.label.clone(), b.count)
                        children={
                            let go = go.clone();
                            move |bar| {
                                let go = go.clone();
                                let label = bar.label.clone();
                                let pressed = {
                                    let label = label.clone();
                                    move || route.with(|r| r.filter.after.as_deref() == Some(label.as_str()) && r.filter.before.as_deref() == Some(label.as_str()))
                                };
                                let height = format!("height: {}%", bar.percent);
                                view! {
                                    <button
                                        type="button"
                                        class="bar"
                                        class:empty=bar.count == 0
                                        title=bar.describe.clone()
                                        aria-label=bar.describe
                                        aria-pressed=move || if pressed() { "true" } else { "false" }
                                        on:click=move |_| {
                                            let state = route.get_untracked();
                                            go(state.with_filter(with_period(&state.filter, &label)), false);
                                        }
                                    >
                                        <span class="bar-fill" style=height></span>
                                    </button>
                                }
                            }
                        }
                    />
                </div>
                <p class="histogram-range">{range}</p>
                <Show when=move || { undated() > 0 }>
                    <p class="histogram-undated">{move || format!("{} undated", thousands(undated()))}</p>
                </Show>
            </section>
        </Show>
    }
}
