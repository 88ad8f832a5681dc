//! Crossread's core: everything that reads, cleans and analyses news articles.
//!
//! Articles flow through the pipeline in one direction:
//!
//! ```text
//! ingest  raw bytes → Article (metadata, clean paragraphs, removed clutter)
//!   → text      tokens, sentences, folded keys
//!   → entities  recognise, resolve across articles, corrections
//!   → time      dates, events, timeline              (later issues)
//!   → search    index, query language, facets        (later issues)
//!   → compare   claims, quotes, shared passages      (later issues)
//! ```
//!
//! The main types are few:
//!
//! - [`Span`]: a half-open byte range into an article's original text. Every
//!   annotation carries one, and no later step changes it.
//! - [`ingest::SourceFile`]: a file as it arrives (name and bytes).
//! - [`ingest::Article`]: the cleaned article with its metadata, paragraphs
//!   and the clutter that was removed (each with its reason).
//! - [`text::Token`]: a word, number or mark with its byte span; sentences
//!   and folded keys come from the same module.
//! - [`entities::EntityIndex`]: every article's mentions, grouped into
//!   canonical [`entities::Entity`]s across the corpus, on which the reader's
//!   [`entities::Corrections`] apply.
//! - [`report::Analysis`]: the JSON document `crossread analyze` prints, with
//!   offsets counted in Unicode code points.
//!
//! The crate never depends on leptos, web-sys or wasm-bindgen: the browser
//! app and the command-line tool both call it, and it is tested natively.

pub mod entities;
pub mod error;
pub mod ingest;
pub mod report;
pub mod span;
pub mod text;

pub use error::{Error, Result};
pub use span::{CharOffsets, Span};
