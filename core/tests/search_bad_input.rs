//! Bad input never panics: each odd query gives a sensible result and a
//! clear message, and odd articles index and search cleanly.

/// Named `search` so that `cargo test -p crossread-core search` runs these.
mod search {

    use crossread_core::ingest::{ingest_file, Article, Paragraph, ParagraphKind, SourceFile};
    use crossread_core::search::{snippet, Index, QueryWarning, SearchOptions};
    use crossread_core::Span;
    use std::sync::OnceLock;

    fn build_corpus() -> Vec<Article> {
        let texts: [(&str, String); 3] = [
        ("caps.txt", "EMBASSY STORMED IN BAGHDAD\n\nPROTESTERS BROKE THROUGH THE GATE OF THE EMBASSY ON TUESDAY.\n".into()),
        ("lower.txt", "embassy guards\n\nguards at the embassy used tear gas against the crowd.\n".into()),
        ("scripts.txt", "Новости\n\nПротестующие собрались у посольства в Москве. تجمع المحتجون أمام السفارة في بغداد.\n".into()),
    ];
        let mut articles: Vec<Article> = texts
            .iter()
            .map(|(name, text)| ingest_file(SourceFile { name, bytes: text.as_bytes() }))
            .collect();
        // A megabyte on one line, as one paragraph (built directly: this tests
        // the index, not ingest).
        let line = "word ".repeat(200_000) + &"x".repeat(50_000);
        let mut one_line = ingest_file(SourceFile { name: "one-line.txt", bytes: b"" });
        one_line.paragraphs = vec![Paragraph {
            span: Span::new(0, line.len()),
            text: line.clone(),
            kind: ParagraphKind::Body,
        }];
        one_line.text = line;
        articles.push(one_line);
        articles
    }

    /// The corpus and its index, built once for all tests (the megabyte is slow
    /// to index in a debug build).
    fn shared() -> &'static (Vec<Article>, Index) {
        static SHARED: OnceLock<(Vec<Article>, Index)> = OnceLock::new();
        SHARED.get_or_init(|| {
            let articles = build_corpus();
            let index = Index::new(&articles);
            (articles, index)
        })
    }

    #[test]
    fn each_bad_query_gives_a_result_and_a_clear_message() {
        let (articles, index) = shared();
        let run = |q: &str| index.search(articles, q, &SearchOptions { limit: 10, typing: true });

        let empty = run("");
        assert_eq!(empty.total, articles.len(), "an empty query lists everything");
        assert!(empty.warnings.is_empty());

        let long = run(&"embassy ".repeat(1250));
        assert!(matches!(long.warnings[0], QueryWarning::TooLong { .. }));
        assert_eq!(long.total, 2, "the long query still searches its words");

        let unbalanced = run("\"tear gas");
        assert_eq!(unbalanced.warnings, vec![QueryWarning::UnbalancedQuote]);
        assert_eq!(unbalanced.total, 1);

        let unknown = run("foo:embassy");
        assert_eq!(unknown.warnings, vec![QueryWarning::UnknownField("foo".into())]);
        assert_eq!(unknown.total, 0, "foo and embassy are both required, and no text has foo");

        let punctuation = run("!!! ... ???");
        assert_eq!(punctuation.total, articles.len());
        assert!(punctuation.warnings.iter().all(|w| matches!(w, QueryWarning::NoWords(_))));
        assert!(!punctuation.warnings.is_empty());
    }

    #[test]
    fn all_caps_text_is_found_by_lowercase_words_and_the_reverse() {
        let (articles, index) = shared();
        let hits = index.search(articles, "PROTESTERS gate", &SearchOptions::default());
        assert_eq!(hits.total, 1);
        assert_eq!(articles[hits.hits[0].article].file, "caps.txt");
        assert_eq!(index.search(articles, "GUARDS", &SearchOptions::default()).total, 1);
    }

    #[test]
    fn cyrillic_and_arabic_words_are_found_with_their_highlights() {
        let (articles, index) = shared();
        for word in ["москве", "МОСКВЕ", "السفارة"] {
            let r = index.search(articles, word, &SearchOptions::default());
            assert_eq!(r.total, 1, "{word}");
            let hit = &r.hits[0];
            let passage = hit.passage.as_ref().expect("a passage");
            let a = &articles[hit.article];
            assert_eq!(passage.highlights.len(), 1, "{word}");
            assert_eq!(passage.highlights[0].of(&a.text).to_lowercase(), word.to_lowercase());
        }
    }

    #[test]
    fn a_megabyte_without_line_breaks_is_indexed_and_searched() {
        let (articles, index) = shared();
        let r = index.search(articles, "word", &SearchOptions::default());
        assert_eq!(r.total, 1);
        // The 50,000-letter word is cut to a term but still findable by itself.
        let r = index.search(articles, &"x".repeat(50_000), &SearchOptions::default());
        assert_eq!(r.total, 1);
        assert!(matches!(r.warnings[0], QueryWarning::TooLong { .. }));
    }

    #[test]
    fn a_snippet_of_a_hit_shown_with_the_wrong_article_does_not_panic() {
        let (articles, index) = shared();
        let r = index.search(articles, "москве", &SearchOptions::default());
        let hit = &r.hits[0];
        for a in articles.iter() {
            let s = snippet(a, hit, 12);
            assert!(s.text.chars().count() <= 12 || s.text == a.paragraphs[0].text);
        }
        let own = snippet(&articles[hit.article], hit, 30);
        assert!(own.text.contains("Москве"));
    }
}
