//! Entities as the views list them: rows of the Entities view, the card of
//! one entity, and which articles mention it.
//!
//! - [`EntityRows`]: every entity with its counts, built once per index.
//! - [`EntityRows::groups`]: the Entities view, filtered, sorted, grouped.
//! - [`EntityCard`]: what the hover card shows about one entity.
//!
//! Counts are taken from the mentions themselves, so they always agree with
//! what the reader highlights, corrections included.

use crossread_core::entities::{EntityIndex, EntityType};
use crossread_core::Span;
use std::collections::HashMap;

/// Folds text for matching: the core's rule (lower case, no diacritics,
/// no apostrophes, punctuation and runs of spaces as one space), so the
/// filter box matches names the way the recogniser groups them.
pub use crossread_core::text::fold;

/// How the Entities view orders the entities of a type.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EntitySort {
    /// Most mentioned first.
    #[default]
    Mentions,
    /// Alphabetically by display name (folded).
    Name,
}

impl EntitySort {
    /// The value used in the sort control.
    pub fn code(self) -> &'static str {
        match self {
            EntitySort::Mentions => "mentions",
            EntitySort::Name => "name",
        }
    }

    /// Reads [`code`](Self::code); anything else sorts by mentions.
    pub fn parse(code: &str) -> EntitySort {
        if code == "name" {
            EntitySort::Name
        } else {
            EntitySort::Mentions
        }
    }
}

/// One entity as the Entities view and the merge picker list it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityRow {
    /// Canonical id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Type.
    pub kind: EntityType,
    /// Mentions across the corpus.
    pub total: usize,
    /// Articles that mention it.
    pub articles: usize,
    /// Other names it goes by (the display name left out).
    pub aliases: Vec<String>,
    /// Folded name and aliases, for the filter box.
    search: Vec<String>,
}

impl EntityRow {
    /// True when the folded `query` occurs in the name or any alias. An
    /// empty query matches everything.
    pub fn matches(&self, folded_query: &str) -> bool {
        folded_query.is_empty() || self.search.iter().any(|s| s.contains(folded_query))
    }
}

/// A type and its entities, for one section of the Entities view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityGroup {
    /// The type of every row.
    pub kind: EntityType,
    /// The rows, filtered and sorted.
    pub rows: Vec<EntityRow>,
}

/// Every entity that has at least one mention, with its counts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntityRows {
    rows: Vec<EntityRow>,
}

/// Mentions of each entity id: total and the articles they are in.
fn tally(index: &EntityIndex) -> HashMap<&str, (usize, usize)> {
    let mut out: HashMap<&str, (usize, usize)> = HashMap::new();
    for mentions in &index.mentions {
        let mut seen_here: Vec<&str> = Vec::new();
        for m in mentions {
            let entry = out.entry(m.entity.as_str()).or_default();
            entry.0 += 1;
            if !seen_here.contains(&m.entity.as_str()) {
                seen_here.push(m.entity.as_str());
                entry.1 += 1;
            }
        }
    }
    out
}

impl EntityRows {
    /// The rows of `index`.
    pub fn of(index: &EntityIndex) -> EntityRows {
        let counts = tally(index);
        let rows = index
            .entities
            .iter()
            .filter_map(|e| {
                let &(total, articles) = counts.get(e.id.as_str())?;
                let aliases: Vec<String> =
                    e.aliases.iter().filter(|a| **a != e.name).cloned().collect();
                let search = std::iter::once(&e.name).chain(&aliases).map(|s| fold(s)).collect();
                Some(EntityRow {
                    id: e.id.clone(),
                    name: e.name.clone(),
                    kind: e.kind,
                    total,
                    articles,
                    aliases,
                    search,
                })
            })
            .collect();
        EntityRows { rows }
    }

    /// How many entities have mentions.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when no entity has a mention.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The row of entity `id`.
    pub fn get(&self, id: &str) -> Option<&EntityRow> {
        self.rows.iter().find(|r| r.id == id)
    }

    /// The Entities view: rows matching `query` (folded), sorted, grouped by
    /// type in [`EntityType::ALL`] order; types with no match are left out.
    pub fn groups(&self, query: &str, sort: EntitySort) -> Vec<EntityGroup> {
        let query = fold(query);
        EntityType::ALL
            .into_iter()
            .filter_map(|kind| {
                let mut rows: Vec<EntityRow> = self
                    .rows
                    .iter()
                    .filter(|r| r.kind == kind && r.matches(&query))
                    .cloned()
                    .collect();
                sort_rows(&mut rows, sort);
                (!rows.is_empty()).then_some(EntityGroup { kind, rows })
            })
            .collect()
    }

