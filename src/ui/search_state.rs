//! The search index and the corpus as the URL's [`Filter`] narrows it,
//! shared through context. Every view filters through [`Search::matches`],
//! so search words, facets, an entity clicked anywhere and the timeline's
//! filters are one model.

use super::corpus::Corpus;
use super::entity_state::Entities;
use super::route::use_route;
use super::time_state::Times;
use crate::view_model::entity_list::mentions_per_article;
use crate::view_model::route::Filter;
use crossread_core::search::{FacetInput, Index, SearchOptions, SearchResults};
use leptos::prelude::*;
use std::sync::Arc;

/// The articles the filter lets through, and the search that chose them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Matches {
    /// False when nothing is filtered: every article matches.
    pub filtered: bool,
    /// `keep[i]`: article `i` matches (all true when not filtered).
    pub keep: Arc<Vec<bool>>,
    /// How many articles match.
    pub total: usize,
    /// The ranked search results (hits, facets, warnings, suggestion).
    pub results: Arc<SearchResults>,
    /// With an entity filter: how often article `i` mentions the entity.
    pub mentions: Option<Arc<Vec<usize>>>,
}

impl Matches {
    /// True when article `i` matches.
    pub fn contains(&self, i: usize) -> bool {
        self.keep.get(i).copied().unwrap_or(false)
    }
}

/// The index and the live matches; see the module docs.
#[derive(Clone, Copy)]
pub struct Search {
    /// The inverted index of the corpus, built once at start-up.
    #[expect(dead_code, reason = "read by the timeline and search views being built")]
    pub index: StoredValue<Index>,
    /// The articles the URL's filter lets through.
    pub matches: Memo<Matches>,
}

impl Search {
    /// Builds the index of `corpus` with the entity and event facets of the
    /// earlier steps, and follows the URL's filter. Must be created inside
    /// the router (it reads the URL).
    pub fn new(corpus: Corpus, entities: Entities, times: Times) -> Search {
        let index = corpus.0.with_value(|articles| {
            let facets = entities.machine.with_value(|ix| {
                times.events.with_value(|ev| FacetInput::from_steps(articles.len(), ix, ev))
            });
            Index::build(articles, &facets)
        });
        let index = StoredValue::new(index);
        let route = use_route();
        let filter = Memo::new(move |_| route.with(|r| r.filter.clone()));
        let matches = Memo::new(move |_| {
            filter.with(|f| {
                corpus.0.with_value(|articles| {
                    let mentions = f
                        .entity
                        .as_ref()
                        .map(|id| Arc::new(entities.index.with(|ix| mentions_per_article(ix, id))));
                    index.with_value(|ix| run(ix, articles, f, mentions))
                })
            })
        });
        Search { index, matches }
    }
}

/// Runs `filter` over the corpus. The entity part is matched against the
/// corrected entities (`mentions`), the rest by the search index.
fn run(
    index: &Index,
    articles: &[crossread_core::ingest::Article],
    filter: &Filter,
    mentions: Option<Arc<Vec<usize>>>,
) -> Matches {
    let n = articles.len();
    let text = format!("{} {}", filter.query, filter.facet_query());
    let options = SearchOptions { limit: n, typing: true };
    let mut results = index.search(articles, text.trim(), &options);
    if let Some(counts) = &mentions {
        results.hits.retain(|h| counts.get(h.article).copied().unwrap_or(0) > 0);
        results.total = results.hits.len();
    }
    let mut keep = vec![false; n];
    for hit in &results.hits {
        if let Some(k) = keep.get_mut(hit.article) {
            *k = true;
        }
    }
    Matches {
        filtered: !filter.is_empty(),
        total: results.total,
        keep: Arc::new(keep),
        results: Arc::new(results),
        mentions,
    }
}

/// The search provided by [`App`](super::App).
pub fn use_search() -> Search {
    expect_context::<Search>()
}
