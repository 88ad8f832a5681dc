//! Entities: recognise people, organisations, places, groups, facilities and
//! quantities in each article, then resolve them across the corpus.
//!
//! The main entry points:
//!
//! - [`annotate_corpus`]: every article's mentions, grouped into canonical
//!   [`Entity`]s ([`EntityIndex`]).
//! - [`Corrections::apply`]: the reader's merges, splits, retypes and
//!   "not an entity" marks on top of the machine's index.

mod corrections;
mod fxhash;
pub mod gazetteer;
mod model;
mod recognise;
pub mod resolve;
mod vocab;

pub use model::{
    Correction, Corrections, Entity, EntityId, EntityIndex, EntityType, Mention, Merge,
};

use crate::ingest::Article;
use recognise::{recognise, Hints, Scratch};

/// Finds and resolves the entities of a corpus. `index.mentions[i]` belongs
/// to `articles[i]`.
///
/// Three passes: each article is read on its own (module `recognise`);
/// each article is then made consistent with itself and the corpus with
/// itself (a surname seen with a full name, an acronym seen with its long
/// form); finally mentions are grouped into entities across articles
/// ([`resolve`]).
pub fn annotate_corpus(articles: &[Article]) -> EntityIndex {
    let mut scratch = Scratch::default();
    let mut found: Vec<_> = articles.iter().map(|a| recognise(a, &mut scratch)).collect();
    let mut corpus = Hints::default();
    for (article, list) in articles.iter().zip(found.iter_mut()) {
        let mut own = Hints::default();
        own.learn(&article.text, list);
        own.apply(list);
        corpus.absorb(&own);
    }
    for list in &mut found {
        corpus.apply(list);
        list.retain(|f| f.kind.is_some());
    }
    resolve::resolve(articles, &found)
}
