//! The ingested articles, shared through context.

use crossread_core::ingest::Article;
use leptos::prelude::*;

/// The whole corpus, ingested once at start-up. It is big and never
/// changes, so it is a [`StoredValue`], not a signal.
#[derive(Clone, Copy)]
pub struct Corpus(pub StoredValue<Vec<Article>>);

impl Corpus {
    /// Keeps the articles start-up ingested.
    pub fn new(articles: Vec<Article>) -> Corpus {
        Corpus(StoredValue::new(articles))
    }

    /// The position of the article with this id.
    pub fn position(self, id: &str) -> Option<usize> {
        self.0.with_value(|articles| articles.iter().position(|a| a.id == id))
    }

    /// Runs `f` on the article at `index`, if there is one.
    pub fn with_article<T>(self, index: usize, f: impl FnOnce(&Article) -> T) -> Option<T> {
        self.0.with_value(|articles| articles.get(index).map(f))
    }
}

/// The corpus provided by [`App`](super::App).
pub fn use_corpus() -> Corpus {
    expect_context::<Corpus>()
}
