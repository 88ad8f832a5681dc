//! Crossread's views. They render what `crossread_core` computed (via
//! `crate::view_model`) and turn clicks into URL changes.
//!
//! - [`App`]: router, header and the view for the URL.
//! - `library`: the list of articles; `reader`: one article.
//! - `route`: the app's state in the URL's query string.

mod app;
mod article_block;
mod article_meta;
mod corpus;
mod library;
mod library_item;
mod not_found;
mod notice_badges;
mod notices;
mod published_date;
mod reader;
mod removed_toggle;
mod route;

pub use app::App;
