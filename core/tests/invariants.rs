//! Property tests: whatever bytes arrive, ingest never panics and keeps its
//! invariants (see `common::check_invariants`).

mod common;

use common::check_invariants;
use crossread_core::ingest::{ingest_corpus, ingest_file, SourceFile};
use proptest::prelude::*;
use std::collections::HashSet;

/// Pieces of news pages and of broken files, to build texts that reach the
/// cleaner's heuristics rather than only its decoder.
const PIECES: &[&str] = &[
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    " ",
    "\t",
    "\u{a0}",
    "\0",
    "\u{feff}",
    "é",
    "’",
    "“",
    "”",
    "…",
    "...",
    "—",
    "Related coverage",
    "Read more:",
    "By Jane Doe, Wire Press",
    "avatar by Agency and Courier Staff",
    "Staff",
    "December 31, 2019 4:38 pm",
    "2019-12-31T16:38:00Z",
    "Tue 31 Dec 2019 16.38 GMT",
    "Saturday, April 17th",
    "date 2019-12-31 advertisement",
    "February 30, 2021",
    "10:42",
    "9.15am",
    "1:20 p.m.",
    "Photo: Agency / Name.",
    "Share On Facebook",
    "Sign up",
    "We use cookies",
    "reCAPTCHA",
    "ADVERTISEMENT",
    "0 $",
    "2,500 $",
    "©",
    "Storm hits the coast",
    "(Reuters) –",
    "WASHINGTON",
    "writing by Sam Park;",
    "a Courier witness",
    "The council voted on Tuesday to build a new tram line across the city, officials said.",
    "and the talks went on",
    "Let your voice be heard!",
    "Join the club",
    "المفاوضون",
    "会谈",
    "Встреча",
];

fn newsy_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|pieces| pieces.concat())
}

fn ingest(bytes: &[u8]) {
    let article = ingest_file(SourceFile { name: "prop.txt", bytes });
    check_invariants(&article);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_bytes_are_ingested_safely(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        ingest(&bytes);
    }

    #[test]
    fn any_string_is_ingested_safely(text in any::<String>()) {
        ingest(text.as_bytes());
    }

    #[test]
    fn news_like_text_is_ingested_safely(text in newsy_text()) {
        ingest(text.as_bytes());
    }

    #[test]
    fn ids_in_a_corpus_are_unique_and_url_safe(
        names in prop::collection::vec("[a-zA-Z0-9 ._/éü-]{0,12}", 1..8),
        texts in prop::collection::vec(newsy_text(), 8),
    ) {
        let sources: Vec<SourceFile<'_>> =
            names.iter().zip(&texts).map(|(name, text)| SourceFile { name, bytes: text.as_bytes() }).collect();
        let articles = ingest_corpus(&sources);
        let ids: HashSet<&str> = articles.iter().map(|a| a.id.as_str()).collect();
        prop_assert_eq!(ids.len(), articles.len());
        for a in &articles {
            check_invariants(a);
        }
    }
}

#[test]
fn pathological_inputs_are_ingested_safely() {
    let long_word = "x".repeat(1 << 20);
    let nul_heavy = "a\0".repeat(1000);
    let cr_only = "Line one.\rLine two.\r\rLine three.".to_string();
    let wrapped_junk = format!("{}\n", "word ".repeat(14)).repeat(500);
    for text in [
        long_word.as_str(),
        nul_heavy.as_str(),
        cr_only.as_str(),
        wrapped_junk.as_str(),
        "",
        " ",
        "\n\n\n",
    ] {
        ingest(text.as_bytes());
    }
    ingest(&[0xff, 0xfe]);
    ingest(&[0xfe, 0xff, 0x00]);
    ingest(&[0xef, 0xbb, 0xbf]);
    ingest(&[0xc3]);
}
