//! The page for a URL naming an article that does not exist.

use super::route::library_href;
use leptos::prelude::*;

/// Says that no article has this id, with a link back to the library.
#[component]
pub fn NotFound(
    /// The id the URL asked for.
    id: String,
) -> impl IntoView {
    view! {
        <section class="not-found" aria-labelledby="not-found-title">
            <h1 id="not-found-title">"No such article"</h1>
            <p>
                "There is no article with the id " <code>{id}</code>
                ". It may have been removed, or the link may be mistyped."
            </p>
            <p>
                <a class="back" href=library_href()>
                    "Library"
                </a>
            </p>
        </section>
    }
}
