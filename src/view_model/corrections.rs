//! The reader's corrections as the views show and store them.
//!
//! - [`StoredCorrections::read`]: what browser storage held, including text
//!   that could not be read (kept, never overwritten).
//! - [`describe`]: one correction in words, for the list and the undo toast.

use super::DisplayTitle;
use crossread_core::entities::{Correction, Corrections, EntityIndex};
use crossread_core::ingest::Article;

/// The browser storage key of the corrections.
pub const STORAGE_KEY: &str = "crossread.corrections.v1";

/// Where unreadable corrections are set aside when the reader starts afresh.
pub const SET_ASIDE_KEY: &str = "crossread.corrections.v1.unreadable";

/// What browser storage held under [`STORAGE_KEY`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredCorrections {
    /// Nothing stored yet.
    Nothing,
    /// Corrections that were read.
    Read(Corrections),
    /// Text that is not valid corrections; it must be kept as it is.
    Unreadable {
        /// The stored text.
        raw: String,
        /// Why it could not be read.
        error: String,
    },
}

impl StoredCorrections {
    /// Interprets the stored text (`None` when nothing is stored).
    pub fn read(raw: Option<String>) -> StoredCorrections {
        match raw {
            None => StoredCorrections::Nothing,
            Some(raw) if raw.trim().is_empty() => StoredCorrections::Nothing,
            Some(raw) => match Corrections::from_json(&raw) {
                Ok(c) => StoredCorrections::Read(c),
                Err(error) => StoredCorrections::Unreadable { raw, error },
            },
        }
    }

    /// The corrections to start with: none unless they were read.
    pub fn corrections(&self) -> Corrections {
        match self {
            StoredCorrections::Read(c) => c.clone(),
            _ => Corrections::default(),
        }
    }
}

/// The name of entity `id` in `index`, or the id itself.
fn name_of(index: &EntityIndex, id: &str) -> String {
    index.entities.iter().find(|e| e.id == id).map(|e| e.name.clone()).unwrap_or_else(|| id.into())
}

/// One correction in words. Names come from `index` (the machine's, so an
/// entity merged away still has its name).
pub fn describe(correction: &Correction, articles: &[Article], index: &EntityIndex) -> String {
    match correction {
        Correction::Merge { into, from } => {
            format!("Merged “{}” into “{}”", name_of(index, from), name_of(index, into))
        }
        Correction::Split { entity, alias } => {
            format!("Split “{alias}” off “{}”", name_of(index, entity))
        }
        Correction::Retype { entity, kind } => {
            format!("Changed “{}” to {}", name_of(index, entity), kind.label())
        }
        Correction::NotEntity { article, start, end } => {
            let found = articles.iter().find(|a| a.file == *article);
            let text = found.and_then(|a| a.text.get(*start..*end)).unwrap_or("a mention");
            let title = found.map(|a| DisplayTitle::of(a).text).unwrap_or_else(|| article.clone());
            format!("“{text}” in “{title}” is not an entity")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view_model::entity_list::tests::index;
    use crossread_core::entities::EntityType;
    use crossread_core::ingest::Published;

    fn article() -> Article {
        Article {
            file: "001_x.txt".into(),
            id: "001_x".into(),
            text: "Esper flew to Baghdad.".into(),
            notices: vec![],
            title: None,
            outlet: None,
            byline: None,
            published: Published::unknown(),
            paragraphs: vec![],
            removed: vec![],
        }
    }

    #[test]
    fn nothing_or_blank_storage_means_no_corrections() {
        assert_eq!(StoredCorrections::read(None), StoredCorrections::Nothing);
        assert_eq!(StoredCorrections::read(Some("  ".into())), StoredCorrections::Nothing);
    }

    #[test]
    fn stored_corrections_are_read_back() {
        let mut c = Corrections::default();
        c.push(Correction::Retype { entity: "place:baghdad".into(), kind: EntityType::Org });
        let stored = StoredCorrections::read(Some(c.to_json()));
        assert_eq!(stored, StoredCorrections::Read(c.clone()));
        assert_eq!(stored.corrections(), c);
    }

    #[test]
    fn unreadable_storage_keeps_its_raw_text_and_starts_empty() {
        let raw = "{\"ops\":[{\"op\":\"explode\"}]}".to_string();
        let stored = StoredCorrections::read(Some(raw.clone()));
        match &stored {
            StoredCorrections::Unreadable { raw: kept, error } => {
                assert_eq!(kept, &raw);
                assert!(!error.is_empty());
            }
            other => panic!("expected unreadable, got {other:?}"),
        }
        assert_eq!(stored.corrections(), Corrections::default());
    }

    #[test]
    fn corrections_read_as_sentences_with_names_not_ids() {
        let ix = index();
        let articles = [article()];
        let table = [
            (
                Correction::Merge { into: "place:iraq".into(), from: "place:baghdad".into() },
                "Merged “Baghdad” into “Iraq”",
            ),
            (
                Correction::Split { entity: "person:mark-esper".into(), alias: "Esper".into() },
                "Split “Esper” off “Mark Esper”",
            ),
            (
                Correction::Retype { entity: "place:baghdad".into(), kind: EntityType::Org },
                "Changed “Baghdad” to Organisation",
            ),
            (
                Correction::NotEntity { article: "001_x.txt".into(), start: 14, end: 21 },
                "“Baghdad” in “Untitled (001_x.txt)” is not an entity",
            ),
            (
                Correction::NotEntity { article: "gone.txt".into(), start: 0, end: 99 },
                "“a mention” in “gone.txt” is not an entity",
            ),
            (
                Correction::Retype { entity: "vanished".into(), kind: EntityType::Place },
                "Changed “vanished” to Place",
            ),
        ];
        for (correction, want) in table {
            assert_eq!(describe(&correction, &articles, &ix), want);
        }
    }
}
