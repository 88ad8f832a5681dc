//! Search: an inverted index over titles and clean paragraphs, a small
//! query language, live facets and highlighted passages.
//!
//! The main types:
//!
//! - [`Index`]: built once per corpus with [`Index::build`] from the
//!   articles and the facet data of later steps ([`FacetInput`]: entities,
//!   aliases, event dates, handed in as plain data).
//! - [`Query`]: the parsed query language (see [`query`] for the syntax);
//!   parsing never fails, it reports [`QueryWarning`]s.
//! - [`SearchResults`] from [`Index::search`]: the total, the best
//!   [`Hit`]s with their best [`Passage`] and highlight spans (byte ranges of
//!   the article's original text), [`Facets`] with live counts, warnings
//!   and a "did you mean" [`Suggestion`].
//! - [`Selection`] from [`Index::search_within`]: the same among a subset
//!   of the articles (say, those mentioning a corrected entity), with every
//!   matching article besides the few best hits.
//! - [`snippet`]: a short window of a hit's passage for a result card.
//!
//! Words are folded (case, diacritics, apostrophes, hyphens; see [`fold`])
//! and stemmed with Snowball English, ranked with BM25 ([`BM25_K1`],
//! [`BM25_B`], [`TITLE_BOOST`]). The word being typed is completed as a
//! prefix; unknown words of 5+ letters match dictionary words one typo away
//! (two from 9 letters), and such fuzzy hits always rank below exact ones.
//!
//! [`synthetic`] generates large realistic corpora for benchmarks and scale
//! tests.

mod dict;
mod exec;
mod facets;
pub mod fold;
mod fold_table;
mod index;
pub mod query;
#[cfg(test)]
mod selection_tests;
mod snippet;
pub mod synthetic;

pub use dict::{allowed_edits, ONE_TYPO_FROM, TWO_TYPOS_FROM};
pub use exec::{
    Hit, Passage, SearchOptions, SearchResults, Selection, Suggestion, BM25_B, BM25_K1,
    FUZZY_WEIGHT, MAX_FUZZY_TERMS, MAX_PREFIX_TERMS, MIN_PREFIX_CHARS, PREFIX_WEIGHT, TITLE_BOOST,
};
pub use facets::{DateBucket, DateHistogram, DateUnit, FacetCount, Facets, MAX_FACET_VALUES};
pub use index::{EntityTag, FacetInput, Index};
pub use query::{Atom, Clause, Query, QueryWarning};
pub use snippet::{snippet, Snippet};
