//! Entities: recognise people, organisations, places, groups, facilities and
//! quantities in each article, then resolve them across the corpus.
//!
//! The main entry points:
//!
//! - [`annotate_corpus`]: every article's mentions, grouped into canonical
//!   [`Entity`]s ([`EntityIndex`]).
//! - [`Corrections::apply`]: the reader's merges, splits, retypes and
//!   "not an entity" marks on top of the machine's index.

mod model;

pub use model::{
    Correction, Corrections, Entity, EntityId, EntityIndex, EntityType, Mention, Merge,
};

use crate::ingest::Article;

/// Finds and resolves the entities of a corpus. `index.mentions[i]` belongs
/// to `articles[i]`.
pub fn annotate_corpus(articles: &[Article]) -> EntityIndex {
    // INTERIM (branch only): replaced by the real recogniser before merging.
    let _ = articles;
    EntityIndex { entities: Vec::new(), mentions: vec![Vec::new(); articles.len()] }
}

impl Corrections {
    /// Records a correction.
    pub fn push(&mut self, correction: Correction) {
        self.ops.push(correction);
    }

    /// Removes and returns the last correction.
    pub fn undo(&mut self) -> Option<Correction> {
        self.ops.pop()
    }

    /// The index with every correction applied, in order. Corrections that no
    /// longer match anything (an entity id that vanished) are skipped.
    pub fn apply(&self, articles: &[Article], index: &EntityIndex) -> EntityIndex {
        // INTERIM (branch only): replaced before merging.
        let _ = articles;
        index.clone()
    }

    /// Serialises for browser storage.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{\"ops\":[]}".to_owned())
    }

    /// Reads stored corrections. Unknown or malformed entries are an error,
    /// so the caller can keep the raw text instead of losing it.
    pub fn from_json(json: &str) -> Result<Corrections, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }
}
