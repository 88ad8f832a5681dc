//! Resolution: mentions of all articles grouped into canonical entities.
//!
//! Mentions start in groups of equal type and folded key (so "Kata’ib
//! Hezbollah" and "Kataib Hezbollah", "Abdul-Mahdi" and "Abdul Mahdi" are
//! one group from the start). Groups are then joined when
//!
//! - two full names of people differ only in transliteration: every word
//!   has the same [`phonetic`] key and the spellings are close by
//!   Jaro-Winkler ("Mohamad Mouhiye" / "Mohammed Mohieh");
//! - two organisation names do the same ("Kataib" / "Kataeb");
//! - an acronym was defined next to its long form ("… Forces (PMF)"), or,
//!   with less confidence, is the initials of exactly one organisation;
//! - places share the gazetteer's canonical name ("U.S." / "United States").
//!
//! A bare surname ("Esper") joins the one full name it ends, mention by
//! mention. If the corpus has several full names with that surname (two
//! different Smiths), it joins the one in the same article, the nearest
//! earlier one when the article has several, and stays on its own when the
//! article has none: two people who share a surname are never merged.

use super::gazetteer::gazetteer;
use super::model::{Entity, EntityIndex, EntityType, Mention, Merge};
use super::recognise::Found;
use crate::ingest::Article;
use crate::text::fold;
use std::collections::HashMap;

/// Confidence of a merge of two spellings with the same folded key.
pub const SAME_KEY_CONFIDENCE: f32 = 0.97;
/// Confidence of an acronym given in parentheses next to its long form.
pub const DEFINED_ACRONYM_CONFIDENCE: f32 = 0.95;
/// Confidence of an acronym matching the initials of one organisation.
pub const INITIALS_CONFIDENCE: f32 = 0.7;
/// Confidence of places sharing a canonical gazetteer name.
pub const CANONICAL_PLACE_CONFIDENCE: f32 = 0.95;
/// Confidence of a surname joining the only full name it ends.
pub const UNIQUE_SURNAME_CONFIDENCE: f32 = 0.9;
/// Confidence of a surname joining a full name of the same article when
/// the corpus has other people of that surname.
pub const LOCAL_SURNAME_CONFIDENCE: f32 = 0.75;
/// Confidence of a surname joining the nearest earlier of several full
/// names in its article.
pub const NEAREST_SURNAME_CONFIDENCE: f32 = 0.6;
/// Two words are spelling variants only when their Jaro-Winkler similarity
/// is at least this (with equal phonetic keys).
pub const WORD_SIMILARITY_MIN: f64 = 0.78;
/// The lowest confidence at which two names are merged at all.
pub const MERGE_CONFIDENCE_MIN: f32 = 0.5;
/// Added to a variant merge when both names were given the same role.
pub const SAME_ROLE_BONUS: f32 = 0.1;
/// Highest confidence a spelling-variant merge can reach.
pub const VARIANT_CONFIDENCE_MAX: f32 = 0.95;

/// A group of mentions with one type and key.
struct Group {
    kind: EntityType,
    key: String,
    /// How this group joined its parent: (parent, confidence, reason).
    edge: Option<(usize, f32, String)>,
}

/// Union of groups, keeping the reason of each join.
struct Groups {
    groups: Vec<Group>,
    index: HashMap<(EntityType, String), usize>,
}

impl Groups {
    fn id(&mut self, kind: EntityType, key: &str) -> usize {
        if let Some(&g) = self.index.get(&(kind, key.to_string())) {
            return g;
        }
        let g = self.groups.len();
        self.groups.push(Group { kind, key: key.to_string(), edge: None });
        self.index.insert((kind, key.to_string()), g);
        g
    }

    fn root(&self, mut g: usize) -> usize {
        while let Some((p, _, _)) = self.groups[g].edge {
            g = p;
        }
        g
    }

