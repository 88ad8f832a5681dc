//! The library: every article of the corpus, with title, outlet and date.

use super::corpus::use_corpus;
use super::library_item::LibraryItem;
use crate::view_model::LibraryEntry;
use leptos::prelude::*;

/// Lists every article, including those that could not be read cleanly
/// (they carry a visible notice).
#[component]
pub fn Library() -> impl IntoView {
    let corpus = use_corpus();
    let entries = StoredValue::new(
        corpus.0.with_value(|articles| articles.iter().map(LibraryEntry::of).collect::<Vec<_>>()),
    );
    let count = entries.with_value(Vec::len);
    let summary = match count {
        0 => "No articles are bundled. Add files to the articles folder and rebuild.".to_string(),
        1 => "1 article about this story.".to_string(),
        n => format!("{n} articles about this story."),
    };

    view! {
        <section class="library-view" aria-labelledby="library-title">
            <h1 id="library-title">"Library"</h1>
            <p class="summary">{summary}</p>
            <ul class="library">
                <For
                    each=move || entries.get_value()
                    key=|entry| entry.id.clone()
                    children=move |entry| view! { <LibraryItem entry /> }
                />
            </ul>
        </section>
    }
}
