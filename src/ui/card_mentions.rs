//! The "Mentions" part of an entity card.

use super::card_state::mention_element;
use super::corpus::use_corpus;
use super::entity_state::{use_entities, Entities};
use super::route::{href, RouteState};
use crate::view_model::entity_list::{mention_spans, EntityCard};
use crate::view_model::DisplayTitle;
use leptos::either::Either;
use leptos::prelude::*;

/// Moves focus to the previous (`step` -1) or next (+1) mention of `entity`
/// in `article`, around the end, starting from the mention at `start`.
fn step_to(entities: Entities, article: usize, entity: &str, start: usize, step: isize) {
    let spans = entities.index.with_untracked(|ix| mention_spans(ix, article, entity));
    let Some(here) = spans.iter().position(|s| s.start == start) else {
        return;
    };
    let len = spans.len().cast_signed();
    let next = (here.cast_signed() + step).rem_euclid(len.max(1));
    if let Some(el) = spans.get(next.unsigned_abs()).and_then(|s| mention_element(s.start)) {
        let _ = el.focus();
    }
}

/// How often the entity is mentioned in each article: the open article with
/// buttons to the previous and next mention, every other one as a link that
/// opens it at its first mention (with the entity marked).
#[component]
pub fn CardMentions(
    /// The open article's corpus position.
    article: usize,
    /// Byte offset of the mention the card is for.
    start: usize,
    /// The entity's card.
    card: EntityCard,
) -> impl IntoView {
    let corpus = use_corpus();
    let entities = use_entities();
    let EntityCard { id, total, articles, .. } = card;
    let summary = match (total, articles.len()) {
        (1, _) => "1 mention".to_string(),
        (n, 1) => format!("{n} mentions in 1 article"),
        (n, a) => format!("{n} mentions in {a} articles"),
    };
    let marked = RouteState::default().with_entity(Some(id.clone()));
    let rows = articles
        .into_iter()
        .map(|a| {
            let count = format!("{}×", a.count);
            if a.article == article {
                let (prev_id, next_id) = (id.clone(), id.clone());
                let steps = (a.count > 1).then(|| {
                    view! {
                        <button
                            type="button"
                            class="step"
                            aria-label="Previous mention in this article"
                            on:click=move |_| step_to(entities, article, &prev_id, start, -1)
                        >
                            "↑"
                        </button>
                        <button
                            type="button"
                            class="step"
                            aria-label="Next mention in this article"
                            on:click=move |_| step_to(entities, article, &next_id, start, 1)
                        >
                            "↓"
                        </button>
                    }
                });
                Either::Left(view! {
                    <li class="here">
                        <span class="where">"This article"</span>
                        <span class="count">{count}</span>
                        {steps}
                    </li>
                })
            } else {
                let (title, article_id) = corpus
                    .with_article(a.article, |x| (DisplayTitle::of(x).text, x.id.clone()))
                    .unwrap_or_default();
                let link = href(&marked.reader(&article_id, Some(a.first)));
                Either::Right(view! {
                    <li>
                        <a class="where" href=link>
                            {title}
                        </a>
                        <span class="count">{count}</span>
                    </li>
                })
            }
        })
        .collect_view();
    view! {
        <section class="card-mentions" aria-label="Mentions">
            <h3>{summary}</h3>
            <ul>{rows}</ul>
        </section>
    }
}
