//! Crossread's views. They render what `crossread_core` computed (via
//! `crate::view_model`) and turn clicks into URL changes.
//!
//! - [`App`]: start-up (`startup`, with `preparing` showing its progress),
//!   then the router, header and the view for the URL.
//! - `library`: the list of articles; `reader`: one article, its mentions
//!   highlighted; `entities_view`: every entity by type; `timeline_view`:
//!   the events in time order, with its axis, entries and filters.
//! - `entity_state`: the entity index and the reader's corrections, shared
//!   through context; `card_state`: the open mention card.
//! - `time_state`: dates, inferred publication dates and events;
//!   `search_state`: the search index and the URL filter's matches, the
//!   one filtering model every view uses.
//! - `search_box` (in the header), `facet_panel` and `filter_chip`: the
//!   search words, facets and chips, all reading and writing the URL's
//!   filter.
//! - `route`: the app's state in the URL's query string.

mod app;
mod article_block;
mod article_meta;
mod card_mentions;
mod card_state;
mod corpus;
mod correction_actions;
mod corrections_panel;
mod date_mark;
mod entities_view;
mod entity_card;
mod entity_picker;
mod entity_row;
mod entity_state;
mod facet_histogram;
mod facet_list;
mod facet_panel;
mod filter_chip;
mod legend;
mod library;
mod library_item;
mod mention_mark;
mod not_found;
mod notice_badges;
mod notices;
mod paragraph_text;
mod preparing;
mod published_date;
mod reader;
mod removed_toggle;
mod route;
mod search_box;
mod search_help;
mod search_marks;
mod search_state;
mod site_footer;
mod site_nav;
mod startup;
mod storage;
mod storage_notice;
mod time_state;
mod timeline_axis;
mod timeline_bucket;
mod timeline_entry;
mod timeline_filters;
mod timeline_view;
mod undo_toast;

pub use app::App;
