//! The entities of the corpus, shared through context: the machine's index,
//! the reader's corrections on top of it, and the legend's type switches.
//!
//! The machine's index is computed once at start-up and never changes, so
//! it is a [`StoredValue`]. The index every view shows is a [`Memo`] of the
//! corrections applied to it, so a correction shows at once everywhere.
//! Corrections and type switches are kept in `localStorage`.

use super::corpus::Corpus;
use super::storage;
use crate::view_model::corrections::{describe, StoredCorrections, SET_ASIDE_KEY, STORAGE_KEY};
use crate::view_model::entity_list::EntityRows;
use crate::view_model::highlight::TypeFilter;
use crossread_core::entities::{Correction, Corrections, EntityIndex, EntityType};
use leptos::prelude::*;

/// The storage key of the legend's hidden types.
const TYPES_KEY: &str = "crossread.entity-types.v1";

/// A short message about the last correction, with the option to undo it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Toast {
    /// What happened, in words.
    pub message: String,
    /// Whether an Undo button belongs with it.
    pub undoable: bool,
    /// Counts up with every toast, so the same words twice still re-announce.
    pub serial: u32,
}

/// Stored corrections that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable {
    /// The stored text, kept as it is.
    pub raw: String,
    /// Why it could not be read.
    pub error: String,
}

/// Entities and corrections for every view; see the module docs.
#[derive(Clone, Copy)]
pub struct Entities {
    /// The machine's index of the corpus.
    pub machine: StoredValue<EntityIndex>,
    /// The reader's corrections, in order.
    corrections: RwSignal<Corrections>,
    /// The index with the corrections applied: what every view shows.
    pub index: Memo<EntityIndex>,
    /// The rows (with counts) of [`index`](Self::index).
    pub rows: Memo<EntityRows>,
    /// Which types the reader highlights.
    pub types: RwSignal<TypeFilter>,
    /// The toast about the last correction or undo.
    pub toast: RwSignal<Option<Toast>>,
    /// Set while stored corrections could not be read; nothing is saved
    /// then, so the stored text is never overwritten.
    pub unreadable: RwSignal<Option<Unreadable>>,
    /// The corpus the index belongs to.
    corpus: Corpus,
}

impl Entities {
    /// Keeps the machine's entities of `corpus` (found at start-up) and
    /// reads the stored corrections and switches.
    pub fn new(corpus: Corpus, machine: EntityIndex) -> Entities {
        let machine = StoredValue::new(machine);
        let stored = StoredCorrections::read(storage::get(STORAGE_KEY));
        let unreadable = match &stored {
            StoredCorrections::Unreadable { raw, error } => {
                Some(Unreadable { raw: raw.clone(), error: error.clone() })
            }
            _ => None,
        };
        let corrections = RwSignal::new(stored.corrections());
        let index = Memo::new(move |_| {
            corrections.with(|c| {
                corpus.0.with_value(|articles| machine.with_value(|ix| c.apply(articles, ix)))
            })
        });
        let rows = Memo::new(move |_| index.with(EntityRows::of));
        let types = RwSignal::new(
            storage::get(TYPES_KEY).map(|t| TypeFilter::from_storage(&t)).unwrap_or_default(),
        );
        Entities {
            machine,
            corrections,
            index,
            rows,
            types,
            toast: RwSignal::new(None),
            unreadable: RwSignal::new(unreadable),
            corpus,
        }
    }

    /// The corrections made so far, in order.
    pub fn corrections(self) -> Signal<Corrections> {
        self.corrections.into()
    }

    /// One correction in words.
    pub fn describe(self, correction: &Correction) -> String {
        self.corpus
            .0
            .with_value(|articles| self.machine.with_value(|ix| describe(correction, articles, ix)))
    }

    /// Records `correction`, saves, and says so in the toast.
    pub fn correct(self, correction: Correction) {
        let message = self.describe(&correction);
        self.corrections.update(|c| c.push(correction));
        self.save();
        self.say(message, true);
    }

    /// Takes back the last correction, saves, and says so.
    pub fn undo(self) {
        let mut undone = None;
        self.corrections.update(|c| undone = c.undo());
        match undone {
            Some(c) => {
                let message = format!("Undone: {}", self.describe(&c));
                self.save();
                self.say(message, false);
            }
            None => self.say("There is nothing to undo.".to_string(), false),
        }
    }

    /// Shows `message` in the toast.
    fn say(self, message: String, undoable: bool) {
        let serial = self.toast.with_untracked(|t| t.as_ref().map_or(0, |t| t.serial + 1));
        self.toast.set(Some(Toast { message, undoable, serial }));
    }

    /// Writes the corrections to storage, unless the stored text could not
    /// be read (it stays untouched until the reader sets it aside).
    fn save(self) {
        if self.unreadable.with_untracked(Option::is_none) {
            let json = self.corrections.with_untracked(Corrections::to_json);
            if !storage::set(STORAGE_KEY, &json) {
                self.say("Your corrections could not be saved in this browser.".into(), false);
            }
        }
    }

    /// Moves the unreadable stored text to a separate key, so it is kept,
    /// and saves the current corrections from now on.
    pub fn set_aside_unreadable(self) {
        let Some(Unreadable { raw, .. }) = self.unreadable.get_untracked() else {
            return;
        };
        if storage::set(SET_ASIDE_KEY, &raw) {
            self.unreadable.set(None);
            self.save();
            self.say(
                format!("The unreadable corrections were kept under “{SET_ASIDE_KEY}”."),
                false,
            );
        } else {
            self.say("The unreadable corrections could not be set aside.".into(), false);
        }
    }

    /// Switches the highlighting of `kind` on or off, and remembers it.
    pub fn toggle_type(self, kind: EntityType) {
        self.types.update(|t| *t = t.toggled(kind));
        // Losing the switch on reload is harmless, so a failed write is not
        // worth a message.
        let _ = storage::set(TYPES_KEY, &self.types.get_untracked().to_storage());
    }
}

/// The entities provided by [`App`](super::App).
pub fn use_entities() -> Entities {
    expect_context::<Entities>()
}
