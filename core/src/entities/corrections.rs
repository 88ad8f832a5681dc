//! The reader's corrections on top of the machine's index.

use super::model::{Correction, Corrections, Entity, EntityIndex, EntityType, Merge};
use super::resolve::{display_name, slug};
use crate::ingest::Article;
use crate::text::fold;
use std::collections::HashMap;

/// Confidence recorded for a merge the reader made.
pub const READER_CONFIDENCE: f32 = 1.0;

impl Corrections {
    /// Records a correction.
    pub fn push(&mut self, correction: Correction) {
        self.ops.push(correction);
    }

    /// Removes and returns the last correction.
    pub fn undo(&mut self) -> Option<Correction> {
        self.ops.pop()
    }

    /// The index with every correction applied, in order. Corrections that no
    /// longer match anything (an entity id that vanished, a span that is no
    /// longer a mention) are skipped. Counts, aliases and roles are
    /// recomputed from the remaining mentions; an entity left without
    /// mentions disappears.
    pub fn apply(&self, articles: &[Article], index: &EntityIndex) -> EntityIndex {
        let mut mentions = index.mentions.clone();
        mentions.resize(articles.len().max(mentions.len()), Vec::new());
        let mut entities: HashMap<String, Entity> =
            index.entities.iter().map(|e| (e.id.clone(), e.clone())).collect();
        let text_of = |a: usize, start: usize, end: usize| -> String {
            articles.get(a).and_then(|art| art.text.get(start..end)).unwrap_or("").to_string()
        };
        for op in &self.ops {
            match op {
                Correction::Merge { into, from } => {
                    if into == from || !entities.contains_key(into) {
                        continue;
                    }
                    let Some(gone) = entities.remove(from) else { continue };
                    let kind = entities[into].kind;
                    for list in &mut mentions {
                        for m in list.iter_mut().filter(|m| m.entity == *from) {
                            m.entity = into.clone();
                            m.kind = kind;
                        }
                    }
                    if let Some(target) = entities.get_mut(into) {
                        for alias in gone.aliases {
                            target.merges.push(Merge {
                                alias,
                                confidence: READER_CONFIDENCE,
                                reason: "merged by the reader".to_string(),
                            });
                        }
                    }
                }
                Correction::Split { entity, alias } => {
                    let Some(old) = entities.get(entity) else { continue };
                    let key = fold(alias);
                    let mut hits = 0;
                    let mut total = 0;
                    for (a, list) in mentions.iter().enumerate() {
                        for m in list.iter().filter(|m| m.entity == *entity) {
                            total += 1;
                            if fold(&text_of(a, m.span.start, m.span.end)) == key {
                                hits += 1;
                            }
                        }
                    }
                    if hits == 0 || hits == total {
                        continue;
                    }
                    let kind = old.kind;
                    let id = unique_id(&entities, kind, alias);
                    for (a, list) in mentions.iter_mut().enumerate() {
                        for m in list.iter_mut().filter(|m| m.entity == *entity) {
                            if fold(&text_of(a, m.span.start, m.span.end)) == key {
                                m.entity = id.clone();
                            }
                        }
                    }
                    let new = Entity {
                        id: id.clone(),
                        name: alias.clone(),
                        kind,
                        aliases: Vec::new(),
                        roles: Vec::new(),
                        counts: Vec::new(),
                        merges: Vec::new(),
                    };
                    entities.insert(id, new);
                }
                Correction::Retype { entity, kind } => {
                    let Some(e) = entities.get_mut(entity) else { continue };
                    e.kind = *kind;
                    for list in &mut mentions {
                        for m in list.iter_mut().filter(|m| m.entity == *entity) {
                            m.kind = *kind;
                        }
                    }
                }
                Correction::NotEntity { article, start, end } => {
                    let Some(a) = articles.iter().position(|x| x.file == *article) else {
                        continue;
                    };
                    mentions[a].retain(|m| !(m.span.start == *start && m.span.end == *end));
                }
            }
        }
        rebuild(articles, mentions, entities)
    }

    /// Serialises for browser storage.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "{\"ops\":[]}".to_owned())
    }

    /// Reads stored corrections. Unknown or malformed entries are an error,
    /// so the caller can keep the raw text instead of losing it.
    pub fn from_json(json: &str) -> Result<Corrections, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }
}

/// An id for a new entity named `name`, unused so far.
fn unique_id(entities: &HashMap<String, Entity>, kind: EntityType, name: &str) -> String {
    let base = format!("{}:{}", kind.code().to_ascii_lowercase(), slug(name));
    if !entities.contains_key(&base) {
        return base;
    }
    (2..).map(|n| format!("{base}-{n}")).find(|id| !entities.contains_key(id)).unwrap_or(base)
}

/// Recomputes aliases, roles and counts of every entity from its mentions.
fn rebuild(
    articles: &[Article],
    mentions: Vec<Vec<crate::entities::Mention>>,
    mut entities: HashMap<String, Entity>,
) -> EntityIndex {
    struct Tally {
        aliases: Vec<(String, usize, usize)>,
        roles: Vec<String>,
        counts: Vec<(usize, usize)>,
    }
    let mut tallies: HashMap<&str, Tally> = HashMap::new();
    for (a, list) in mentions.iter().enumerate() {
        for m in list {
            let text = articles
                .get(a)
                .and_then(|art| art.text.get(m.span.start..m.span.end))
                .unwrap_or("")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let t = tallies.entry(m.entity.as_str()).or_insert(Tally {
                aliases: Vec::new(),
                roles: Vec::new(),
                counts: Vec::new(),
            });
            let words = text.split(' ').count();
            match t.aliases.iter_mut().find(|x| x.0 == text) {
                Some(x) => x.1 += 1,
                None => t.aliases.push((text, 1, words)),
            }
            if let Some(role) = &m.role {
                if !t.roles.iter().any(|r| fold(r) == fold(role)) {
                    t.roles.push(role.clone());
                }
            }
            match t.counts.iter_mut().find(|c| c.0 == a) {
                Some(c) => c.1 += 1,
                None => t.counts.push((a, 1)),
            }
        }
    }
    let mut out: Vec<Entity> = Vec::new();
    for (id, tally) in tallies {
        let Some(mut e) = entities.remove(id) else { continue };
        if !tally.aliases.iter().any(|a| a.0 == e.name) {
            e.name = display_name(e.kind, &tally.aliases);
        }
        e.aliases = tally.aliases.iter().map(|a| a.0.clone()).collect();
        e.merges.retain(|m| m.alias != e.name && e.aliases.contains(&m.alias));
        let mut seen = Vec::new();
        e.merges.retain(|m| {
            let fresh = !seen.contains(&m.alias);
            seen.push(m.alias.clone());
            fresh
        });
        e.roles = tally.roles;
        e.counts = tally.counts;
        out.push(e);
    }
    out.sort_by(|a, b| (a.kind, &a.id).cmp(&(b.kind, &b.id)));
    EntityIndex { entities: out, mentions }
}
