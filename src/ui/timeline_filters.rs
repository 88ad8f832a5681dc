//! The timeline's filter bar: entity, outlet, the library's search, and
//! the period chosen on the axis.

use super::corpus::use_corpus;
use super::entity_state::use_entities;
use super::route::{use_go, use_route};
use super::time_state::use_times;
use crate::view_model::route::Filter;
use crate::view_model::timeline::{entity_choices, Period};
use leptos::prelude::*;

/// The period of the filter in words: "December 2019", "from 2003",
/// "2019-12-29 to 2020-01".
fn period_words(after: Option<&str>, before: Option<&str>) -> Option<String> {
    match (after, before) {
        (Some(a), Some(b)) if a == b => Some(a.to_string()),
        (Some(a), Some(b)) => Some(format!("{a} to {b}")),
        (Some(a), None) => Some(format!("from {a}")),
        (None, Some(b)) => Some(format!("until {b}")),
        (None, None) => None,
    }
}

/// Pickers for the entity and the outlet (both written to the URL's
/// filter, so the library follows), a note on the library's search words
/// when set, and the period with its "Reset period" button.
#[component]
pub fn TimelineFilters() -> impl IntoView {
    let corpus = use_corpus();
    let times = use_times();
    let entities = use_entities();
    let route = use_route();
    let go = use_go();
    let filter = Memo::new(move |_| route.with(|r| r.filter.clone()));

    // (id, "Name (type, n events)") for every entity of an event.
    let entity_options = Memo::new(move |_| {
        entities.index.with(|ix| {
            times.events.with_value(|events| {
                entities.rows.with(|rows| {
                    entity_choices(events, &ix.mentions)
                        .into_iter()
                        .filter_map(|(id, n)| {
                            let row = rows.get(&id)?;
                            let events =
                                if n == 1 { "1 event".into() } else { format!("{n} events") };
                            Some((id, format!("{} ({}, {events})", row.name, row.kind.label())))
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    let outlet_options: Vec<String> = corpus.0.with_value(|articles| {
        let mut names: Vec<String> = articles
            .iter()
            .filter_map(|a| a.outlet.as_ref().map(|o| o.value.trim().to_string()))
            .filter(|o| !o.is_empty())
            .collect();
        names.sort();
        names.dedup();
        names
    });

    let set = {
        let go = go.clone();
        move |change: &dyn Fn(&mut Filter)| {
            let state = route.get_untracked();
            let mut f = state.filter.clone();
            change(&mut f);
            go(state.with_filter(f), false);
        }
    };
    let set_entity = {
        let set = set.clone();
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            set(&|f: &mut Filter| f.entity = (!v.is_empty()).then(|| v.clone()));
        }
    };
    let set_outlet = {
        let set = set.clone();
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            set(&|f: &mut Filter| f.outlet = (!v.is_empty()).then(|| v.clone()));
        }
    };
    let clear_query = {
        let set = set.clone();
        move |_| set(&|f: &mut Filter| f.query.clear())
    };
    let reset_period = move |_| {
        set(&|f: &mut Filter| {
            f.after = None;
            f.before = None;
        })
    };
    let period = Memo::new(move |_| {
        filter.with(|f| {
            let valid = |v: &Option<String>| v.clone().filter(|v| Period::parse(v).is_some());
            period_words(valid(&f.after).as_deref(), valid(&f.before).as_deref())
        })
    });

    view! {
        <div class="tl-filters">
            <label class="tl-field">
                <span>"Entity"</span>
                <select aria-label="Entity" on:change=set_entity prop:value=move || filter.with(|f| f.entity.clone().unwrap_or_default())>
                    <option value="">"Any entity"</option>
                    {move || {
                        let current = filter.with(|f| f.entity.clone());
                        let options = entity_options.get();
                        let known = current.as_ref().is_none_or(|c| options.iter().any(|(id, _)| id == c));
                        let extra = current
                            .filter(|_| !known)
                            .map(|c| {
                                let text = c.clone();
                                view! { <option value=c selected=true>{text}</option> }
                            });
                        view! {
                            {extra}
                            {options
                                .into_iter()
                                .map(|(id, text)| {
                                    let selected = filter.with_untracked(|f| f.entity.as_deref() == Some(id.as_str()));
                                    view! { <option value=id selected=selected>{text}</option> }
                                })
                                .collect_view()}
                        }
                    }}
                </select>
            </label>
            <label class="tl-field">
                <span>"Outlet"</span>
                <select aria-label="Outlet" on:change=set_outlet prop:value=move || filter.with(|f| f.outlet.clone().unwrap_or_default())>
                    <option value="">"Any outlet"</option>
                    {outlet_options
                        .into_iter()
                        .map(|o| {
                            let value = o.clone();
                            let selected = move || filter.with(|f| f.outlet.as_deref() == Some(value.as_str()));
                            let text = o.clone();
                            view! { <option value=o selected=selected>{text}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
            {move || {
                let q = filter.with(|f| f.query.trim().to_string());
                let clear_query = clear_query.clone();
                (!q.is_empty())
                    .then(|| {
                        view! {
                            <p class="tl-note">
                                {format!("Only articles matching the search “{q}”. ")}
                                <button type="button" class="link-button" on:click=clear_query>
                                    "Clear search"
                                </button>
                            </p>
                        }
                    })
            }}
            <p class="tl-period">
                {move || match period.get() {
                    Some(p) => format!("Period: {p}"),
                    None => "Period: all dates. Click or drag on the axis to choose one.".to_string(),
                }}
                " "
                <button
                    type="button"
                    class="tl-reset"
                    on:click=reset_period
                    disabled=move || filter.with(|f| f.after.is_none() && f.before.is_none())
                >
                    "Reset period"
                </button>
            </p>
        </div>
    }
}