    /// Joins `child`'s tree under `parent`'s; false if already one.
    fn join(&mut self, child: usize, parent: usize, confidence: f32, reason: String) -> bool {
        let (c, p) = (self.root(child), self.root(parent));
        if c == p {
            return false;
        }
        self.groups[c].edge = Some((p, confidence, reason));
        true
    }

    /// The weakest confidence on the way from `g` to its root, with the
    /// reason of the first join.
    fn path(&self, mut g: usize) -> Option<(f32, String)> {
        let mut out: Option<(f32, String)> = None;
        while let Some((p, c, ref r)) = self.groups[g].edge {
            out = Some(match out {
                None => (c, r.clone()),
                Some((best, reason)) => (best.min(c), reason),
            });
            g = p;
        }
        out
    }
}

/// The cluster key of a mention: places by canonical name, organisations
/// and facilities without a leading "the".
fn group_key(kind: EntityType, key: &str) -> String {
    match kind {
        EntityType::Place => match gazetteer().canonical_place(key) {
            Some(canonical) => fold(canonical),
            None => key.to_string(),
        },
        EntityType::Org | EntityType::Facility => {
            key.strip_prefix("the ").unwrap_or(key).to_string()
        }
        // "Iraqis" is the group of "Iraqi".
        EntityType::Norp => match key.strip_suffix('s') {
            Some(one) if gazetteer().demonym(one).is_some() => one.to_string(),
            _ => key.to_string(),
        },
        _ => key.to_string(),
    }
}

/// A transliteration-tolerant key of one folded word: digraphs and letters
/// that sound alike are mapped together ("ph"→f, q/c→k, "ou"→u), vowels
/// after the first letter dropped, doubles collapsed and a final "h"
/// dropped. "mohamad" and "mohammed" → `mhmd`; "adil" and "adel" → `adl`.
pub fn phonetic(word: &str) -> String {
    if !word.is_ascii() {
        return word.to_string();
    }
    let b = word.as_bytes();
    let mut mapped: Vec<u8> = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let pair = if i + 1 < b.len() { Some((b[i], b[i + 1])) } else { None };
        let (c, skip) = match pair {
            Some((b'p', b'h')) => (b'f', 2),
            Some((b'k', b'h')) | Some((b'c', b'k')) | Some((b'c', b'h')) => (b'k', 2),
            Some((b'g', b'h')) => (b'g', 2),
            Some((b't', b'h')) => (b't', 2),
            Some((b'd', b'h')) => (b'd', 2),
            _ => match b[i] {
                b'q' | b'c' => (b'k', 1),
                b'x' => (b's', 1),
                b'y' if i > 0 => (b'i', 1),
                b'w' if i > 0 => (b'u', 1),
                other => (other, 1),
            },
        };
        mapped.push(c);
        i += skip;
    }
    let vowel = |c: u8| matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
    let mut out = String::with_capacity(mapped.len());
    for (i, &c) in mapped.iter().enumerate() {
        if i == 0 {
            out.push(if vowel(c) { 'a' } else { c as char });
            continue;
        }
        if vowel(c) || out.as_bytes().last() == Some(&c) {
            continue;
        }
        out.push(c as char);
    }
    if out.len() > 1 && out.ends_with('h') {
        out.pop();
    }
    out
}

/// True when two folded words are spellings of one name.
fn same_word(a: &str, b: &str) -> bool {
    a == b || (phonetic(a) == phonetic(b) && strsim::jaro_winkler(a, b) >= WORD_SIMILARITY_MIN)
}

/// Words of a name key without single-letter initials ("donald j trump").
fn name_words(key: &str) -> Vec<&str> {
    let words: Vec<&str> = key.split(' ').collect();
    if words.len() <= 2 {
        return words;
    }
    words.into_iter().filter(|w| w.chars().count() > 1).collect()
}

