//! One group of the timeline (a day, month or year) and its entries.

use super::corpus::use_corpus;
use super::entity_state::use_entities;
use super::route::{href, use_go, use_route, RouteState};
use super::time_state::use_times;
use crate::view_model::highlight::type_class;
use crate::view_model::timeline::{
    describe_conflict, entities_of, outlet_name, outlets, precision_word, summary_runs,
    ConflictLine, Group,
};
use crossread_core::time::Granularity;
use leptos::either::Either;
use leptos::ev;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// A group heading with its date at the group's own precision (a month or
/// a year is never given a day), then its entries.
#[component]
pub fn TimelineGroup(
    /// The group to show.
    group: Group,
) -> impl IntoView {
    let Group { label, iso, precision, events, .. } = group;
    let coarse = precision != Granularity::Day;
    view! {
        <section class="tl-group" data-precision=precision.code()>
            <h2 class="tl-group-date">
                <time datetime=iso>{label}</time>
                {coarse
                    .then(|| {
                        view! {
                            <span class="tl-precision">
                                {format!("{} only", precision_word(precision))}
                            </span>
                        }
                    })}
            </h2>
            <ol class="tl-entries">
                {events.into_iter().map(|index| view! { <TimelineEntry index /> }).collect_view()}
            </ol>
        </section>
    }
}

/// What an entry shows about one source.
#[derive(Clone)]
struct SourceView {
    /// The reader, scrolled to the sentence and marked.
    state: Option<RouteState>,
    /// The outlet (or file name).
    outlet: String,
    /// The sentence as written.
    sentence: String,
    /// The words that date it, when it has its own.
    date_text: Option<String>,
}

/// One event: its date, its summary with entities highlighted, the outlets
/// reporting it, where they disagree, and every source sentence (each a
/// link to the reader, the sentence marked). The entry is focusable;
/// Enter or a click on it opens its first source.
#[component]
pub fn TimelineEntry(
    /// The event's position in the corpus's events.
    index: usize,
) -> impl IntoView {
    let corpus = use_corpus();
    let times = use_times();
    let entities = use_entities();
    let route = use_route();
    let go = use_go();
    let Some(event) = times.events.with_value(|ev| ev.get(index).cloned()) else {
        return ().into_any();
    };
    let state = route.get_untracked();
    let (badges, conflicts, sources): (Vec<String>, Vec<ConflictLine>, Vec<SourceView>) =
        corpus.0.with_value(|articles| {
            let name = |a: usize| articles.get(a).map(outlet_name).unwrap_or_else(|| "?".into());
            let sources = event
                .sources
                .iter()
                .map(|s| SourceView {
                    state: articles
                        .get(s.article)
                        .map(|a| state.reader_marked(&a.id, s.span.start, s.span.end)),
                    outlet: name(s.article),
                    sentence: s.sentence.clone(),
                    date_text: s.date_text.clone(),
                })
                .collect();
            let conflicts = event.conflicts.iter().map(|c| describe_conflict(c, name)).collect();
            (outlets(&event, articles), conflicts, sources)
        });
    let first = sources.first().and_then(|s| s.state.clone());
    let date = crate::view_model::timeline::date_label(&event.date, event.precision);
    let precision = event.precision;
    let id = event.id.clone();
    let marked = Memo::new(move |_| route.with(|r| r.filter.entity.clone()));
    let runs = Memo::new({
        let event = event.clone();
        move |_| entities.index.with(|ix| summary_runs(&event, &ix.mentions))
    });
    // The entities involved, for the entity filter and for tests.
    let involved = Memo::new({
        let event = event.clone();
        move |_| entities.index.with(|ix| entities_of(&event, &ix.mentions).join(" "))
    });
    let n = sources.len();
    let open_first = move || {
        if let Some(state) = first.clone() {
            go(state, true);
        }
    };
    let on_key = {
        let open_first = open_first.clone();
        move |e: ev::KeyboardEvent| {
            let on_entry = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| el.class_list().contains("tl-entry"));
            if on_entry && e.key() == "Enter" {
                e.prevent_default();
                open_first();
            }
        }
    };
    let on_click = move |e: ev::MouseEvent| {
        // Links and the source list keep their own behaviour.
        let inside_control = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| el.closest("a, button, details, select").ok().flatten().is_some());
        if !inside_control {
            open_first();
        }
    };
    let label = format!("{date}: {}", event.summary);

    view! {
        <li
            class="tl-entry"
            tabindex="0"
            data-event=id
            data-precision=precision.code()
            data-entities=move || involved.get()
            aria-label=label
            on:keydown=on_key
            on:click=on_click
        >
            <p class="tl-when">
                <time datetime=event.date.value.clone()>{date}</time>
            </p>
            <p class="tl-summary">
                <For
                    each=move || runs.get()
                    key=|r| (r.start, r.text.clone(), r.mention.clone())
                    children=move |run| match run.mention {
                        None => Either::Left(run.text),
                        Some(m) => {
                            let entity = m.entity.clone();
                            Either::Right(
                                view! {
                                    <span
                                        class=format!("mention {}", type_class(m.kind))
                                        class:marked=move || {
                                            marked.with(|x| x.as_deref() == Some(entity.as_str()))
                                        }
                                        data-entity=m.entity.clone()
                                        data-type=m.kind.code()
                                    >
                                        {run.text}
                                    </span>
                                },
                            )
                        }
                    }
                />
            </p>
            {move || {
                // The filtered entity, when only the sources name it.
                let id = marked.get()?;
                let in_summary = runs
                    .with(|rs| rs.iter().any(|r| r.mention.as_ref().is_some_and(|m| m.entity == id)));
                let name = entities.rows.with(|rows| rows.get(&id).map(|r| r.name.clone()))?;
                (!in_summary)
                    .then(|| view! { <p class="tl-involves">{format!("{name} is named in its sources.")}</p> })
            }}
            <ul class="tl-outlets" aria-label="Reported by">
                {badges
                    .into_iter()
                    .map(|b| view! { <li class="tl-outlet">{b}</li> })
                    .collect_view()}
            </ul>
            {(!conflicts.is_empty())
                .then(|| {
                    view! {
                        <div class="tl-conflict" role="note">
                            <span class="tl-conflict-mark" aria-hidden="true">
                                "≠"
                            </span>
                            <span class="tl-conflict-title">"Sources differ"</span>
                            <ul>
                                {conflicts
                                    .into_iter()
                                    .map(|c| view! { <li>{c.text}</li> })
                                    .collect_view()}
                            </ul>
                        </div>
                    }
                })}
            <details class="tl-sources">
                <summary>
                    {if n == 1 { "1 source sentence".to_string() } else { format!("{n} source sentences") }}
                </summary>
                <ol>
                    {sources
                        .into_iter()
                        .map(|s| {
                            view! {
                                <li>
                                    <a class="tl-source" href=s.state.as_ref().map(href)>
                                        {s.sentence}
                                    </a>
                                    <span class="tl-source-meta">
                                        {format!(" — {}", s.outlet)}
                                        {s.date_text.map(|d| format!(", “{d}”"))}
                                    </span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </details>
        </li>
    }
    .into_any()
}
