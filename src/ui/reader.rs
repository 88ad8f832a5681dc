//! The reader: one article, clean, with its removed text on request.

use super::article_block::ArticleBlock;
use super::article_meta::ArticleMeta;
use super::card_state::mention_element;
use super::corpus::use_corpus;
use super::entity_card::EntityCardPopup;
use super::filter_chip::FilterChip;
use super::legend::Legend;
use super::mention_mark::MarkedEntity;
use super::notices::Notices;
use super::paragraph_text::MarkedRange;
use super::removed_toggle::RemovedToggle;
use super::route::{href, use_route};
use crate::view_model::{blocks, Block, DateView, DisplayTitle, NoticeView};
use leptos::html::H1;
use leptos::prelude::*;

/// The first marked run of the reader's body, if the mark is shown.
fn first_passage_mark() -> Option<web_sys::HtmlElement> {
    use leptos::wasm_bindgen::JsCast;
    document()
        .query_selector(".body .passage-mark")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Shows the article at `index`: title, outlet, byline and date, notices,
/// the legend of entity types, then its paragraphs with every mention
/// highlighted (those of the URL's filtered entity marked), with removed
/// blocks in place when asked. A mention's card opens on hover or focus.
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

    let route = use_route();
    provide_context(MarkedEntity(Memo::new(move |_| route.with(|r| r.filter.entity.clone()))));
    provide_context(MarkedRange(Memo::new(move |_| route.with(|r| r.mark))));
    let back = move || route.with(|r| href(&r.library()));

    // Move focus to the mention the URL names, which opens its card, or to
    // the marked passage, scrolled to the middle of the window, or else to
    // the headline, so keyboard and screen-reader users start reading where
    // the link pointed.
    let heading = NodeRef::<H1>::new();
    let at = route.with_untracked(|r| r.at);
    let marked = route.with_untracked(|r| r.mark.is_some());
    Effect::new(move |_| {
        let Some(h1) = heading.get() else {
            return;
        };
        if let Some(mark) = marked.then(first_passage_mark).flatten() {
            request_animation_frame(move || {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Center);
                mark.scroll_into_view_with_scroll_into_view_options(&options);
                let focus = web_sys::FocusOptions::new();
                focus.set_prevent_scroll(true);
                let _ = mark.focus_with_options(&focus);
            });
            return;
        }
        match at.and_then(mention_element) {
            Some(mention) => {
                // After layout, so the card is placed next to it.
                request_animation_frame(move || {
                    let _ = mention.focus();
                });
            }
            None => {
                let _ = h1.focus();
            }
        }
    });

    view! {
        <nav class="reader-nav" aria-label="Back">
            <a class="back" href=back>
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
            <FilterChip prefix="Marked" />
            <Legend article=index />
            {empty
                .then(|| {
                    view! { <p class="empty-body">"This article has no clean text to show."</p> }
                })}
            <div class="body">
                <For
                    each=move || visible.get()
                    key=Block::key
                    children=move |block| view! { <ArticleBlock article=index block /> }
                />
            </div>
        </article>
        <EntityCardPopup article=index />
    }
    .into_any()
}
