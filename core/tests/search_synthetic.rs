//! The synthetic corpus generator: deterministic, realistic sizes, and
//! readable by ingest (titles, outlets and dates come through).

/// Named `search` so that `cargo test -p crossread-core search` runs these.
mod search {

    use crossread_core::ingest::{ingest_corpus, SourceFile};
    use crossread_core::search::synthetic::{generate, SyntheticConfig};

    const SEED_TEXT: &str = "The first seed sentence has more than six words in it. \
A second sentence follows here with 42 numbers and several words.\n";

    #[test]
    fn the_same_seed_gives_the_same_corpus_and_another_seed_a_different_one() {
        let config = SyntheticConfig { articles: 30, ..SyntheticConfig::default() };
        let a = generate(&config, &[SEED_TEXT]);
        let b = generate(&config, &[SEED_TEXT]);
        assert_eq!(a, b);
        let c = generate(&SyntheticConfig { seed: config.seed + 1, ..config }, &[SEED_TEXT]);
        assert_ne!(a, c);
    }

    #[test]
    fn articles_have_news_lengths_and_a_growing_vocabulary() {
        // Seeded with the bundled articles, as the bench and gen-corpus do.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../articles");
        let mut seeds: Vec<String> = std::fs::read_dir(dir)
            .expect("the bundled articles")
            .filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
            .collect();
        seeds.sort();
        seeds.push(SEED_TEXT.to_string());
        let refs: Vec<&str> = seeds.iter().map(String::as_str).collect();
        let corpus =
            generate(&SyntheticConfig { articles: 200, ..SyntheticConfig::default() }, &refs);
        let bytes: usize = corpus.iter().map(|a| a.text.len()).sum();
        let average = bytes / corpus.len();
        // 10,000 articles must reach 50 MB: at least 5,000 bytes each on average.
        assert!((5_000..12_000).contains(&average), "average {average} bytes");
        let mut words: Vec<&str> = corpus.iter().flat_map(|a| a.text.split_whitespace()).collect();
        words.sort_unstable();
        words.dedup();
        assert!(words.len() > 5_000, "only {} distinct words", words.len());
        assert!(corpus
            .iter()
            .any(|a| a.text.contains(SEED_TEXT.split(". ").next().unwrap_or_default())));
    }

    #[test]
    fn ingest_reads_the_title_outlet_and_date_of_most_articles() {
        let corpus = generate(&SyntheticConfig { articles: 40, ..SyntheticConfig::default() }, &[]);
        let files: Vec<SourceFile<'_>> =
            corpus.iter().map(|a| SourceFile { name: &a.name, bytes: a.text.as_bytes() }).collect();
        let articles = ingest_corpus(&files);
        let titled = articles.iter().filter(|a| a.title.is_some()).count();
        let with_outlet = articles.iter().filter(|a| a.outlet.is_some()).count();
        let dated = articles.iter().filter(|a| a.published.date.is_some()).count();
        assert!(
            titled >= 36 && with_outlet >= 36 && dated >= 30,
            "{titled} titled, {with_outlet} outlets, {dated} dated of 40"
        );
    }
}