    /// Entities another one could be merged into: those matching `query`,
    /// `exclude` left out, same type first, then most mentioned, at most
    /// `limit`.
    pub fn candidates(
        &self,
        query: &str,
        exclude: &str,
        kind: EntityType,
        limit: usize,
    ) -> Vec<EntityRow> {
        let query = fold(query);
        let mut rows: Vec<EntityRow> =
            self.rows.iter().filter(|r| r.id != exclude && r.matches(&query)).cloned().collect();
        sort_rows(&mut rows, EntitySort::Mentions);
        rows.sort_by_key(|r| r.kind != kind);
        rows.truncate(limit);
        rows
    }
}

/// Sorts rows in place; ties fall back to the name, then the id, so the
/// order never flickers.
fn sort_rows(rows: &mut [EntityRow], sort: EntitySort) {
    match sort {
        EntitySort::Mentions => rows.sort_by(|a, b| {
            b.total
                .cmp(&a.total)
                .then_with(|| fold(&a.name).cmp(&fold(&b.name)))
                .then(a.id.cmp(&b.id))
        }),
        EntitySort::Name => {
            rows.sort_by(|a, b| fold(&a.name).cmp(&fold(&b.name)).then(a.id.cmp(&b.id)))
        }
    }
}

/// How many times each article mentions entity `id`, by corpus position.
pub fn mentions_per_article(index: &EntityIndex, id: &str) -> Vec<usize> {
    index.mentions.iter().map(|ms| ms.iter().filter(|m| m.entity == id).count()).collect()
}

/// The spans of entity `id`'s mentions in article `article`, in order.
pub fn mention_spans(index: &EntityIndex, article: usize, id: &str) -> Vec<Span> {
    index
        .mentions
        .get(article)
        .map(|ms| ms.iter().filter(|m| m.entity == id).map(|m| m.span).collect())
        .unwrap_or_default()
}

/// True when the name `alias` can be split off entity `id`: some of its
/// mentions read `alias` (folded) and some do not. `texts[i]` is the
/// original text of article `i`.
pub fn can_split(index: &EntityIndex, texts: &[&str], id: &str, alias: &str) -> bool {
    let key = fold(alias);
    let (mut same, mut other) = (false, false);
    for (i, ms) in index.mentions.iter().enumerate() {
        for m in ms.iter().filter(|m| m.entity == id) {
            let text = texts.get(i).and_then(|t| t.get(m.span.start..m.span.end)).unwrap_or("");
            if fold(text) == key {
                same = true;
            } else {
                other = true;
            }
        }
    }
    same && other
}

/// One article's line on an entity card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleMentions {
    /// The article's corpus position.
    pub article: usize,
    /// How many times it mentions the entity.
    pub count: usize,
    /// Byte offset of its first mention, to open the reader there.
    pub first: usize,
}

/// Why an alias was merged, as the card shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MergeNote {
    /// The alias that was merged in.
    pub alias: String,
    /// The reason, in words.
    pub reason: String,
    /// The confidence, in whole percent.
    pub percent: u8,
}

/// What the card of one entity shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityCard {
    /// Canonical id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Type.
    pub kind: EntityType,
    /// Roles and titles seen with it.
    pub roles: Vec<String>,
    /// Every alias seen, display name included.
    pub aliases: Vec<String>,
    /// Mentions across the corpus.
    pub total: usize,
    /// The articles that mention it, in corpus order.
    pub articles: Vec<ArticleMentions>,
    /// How its other names were merged in.
    pub merges: Vec<MergeNote>,
}

