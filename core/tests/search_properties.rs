//! Properties of search on random corpora and random queries: highlights
//! always lie inside the text on char boundaries and hold a matching word;
//! no query string makes the parser or the search panic.

/// Named `search` so that `cargo test -p crossread-core search` runs these.
mod search {

    use crossread_core::ingest::{Article, Field, Paragraph, ParagraphKind, Published};
    use crossread_core::search::fold::{for_each_token, Stem};
    use crossread_core::search::{allowed_edits, Index, Query, SearchOptions};
    use crossread_core::Span;
    use proptest::prelude::*;

    /// Words with the shapes folding must handle.
    const VOCABULARY: &[&str] = &[
        "Kata’ib",
        "kata'ib",
        "Kataib",
        "Hezbollah",
        "Abdul-Mahdi",
        "Abdul",
        "Mahdi",
        "café",
        "CAFE",
        "résumé",
        "embassy",
        "embassies",
        "protest",
        "protesters",
        "Protesting",
        "U.S.",
        "2019",
        "3,500",
        "Москва",
        "москве",
        "أحمد",
        "Straße",
        "naïve",
        "co-operate",
        "the",
        "and",
        "o’clock",
        "ÉCOLE",
    ];

    fn build(paragraphs: &[Vec<(usize, &str)>], title: &[usize]) -> Article {
        let title: Vec<&str> = title.iter().map(|&i| VOCABULARY[i % VOCABULARY.len()]).collect();
        let title = title.join(" ");
        let mut text = format!("{title}\n\n");
        let mut paras = Vec::new();
        for p in paragraphs {
            let start = text.len();
            for (k, (w, sep)) in p.iter().enumerate() {
                if k > 0 {
                    text.push_str(sep);
                }
                text.push_str(VOCABULARY[*w % VOCABULARY.len()]);
            }
            let span = Span::new(start, text.len());
            paras.push(Paragraph {
                span,
                text: text[start..].replace('\n', " "),
                kind: ParagraphKind::Body,
            });
            text.push_str("\n\n");
        }
        Article {
            file: "random.txt".into(),
            id: "random".into(),
            title: (!title.is_empty())
                .then(|| Field { value: title.clone(), evidence: Span::new(0, title.len()) }),
            outlet: None,
            byline: None,
            published: Published::unknown(),
            paragraphs: paras,
            removed: Vec::new(),
            notices: Vec::new(),
            text,
        }
    }

