//! Text: tokens, sentences and folded keys, with byte offsets that never
//! drift from the text they came from.
//!
//! - [`tokenize`]: words, numbers and punctuation with byte [`Span`]s, the
//!   hard cases of news text kept whole ("U.S.", "Gen.", "Abdul-Mahdi",
//!   "Kata’ib") and possessives split off ("Iraq’s").
//! - [`sentences`]: token ranges of sentences, abbreviations respected.
//! - [`case_style`]: whether capitals carry meaning (headline case, all caps).
//! - [`fold`]: the key two spellings of a name share ("Kata’ib" → `kataib`).
//! - [`is_stopword`]: English function words.
//!
//! [`Span`]: crate::Span

mod fold;
mod sentences;
mod stopwords;
mod tokens;

pub use fold::{fold, fold_into};
pub use sentences::{case_style, case_style_by, sentences, CaseStyle};
pub use stopwords::{is_stopword, stopwords};
pub use tokens::{tokenize, tokenize_into, Token, TokenKind};
