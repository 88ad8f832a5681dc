//! [`Index::search_within`]: a search among a subset of the articles that
//! returns every match but builds hits only for the best few.

use super::synthetic::{generate, SyntheticConfig};
use super::{FacetInput, Index, SearchOptions};
use crate::ingest::{ingest_corpus, Article, SourceFile};
use proptest::prelude::*;
use std::sync::OnceLock;

/// One shared seed text with a few distinct words.
const SEED: &str = "Protesters gathered outside the embassy in Baghdad on Tuesday. \
Officials said the militia had withdrawn from the compound by the evening. \
The ministry called for calm as talks with the embassy resumed.\n";

/// A small synthetic corpus and its index, built once for all tests.
fn fixture() -> &'static (Vec<Article>, Index) {
    static FIXTURE: OnceLock<(Vec<Article>, Index)> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let corpus =
            generate(&SyntheticConfig { articles: 60, ..SyntheticConfig::default() }, &[SEED]);
        let files: Vec<SourceFile<'_>> =
            corpus.iter().map(|a| SourceFile { name: &a.name, bytes: a.text.as_bytes() }).collect();
        let articles = ingest_corpus(&files);
        let index = Index::build(&articles, &FacetInput::default());
        (articles, index)
    })
}

fn options(limit: usize) -> SearchOptions {
    SearchOptions { limit, typing: false }
}

/// The articles `search` (with no limit) finds, in article order.
fn all_matches(query: &str) -> Vec<usize> {
    let (articles, index) = fixture();
    let mut found: Vec<usize> = index
        .search(articles, query, &options(articles.len()))
        .hits
        .iter()
        .map(|h| h.article)
        .collect();
    found.sort_unstable();
    found
}

fn indices(mask: &[bool]) -> Vec<usize> {
    mask.iter().enumerate().filter(|(_, &m)| m).map(|(i, _)| i).collect()
}

#[test]
fn without_a_subset_every_match_is_returned_but_hits_stop_at_the_limit() {
    let (articles, index) = fixture();
    for query in
        ["embassy", "militia OR ministry", "\"the embassy\"", "embassy -\"calm embassy\"", ""]
    {
        let selection = index.search_within(articles, query, &options(3), None);
        let expected = all_matches(query);
        assert!(!expected.is_empty(), "{query:?} matches something in the fixture");
        assert_eq!(indices(&selection.matching), expected, "{query:?}");
        assert_eq!(selection.results.total, expected.len(), "{query:?}");
        assert_eq!(selection.results.hits.len(), expected.len().min(3), "{query:?}");
        let best = index.search(articles, query, &options(3));
        assert_eq!(selection.results.hits, best.hits, "{query:?}: same best hits as search");
    }
}

#[test]
fn a_subset_narrows_matches_total_hits_and_facets() {
    let (articles, index) = fixture();
    let within: Vec<bool> = (0..articles.len()).map(|i| i % 3 == 0).collect();
    let selection = index.search_within(articles, "embassy", &options(100), Some(&within));
    let expected: Vec<usize> = all_matches("embassy").into_iter().filter(|&i| within[i]).collect();
    assert!(!expected.is_empty());
    assert_eq!(indices(&selection.matching), expected);
    assert_eq!(selection.results.total, expected.len());
    assert!(selection.results.hits.iter().all(|h| within[h.article]));
    let outlet_total: usize = selection.results.facets.outlets.iter().map(|f| f.count).sum();
    let dated: usize = selection.results.facets.dates.buckets.iter().map(|b| b.count).sum();
    assert_eq!(dated + selection.results.facets.dates.undated, expected.len());
    assert!(outlet_total <= expected.len());
}

#[test]
fn an_empty_subset_matches_nothing_and_a_short_mask_excludes_the_rest() {
    let (articles, index) = fixture();
    let none = vec![false; articles.len()];
    let selection = index.search_within(articles, "", &options(10), Some(&none));
    assert_eq!(selection.results.total, 0);
    assert!(selection.results.hits.is_empty());
    let short = [true, true];
    let selection = index.search_within(articles, "", &options(10), Some(&short));
    assert_eq!(indices(&selection.matching), vec![0, 1]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn matching_is_exactly_the_unlimited_search_inside_the_subset(
        words in proptest::collection::vec(
            prop_oneof![
                Just("embassy"), Just("militia"), Just("-embassy"), Just("OR"),
                Just("calm"), Just("\"the ministry\""), Just("protesters"), Just("emb"),
            ],
            0..4,
        ),
        mask in proptest::collection::vec(any::<bool>(), 0..70),
        limit in 0usize..8,
        typing in any::<bool>(),
    ) {
        let (articles, index) = fixture();
        let query = words.join(" ");
        let opts = SearchOptions { limit, typing };
        let selection = index.search_within(articles, &query, &opts, Some(&mask));
        let mut unlimited: Vec<usize> = index
            .search(articles, &query, &SearchOptions { limit: articles.len(), typing })
            .hits
            .iter()
            .map(|h| h.article)
            .filter(|&i| mask.get(i).copied().unwrap_or(false))
            .collect();
        unlimited.sort_unstable();
        prop_assert_eq!(indices(&selection.matching), unlimited.clone());
        prop_assert_eq!(selection.results.total, unlimited.len());
        prop_assert!(selection.results.hits.len() <= limit);
        for hit in &selection.results.hits {
            prop_assert!(selection.matching[hit.article]);
        }
    }
}