    fn separator() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![" ", ", ", " — ", ". ", " \"", "\n", " (", "-", "’ "])
    }

    fn paragraph() -> impl Strategy<Value = Vec<(usize, &'static str)>> {
        prop::collection::vec((0..VOCABULARY.len(), separator()), 1..12)
    }

    fn corpus() -> impl Strategy<Value = Vec<Article>> {
        prop::collection::vec(
            (
                prop::collection::vec(paragraph(), 0..4),
                prop::collection::vec(0..VOCABULARY.len(), 0..4),
            ),
            1..6,
        )
        .prop_map(|docs| docs.iter().map(|(p, t)| build(p, t)).collect())
    }

    /// True when some word of `highlight` matches query word `q` as search
    /// does: same stem, a completion of the typed word (or a word with the
    /// stem of one), or within the typo allowance (itself or its stem, since
    /// a corrected word brings in every word of its stem).
    fn matches_query_word(highlight: &str, q: &str, prefix: bool, stem: &Stem) -> bool {
        let edits = allowed_edits(q.chars().count());
        let q_stem = stem.of(q);
        let mut ok = false;
        for_each_token(highlight, |t| {
            let s = stem.of(t.folded);
            ok |= s == q_stem
                || prefix && (t.folded.starts_with(q) || q.starts_with(&*s) || s.starts_with(q))
                || strsim::osa_distance(t.folded, q) <= edits
                || strsim::osa_distance(&s, q) <= edits
                || strsim::osa_distance(&s, &q_stem) <= edits;
        });
        ok
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]

        #[test]
        fn every_highlight_lies_in_the_text_and_holds_a_matching_word(
            articles in corpus(),
            picks in prop::collection::vec(0..VOCABULARY.len(), 1..4),
            typing in any::<bool>(),
            cut in 0usize..4,
        ) {
            let index = Index::new(&articles);
            let mut words: Vec<String> = picks.iter().map(|&i| VOCABULARY[i].to_string()).collect();
            if typing {
                // The last word is still being typed.
                let last = words.pop().unwrap_or_default();
                let keep = last.chars().count().saturating_sub(cut).max(1);
                words.push(last.chars().take(keep).collect());
            }
            let query = words.join(" OR ");
            let parsed = Query::parse(&query, typing);
            let stem = Stem::default();
            let terms: Vec<(String, bool)> = parsed.clauses.iter().flat_map(|c| c.alternatives.iter()).flat_map(|a| match a {
                crossread_core::search::Atom::Word { folded, prefix, .. } => vec![(folded.clone(), *prefix)],
                crossread_core::search::Atom::Phrase(ws) => ws.iter().map(|w| (w.clone(), false)).collect(),
                _ => Vec::new(),
            }).collect();
            let results = index.search(&articles, &query, &SearchOptions { limit: 10, typing });
            prop_assert!(results.hits.len() <= results.total);
            // Not vacuous: a word that is in some text is found.
            if !typing && articles.iter().any(|a| a.text.contains(VOCABULARY[picks[0]])) {
                prop_assert!(results.total > 0, "{:?} not found", query);
                prop_assert!(results.hits.iter().any(|h| !h.title_highlights.is_empty()
                    || h.passage.as_ref().is_some_and(|p| !p.highlights.is_empty())));
            }
            for hit in &results.hits {
                let a = &articles[hit.article];
                let mut spans: Vec<Span> = hit.title_highlights.clone();
                if let Some(p) = &hit.passage {
                    prop_assert_eq!(p.span, a.paragraphs[p.paragraph].span);
                    for h in &p.highlights {
                        prop_assert!(p.span.contains(*h), "highlight {:?} outside passage {:?}", h, p.span);
                    }
                    spans.extend(p.highlights.iter().copied());
                }
                for h in spans {
                    prop_assert!(!h.is_empty() && h.end <= a.text.len());
                    prop_assert!(a.text.is_char_boundary(h.start) && a.text.is_char_boundary(h.end));
                    let shown = h.of(&a.text);
                    prop_assert!(
                        terms.iter().any(|(q, prefix)| matches_query_word(shown, q, *prefix, &stem)),
                        "highlight {:?} matches none of {:?}", shown, terms
                    );
                }
            }
        }

        #[test]
        fn a_quoted_run_of_words_from_a_paragraph_finds_its_article(
            articles in corpus(),
            which in any::<prop::sample::Index>(),
            start in any::<prop::sample::Index>(),
            len in 1usize..4,
        ) {
            let index = Index::new(&articles);
            let with_text: Vec<usize> =
                (0..articles.len()).filter(|&i| !articles[i].paragraphs.is_empty()).collect();
            prop_assume!(!with_text.is_empty());
            let a = &articles[with_text[which.index(with_text.len())]];
            let para = &a.paragraphs[0];
            let mut spans = Vec::new();
            for_each_token(&para.text, |t| if !t.joined { spans.push(t.span) });
            prop_assume!(!spans.is_empty());
            let first = start.index(spans.len());
            let last = (first + len - 1).min(spans.len() - 1);
            let run = para.text[spans[first].start..spans[last].end].replace('"', " ");
            let query = format!("\"{run}\"");
            let results = index.search(&articles, &query, &SearchOptions { limit: 10, typing: false });
            prop_assert!(
                results.hits.iter().any(|h| articles[h.article].text == a.text),
                "{} did not find its article", query
            );
        }

        #[test]
        fn no_query_string_makes_the_parser_or_the_search_panic(query in "\\PC{0,200}", typing in any::<bool>()) {
            let articles = vec![build(&[vec![(0, " "), (4, "-"), (7, " ")]], &[1])];
            let index = Index::new(&articles);
            let parsed = Query::parse(&query, typing);
            prop_assert!(parsed.clauses.len() <= crossread_core::search::query::MAX_TERMS + 1);
            let results = index.search(&articles, &query, &SearchOptions { limit: 5, typing });
            prop_assert!(results.total <= 1);
        }

        #[test]
        fn queries_built_from_syntax_characters_never_panic(
            parts in prop::collection::vec(prop::sample::select(vec![
                "\"", "-", "OR", ":", "outlet:", "after:", "before:2020", "entity:\"", "type:", "undated",
                "Kata’ib", " ", "“", "”", "--", "foo:", "2019-02-30", "Abdul-", "-Mahdi", "é", "\u{0301}",
            ]), 0..20),
            typing in any::<bool>(),
        ) {
            let query: String = parts.concat();
            let articles = vec![build(&[vec![(0, " "), (4, " ")]], &[2])];
            let index = Index::new(&articles);
            let _ = index.search(&articles, &query, &SearchOptions { limit: 5, typing });
        }
    }
}