impl EntityCard {
    /// The card of entity `id`, or `None` when no such entity exists.
    pub fn of(index: &EntityIndex, id: &str) -> Option<EntityCard> {
        let entity = index.entities.iter().find(|e| e.id == id)?;
        let articles: Vec<ArticleMentions> = index
            .mentions
            .iter()
            .enumerate()
            .filter_map(|(article, ms)| {
                let mut own = ms.iter().filter(|m| m.entity == id);
                let first = own.next()?.span.start;
                Some(ArticleMentions { article, count: 1 + own.count(), first })
            })
            .collect();
        let merges = entity
            .merges
            .iter()
            .map(|m| MergeNote {
                alias: m.alias.clone(),
                reason: m.reason.clone(),
                // Clamped first, so the cast cannot wrap.
                percent: (m.confidence.clamp(0.0, 1.0) * 100.0).round() as u8,
            })
            .collect();
        Some(EntityCard {
            id: entity.id.clone(),
            name: entity.name.clone(),
            kind: entity.kind,
            roles: entity.roles.clone(),
            aliases: entity.aliases.clone(),
            total: articles.iter().map(|a| a.count).sum(),
            articles,
            merges,
        })
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crossread_core::entities::{Entity, Mention, Merge};

    /// A small hand-made index over three articles: a person with a surname
    /// alias, an organisation with an acronym, and two places.
    pub(crate) fn index() -> EntityIndex {
        let entity = |id: &str, name: &str, kind, aliases: &[&str]| Entity {
            id: id.into(),
            name: name.into(),
            kind,
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            roles: vec![],
            counts: vec![],
            merges: vec![],
        };
        let mention = |start: usize, len: usize, kind, entity: &str| Mention {
            span: Span::new(start, start + len),
            kind,
            entity: entity.into(),
            role: None,
        };
        let mut esper =
            entity("person:mark-esper", "Mark Esper", EntityType::Person, &["Mark Esper", "Esper"]);
        esper.roles = vec!["Defense Secretary".into()];
        esper.merges = vec![Merge {
            alias: "Esper".into(),
            confidence: 0.93,
            reason: "surname of Mark Esper".into(),
        }];
        EntityIndex {
            entities: vec![
                esper,
                entity(
                    "org:kataib-hezbollah",
                    "Kata’ib Hezbollah",
                    EntityType::Org,
                    &["Kata’ib Hezbollah", "Kataib Hezbollah", "KH"],
                ),
                entity("place:baghdad", "Baghdad", EntityType::Place, &["Baghdad"]),
                entity("place:iraq", "Iraq", EntityType::Place, &["Iraq", "Irak"]),
                entity("place:nowhere", "Nowhere", EntityType::Place, &["Nowhere"]),
            ],
            mentions: vec![
                vec![
                    mention(0, 10, EntityType::Person, "person:mark-esper"),
                    mention(20, 4, EntityType::Place, "place:iraq"),
                    mention(40, 5, EntityType::Person, "person:mark-esper"),
                ],
                vec![mention(5, 4, EntityType::Place, "place:iraq")],
                vec![
                    mention(0, 7, EntityType::Place, "place:baghdad"),
                    mention(10, 17, EntityType::Org, "org:kataib-hezbollah"),
                    mention(30, 4, EntityType::Place, "place:iraq"),
                    mention(50, 5, EntityType::Person, "person:mark-esper"),
                ],
            ],
        }
    }

    fn names(group: &EntityGroup) -> Vec<&str> {
        group.rows.iter().map(|r| r.name.as_str()).collect()
    }

    #[test]
    fn folding_ignores_case_diacritics_apostrophes_and_hyphens() {
        let table = [
            ("Kata’ib Hezbollah", "kataib hezbollah"),
            ("KATA'IB  HEZBOLLAH", "kataib hezbollah"),
            ("Adil Abdul-Mahdi", "adil abdul mahdi"),
            ("Muqtada al-Ṣadr", "muqtada al sadr"),
            ("Zoë Ŝ", "zoe s"),
            ("Qasem Soleima\u{301}ni", "qasem soleimani"),
            ("  — ", ""),
            ("Москва", "москва"),
        ];
        for (input, want) in table {
            assert_eq!(fold(input), want, "fold({input:?})");
        }
    }

    #[test]
    fn rows_count_mentions_and_articles_and_skip_unmentioned_entities() {
        let rows = EntityRows::of(&index());
        assert_eq!(rows.len(), 4, "Nowhere has no mention");
        let esper = rows.get("person:mark-esper").expect("Esper has a row");
        assert_eq!((esper.total, esper.articles), (3, 2));
        assert_eq!(esper.aliases, ["Esper"]);
        assert!(rows.get("place:nowhere").is_none());
    }

    #[test]
    fn groups_follow_the_type_order_and_sort_by_mentions_or_name() {
        let rows = EntityRows::of(&index());
        let by_mentions = rows.groups("", EntitySort::Mentions);
        let kinds: Vec<EntityType> = by_mentions.iter().map(|g| g.kind).collect();
        assert_eq!(kinds, [EntityType::Person, EntityType::Org, EntityType::Place]);
        assert_eq!(names(&by_mentions[2]), ["Iraq", "Baghdad"]);
        let by_name = rows.groups("", EntitySort::Name);
        assert_eq!(names(&by_name[2]), ["Baghdad", "Iraq"]);
    }

    #[test]
    fn the_filter_matches_any_alias_folded() {
        let rows = EntityRows::of(&index());
        for query in ["kataib", "KATA’IB", "kh", "hezbollah"] {
            let groups = rows.groups(query, EntitySort::Mentions);
            assert_eq!(groups.len(), 1, "query {query:?}");
            assert_eq!(names(&groups[0]), ["Kata’ib Hezbollah"], "query {query:?}");
        }
        let irak = rows.groups("irak", EntitySort::Name);
        assert_eq!(names(&irak[0]), ["Iraq"]);
        assert!(rows.groups("no such name", EntitySort::Name).is_empty());
    }

    #[test]
    fn sort_codes_round_trip() {
        for sort in [EntitySort::Mentions, EntitySort::Name] {
            assert_eq!(EntitySort::parse(sort.code()), sort);
        }
        assert_eq!(EntitySort::parse("bogus"), EntitySort::Mentions);
    }

    #[test]
    fn merge_candidates_leave_out_the_entity_and_put_its_type_first() {
        let rows = EntityRows::of(&index());
        let picks = rows.candidates("", "place:baghdad", EntityType::Place, 10);
        let ids: Vec<&str> = picks.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["place:iraq", "person:mark-esper", "org:kataib-hezbollah"]);
        assert_eq!(rows.candidates("esp", "place:baghdad", EntityType::Place, 10).len(), 1);
        assert_eq!(rows.candidates("", "x", EntityType::Org, 2).len(), 2);
    }

