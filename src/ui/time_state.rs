//! The time step's results, shared through context: each article's
//! temporal expressions (resolved against its stated or inferred date), the
//! inferred publication dates, and the events of the corpus.

use super::corpus::Corpus;
use super::entity_state::Entities;
use crossread_core::time::{extract_events, find_times_in_corpus, Event, Inference, TimeMention};
use leptos::prelude::*;

/// Computed once at start-up from the corpus and the machine's entities;
/// none of it changes afterwards, so it is kept in [`StoredValue`]s.
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
    /// Finds the dates and events of `corpus`.
    pub fn new(corpus: Corpus, entities: Entities) -> Times {
        let (inferred, mentions) = corpus.0.with_value(|articles| find_times_in_corpus(articles));
        let events = corpus.0.with_value(|articles| {
            entities.machine.with_value(|ix| extract_events(articles, &mentions, ix))
        });
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