/// Confidence that two multi-word names of one type are spelling variants.
fn variant_confidence(a: &str, b: &str, same_role: bool) -> Option<f32> {
    let (wa, wb) = (name_words(a), name_words(b));
    if wa.len() != wb.len() || wa.len() < 2 || !wa.iter().zip(&wb).all(|(x, y)| same_word(x, y)) {
        return None;
    }
    let sim = strsim::jaro_winkler(a, b) as f32;
    let bonus = if same_role { SAME_ROLE_BONUS } else { 0.0 };
    let confidence = (0.4 + 0.5 * sim + bonus).min(VARIANT_CONFIDENCE_MAX);
    (confidence >= MERGE_CONFIDENCE_MIN).then_some(confidence)
}

/// The initials of a name key, skipping function words: "popular
/// mobilization forces" → `pmf`.
fn initials(key: &str) -> String {
    key.split(' ')
        .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "al" | "el"))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Resolves the recognised mentions of every article (`found[i]` belongs
/// to `articles[i]`; untyped ones are ignored).
pub(crate) fn resolve(articles: &[Article], found: &[Vec<Found>]) -> EntityIndex {
    let mut groups = Groups { groups: Vec::new(), index: HashMap::new() };
    // (article, found index, group)
    let mut placed: Vec<(usize, usize, usize)> = Vec::new();
    let mut roles_of: HashMap<usize, Vec<String>> = HashMap::new();
    for (a, list) in found.iter().enumerate() {
        for (i, f) in list.iter().enumerate() {
            let Some(kind) = f.kind else { continue };
            let g = groups.id(kind, &group_key(kind, &f.key));
            if let Some(role) = &f.role {
                roles_of.entry(g).or_default().push(fold(role));
            }
            placed.push((a, i, g));
        }
    }
    let n_groups = groups.groups.len();
    // Places sharing a canonical name are one group already; nothing to do.
    // Acronyms defined next to their long form.
    for &(a, i, g) in &placed {
        let f = &found[a][i];
        if let (Some(long), Some(kind)) = (&f.long_form, f.kind) {
            let target = groups.id(kind, &group_key(kind, long));
            groups.join(
                g,
                target,
                DEFINED_ACRONYM_CONFIDENCE,
                "acronym given in parentheses".into(),
            );
        }
    }
    // Spelling variants of multi-word person and organisation names,
    // compared within blocks of the same phonetic last word.
    let mut blocks: HashMap<(EntityType, String), Vec<usize>> = HashMap::new();
    for g in 0..n_groups {
        let group = &groups.groups[g];
        if matches!(group.kind, EntityType::Person | EntityType::Org) && group.key.contains(' ') {
            let last = group.key.rsplit(' ').next().unwrap_or("");
            blocks.entry((group.kind, phonetic(last))).or_default().push(g);
        }
    }
    let mut block_list: Vec<_> = blocks.into_iter().collect();
    block_list.sort_by(|x, y| x.0.cmp(&y.0));
    for (_, members) in &block_list {
        for (x, &gx) in members.iter().enumerate() {
            for &gy in &members[x + 1..] {
                let (kx, ky) = (&groups.groups[gx].key, &groups.groups[gy].key);
                let same_role = match (roles_of.get(&gx), roles_of.get(&gy)) {
                    (Some(rx), Some(ry)) => rx.iter().any(|r| ry.contains(r)),
                    _ => false,
                };
                if let Some(c) = variant_confidence(kx, ky, same_role) {
                    let reason = if same_role {
                        "spelling variant (same sound, same role)"
                    } else {
                        "spelling variant (same sound)"
                    };
                    groups.join(gy, gx, c, reason.into());
                }
            }
        }
    }
    // Acronyms not defined anywhere: the initials of exactly one organisation.
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
    for g in 0..n_groups {
        let group = &groups.groups[g];
        if group.kind == EntityType::Org && group.key.contains(' ') {
            by_initials.entry(initials(&group.key)).or_default().push(g);
        }
    }
    for g in 0..n_groups {
        let group = &groups.groups[g];
        if group.kind != EntityType::Org
            || group.key.contains(' ')
            || groups.groups[g].edge.is_some()
        {
            continue;
        }
        if let Some(targets) = by_initials.get(&group.key) {
            let roots: Vec<usize> = {
                let mut r: Vec<usize> = targets.iter().map(|&t| groups.root(t)).collect();
                r.sort_unstable();
                r.dedup();
                r
            };
            if roots.len() == 1 {
                groups.join(
                    g,
                    roots[0],
                    INITIALS_CONFIDENCE,
                    "acronym of the name's initials".into(),
                );
            }
        }
    }
    // Surnames, mention by mention.
    let mut assigned: Vec<usize> = placed.iter().map(|&(_, _, g)| groups.root(g)).collect();
    let mut link: Vec<Option<(f32, String)>> = vec![None; placed.len()];
    let mut full_by_tail: HashMap<String, Vec<usize>> = HashMap::new();
    for g in 0..n_groups {
        let group = &groups.groups[g];
        if group.kind == EntityType::Person {
            let words: Vec<&str> = group.key.split(' ').collect();
            for k in 1..words.len() {
                full_by_tail.entry(words[k..].join(" ")).or_default().push(g);
            }
        }
    }
    for (m, &(a, i, g)) in placed.iter().enumerate() {
        if groups.groups[g].kind != EntityType::Person {
            continue;
        }
        let key = &groups.groups[g].key;
        let Some(candidates) = full_by_tail.get(key) else { continue };
        let mut roots: Vec<usize> = candidates.iter().map(|&c| groups.root(c)).collect();
        roots.sort_unstable();
        roots.dedup();
        roots.retain(|&r| r != groups.root(g));
        if roots.is_empty() {
            continue;
        }
        let start = found[a][i].span.start;
        // Full-name mentions of the candidates in this article: (start, root).
        let local: Vec<(usize, usize)> = placed
            .iter()
            .enumerate()
            .filter(|&(o, &(oa, _, _))| oa == a && o != m && roots.contains(&assigned[o]))
            .filter(|&(_, &(_, _, og))| groups.groups[og].key.len() > key.len())
            .map(|(o, &(_, oi, _))| (found[a][oi].span.start, assigned[o]))
            .collect();
        let mut local_roots: Vec<usize> = local.iter().map(|&(_, r)| r).collect();
        local_roots.sort_unstable();
        local_roots.dedup();
        let name = |r: usize| groups.groups[r].key.clone();
        let choice = if roots.len() == 1 {
            let c = if local_roots.is_empty() {
                UNIQUE_SURNAME_CONFIDENCE - 0.1
            } else {
                UNIQUE_SURNAME_CONFIDENCE
            };
            Some((roots[0], c, format!("surname of {}", name(roots[0]))))
        } else if local_roots.len() == 1 {
            let r = local_roots[0];
            Some((
                r,
                LOCAL_SURNAME_CONFIDENCE,
                format!("surname of {} in the same article", name(r)),
            ))
        } else if local_roots.len() > 1 {
            let prior = local.iter().filter(|&&(s, _)| s < start).max_by_key(|&&(s, _)| s);
            let nearest = prior.or_else(|| local.iter().min_by_key(|&&(s, _)| s));
            nearest.map(|&(_, r)| {
                (
                    r,
                    NEAREST_SURNAME_CONFIDENCE,
                    format!("surname of {}, the nearest mention", name(r)),
                )
            })
        } else {
            None
        };
        if let Some((r, c, reason)) = choice {
            assigned[m] = r;
            link[m] = Some((c, reason));
        }
    }
    // Every mention's group (after joins) is its entity.
    for (m, &(_, _, g)) in placed.iter().enumerate() {
        if link[m].is_none() {
            assigned[m] = groups.root(g);
            link[m] = groups.path(g);
        }
    }
    build(articles, found, &placed, &assigned, &link, &groups)
}

/// Builds the entities and per-article mentions.
fn build(
    articles: &[Article],
    found: &[Vec<Found>],
    placed: &[(usize, usize, usize)],
    assigned: &[usize],
    link: &[Option<(f32, String)>],
    groups: &Groups,
) -> EntityIndex {
    // Members of each entity, by root group, in corpus order.
    let mut members: HashMap<usize, Vec<usize>> = HashMap::new();
    for (m, &root) in assigned.iter().enumerate() {
        members.entry(root).or_default().push(m);
    }
    let mut roots: Vec<usize> = members.keys().copied().collect();
    roots.sort_unstable_by_key(|r| members[r][0]);
    let text_of = |m: usize| {
        let (a, i, _) = placed[m];
        found[a][i].span.of(&articles[a].text).split_whitespace().collect::<Vec<_>>().join(" ")
    };
    let mut drafts: Vec<Draft> = Vec::new();
    for root in roots {
        let ms = &members[&root];
        let kind = groups.groups[root].kind;
        // Aliases with their counts and word counts, in first-seen order.
        let mut aliases: Vec<(String, usize, usize)> = Vec::new();
        for &m in ms {
            let t = text_of(m);
            let (a, i, _) = placed[m];
            let words = found[a][i].words;
            match aliases.iter_mut().find(|x| x.0 == t) {
                Some(x) => x.1 += 1,
                None => aliases.push((t, 1, words)),
            }
        }
        let name = display_name(kind, &aliases);
        let name_key = fold(&name);
        let mut merges = Vec::new();
        for (alias, _, _) in &aliases {
            if *alias == name {
                continue;
            }
            let m = ms.iter().copied().find(|&m| text_of(m) == *alias).unwrap_or(ms[0]);
            let alias_key = fold(alias);
            let canonical = |k: &str| gazetteer().canonical_place(k);
            let (confidence, reason) = if alias_key == name_key {
                (
                    SAME_KEY_CONFIDENCE,
                    "same name after folding case, accents, hyphens and apostrophes".to_string(),
                )
            } else if kind == EntityType::Place
                && canonical(&alias_key).is_some()
                && canonical(&alias_key) == canonical(&name_key)
            {
                (CANONICAL_PLACE_CONFIDENCE, "same place in the gazetteer".to_string())
            } else if kind == EntityType::Norp
                && alias_key.strip_suffix('s') == Some(name_key.as_str())
            {
                (SAME_KEY_CONFIDENCE, "plural of the same group".to_string())
            } else {
                link[m]
                    .clone()
                    .or_else(|| {
                        // The display name joined this alias's group, not the other way.
                        ms.iter()
                            .find_map(|&o| (text_of(o) == name).then(|| link[o].clone()).flatten())
                    })
                    .unwrap_or((SAME_KEY_CONFIDENCE, "same name".to_string()))
            };
            merges.push(Merge { alias: alias.clone(), confidence, reason });
        }
        let mut roles: Vec<String> = Vec::new();
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for &m in ms {
            let (a, i, _) = placed[m];
            if let Some(role) = &found[a][i].role {
                let role = role.split_whitespace().collect::<Vec<_>>().join(" ");
                if !roles.iter().any(|r| fold(r) == fold(&role)) {
                    roles.push(role);
                }
            }
            match counts.iter_mut().find(|c| c.0 == a) {
                Some(c) => c.1 += 1,
                None => counts.push((a, 1)),
            }
        }
        counts.sort_unstable();
        drafts.push(Draft {
            entity: Entity {
                id: String::new(),
                name,
                kind,
                aliases: aliases.into_iter().map(|a| a.0).collect(),
                roles,
                counts,
                merges,
            },
            members: ms.clone(),
        });
    }
    assign_ids(&mut drafts);
    let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); articles.len()];
    for d in &drafts {
        for &m in &d.members {
            let (a, i, _) = placed[m];
            let f = &found[a][i];
            mentions[a].push(Mention {
                span: f.span,
                kind: d.entity.kind,
                entity: d.entity.id.clone(),
                role: f.role.clone(),
            });
        }
    }
    for list in &mut mentions {
        list.sort_by_key(|m| (m.span.start, m.span.end));
        // Never overlapping: keep the first of any two that overlap.
        let mut end = 0;
        list.retain(|m| {
            let keep = m.span.start >= end && !m.span.is_empty();
            if keep {
                end = m.span.end;
            }
            keep
        });
    }
    let mut entities: Vec<Entity> = drafts.into_iter().map(|d| d.entity).collect();
    entities.sort_by(|a, b| (a.kind, &a.id).cmp(&(b.kind, &b.id)));
    EntityIndex { entities, mentions }
}

