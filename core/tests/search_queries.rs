//! The query parser, table-driven from `fixtures/search/queries.tsv`, plus
//! the bad inputs the issue names.

/// Named `search` so that `cargo test -p crossread-core search` runs these.
mod search {

    use crossread_core::search::query::{Atom, Query, QueryWarning, MAX_QUERY_CHARS};

    fn render_atom(atom: &Atom) -> String {
        match atom {
            Atom::Word { folded, prefix, .. } => {
                format!("w({folded}{})", if *prefix { "*" } else { "" })
            }
            Atom::Phrase(words) => format!("p({})", words.join(" ")),
            Atom::Outlet(v) => format!("outlet({v})"),
            Atom::Entity(v) => format!("entity({v})"),
            Atom::Type(v) => format!("type({v})"),
            Atom::Dated { from, to } => format!(
                "dated({}..{})",
                from.map(|d| d.to_string()).unwrap_or_default(),
                to.map(|d| d.to_string()).unwrap_or_default()
            ),
            Atom::Undated => "undated".to_string(),
        }
    }

    fn render(query: &Query) -> String {
        if query.clauses.is_empty() {
            return "-".to_string();
        }
        query
            .clauses
            .iter()
            .map(|c| {
                let alts: Vec<String> = c.alternatives.iter().map(render_atom).collect();
                format!("{}{}", if c.negated { "!" } else { "" }, alts.join(" | "))
            })
            .collect::<Vec<_>>()
            .join(" & ")
    }

    fn warning_kind(w: &QueryWarning) -> &'static str {
        match w {
            QueryWarning::UnbalancedQuote => "UnbalancedQuote",
            QueryWarning::UnknownField(_) => "UnknownField",
            QueryWarning::EmptyField(_) => "EmptyField",
            QueryWarning::BadDate { .. } => "BadDate",
            QueryWarning::TooLong { .. } => "TooLong",
            QueryWarning::TooManyTerms => "TooManyTerms",
            QueryWarning::NoWords(_) => "NoWords",
            QueryWarning::StrayOr => "StrayOr",
        }
    }

    #[test]
    fn every_query_in_the_table_parses_as_written() {
        let table = include_str!("fixtures/search/queries.tsv");
        let mut failures = Vec::new();
        let mut rows = 0;
        for line in table
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty() || l.starts_with('\t'))
        {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 4, "fixture line needs 4 columns: {line:?}");
            rows += 1;
            let query = Query::parse(cols[0], cols[1] == "y");
            let got = render(&query);
            let warnings: Vec<&str> = query.warnings.iter().map(warning_kind).collect();
            let got_warnings =
                if warnings.is_empty() { "-".to_string() } else { warnings.join(",") };
            if got != cols[2] || got_warnings != cols[3] {
                failures.push(format!(
                    "{:?}: expected {} / {}, got {} / {}",
                    cols[0], cols[2], cols[3], got, got_warnings
                ));
            }
        }
        assert!(rows >= 50, "the table has only {rows} rows");
        assert!(
            failures.is_empty(),
            "{} of {rows} rows differ:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn a_ten_thousand_character_query_is_cut_with_a_warning() {
        let long = "embassy ".repeat(1250);
        let query = Query::parse(&long, false);
        assert!(matches!(query.warnings[0], QueryWarning::TooLong { chars: 10_000 }));
        assert!(query.warnings.contains(&QueryWarning::TooManyTerms));
        assert!(query.clauses.len() <= 32);
        assert!(query.warnings[0].to_string().contains(&MAX_QUERY_CHARS.to_string()));
    }

    #[test]
    fn a_ten_thousand_character_word_is_cut_to_a_term() {
        let query = Query::parse(&"x".repeat(10_000), true);
        assert_eq!(query.clauses.len(), 1);
        let Atom::Word { folded, .. } = &query.clauses[0].alternatives[0] else {
            panic!("not a word")
        };
        assert!(folded.len() <= crossread_core::search::fold::MAX_TERM_BYTES);
    }

    #[test]
    fn warnings_read_as_sentences_a_person_understands() {
        let q = Query::parse("foo:bar", false);
        assert_eq!(
            q.warnings[0].to_string().split(" (").next(),
            Some("unknown field 'foo:' searched as words")
        );
        let q = Query::parse("after:2020-13", false);
        assert!(q.warnings[0]
            .to_string()
            .contains("is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)"));
        let q = Query::parse("\"open", false);
        assert!(q.warnings[0].to_string().contains("not closed"));
        let q = Query::parse("?!", false);
        assert_eq!(
            q.warnings[0].to_string(),
            "'?!' has no letters or digits to search for; ignored"
        );
    }

    #[test]
    fn arabic_and_cyrillic_queries_fold_to_words() {
        let q = Query::parse("Москва أحمد", false);
        assert_eq!(render(&q), "w(москва) & w(احمد)");
    }
}
