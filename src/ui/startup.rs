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
    find_times, reference_date, Event, EventFinder, Inference, PublicationEvidence, TimeMention,
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
    /// Units of work done in this step, of `total` (articles, or articles
    /// twice over for a step that reads the corpus in two passes).
    pub done: usize,
    pub total: usize,
    /// How many articles are prepared.
    pub articles: usize,
}

impl Progress {
    /// Start-up before its first step.
    pub fn new(articles: usize) -> Progress {
        Progress { step: Step::Reading, done: 0, total: 0, articles }
    }

    /// How far the current step is, from 0 to 1.
    pub fn part(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            (self.done as f64 / self.total as f64).min(1.0)
        }
    }
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
/// and logs how long each step took (the scale benchmark reads it). Every
/// step but reading the files goes article by article, so the page gets a
/// turn at least every [`CHUNK_MS`] or so.
pub async fn prepare(progress: RwSignal<Progress>) -> Prepared {
    let n = BUNDLED.len();
    let mut clock = Clock::new(progress);

    clock.start(Step::Reading, 0).await;
    let files: Vec<SourceFile<'_>> =
        BUNDLED.iter().map(|&(name, bytes)| SourceFile { name, bytes }).collect();
    let articles = ingest_corpus(&files);

    clock.start(Step::Entities, n).await;
    let mut annotator = Annotator::default();
    for article in &articles {
        annotator.add(article);
        clock.tick().await;
    }
    let entities = annotator.finish(&articles);

    // Dated articles are read for evidence, then undated ones inferred.
    let undated = articles.iter().filter(|a| a.published.date.is_none()).count();
    let mut inferred: Vec<Option<Inference>> = vec![None; articles.len()];
    if undated > 0 {
        clock.start(Step::PublicationDates, articles.len() + undated).await;
        let mut evidence = PublicationEvidence::default();
        for article in &articles {
            evidence.add(article);
            clock.tick().await;
        }
        let dated = evidence.finish();
        for (article, guess) in articles.iter().zip(inferred.iter_mut()) {
            if article.published.date.is_none() {
                *guess = dated.infer(article);
                clock.tick().await;
            }
        }
    }

    clock.start(Step::Dates, n).await;
    let mut mentions = Vec::with_capacity(articles.len());
    for (a, inf) in articles.iter().zip(&inferred) {
        mentions.push(find_times(a, reference_date(a, inf.as_ref())));
        clock.tick().await;
    }

    // Dated mentions, grouped, then the undated sentences that join them.
    clock.start(Step::Events, 2 * n).await;
    let ents = |i: usize| entities.mentions.get(i).map(Vec::as_slice).unwrap_or(&[]);
    let mut finder = EventFinder::default();
    for (i, (article, found)) in articles.iter().zip(&mentions).enumerate() {
        finder.add_dated(i, article, found, ents(i));
        clock.tick().await;
    }
    finder.group();
    for (i, (article, found)) in articles.iter().zip(&mentions).enumerate() {
        finder.add_undated(i, article, found, ents(i));
        clock.tick().await;
    }
    let events = finder.finish();

    clock.start(Step::Index, 0).await;
    let facets = FacetInput::from_steps(articles.len(), &entities, &events);
    let index = Index::build(&articles, &facets);
    clock.finish(articles.len());
    Prepared { articles, entities, inferred, mentions, events, index }
}

/// Reports progress, gives the page a turn between chunks, and times the
/// steps.
struct Clock {
    progress: RwSignal<Progress>,
    started: f64,
    /// The current step, its units done, and when it and the current
    /// chunk started.
    current: Option<Step>,
    done: usize,
    step_started: f64,
    chunk_started: f64,
    /// Each step done, with its milliseconds.
    timings: Vec<(Step, f64)>,
}

impl Clock {
    fn new(progress: RwSignal<Progress>) -> Clock {
        let t = now_ms();
        Clock {
            progress,
            started: t,
            current: None,
            done: 0,
            step_started: t,
            chunk_started: t,
            timings: Vec::new(),
        }
    }

    /// Ends the current step, shows `step` (of `units` units of work), and
    /// lets the page paint it.
    async fn start(&mut self, step: Step, units: usize) {
        self.end_step();
        self.current = Some(step);
        self.done = 0;
        self.progress.update(|p| {
            p.step = step;
            p.done = 0;
            p.total = units;
        });
        self.pause().await;
    }

    /// Notes one unit of the current step done; when the chunk has run for
    /// [`CHUNK_MS`], shows how far the step is and gives the page a turn.
    async fn tick(&mut self) {
        self.done += 1;
        if now_ms() - self.chunk_started >= CHUNK_MS {
            let done = self.done;
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