    #[test]
    fn articles_and_spans_of_an_entity_come_from_its_mentions() {
        let ix = index();
        assert_eq!(mentions_per_article(&ix, "person:mark-esper"), [2, 0, 1]);
        assert_eq!(mentions_per_article(&ix, "place:iraq"), [1, 1, 1]);
        assert_eq!(mentions_per_article(&ix, "nobody"), [0, 0, 0]);
        assert_eq!(
            mention_spans(&ix, 0, "person:mark-esper"),
            [Span::new(0, 10), Span::new(40, 45)]
        );
        assert!(mention_spans(&ix, 9, "person:mark-esper").is_empty());
    }

    #[test]
    fn a_card_shows_counts_per_article_with_the_first_mention() {
        let card = EntityCard::of(&index(), "person:mark-esper").expect("Esper exists");
        assert_eq!(card.total, 3);
        assert_eq!(
            card.articles,
            [
                ArticleMentions { article: 0, count: 2, first: 0 },
                ArticleMentions { article: 2, count: 1, first: 50 },
            ]
        );
        assert_eq!(card.roles, ["Defense Secretary"]);
        assert_eq!(card.merges[0].percent, 93);
        assert!(EntityCard::of(&index(), "nobody").is_none());
    }

    #[test]
    fn only_a_name_some_but_not_all_mentions_use_can_be_split_off() {
        let ix = index();
        // Article texts matching the fixture's spans: Esper written in full
        // once and by surname twice; Iraq always as "Iraq".
        let a0 = format!("{:<20}{:<20}{:<10}", "Mark Esper", "Iraq", "Esper");
        let a1 = format!("{:<5}{:<10}", "", "Iraq");
        let a2 =
            format!("{:<10}{:<20}{:<20}{:<10}", "Baghdad", "Kataib Hezbollah", "Iraq", "Esper");
        let texts = [a0.as_str(), a1.as_str(), a2.as_str()];
        assert!(can_split(&ix, &texts, "person:mark-esper", "Esper"));
        assert!(can_split(&ix, &texts, "person:mark-esper", "MARK ESPER"));
        assert!(!can_split(&ix, &texts, "place:iraq", "Iraq"), "every mention reads Iraq");
        assert!(!can_split(&ix, &texts, "person:mark-esper", "Nobody"));
    }
}
