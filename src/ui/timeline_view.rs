//! The timeline: the events of the articles the URL's filter lets through,
//! grouped by day, month or year, under an overview axis.

use super::corpus::use_corpus;
use super::entity_state::use_entities;
use super::route::{href, use_route};
use super::search_state::use_search;
use super::time_state::use_times;
use super::timeline_axis::TimelineAxis;
use super::timeline_entry::TimelineGroup;
use super::timeline_filters::TimelineFilters;
use crate::view_model::timeline::{groups, shown_events, EventFilter, Period, Window};
use leptos::ev;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// An element as an [`HtmlElement`](web_sys::HtmlElement), if it is one.
fn html(el: Option<web_sys::Element>) -> Option<web_sys::HtmlElement> {
    el.and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
}

/// The entry after (`forward`) or before `entry`, crossing into the next
/// or previous group.
fn neighbour(entry: &web_sys::Element, forward: bool) -> Option<web_sys::HtmlElement> {
    let sibling =
        if forward { entry.next_element_sibling() } else { entry.previous_element_sibling() };
    if sibling.is_some() {
        return html(sibling);
    }
    let group = entry.closest(".tl-group").ok().flatten()?;
    let mut other =
        if forward { group.next_element_sibling() } else { group.previous_element_sibling() };
    while let Some(g) = other {
        let selector = if forward { ".tl-entry" } else { ".tl-entry:last-of-type" };
        if let Some(found) = g.query_selector(selector).ok().flatten() {
            return html(Some(found));
        }
        other = if forward { g.next_element_sibling() } else { g.previous_element_sibling() };
    }
    None
}

/// The entry of event `id`, if it is on the page.
fn entry_of(id: &str) -> Option<web_sys::HtmlElement> {
    let escaped = id.replace('\\', "\\\\").replace('"', "\\\"");
    html(document().query_selector(&format!(".tl-entry[data-event=\"{escaped}\"]")).ok().flatten())
}

/// Moves focus between entries with the arrow keys, Home and End, when
/// focus is on an entry itself (not on a link or button inside it).
fn on_list_key(e: ev::KeyboardEvent) {
    let Some(active) = document().active_element() else { return };
    if !active.class_list().contains("tl-entry") {
        return;
    }
    let target = match e.key().as_str() {
        "ArrowDown" => neighbour(&active, true),
        "ArrowUp" => neighbour(&active, false),
        "Home" => html(document().query_selector(".tl-entry").ok().flatten()),
        "End" => html(
            document()
                .query_selector(".tl-group:last-of-type .tl-entry:last-of-type")
                .ok()
                .flatten(),
        ),
        _ => return,
    };
    if let Some(el) = target {
        e.prevent_default();
        let _ = el.focus();
    }
}

/// Shows the timeline: filters, the overview axis (and a zoomed one when a
/// period is set), then the events grouped by their precision. The search,
/// entity, outlet and period all come from the URL's filter.
#[component]
pub fn TimelineView() -> impl IntoView {
    let corpus = use_corpus();
    let times = use_times();
    let entities = use_entities();
    let search = use_search();
    let route = use_route();
    let filter = Memo::new(move |_| route.with(|r| r.filter.clone()));
    let window =
        Memo::new(move |_| filter.with(|f| Window::of(f.after.as_deref(), f.before.as_deref())));

    let shown = Memo::new(move |_| {
        filter.with(|f| {
            search.matches.with(|m| {
                entities.index.with(|ix| {
                    times.events.with_value(|events| {
                        let by = EventFilter { entity: f.entity.as_deref(), window: window.get() };
                        shown_events(events, |a| m.contains(a), by, &ix.mentions)
                    })
                })
            })
        })
    });
    let grouped = Memo::new(move |_| shown.with(|s| times.events.with_value(|ev| groups(ev, s))));
    let total = times.events.with_value(Vec::len);
    let articles = corpus.0.with_value(Vec::len);

    // The overview spans every event of the corpus.
    let all_periods: Vec<Period> =
        times.events.with_value(|ev| ev.iter().map(|e| Period::of(&e.date)).collect());
    let full = all_periods.iter().copied().reduce(Period::union);
    let all_periods = StoredValue::new(all_periods);
    let shown_periods = Memo::new(move |_| {
        shown.with(|s| {
            times.events.with_value(|ev| {
                s.iter().filter_map(|&i| ev.get(i)).map(|e| Period::of(&e.date)).collect::<Vec<_>>()
            })
        })
    });
    // Zoomed: the set period, within the corpus's range where it is open.
    let zoom = Memo::new(move |_| {
        let w = window.get();
        let full = full?;
        if w.is_open() {
            return None;
        }
        let first = w.after.unwrap_or(full.first);
        let last = w.before.unwrap_or(full.last);
        Some(Period::new(first, last))
    });

    let summary = move || {
        let n = shown.with(Vec::len);
        let filtered = filter.with(|f| !f.is_empty());
        match (total, n, filtered) {
            (0, _, _) => format!("No events were found in the {articles} articles."),
            (t, n, true) => format!("{n} of {t} events match the filter."),
            (1, _, false) => "1 event, from every article.".to_string(),
            (t, _, false) => format!("{t} events, from every article."),
        }
    };

    // Scroll to and focus the entry the URL names (from the reader). A
    // filter change drops the name from the URL, which ends this.
    let wanted = Memo::new(move |_| route.with(|r| r.event.clone()));
    let missing = RwSignal::new(false);
    Effect::new(move |_| {
        grouped.track();
        let Some(id) = wanted.get() else {
            missing.set(false);
            return;
        };
        let found = entry_of(&id);
        missing.set(found.is_none());
        if let Some(el) = found {
            request_animation_frame(move || {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Center);
                el.scroll_into_view_with_scroll_into_view_options(&options);
                let focus = web_sys::FocusOptions::new();
                focus.set_prevent_scroll(true);
                let _ = el.focus_with_options(&focus);
            });
        }
    });
    let show_all = move || {
        route.with(|r| {
            let mut all = r.with_filter(Default::default()).timeline();
            all.event = r.event.clone();
            href(&all)
        })
    };

    view! {
        <section class="timeline-view" aria-labelledby="timeline-title">
            <h1 id="timeline-title">"Timeline"</h1>
            <TimelineFilters />
            <p class="summary" aria-live="polite">
                {summary}
            </p>
            {move || {
                missing
                    .get()
                    .then(|| {
                        view! {
                            <p class="notice tl-missing">
                                "The event you followed is hidden by the current filter. "
                                <a href=show_all>"Show every event"</a>
                            </p>
                        }
                    })
            }}
            {full
                .map(|domain| {
                    view! {
                        <TimelineAxis
                            domain=Signal::derive(move || domain)
                            all=all_periods
                            shown=shown_periods
                            label="Overview of all events"
                        />
                    }
                })}
            {move || {
                zoom.get()
                    .map(|domain| {
                        view! {
                            <TimelineAxis
                                domain=Signal::derive(move || domain)
                                all=all_periods
                                shown=shown_periods
                                label="The chosen period"
                            />
                        }
                    })
            }}
            {move || {
                (shown.with(Vec::is_empty) && total > 0)
                    .then(|| {
                        view! {
                            <p class="tl-empty">"No event matches. Widen the period or remove a filter."</p>
                        }
                    })
            }}
            <div class="tl-list" on:keydown=on_list_key>
                <For
                    each=move || grouped.get()
                    key=|g| (g.key.clone(), g.events.clone())
                    children=move |group| view! { <TimelineGroup group /> }
                />
            </div>
        </section>
    }
}
