//! The data the entities step produces: mentions in each article, grouped
//! into canonical entities across the corpus, and the reader's corrections.
//!
//! These types are the contract between the core and the UI. Everything
//! here is plain data (serde-serialisable) so it can be stored, compared
//! and tested natively.

use crate::span::Span;
use serde::{Deserialize, Serialize};

/// What kind of thing a mention names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum EntityType {
    /// A person: "Mark Esper", later "Esper".
    Person,
    /// Governments' bodies, militias, armed units, media, parties.
    Org,
    /// Countries, cities, regions (also a capital used for its government).
    Place,
    /// Nationalities, religious or political groups: "Iraqi", "Shiite".
    Norp,
    /// Embassies, bases, airports.
    Facility,
    /// Counted things: "750 soldiers", "at least 25", "dozens".
    Quantity,
}

impl EntityType {
    /// Every type, in the order the UI lists them.
    pub const ALL: [EntityType; 6] = [
        EntityType::Person,
        EntityType::Org,
        EntityType::Place,
        EntityType::Norp,
        EntityType::Facility,
        EntityType::Quantity,
    ];

    /// The code used in JSON and in ids: `PERSON`, `ORG`, ...
    pub fn code(self) -> &'static str {
        match self {
            EntityType::Person => "PERSON",
            EntityType::Org => "ORG",
            EntityType::Place => "PLACE",
            EntityType::Norp => "NORP",
            EntityType::Facility => "FACILITY",
            EntityType::Quantity => "QUANTITY",
        }
    }

    /// A reader-facing label: "Person", "Organisation", ...
    pub fn label(self) -> &'static str {
        match self {
            EntityType::Person => "Person",
            EntityType::Org => "Organisation",
            EntityType::Place => "Place",
            EntityType::Norp => "Group / nationality",
            EntityType::Facility => "Facility",
            EntityType::Quantity => "Quantity",
        }
    }

    /// Parses a code (`PERSON`) or a lower-case label word (`person`, `org`).
    pub fn parse(s: &str) -> Option<EntityType> {
        let s = s.trim().to_ascii_uppercase();
        EntityType::ALL.into_iter().find(|t| t.code() == s)
    }
}

/// A canonical entity id, such as `person:mark-esper`: the type code in
/// lower case, a colon, and a slug of the display name. Ids are stable for a
/// given corpus, so corrections can refer to them.
pub type EntityId = String;

/// One mention of an entity in one article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Byte range in the article's original text. Mentions of one article
    /// are sorted by `span.start` and never overlap.
    pub span: Span,
    /// The type of this mention (normally the entity's type).
    pub kind: EntityType,
    /// The canonical entity it belongs to.
    pub entity: EntityId,
    /// A title or role written next to it ("President", "Gen."), kept out
    /// of the span.
    pub role: Option<String>,
}

/// Why two names were judged the same entity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Merge {
    /// The alias that was merged into the entity.
    pub alias: String,
    /// How sure the merge is, from 0 to 1.
    pub confidence: f32,
    /// A short reason a reader can check: "same name without hyphen",
    /// "surname of Mark Esper in the same article", "acronym given in
    /// parentheses", ...
    pub reason: String,
}

/// A canonical entity: one person, group or place across the corpus.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub id: EntityId,
    /// The name shown to the reader (usually the longest, most frequent form).
    pub name: String,
    pub kind: EntityType,
    /// Every distinct surface form seen, display name included.
    pub aliases: Vec<String>,
    /// Roles and titles seen with it ("President", "Secretary of State").
    pub roles: Vec<String>,
    /// Mention count per article: `(article index, count)`, by index into the
    /// corpus slice, only for articles that mention it.
    pub counts: Vec<(usize, usize)>,
    /// How each non-identical alias was merged in.
    pub merges: Vec<Merge>,
}

impl Entity {
    /// Total mentions across the corpus.
    pub fn total(&self) -> usize {
        self.counts.iter().map(|&(_, n)| n).sum()
    }
}

/// Everything the entities step found in a corpus.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct EntityIndex {
    /// Canonical entities, sorted by type then id.
    pub entities: Vec<Entity>,
    /// `mentions[i]` are the mentions in article `i` (same order as the
    /// corpus slice), sorted by start, non-overlapping.
    pub mentions: Vec<Vec<Mention>>,
}

/// One correction a reader made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Correction {
    /// `from` and everything in it becomes part of `into`.
    Merge { into: EntityId, from: EntityId },
    /// Mentions whose text folds to `alias` leave `entity` and form their own.
    Split { entity: EntityId, alias: String },
    /// The entity changes type.
    Retype { entity: EntityId, kind: EntityType },
    /// The mention in article `article` (by file name) at byte `start..end`
    /// is not an entity.
    NotEntity { article: String, start: usize, end: usize },
}

/// The reader's corrections, in the order made. Applied on top of the
/// machine's [`EntityIndex`]; undo pops the last one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corrections {
    pub ops: Vec<Correction>,
}
