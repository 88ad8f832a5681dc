//! The time step's results, shared through context: each article's
//! temporal expressions (resolved against its stated or inferred date), the
//! inferred publication dates, and the events of the corpus.

use crossread_core::time::{Event, Inference, TimeMention};
use leptos::prelude::*;

/// Computed once at start-up (see [`startup`](super::startup)) from the
/// corpus and the machine's entities; none of it changes afterwards, so it
/// is kept in [`StoredValue`]s.
#[derive(Clone, Copy)]
pub struct Times {
    /// `inferred[i]`: the publication date inferred for article `i` when
    /// its text states none (or none with a year).
    pub inferred: StoredValue<Vec<Option<Inference>>>,
    /// `mentions[i]`: the temporal expressions of article `i`, in text order.
    pub mentions: StoredValue<Vec<Vec<TimeMention>>>,
    /// The events of the corpus, in time order.
    pub events: StoredValue<Vec<Event>>,
}

impl Times {
    /// Keeps what start-up found.
    pub fn new(
        inferred: Vec<Option<Inference>>,
        mentions: Vec<Vec<TimeMention>>,
        events: Vec<Event>,
    ) -> Times {
        Times {
            inferred: StoredValue::new(inferred),
            mentions: StoredValue::new(mentions),
            events: StoredValue::new(events),
        }
    }
}

/// The times provided by [`App`](super::App).
pub fn use_times() -> Times {
    expect_context::<Times>()
}
