//! The search index and the corpus as the URL's [`Filter`] narrows it,
//! shared through context. Every view filters through [`Search::matches`],
//! so search words, facets, an entity clicked anywhere and the timeline's
//! filters are one model.
//!
//! The work per keystroke is bounded: every matching article is found and
//! counted (for the facets and `keep`), but passages and highlights are
//! built only for the result cards on screen ([`Search::limit`]).

use super::corpus::Corpus;
use super::entity_state::Entities;
use super::route::use_route;
use crate::view_model::entity_list::mentions_per_article;
use crate::view_model::route::Filter;
use crate::view_model::search::RESULTS_PAGE;
use crossread_core::search::{Index, SearchOptions, SearchResults};
use leptos::prelude::*;
use std::sync::Arc;

/// The articles the filter lets through, and the search that chose them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Matches {
    /// `keep[i]`: article `i` matches (all true when not filtered).
    pub keep: Arc<Vec<bool>>,
    /// How many articles match.
    pub total: usize,
    /// The ranked search results: the best [`Search::limit`] hits, and
    /// facets, warnings and suggestion over every match (entity included).
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
    /// The articles the URL's filter lets through.
    pub matches: Memo<Matches>,
    /// How many results are shown (with passages) for the current filter.
    pub limit: Memo<usize>,
    /// The filter "Show more" was last used on, and how far it went.
    more: RwSignal<(Filter, usize)>,
}

impl Search {
    /// Follows the URL's filter over `index`, the search index of `corpus`
    /// that start-up built. Must be created inside the router (it reads
    /// the URL).
    pub fn new(corpus: Corpus, entities: Entities, index: StoredValue<Index>) -> Search {
        let route = use_route();
        let filter = Memo::new(move |_| route.with(|r| r.filter.clone()));
        // Counted once per entity (not per keystroke), against the reader's
        // corrected entities.
        let entity = Memo::new(move |_| filter.with(|f| f.entity.clone()));
        let mentions = Memo::new(move |_| {
            entity.with(|id| {
                id.as_ref()
                    .map(|id| Arc::new(entities.index.with(|ix| mentions_per_article(ix, id))))
            })
        });
        // A new filter starts again with one page of results.
        let more = RwSignal::new((Filter::default(), RESULTS_PAGE));
        let limit = Memo::new(move |_| {
            let (more_filter, more_limit) = more.get();
            filter.with(|f| if *f == more_filter { more_limit } else { RESULTS_PAGE })
        });
        let matches = Memo::new(move |_| {
            let limit = limit.get();
            let mentions = mentions.get();
            filter.with(|f| {
                corpus.0.with_value(|articles| {
                    index.with_value(|ix| run(ix, articles, f, mentions, limit))
                })
            })
        });
        Search { matches, limit, more }
    }

    /// Shows one more page of results for the current filter.
    pub fn show_more(self, filter: Filter) {
        let next = self.limit.get_untracked() + RESULTS_PAGE;
        self.more.set((filter, next));
    }
}

/// Runs `filter` over the corpus, building hits for the best `limit`
/// articles only. The entity part is matched against the corrected
/// entities (`mentions`) and handed to the index as the subset to search
/// in, so the total and every facet count are exact under the whole filter.
fn run(
    index: &Index,
    articles: &[crossread_core::ingest::Article],
    filter: &Filter,
    mentions: Option<Arc<Vec<usize>>>,
    limit: usize,
) -> Matches {
    let text = format!("{} {}", filter.query, filter.facet_query());
    let options = SearchOptions { limit, typing: true };
    let within: Option<Vec<bool>> =
        mentions.as_ref().map(|counts| counts.iter().map(|&c| c > 0).collect());
    let selection = index.search_within(articles, text.trim(), &options, within.as_deref());
    let mut keep = selection.matching;
    // Articles the index does not cover (none, unless it is out of date)
    // stay listed when nothing is filtered.
    keep.resize(articles.len(), filter.is_empty());
    Matches {
        total: selection.results.total,
        keep: Arc::new(keep),
        results: Arc::new(selection.results),
        mentions,
    }
}

/// The search provided by [`App`](super::App).
pub fn use_search() -> Search {
    expect_context::<Search>()
}
