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

use super::fxhash::FxMap;
use super::gazetteer::gazetteer;
use super::model::{Entity, EntityIndex, EntityType, Mention, Merge};
use super::recognise::Found;
use crate::ingest::Article;
use crate::text::fold;
use std::borrow::Cow;

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
/// Confidence of a first name used alone joining the one full name of its
/// article that starts with it ("Abiy" after "Abiy Ahmed").
pub const GIVEN_NAME_CONFIDENCE: f32 = 0.7;
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
    /// The text of its first mention, for reasons a reader can check.
    surface: String,
    /// How this group joined its parent: (parent, confidence, reason).
    edge: Option<(usize, f32, String)>,
}

/// Union of groups, keeping the reason of each join.
struct Groups {
    groups: Vec<Group>,
    /// Key → group of each type (indexed like [`EntityType::ALL`]).
    index: FxMap<String, [Option<usize>; 6]>,
}

impl Groups {
    fn id(&mut self, kind: EntityType, key: &str, surface: &str) -> usize {
        let slot = EntityType::ALL.iter().position(|&t| t == kind).unwrap_or(0);
        if let Some(g) = self.index.get(key).and_then(|slots| slots[slot]) {
            return g;
        }
        let g = self.groups.len();
        let mut one_spaced = String::with_capacity(surface.len());
        for word in surface.split_whitespace() {
            if !one_spaced.is_empty() {
                one_spaced.push(' ');
            }
            one_spaced.push_str(word);
        }
        self.groups.push(Group { kind, key: key.to_string(), surface: one_spaced, edge: None });
        match self.index.get_mut(key) {
            Some(slots) => slots[slot] = Some(g),
            None => {
                let mut slots = [None; 6];
                slots[slot] = Some(g);
                self.index.insert(key.to_string(), slots);
            }
        }
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
fn group_key(kind: EntityType, key: &str) -> Cow<'_, str> {
    match kind {
        EntityType::Place => match gazetteer().canonical_place(key) {
            Some(canonical) => Cow::Owned(fold(canonical)),
            None => Cow::Borrowed(key),
        },
        EntityType::Org | EntityType::Facility => {
            Cow::Borrowed(key.strip_prefix("the ").unwrap_or(key))
        }
        // "Iraqis" is the group of "Iraqi"; "Democrats" of "Democrat".
        EntityType::Norp => match key.strip_suffix('s') {
            Some(one) if gazetteer().demonym(one).is_some() || gazetteer().is_group(one) => {
                Cow::Borrowed(one)
            }
            _ => Cow::Borrowed(key),
        },
        _ => Cow::Borrowed(key),
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
    let mut groups = Groups { groups: Vec::new(), index: FxMap::default() };
    // (article, found index, group)
    let mut placed: Vec<(usize, usize, usize)> = Vec::new();
    let mut roles_of: FxMap<usize, Vec<String>> = FxMap::default();
    // Group of each (type, recognised key): most mentions repeat a key
    // seen before ("US", "Iraq"), so the group key is worked out once.
    let mut seen: FxMap<(EntityType, &str), usize> = FxMap::default();
    for (a, list) in found.iter().enumerate() {
        for (i, f) in list.iter().enumerate() {
            let Some(kind) = f.kind else { continue };
            let g = match seen.get(&(kind, f.key.as_str())) {
                Some(&g) => g,
                None => {
                    let surface = f.span.of(&articles[a].text);
                    let g = groups.id(kind, &group_key(kind, &f.key), surface);
                    seen.insert((kind, f.key.as_str()), g);
                    g
                }
            };
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
            let target = groups.id(kind, &group_key(kind, long), long);
            groups.join(
                g,
                target,
                DEFINED_ACRONYM_CONFIDENCE,
                "acronym given in parentheses".into(),
            );
        }
    }
    // Spelling variants of multi-word person and organisation names. Only
    // names whose words all share phonetic keys can be variants, so they
    // are compared within blocks of the same phonetic name.
    let mut blocks: FxMap<(EntityType, String), Vec<usize>> = FxMap::default();
    for g in 0..n_groups {
        let group = &groups.groups[g];
        if matches!(group.kind, EntityType::Person | EntityType::Org) && group.key.contains(' ') {
            let sound: Vec<String> = name_words(&group.key).into_iter().map(phonetic).collect();
            blocks.entry((group.kind, sound.join(" "))).or_default().push(g);
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
    let mut by_initials: FxMap<String, Vec<usize>> = FxMap::default();
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
    let mut link: Vec<Option<(f32, Why)>> = vec![None; placed.len()];
    let mut full_by_tail: FxMap<String, Vec<usize>> = FxMap::default();
    for g in 0..n_groups {
        let group = &groups.groups[g];
        if group.kind == EntityType::Person {
            let words: Vec<&str> = group.key.split(' ').collect();
            for k in 1..words.len() {
                full_by_tail.entry(words[k..].join(" ")).or_default().push(g);
            }
        }
    }
    // Multi-word person mentions of each article, so a surname looks only
    // at its own article.
    let mut full_names: Vec<Vec<usize>> = vec![Vec::new(); found.len()];
    for (m, &(a, _, g)) in placed.iter().enumerate() {
        let group = &groups.groups[g];
        if group.kind == EntityType::Person && group.key.contains(' ') {
            full_names[a].push(m);
        }
    }
    // No more joins from here: fix every group's root once.
    let root_of: Vec<usize> = (0..groups.groups.len()).map(|g| groups.root(g)).collect();
    let mut assigned: Vec<usize> = placed.iter().map(|&(_, _, g)| root_of[g]).collect();
    // The distinct entities each tail can belong to, sorted.
    let tail_roots: FxMap<&str, Vec<usize>> = full_by_tail
        .iter()
        .map(|(tail, gs)| {
            let mut roots: Vec<usize> = gs.iter().map(|&g| root_of[g]).collect();
            roots.sort_unstable();
            roots.dedup();
            (tail.as_str(), roots)
        })
        .collect();
    // The tail entry of each person group, looked up once per group
    // rather than once per mention.
    let tail_of: Vec<Option<&Vec<usize>>> = groups
        .groups
        .iter()
        .map(|group| {
            (group.kind == EntityType::Person).then(|| tail_roots.get(group.key.as_str())).flatten()
        })
        .collect();
    // Buffers reused for every mention.
    let mut roots: Vec<usize> = Vec::new();
    let mut local: Vec<(usize, usize)> = Vec::new();
    let mut local_roots: Vec<usize> = Vec::new();
    for (m, &(a, i, g)) in placed.iter().enumerate() {
        let Some(all_roots) = tail_of[g] else { continue };
        let key = &groups.groups[g].key;
        let own = root_of[g];
        roots.clear();
        roots.extend(all_roots.iter().copied().filter(|&r| r != own));
        if roots.is_empty() {
            continue;
        }
        let start = found[a][i].span.start;
        // Full-name mentions of the candidates in this article: (start, root).
        local.clear();
        local.extend(
            full_names[a]
                .iter()
                .copied()
                .filter(|&o| o != m && roots.binary_search(&assigned[o]).is_ok())
                .filter(|&o| groups.groups[placed[o].2].key.len() > key.len())
                .map(|o| (found[a][placed[o].1].span.start, assigned[o])),
        );
        local_roots.clear();
        local_roots.extend(local.iter().map(|&(_, r)| r));
        local_roots.sort_unstable();
        local_roots.dedup();
        let choice = if roots.len() == 1 {
            let c = if local_roots.is_empty() {
                UNIQUE_SURNAME_CONFIDENCE - 0.1
            } else {
                UNIQUE_SURNAME_CONFIDENCE
            };
            Some((roots[0], c, Why::Surname(roots[0])))
        } else if local_roots.len() == 1 {
            let r = local_roots[0];
            Some((r, LOCAL_SURNAME_CONFIDENCE, Why::LocalSurname(r)))
        } else if local_roots.len() > 1 {
            let prior = local.iter().filter(|&&(s, _)| s < start).max_by_key(|&&(s, _)| s);
            let nearest = prior.or_else(|| local.iter().min_by_key(|&&(s, _)| s));
            nearest.map(|&(_, r)| (r, NEAREST_SURNAME_CONFIDENCE, Why::NearestSurname(r)))
        } else {
            None
        };
        if let Some((r, c, why)) = choice {
            assigned[m] = r;
            link[m] = Some((c, why));
        }
    }
    // First names used alone: only within the article that gives the full
    // name, and only when one full name there starts with it.
    for (m, &(a, _, g)) in placed.iter().enumerate() {
        let group = &groups.groups[g];
        if link[m].is_some() || group.kind != EntityType::Person || group.key.contains(' ') {
            continue;
        }
        let mut owners: Vec<usize> = full_names[a]
            .iter()
            .filter(|&&o| {
                groups.groups[placed[o].2].key.split(' ').next() == Some(group.key.as_str())
            })
            .map(|&o| assigned[o])
            .collect();
        owners.sort_unstable();
        owners.dedup();
        if let [owner] = owners[..] {
            if owner != root_of[g] {
                assigned[m] = owner;
                link[m] = Some((GIVEN_NAME_CONFIDENCE, Why::FirstName(owner)));
            }
        }
    }
    // How each group joined its entity (computed once per group; a
    // mention without a surname link inherits its group's).
    let group_link: Vec<Option<(f32, String)>> =
        (0..groups.groups.len()).map(|g| groups.path(g)).collect();
    for (m, &(_, _, g)) in placed.iter().enumerate() {
        if link[m].is_none() {
            assigned[m] = root_of[g];
        }
    }
    let links = Links { own: &link, group: &group_link, placed: &placed, groups: &groups };
    build(articles, found, &placed, &assigned, &links, &groups)
}

/// Why a mention joined a person's full name (the group that stands for
/// it), kept as a small value per mention and written out as a reason only
/// for the merges an entity reports.
#[derive(Clone, Copy)]
enum Why {
    /// A surname of the only full name that ends with it.
    Surname(usize),
    /// A surname of the one such full name in its article.
    LocalSurname(usize),
    /// A surname of the nearest of several such full names in its article.
    NearestSurname(usize),
    /// A first name of the one full name of its article that starts with it.
    FirstName(usize),
}

impl Why {
    /// The reason a reader sees.
    fn reason(self, groups: &Groups) -> String {
        let name = |g: usize| groups.groups[g].surface.as_str();
        match self {
            Why::Surname(g) => format!("surname of {}", name(g)),
            Why::LocalSurname(g) => format!("surname of {} in the same article", name(g)),
            Why::NearestSurname(g) => format!("surname of {}, the nearest mention", name(g)),
            Why::FirstName(g) => format!("first name of {} in the same article", name(g)),
        }
    }
}

/// How each mention joined its entity: its own surname link, else its
/// group's.
struct Links<'a> {
    own: &'a [Option<(f32, Why)>],
    group: &'a [Option<(f32, String)>],
    placed: &'a [(usize, usize, usize)],
    groups: &'a Groups,
}

impl Links<'_> {
    fn of(&self, m: usize) -> Option<(f32, String)> {
        match self.own[m] {
            Some((c, why)) => Some((c, why.reason(self.groups))),
            None => self.group[self.placed[m].2].clone(),
        }
    }
}

/// Builds the entities and per-article mentions.
fn build(
    articles: &[Article],
    found: &[Vec<Found>],
    placed: &[(usize, usize, usize)],
    assigned: &[usize],
    link: &Links<'_>,
    groups: &Groups,
) -> EntityIndex {
    // Members of each entity, by root group, in corpus order.
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); groups.groups.len()];
    for (m, &root) in assigned.iter().enumerate() {
        members[root].push(m);
    }
    // Entities in the order of their first mention.
    let mut roots: Vec<usize> = (0..members.len()).filter(|&r| !members[r].is_empty()).collect();
    roots.sort_unstable_by_key(|&r| members[r][0]);
    let texts: Vec<Cow<'_, str>> = placed
        .iter()
        .map(|&(a, i, _)| {
            let raw = found[a][i].span.of(&articles[a].text);
            // Any white space other than single spaces ("  ", a line break).
            let bytes = raw.as_bytes();
            let irregular = bytes.iter().enumerate().any(|(k, &b)| {
                b.is_ascii_whitespace() && (b != b' ' || bytes.get(k + 1) == Some(&b' '))
            });
            if irregular {
                Cow::Owned(raw.split_whitespace().collect::<Vec<_>>().join(" "))
            } else {
                Cow::Borrowed(raw)
            }
        })
        .collect();
    let text_of = |m: usize| texts[m].as_ref();
    let mut drafts: Vec<Draft> = Vec::new();
    for root in roots {
        let ms = std::mem::take(&mut members[root]);
        let kind = groups.groups[root].kind;
        // Aliases with their counts and word counts, in first-seen order.
        let mut aliases: Vec<(String, usize, usize)> = Vec::new();
        // Alias → (position in `aliases`, its first member).
        let mut alias_at: FxMap<&str, (usize, usize)> = FxMap::default();
        for &m in &ms {
            let t = text_of(m);
            let (a, i, _) = placed[m];
            match alias_at.get(t) {
                Some(&(x, _)) => aliases[x].1 += 1,
                None => {
                    alias_at.insert(t, (aliases.len(), m));
                    aliases.push((t.to_string(), 1, found[a][i].words));
                }
            }
        }
        let name = display_name(kind, &aliases);
        let name_key = fold(&name);
        let mut merges = Vec::new();
        for (alias, _, _) in &aliases {
            if *alias == name {
                continue;
            }
            let m = alias_at.get(alias.as_str()).map_or(ms[0], |&(_, m)| m);
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
                link.of(m)
                    .or_else(|| {
                        // The display name joined this alias's group, not the other way.
                        alias_at.get(name.as_str()).and_then(|&(_, o)| link.of(o))
                    })
                    .unwrap_or((SAME_KEY_CONFIDENCE, "same name".to_string()))
            };
            merges.push(Merge { alias: alias.clone(), confidence, reason });
        }
        let mut roles: Vec<String> = Vec::new();
        // The folded key of each role in `roles`, so each is folded once.
        let mut role_keys: Vec<String> = Vec::new();
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for &m in &ms {
            let (a, i, _) = placed[m];
            if let Some(role) = &found[a][i].role {
                let role = role.split_whitespace().collect::<Vec<_>>().join(" ");
                let key = fold(&role);
                if !role_keys.contains(&key) {
                    roles.push(role);
                    role_keys.push(key);
                }
            }
            // Members come in corpus order, so one article's are together.
            match counts.last_mut() {
                Some(c) if c.0 == a => c.1 += 1,
                _ => counts.push((a, 1)),
            }
        }
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
            members: ms,
        });
    }
    assign_ids(&mut drafts);
    // The draft of each member, then the mentions in corpus order (each
    // article's recognised mentions are already in text order).
    let mut draft_of = vec![0usize; placed.len()];
    for (d, draft) in drafts.iter().enumerate() {
        for &m in &draft.members {
            draft_of[m] = d;
        }
    }
    let mut mentions: Vec<Vec<Mention>> =
        found.iter().map(|list| Vec::with_capacity(list.len())).collect();
    mentions.resize_with(articles.len(), Vec::new);
    for (m, &(a, i, _)) in placed.iter().enumerate() {
        let f = &found[a][i];
        let entity = &drafts[draft_of[m]].entity;
        mentions[a].push(Mention {
            span: f.span,
            kind: entity.kind,
            entity: entity.id.clone(),
            role: f.role.clone(),
        });
    }
    for list in &mut mentions {
        if !list.is_sorted_by_key(|m| (m.span.start, m.span.end)) {
            list.sort_by_key(|m| (m.span.start, m.span.end));
        }
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
    let mut seen: FxMap<String, usize> = FxMap::default();
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
