//! Ranking, filters, facets, passages and suggestions on a tiny corpus where
//! the right answer is obvious. The ranking cases are a table in
//! `fixtures/search/ranking.tsv`.

/// Named `search` so that `cargo test -p crossread-core search` runs these.
mod search {

    use crossread_core::ingest::{Article, DateBasis, Field, Paragraph, ParagraphKind, Published};
    use crossread_core::search::{snippet, EntityTag, FacetInput, Index, SearchOptions};
    use crossread_core::Span;
    use jiff::civil::{date, Date};

    /// Builds an article whose text is its title line, then its paragraphs.
    fn article(
        id: &str,
        title: &str,
        outlet: Option<&str>,
        published: Option<Date>,
        paras: &[&str],
    ) -> Article {
        let mut text = format!("{title}\n\n");
        let mut paragraphs = Vec::new();
        for p in paras {
            let start = text.len();
            text.push_str(p);
            paragraphs.push(Paragraph {
                span: Span::new(start, text.len()),
                text: p.to_string(),
                kind: ParagraphKind::Body,
            });
            text.push_str("\n\n");
        }
        let mut outlet_field = None;
        if let Some(o) = outlet {
            let start = text.len();
            text.push_str(o);
            outlet_field =
                Some(Field { value: o.to_string(), evidence: Span::new(start, text.len()) });
        }
        Article {
            file: format!("{id}.txt"),
            id: id.to_string(),
            title: Some(Field { value: title.to_string(), evidence: Span::new(0, title.len()) }),
            outlet: outlet_field,
            byline: None,
            published: match published {
                Some(d) => Published {
                    date: Some(d),
                    basis: DateBasis::Stated,
                    evidence: None,
                    reason: None,
                },
                None => Published::unknown(),
            },
            paragraphs,
            removed: Vec::new(),
            notices: Vec::new(),
            text,
        }
    }

    fn corpus() -> (Vec<Article>, FacetInput) {
        let planet = Some("Daily Planet");
        let star = Some("Evening Star");
        let articles = vec![
            article(
                "planet-title",
                "Embassy protest in Baghdad",
                planet,
                Some(date(2019, 12, 31)),
                &["Crowds gathered on Tuesday. Police watched from a distance."],
            ),
            article(
                "star-body",
                "Evening briefing",
                star,
                Some(date(2020, 1, 2)),
                &["Crowds gathered at the embassy on Tuesday and a protest followed."],
            ),
            article(
                "hyphen",
                "Prime minister resigns",
                planet,
                Some(date(2019, 11, 29)),
                &["Adel Abdul-Mahdi said he would step down after weeks of unrest."],
            ),
            article(
                "spaced",
                "Caretaker government",
                star,
                Some(date(2019, 12, 2)),
                &["Abdul Mahdi stayed on as caretaker while parties argued."],
            ),
            article(
                "kataib-curly",
                "Militia statement",
                None,
                None,
                &["Kata’ib Hezbollah issued a statement on Sunday."],
            ),
            article(
                "kataib-plain",
                "Airstrikes on bases",
                planet,
                Some(date(2019, 12, 29)),
                &["Strikes hit Kataib Hezbollah bases near the border."],
            ),
            article(
                "weather",
                "Coastal weather",
                Some("Coast Weekly"),
                Some(date(2018, 9, 1)),
                &["A powerful hurricane approached the coast."],
            ),
            article(
                "phrase",
                "Farm life",
                None,
                Some(date(2021, 5, 5)),
                &["The red house stood beside the blue barn."],
            ),
            article(
                "phrase-rev",
                "Farm colours",
                None,
                Some(date(2021, 6, 6)),
                &["The house was red and the barn was blue."],
            ),
            article(
                "cafe",
                "Café society",
                None,
                Some(date(2017, 3, 3)),
                &["The café on the corner serves résumé writers."],
            ),
            article(
                "warning-title",
                "Warning warning warning",
                None,
                Some(date(2016, 1, 1)),
                &["Residents heard the warning sirens."],
            ),
            article(
                "storm-body",
                "Local news",
                None,
                Some(date(2016, 2, 2)),
                &["Two storms crossed the valley."],
            ),
        ];
        let tag = |id: &str, name: &str, kind: &str| EntityTag {
            id: id.into(),
            name: name.into(),
            kind: kind.into(),
        };
        let mut entities = vec![Vec::new(); articles.len()];
        let mut event_dates = vec![Vec::new(); articles.len()];
        let at = |id: &str| articles.iter().position(|a| a.id == id).expect("fixture id");
        entities[at("hyphen")].push(tag("Q1", "Adel Abdul-Mahdi", "person"));
        entities[at("spaced")].push(tag("Q1", "Adel Abdul-Mahdi", "person"));
        entities[at("kataib-curly")].push(tag("Q2", "Kata'ib Hezbollah", "organization"));
        entities[at("kataib-plain")].push(tag("Q2", "Kata'ib Hezbollah", "organization"));
        event_dates[at("phrase-rev")].push((date(2015, 1, 1), date(2015, 1, 31)));
        let aliases = vec![
            ("KH".to_string(), "Q2".to_string()),
            ("Abdul Mahdi".to_string(), "Q1".to_string()),
        ];
        (articles, FacetInput { entities, event_dates, aliases })
    }

