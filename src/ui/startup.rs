//! Start-up: the bundled articles are read and analysed a step at a time,
//! and between chunks of articles the work yields to the browser, so a big
//! corpus shows its progress ([`Preparing`](super::preparing::Preparing))
//! instead of freezing the page. The steps are those of the pipeline:
//! ingest, entities, dates, events, search index.

use crate::bundled::BUNDLED;
use crossread_core::entities::{Annotator, EntityIndex};
use crossread_core::ingest::{ingest_corpus, Article, SourceFile};
use crossread_core::search::{FacetInput, Index};
use crossread_core::time::{
    extract_events, find_times, infer_published, reference_date, Event, Inference, TimeMention,
};
use leptos::prelude::*;

/// A chunk of work runs at most about this long before the page gets a
/// turn to paint and handle input.
const CHUNK_MS: f64 = 40.0;

/// The start-up steps, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Reading,
    Entities,
    PublicationDates,
    Dates,
    Events,
    Index,
}

impl Step {
    /// What the step does, as the progress line says it.
    pub fn label(self) -> &'static str {
        match self {
            Step::Reading => "Reading and cleaning the articles",
            Step::Entities => "Finding people, organisations and places",
            Step::PublicationDates => "Inferring missing publication dates",
            Step::Dates => "Resolving dates",
            Step::Events => "Grouping the events the articles report",
            Step::Index => "Building the search index",
        }
    }

    /// The step's place, from 1.
    pub fn number(self) -> usize {
        self as usize + 1
    }

    /// How many steps there are.
    pub const COUNT: usize = 6;
}

/// Where start-up is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub step: Step,
    /// Articles done in this step, of `total`, for the steps that go article
    /// by article (0 for the others).
    pub done: usize,
    pub total: usize,
}

/// Everything start-up computes; the views then only read it.
pub struct Prepared {
    pub articles: Vec<Article>,
    /// The machine's entities.
    pub entities: EntityIndex,
    pub inferred: Vec<Option<Inference>>,
    pub mentions: Vec<Vec<TimeMention>>,
    pub events: Vec<Event>,
    pub index: Index,
}

/// Runs the pipeline over the bundled articles, reporting to `progress`,
/// and logs how long each step took (the scale benchmark reads it).
pub async fn prepare(progress: RwSignal<Progress>) -> Prepared {
    let total = BUNDLED.len();
    let mut clock = Clock::new(progress, total);

    clock.start(Step::Reading).await;
    let files: Vec<SourceFile<'_>> =
        BUNDLED.iter().map(|&(name, bytes)| SourceFile { name, bytes }).collect();
    let articles = ingest_corpus(&files);

    clock.start(Step::Entities).await;
    let mut annotator = Annotator::default();
    for (i, article) in articles.iter().enumerate() {
        annotator.add(article);
        clock.done(i + 1).await;
    }
    let entities = annotator.finish(&articles);

    clock.start(Step::PublicationDates).await;
    let inferred = infer_published(&articles);

    clock.start(Step::Dates).await;
    let mut mentions = Vec::with_capacity(articles.len());
    for (i, (a, inf)) in articles.iter().zip(&inferred).enumerate() {
        mentions.push(find_times(a, reference_date(a, inf.as_ref())));
        clock.done(i + 1).await;
    }

    clock.start(Step::Events).await;
    let events = extract_events(&articles, &mentions, &entities);

    clock.start(Step::Index).await;
    let facets = FacetInput::from_steps(articles.len(), &entities, &events);
    let index = Index::build(&articles, &facets);
    clock.finish(articles.len());
    Prepared { articles, entities, inferred, mentions, events, index }
}

/// Reports progress, gives the page a turn between chunks, and times the
/// steps.
struct Clock {
    progress: RwSignal<Progress>,
    total: usize,
    started: f64,
    /// The current step, and when it and the current chunk started.
    current: Option<Step>,
    step_started: f64,
    chunk_started: f64,
    /// Each step done, with its milliseconds.
    timings: Vec<(Step, f64)>,
}

impl Clock {
    fn new(progress: RwSignal<Progress>, total: usize) -> Clock {
        let t = now_ms();
        Clock {
            progress,
            total,
            started: t,
            current: None,
            step_started: t,
            chunk_started: t,
            timings: Vec::new(),
        }
    }

    /// Ends the current step, shows `step`, and lets the page paint it.
    async fn start(&mut self, step: Step) {
        self.end_step();
        self.current = Some(step);
        self.progress.set(Progress { step, done: 0, total: self.total });
        self.pause().await;
    }

    /// Notes `done` articles of the current step; when the chunk has run
    /// for [`CHUNK_MS`], shows the count and gives the page a turn.
    async fn done(&mut self, done: usize) {
        if now_ms() - self.chunk_started >= CHUNK_MS {
            self.progress.update(|p| p.done = done);
            self.pause().await;
        }
    }

    async fn pause(&mut self) {
        gloo_timers::future::TimeoutFuture::new(0).await;
        self.chunk_started = now_ms();
    }

    fn end_step(&mut self) {
        let t = now_ms();
        if let Some(step) = self.current.take() {
            self.timings.push((step, t - self.step_started));
        }
        self.step_started = t;
    }

    /// Ends the last step and logs the timings.
    fn finish(mut self, articles: usize) {
        self.end_step();
        let said: Vec<String> = self
            .timings
            .iter()
            .map(|(s, ms)| format!("{} {:.0} ms", s.label().to_lowercase(), ms))
            .collect();
        leptos::logging::log!(
            "crossread: prepared {} articles in {:.0} ms ({})",
            articles,
            now_ms() - self.started,
            said.join(", ")
        );
    }
}

/// Milliseconds since the page started loading.
fn now_ms() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}
