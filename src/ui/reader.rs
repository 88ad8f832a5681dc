//! The reader: one article, clean, with its removed text on request.

use super::article_block::ArticleBlock;
use super::article_meta::ArticleMeta;
use super::corpus::use_corpus;
use super::notices::Notices;
use super::removed_toggle::RemovedToggle;
use super::route::library_href;
use crate::view_model::{blocks, Block, DateView, DisplayTitle, NoticeView};
use leptos::html::H1;
use leptos::prelude::*;

/// Shows the article at `index`: title, outlet, byline and date, notices,
/// then its paragraphs, with removed blocks in place when asked.
#[component]
pub fn Reader(
    /// The article's position in the corpus.
    index: usize,
    /// Whether removed text is shown in place (from the URL).
    #[prop(into)]
    show_removed: Signal<bool>,
) -> impl IntoView {
    let corpus = use_corpus();
    let Some((title, outlet, byline, date, notices, all_blocks)) =
        corpus.with_article(index, |a| {
            (
                DisplayTitle::of(a),
                a.outlet.as_ref().map(|f| f.value.clone()),
                a.byline.as_ref().map(|f| f.value.clone()),
                DateView::of(a),
                NoticeView::all(a),
                blocks(a),
            )
        })
    else {
        // The app only asks for positions it found; say so plainly anyway.
        return view! { <p class="notice">"This article could not be opened."</p> }.into_any();
    };

    let removed_count = all_blocks.iter().filter(|b| b.is_removed()).count();
    let empty = all_blocks.iter().all(Block::is_removed);
    let all_blocks = StoredValue::new(all_blocks);
    let visible = Memo::new(move |_| {
        let show = show_removed.get();
        all_blocks.with_value(|all| {
            all.iter().filter(|b| show || !b.is_removed()).cloned().collect::<Vec<_>>()
        })
    });

    // Move focus to the headline so keyboard and screen-reader users start
    // reading at the top of the article they opened.
    let heading = NodeRef::<H1>::new();
    Effect::new(move |_| {
        if let Some(h1) = heading.get() {
            let _ = h1.focus();
        }
    });

    view! {
        <nav class="reader-nav" aria-label="Back">
            <a class="back" href=library_href()>
                "Library"
            </a>
        </nav>
        <article class="reader" class:untitled=title.untitled>
            <header class="reader-header">
                <h1 node_ref=heading tabindex="-1">
                    {title.text}
                </h1>
                <ArticleMeta outlet byline date />
            </header>
            <Notices notices />
            <RemovedToggle checked=show_removed count=removed_count />
            {empty
                .then(|| {
                    view! { <p class="empty-body">"This article has no clean text to show."</p> }
                })}
            <div class="body">
                <For
                    each=move || visible.get()
                    key=Block::key
                    children=move |block| view! { <ArticleBlock block /> }
                />
            </div>
        </article>
    }
    .into_any()
}