    fn ids(articles: &[Article], hits: &[crossread_core::search::Hit]) -> Vec<String> {
        hits.iter().map(|h| articles[h.article].id.clone()).collect()
    }

    #[test]
    fn every_ranking_case_in_the_table_returns_the_expected_articles() {
        let (articles, facets) = corpus();
        let index = Index::build(&articles, &facets);
        let mut failures = Vec::new();
        let mut rows = 0;
        for line in include_str!("fixtures/search/ranking.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 4, "fixture line needs 4 columns: {line:?}");
            rows += 1;
            let options = SearchOptions { limit: 50, typing: cols[1] == "y" };
            let results = index.search(&articles, cols[0], &options);
            let mut got = ids(&articles, &results.hits);
            let mut want: Vec<String> = if cols[3] == "-" {
                Vec::new()
            } else {
                cols[3].split(',').map(str::to_string).collect()
            };
            if cols[2] == "set" {
                got.sort();
                want.sort();
            }
            if got != want || results.total != want.len() {
                failures.push(format!(
                    "{:?}: expected {want:?}, got {got:?} (total {})",
                    cols[0], results.total
                ));
            }
        }
        assert!(rows >= 30, "only {rows} rows");
        assert!(
            failures.is_empty(),
            "{} of {rows} cases differ:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    fn highlighted(article: &Article, spans: &[Span]) -> Vec<String> {
        spans.iter().map(|s| s.of(&article.text).to_string()).collect()
    }

    #[test]
    fn highlights_cover_the_matched_words_in_the_original_text() {
        let (articles, facets) = corpus();
        let index = Index::build(&articles, &facets);
        let cases: &[(&str, &str, &[&str], &[&str])] = &[
            // query, article, passage highlights, title highlights
            ("Kataib", "kataib-curly", &["Kata’ib"], &[]),
            ("kata'ib hezbollah", "kataib-plain", &["Kataib", "Hezbollah"], &[]),
            ("Abdul-Mahdi", "hyphen", &["Abdul", "Mahdi"], &[]),
            ("abdulmahdi", "hyphen", &["Abdul-Mahdi"], &[]),
            ("embassy", "planet-title", &[], &["Embassy"]),
            ("gathering crowd", "star-body", &["Crowds", "gathered"], &[]),
            ("\"red house\"", "phrase", &["red", "house"], &[]),
            ("resume", "cafe", &["résumé"], &[]),
            ("huricane", "weather", &["hurricane"], &[]),
        ];
        for (query, id, passage, title) in cases {
            let results = index.search(&articles, query, &SearchOptions::default());
            let hit = results
                .hits
                .iter()
                .find(|h| articles[h.article].id == *id)
                .unwrap_or_else(|| panic!("{query}: no {id}"));
            let a = &articles[hit.article];
            let got =
                hit.passage.as_ref().map(|p| highlighted(a, &p.highlights)).unwrap_or_default();
            assert_eq!(got, *passage, "{query}: passage highlights");
            assert_eq!(highlighted(a, &hit.title_highlights), *title, "{query}: title highlights");
        }
    }

    #[test]
    fn a_typo_hit_is_marked_fuzzy_and_an_exact_hit_is_not() {
        let (articles, facets) = corpus();
        let index = Index::build(&articles, &facets);
        let fuzzy = index.search(&articles, "huricane", &SearchOptions::default());
        assert!(fuzzy.hits[0].fuzzy);
        let exact = index.search(&articles, "hurricane", &SearchOptions::default());
        assert!(!exact.hits[0].fuzzy);
        // A four-letter word tolerates no typo.
        assert_eq!(index.search(&articles, "barm", &SearchOptions::default()).total, 0);
    }

    #[test]
    fn an_empty_result_suggests_the_closest_word() {
        let (articles, facets) = corpus();
        let index = Index::build(&articles, &facets);
        let results = index.search(&articles, "blue barm", &SearchOptions::default());
        assert_eq!(results.total, 0);
        let suggestion = results.suggestion.expect("a suggestion");
        assert_eq!(suggestion.query, "blue barn");
        assert_eq!(suggestion.replacements, vec![("barm".to_string(), "barn".to_string())]);
        let rerun = index.search(&articles, &suggestion.query, &SearchOptions::default());
        let mut found = ids(&articles, &rerun.hits);
        found.sort();
        assert_eq!(found, vec!["phrase", "phrase-rev"]);
    }

    #[test]
    fn facets_count_the_current_result_set() {
        let (articles, facets) = corpus();
        let index = Index::build(&articles, &facets);
        let results = index.search(&articles, "abdul", &SearchOptions::default());
        assert_eq!(results.total, 2);
        let outlets: Vec<(&str, usize)> =
            results.facets.outlets.iter().map(|f| (f.label.as_str(), f.count)).collect();
        assert_eq!(outlets, vec![("Daily Planet", 1), ("Evening Star", 1)]);
        let entities: Vec<(&str, &str, usize)> = results
            .facets
            .entities
            .iter()
            .map(|f| (f.value.as_str(), f.label.as_str(), f.count))
            .collect();
        assert_eq!(entities, vec![("Q1", "Adel Abdul-Mahdi", 2)]);
        assert_eq!(results.facets.entity_types[0].value, "person");
        let months: Vec<(&str, usize)> =
            results.facets.dates.buckets.iter().map(|b| (b.label.as_str(), b.count)).collect();
        assert_eq!(months, vec![("2019-11", 1), ("2019-12", 1)]);

        // The whole corpus spans more than three years: bucketed by year.
        let all = index.search(&articles, "", &SearchOptions::default());
        assert_eq!(all.total, articles.len());
        let years: Vec<&str> = all.facets.dates.buckets.iter().map(|b| b.label.as_str()).collect();
        assert_eq!(years, vec!["2016", "2017", "2018", "2019", "2020", "2021"]);
        assert_eq!(all.facets.dates.undated, 1);
        assert_eq!(all.facets.outlets[0].label, "Daily Planet");
        assert_eq!(all.facets.outlets[0].count, 3);
    }

    #[test]
    fn an_empty_query_lists_every_article_newest_first() {
        let (articles, facets) = corpus();
        let index = Index::build(&articles, &facets);
        let results = index.search(&articles, "   ", &SearchOptions { limit: 3, typing: true });
        assert_eq!(results.total, articles.len());
        assert_eq!(ids(&articles, &results.hits), vec!["phrase-rev", "phrase", "star-body"]);
        assert!(results.warnings.is_empty());
    }

    #[test]
    fn the_snippet_is_a_short_window_around_the_first_highlight() {
        let long = format!(
            "{} The verdict came on Friday. {}",
            "Background words here. ".repeat(30),
            "More words follow. ".repeat(30)
        );
        let articles = vec![article("long", "Court news", None, None, &[long.as_str()])];
        let index = Index::new(&articles);
        let results = index.search(&articles, "verdict", &SearchOptions::default());
        let s = snippet(&articles[0], &results.hits[0], 120);
        assert!(s.text.chars().count() <= 120, "{:?}", s.text);
        assert!(s.cut_before && s.cut_after);
        assert_eq!(s.highlights.len(), 1);
        assert_eq!(&s.text[s.highlights[0].start..s.highlights[0].end], "verdict");
        assert_eq!(s.span.of(&articles[0].text), s.text);
    }
}