/// An entity before its id is fixed, with its members.
pub(crate) struct Draft {
    pub entity: Entity,
    pub members: Vec<usize>,
}

/// The display name: the form with most words, then the most frequent,
/// then the longest, then the first seen.
pub(crate) fn display_name(kind: EntityType, aliases: &[(String, usize, usize)]) -> String {
    let acronym = |s: &str| !s.chars().any(char::is_lowercase);
    let best = aliases.iter().enumerate().max_by(|(ia, a), (ib, b)| {
        // Prefer written-out names to acronyms, except for quantities.
        let pa = (kind == EntityType::Quantity || !acronym(&a.0), a.2, a.1, a.0.len());
        let pb = (kind == EntityType::Quantity || !acronym(&b.0), b.2, b.1, b.0.len());
        pa.cmp(&pb).then(ib.cmp(ia))
    });
    best.map(|(_, a)| a.0.clone()).unwrap_or_default()
}

/// A URL-friendly slug of a name: its folded key with hyphens.
pub(crate) fn slug(name: &str) -> String {
    let s = fold(name).replace(' ', "-");
    if s.is_empty() {
        "entity".to_string()
    } else {
        s
    }
}

/// Gives each draft a unique id `type:slug`, numbering repeats in order.
pub(crate) fn assign_ids(drafts: &mut [Draft]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for d in drafts.iter_mut() {
        let base =
            format!("{}:{}", d.entity.kind.code().to_ascii_lowercase(), slug(&d.entity.name));
        let n = seen.entry(base.clone()).or_insert(0);
        *n += 1;
        d.entity.id = if *n == 1 { base } else { format!("{base}-{n}") };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_share_a_phonetic_key() {
        let same = [
            ("mohamad", "mohammed"),
            ("adil", "adel"),
            ("mouhiye", "mohieh"),
            ("qassem", "kasem"),
            ("hezbollah", "hizbollah"),
            ("youssef", "yusuf"),
        ];
        for (a, b) in same {
            assert_eq!(phonetic(a), phonetic(b), "{a} ~ {b}");
        }
        for (a, b) in [("john", "jane"), ("mark", "mike"), ("smith", "smyth-jones")] {
            assert_ne!(phonetic(a), phonetic(b), "{a} !~ {b}");
        }
    }

    #[test]
    fn spelling_variants_merge_but_different_first_names_do_not() {
        assert!(variant_confidence("mohamad mouhiye", "mohammed mohieh", false).is_some());
        assert!(variant_confidence("adil abdul mahdi", "adel abdul mahdi", true).is_some());
        assert!(variant_confidence("john smith", "jane smith", false).is_none());
        assert!(variant_confidence("mark esper", "mike esper", false).is_none());
    }

    #[test]
    fn initials_skip_function_words() {
        assert_eq!(initials("popular mobilization forces"), "pmf");
        assert_eq!(initials("islamic state of iraq and the levant"), "isil");
    }

    #[test]
    fn slugs_are_folded_and_hyphenated() {
        assert_eq!(slug("Kata’ib Hezbollah"), "kataib-hezbollah");
        assert_eq!(slug("Adil Abdul-Mahdi"), "adil-abdul-mahdi");
        assert_eq!(slug("—"), "entity");
    }
}
