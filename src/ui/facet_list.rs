//! One facet: its values with live counts, as toggle buttons.

use super::route::{use_go, use_route};
use crate::view_model::search::{thousands, FilterField, FACET_PREVIEW};
use crossread_core::search::FacetCount;
use leptos::prelude::*;

/// The values of one facet, most frequent first, each a button that sets
/// `field` of the URL's filter to it (pressed: set; pressing again removes
/// it). The first few are shown, the rest behind "Show all".
#[component]
pub fn FacetList(
    /// The facet's heading, such as "Outlet".
    title: &'static str,
    /// The filter field a value sets.
    field: FilterField,
    /// The values and their counts.
    #[prop(into)]
    items: Signal<Vec<FacetCount>>,
) -> impl IntoView {
    let route = use_route();
    let go = use_go();
    let expanded = RwSignal::new(false);
    let active = Memo::new(move |_| route.with(|r| field.get(&r.filter).map(str::to_string)));
    let shown = Memo::new(move |_| {
        let all = items.get();
        if expanded.get() {
            all
        } else {
            all.into_iter().take(FACET_PREVIEW).collect()
        }
    });
    let hidden = move || items.with(Vec::len).saturating_sub(FACET_PREVIEW);
    view! {
        <Show when=move || items.with(|i| !i.is_empty())>
            <section class="facet">
                <h3 class="facet-title">{title}</h3>
                <ul class="facet-values">
                    <For
                        each=move || shown.get()
                        // A value keeps its row while typing; only its
                        // count changes.
                        key=|f| f.value.clone()
                        children={
                            let go = go.clone();
                            move |f| {
                                let go = go.clone();
                                let value = f.value.clone();
                                let pressed = {
                                    let value = value.clone();
                                    move || active.with(|a| a.as_deref() == Some(value.as_str()))
                                };
                                let count = {
                                    let value = value.clone();
                                    Memo::new(move |_| {
                                        items.with(|all| {
                                            all.iter().find(|x| x.value == value).map_or(0, |x| x.count)
                                        })
                                    })
                                };
                                let name = f.label.clone();
                                let label = move || {
                                    let n = count.get();
                                    format!("{name}: {n} {}", if n == 1 { "article" } else { "articles" })
                                };
                                view! {
                                    <li>
                                        <button
                                            type="button"
                                            class="facet-value"
                                            aria-pressed=move || if pressed() { "true" } else { "false" }
                                            aria-label=label
                                            on:click=move |_| {
                                                let state = route.get_untracked();
                                                let on = field.get(&state.filter) == Some(value.as_str());
                                                let next = field.set(&state.filter, (!on).then(|| value.clone()));
                                                go(state.with_filter(next), false);
                                            }
                                        >
                                            <span class="facet-label">{f.label}</span>
                                            <span class="facet-count">{move || thousands(count.get())}</span>
                                        </button>
                                    </li>
                                }
                            }
                        }
                    />
                </ul>
                <Show when=move || { hidden() > 0 }>
                    <button
                        type="button"
                        class="facet-more"
                        aria-expanded=move || if expanded.get() { "true" } else { "false" }
                        on:click=move |_| expanded.update(|e| *e = !*e)
                    >
                        {move || if expanded.get() { "Show fewer".to_string() } else { format!("Show all ({} more)", hidden()) }}
                    </button>
                </Show>
            </section>
        </Show>
    }
}
