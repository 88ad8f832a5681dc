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
    let mut annotator = Annotator::default();
    for article in articles {
        annotator.add(article);
    }
    annotator.finish(articles)
}

/// [`annotate_corpus`] one article at a time, for a caller that must stay
/// responsive between articles (the app shows its progress). Add every
/// article in corpus order, then [`finish`](Annotator::finish) with the
/// same articles; the result is exactly [`annotate_corpus`]'s.
#[derive(Default)]
pub struct Annotator {
    scratch: Scratch,
    found: Vec<Vec<recognise::Found>>,
    corpus: Hints,
}

impl Annotator {
    /// Reads the next article on its own and makes it consistent with
    /// itself; what it teaches joins the corpus's hints.
    pub fn add(&mut self, article: &Article) {
        let mut list = recognise(article, &mut self.scratch);
        let mut own = Hints::default();
        own.learn(&article.text, &list);
        own.apply(&mut list);
        self.corpus.absorb(&own);
        self.found.push(list);
    }

    /// How many articles were added.
    pub fn len(&self) -> usize {
        self.found.len()
    }

    /// True before the first article.
    pub fn is_empty(&self) -> bool {
        self.found.is_empty()
    }

    /// Makes the corpus consistent with itself and groups the mentions
    /// into entities. `articles` are those added, in the same order.
    pub fn finish(mut self, articles: &[Article]) -> EntityIndex {
        for list in &mut self.found {
            self.corpus.apply(list);
            list.retain(|f| f.kind.is_some());
        }
        resolve::resolve(articles, &self.found)
    }
}
