//! The search index fed by the earlier steps: entity and date facets built
//! with `FacetInput::from_steps` select exactly the articles the entities
//! and events say they should.

use crossread_core::entities::annotate_corpus;
use crossread_core::ingest::{ingest_corpus, SourceFile};
use crossread_core::search::{FacetInput, Index, SearchOptions};
use crossread_core::time::{extract_events, find_times_in_corpus};
use std::collections::BTreeSet;

/// Three short dated articles with shared people, places and one event.
const FILES: [(&str, &str); 3] = [
    (
        "a.txt",
        "Protesters storm embassy\nDecember 31, 2019\n\nProtesters stormed the United States \
         embassy in Baghdad on Tuesday, Iraqi officials said. Mark Esper said troops would go.",
    ),
    (
        "b.txt",
        "Embassy attacked\nJanuary 2, 2020\n\nThe embassy in Baghdad was attacked on Tuesday. \
         Defense Secretary Mark Esper blamed Iran.",
    ),
    ("c.txt", "Weather report\nMarch 3, 2018\n\nRain fell over Paris on Monday, forecasters said."),
];

fn search_set(
    index: &Index,
    articles: &[crossread_core::ingest::Article],
    q: &str,
) -> BTreeSet<usize> {
    let options = SearchOptions { limit: 100, typing: false };
    index.search(articles, q, &options).hits.iter().map(|h| h.article).collect()
}

#[test]
fn entity_type_and_event_date_facets_follow_the_earlier_steps() {
    let sources: Vec<SourceFile<'_>> =
        FILES.iter().map(|(name, text)| SourceFile { name, bytes: text.as_bytes() }).collect();
    let articles = ingest_corpus(&sources);
    let entities = annotate_corpus(&articles);
    let (_, times) = find_times_in_corpus(&articles);
    let events = extract_events(&articles, &times, &entities);
    let input = FacetInput::from_steps(articles.len(), &entities, &events);
    assert_eq!(input.entities.len(), 3);
    assert_eq!(input.event_dates.len(), 3);
    let index = Index::build(&articles, &input);

    // Every entity's facet selects exactly the articles that mention it.
    assert!(!entities.entities.is_empty());
    for entity in &entities.entities {
        let expected: BTreeSet<usize> = entity.counts.iter().map(|&(a, _)| a).collect();
        let q = format!("entity:\"{}\"", entity.id);
        assert_eq!(search_set(&index, &articles, &q), expected, "{q}");
    }
    // Types are lower-case codes; an article matches when it mentions one.
    let people: BTreeSet<usize> = entities
        .entities
        .iter()
        .filter(|e| e.kind.code() == "PERSON")
        .flat_map(|e| e.counts.iter().map(|&(a, _)| a))
        .collect();
    assert!(people.contains(&0), "Mark Esper is a person in a.txt");
    assert_eq!(search_set(&index, &articles, "type:person"), people);
    // Event dates count for after:/before: (the Tuesday of b.txt is
    // 31 December 2019, before its publication on 2 January).
    let on_the_31st = search_set(&index, &articles, "after:2019-12-31 before:2019-12-31");
    assert!(on_the_31st.contains(&0) && on_the_31st.contains(&1), "{on_the_31st:?}");
    assert!(!on_the_31st.contains(&2));
}
