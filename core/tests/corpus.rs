//! Cues that need the whole corpus: lines that recur across articles of one
//! site, and ids that must be unique.

mod common;

use common::{check_invariants, removed};
use crossread_core::ingest::{ingest_corpus, ingest_file, SourceFile};

const QUOTE: &str = "“We will not leave until our demands are met,” the protest leader told the crowd outside the gate.";

fn page(headline: &str, body: &str) -> String {
    format!(
        "Home | World | Politics | Opinion\n\nMorning Ledger Weekly Picks\n\n{headline}\n\n{body}\n\n{QUOTE}\n\n\
         The talks are expected to resume next week, officials said on Friday.\n\nMorning Ledger Weekly Picks\n"
    )
}

#[test]
fn short_lines_shared_by_articles_of_one_site_are_boilerplate_but_shared_quotes_are_content() {
    let a = page(
        "Talks stall over border crossing",
        "Negotiators failed to agree on the crossing on Thursday, both sides said.",
    );
    let b = page(
        "Crowds gather at the embassy gate",
        "Hundreds of people gathered at the gate of the embassy on Friday morning.",
    );
    let sources = [
        SourceFile { name: "a.txt", bytes: a.as_bytes() },
        SourceFile { name: "b.txt", bytes: b.as_bytes() },
    ];
    let articles = ingest_corpus(&sources);
    for article in &articles {
        check_invariants(article);
        let boilerplate = removed(article, "boilerplate");
        assert!(boilerplate.contains(&"Home | World | Politics | Opinion"), "{boilerplate:?}");
        assert_eq!(boilerplate.iter().filter(|t| **t == "Morning Ledger Weekly Picks").count(), 2);
        assert!(
            article.paragraphs.iter().any(|p| p.text == QUOTE),
            "a quote both outlets carry is content"
        );
    }
    assert_eq!(
        articles[0].title.as_ref().map(|f| f.value.as_str()),
        Some("Talks stall over border crossing")
    );
    assert_eq!(
        articles[1].title.as_ref().map(|f| f.value.as_str()),
        Some("Crowds gather at the embassy gate")
    );
}

#[test]
fn a_single_file_has_no_cross_article_cue() {
    let a = page(
        "Talks stall over border crossing",
        "Negotiators failed to agree on the crossing on Thursday, both sides said.",
    );
    let article = ingest_file(SourceFile { name: "a.txt", bytes: a.as_bytes() });
    check_invariants(&article);
    // Only the menu goes, by its shape; the repeated site line has no cue.
    assert_eq!(removed(&article, "boilerplate"), ["Home | World | Politics | Opinion"]);
}

#[test]
fn ids_get_numbered_suffixes_on_collision() {
    let text = b"Some headline here\n\nSome body text that says something, officials said.";
    let sources = [
        SourceFile { name: "story.txt", bytes: text },
        SourceFile { name: "story.md", bytes: text },
        SourceFile { name: "dir/story", bytes: text },
    ];
    let ids: Vec<String> = ingest_corpus(&sources).into_iter().map(|a| a.id).collect();
    assert_eq!(ids, ["story", "story-2", "story-3"]);
}
