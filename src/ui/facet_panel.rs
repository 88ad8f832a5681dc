//! The facet panel beside the library: live counts of the matching
//! articles by outlet, entity type, entity and publication date.

use super::facet_histogram::FacetHistogram;
use super::facet_list::FacetList;
use super::search_state::use_search;
use crate::view_model::search::FilterField;
use crossread_core::entities::EntityType;
use crossread_core::search::FacetCount;
use leptos::prelude::*;

/// Screens at least this wide show the panel open beside the list; on
/// narrower ones it starts folded above the list, so results come first.
const WIDE_SCREEN: &str = "(min-width: 52.01rem)";

/// Outlets, entity types, entities and a histogram of publication dates,
/// each counted over the articles the whole filter lets through. Choosing
/// a value sets that field of the URL's filter (choosing it again removes
/// it), so it shows as a chip and Back undoes it.
#[component]
pub fn FacetPanel() -> impl IntoView {
    let search = use_search();
    let facets = Memo::new(move |_| search.matches.with(|m| m.results.facets.clone()));
    let wide = window().match_media(WIDE_SCREEN).ok().flatten().is_some_and(|m| m.matches());
    view! {
        <details class="facet-panel" open=wide>
            <summary class="facet-panel-title">"Refine"</summary>
            <FacetHistogram dates=Signal::derive(move || facets.with(|f| f.dates.clone())) />
            <FacetList
                title="Outlet"
                field=FilterField::Outlet
                items=Signal::derive(move || facets.with(|f| f.outlets.clone()))
            />
            <FacetList
                title="Entity type"
                field=FilterField::Kind
                items=Signal::derive(move || facets.with(|f| readable_types(&f.entity_types)))
            />
            <FacetList
                title="Entity"
                field=FilterField::Entity
                items=Signal::derive(move || facets.with(|f| f.entities.clone()))
            />
        </details>
    }
}

/// Type facets named as the legend names them ("Group / nationality"
/// rather than the query-language code `norp`).
fn readable_types(counts: &[FacetCount]) -> Vec<FacetCount> {
    counts
        .iter()
        .map(|c| FacetCount {
            label: EntityType::parse(&c.value)
                .map_or_else(|| c.label.clone(), |t| t.label().into()),
            ..c.clone()
        })
        .collect()
}
