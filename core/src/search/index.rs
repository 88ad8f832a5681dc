//! Building the inverted index: a stem dictionary, compact postings with
//! positions, a surface-word dictionary, and per-article facet data.
//!
//! Postings of one term are one run of bytes in a shared buffer. For each
//! article holding the term: varint(article − previous article),
//! varint(count in the title), varint(count in the body), varint(byte length
//! of the positions), then the positions, each as varint(delta).

use super::dict::{char_mask, StringPool};
use super::fold::{fold_text, for_each_token, Advance, Stem};
use crate::entities::EntityIndex;
use crate::ingest::Article;
use crate::time::Event;
use jiff::civil::Date;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash, as rustc uses it: a fast hash for the short words the build
/// looks up once per token (SipHash costs several times more here).
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

const FX_SEED: u64 = 0x517c_c1b7_2722_0a95;

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(FX_SEED);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(FX_SEED);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Positions skipped between paragraphs, so a phrase never spans two.
const PARAGRAPH_GAP: u32 = 1;

/// One entity an article mentions, as the entities step resolved it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityTag {
    /// The canonical entity id (what `entity:` facets carry).
    pub id: String,
    /// The canonical display name.
    pub name: String,
    /// The entity type, such as `person`, `place` or `organization`.
    pub kind: String,
}

/// Facet data that later pipeline steps compute, handed in as plain data so
/// the index does not depend on those steps. Every list is indexed like the
/// articles; missing or short lists mean "nothing known".
#[derive(Clone, Debug, Default)]
pub struct FacetInput {
    /// Per article: the entities it mentions.
    pub entities: Vec<Vec<EntityTag>>,
    /// Per article: the dates of the events it reports (first and last day).
    pub event_dates: Vec<Vec<(Date, Date)>>,
    /// Other names of entities: `(alias, entity id)`. `entity:` accepts them.
    pub aliases: Vec<(String, String)>,
}

impl FacetInput {
    /// The facet data of a corpus of `articles` articles from the entities
    /// step (`entities`, perhaps as corrected by a reader) and the events of
    /// the time step. Types are written as lower-case codes (`person`,
    /// `org`, `place`, `norp`, `facility`, `quantity`), which `type:`
    /// matches by prefix.
    pub fn from_steps(articles: usize, entities: &EntityIndex, events: &[Event]) -> FacetInput {
        let mut tags: Vec<Vec<EntityTag>> = vec![Vec::new(); articles];
        let mut aliases = Vec::new();
        for entity in &entities.entities {
            let kind = entity.kind.code().to_ascii_lowercase();
            for &(article, _) in &entity.counts {
                if let Some(list) = tags.get_mut(article) {
                    list.push(EntityTag {
                        id: entity.id.clone(),
                        name: entity.name.clone(),
                        kind: kind.clone(),
                    });
                }
            }
            for alias in entity.aliases.iter().filter(|a| **a != entity.name) {
                aliases.push((alias.clone(), entity.id.clone()));
            }
        }
        let mut event_dates: Vec<Vec<(Date, Date)>> = vec![Vec::new(); articles];
        for event in events {
            for source in &event.sources {
                let date = source.date.as_ref().unwrap_or(&event.date);
                if let Some(list) = event_dates.get_mut(source.article) {
                    if !list.contains(&(date.start, date.end)) {
                        list.push((date.start, date.end));
                    }
                }
            }
        }
        FacetInput { entities: tags, event_dates, aliases }
    }
}

/// Per-article numbers the ranking and passage finder need.
#[derive(Clone, Debug, Default)]
pub(crate) struct DocInfo {
    /// Positions `0..title_end` are title words.
    pub title_end: u32,
    /// Number of positions (the BM25 document length).
    pub len: u32,
}

/// An entity known to the index.
#[derive(Clone, Debug)]
pub(crate) struct EntityInfo {
    pub id: String,
    pub name: String,
    pub kind: u32,
    /// Folded id, name and aliases, for `entity:` matching.
    pub keys: Vec<String>,
}

/// The search index over one corpus. Build it with [`Index::build`], query
/// it with [`Index::search`].
#[derive(Clone, Debug, Default)]
pub struct Index {
    pub(crate) articles: usize,
    pub(crate) stems: StringPool,
    /// `postings[offsets[t]..offsets[t + 1]]` are the postings of stem `t`.
    pub(crate) postings: Vec<u8>,
    pub(crate) offsets: Vec<u32>,
    /// Number of articles holding each stem.
    pub(crate) df: Vec<u32>,
    /// Folded surface words, sorted, each with its stem, char count and
    /// sketch.
    pub(crate) surfaces: StringPool,
    pub(crate) surface_stem: Vec<u32>,
    pub(crate) surface_chars: Vec<u8>,
    pub(crate) surface_mask: Vec<u32>,
    pub(crate) docs: Vec<DocInfo>,
    pub(crate) avg_len: f32,
    /// Paragraph start positions: article `d`'s are
    /// `para_starts[para_offsets[d]..para_offsets[d + 1]]`.
    pub(crate) para_starts: Vec<u32>,
    pub(crate) para_offsets: Vec<u32>,
    pub(crate) outlet_names: Vec<String>,
    pub(crate) outlet_folded: Vec<String>,
    /// Per article: index into `outlet_names`, or `u32::MAX`.
    pub(crate) doc_outlet: Vec<u32>,
    pub(crate) entities: Vec<EntityInfo>,
    pub(crate) kinds: Vec<String>,
    /// Article `d`'s entities are `doc_entities[ent_offsets[d]..ent_offsets[d + 1]]`.
    pub(crate) doc_entities: Vec<u32>,
    pub(crate) ent_offsets: Vec<u32>,
    /// Article `d`'s distinct entity types (into `kinds`) are
    /// `doc_kinds[kind_offsets[d]..kind_offsets[d + 1]]`, so the type facet
    /// is counted without looking up every entity.
    pub(crate) doc_kinds: Vec<u32>,
    pub(crate) kind_offsets: Vec<u32>,
    /// Each entity's place in name order (then entity order), so the
    /// entity facet breaks ties between equal counts without comparing
    /// names on every query.
    pub(crate) entity_rank: Vec<u32>,
    pub(crate) published: Vec<Option<Date>>,
    /// Article `d`'s event dates are `events[event_offsets[d]..event_offsets[d + 1]]`.
    pub(crate) events: Vec<(Date, Date)>,
    pub(crate) event_offsets: Vec<u32>,
    pub(crate) stem: Stem,
}

impl std::fmt::Debug for Stem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Stem(english)")
    }
}

impl Clone for Stem {
    fn clone(&self) -> Self {
        Stem::default()
    }
}

pub(crate) fn push_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Reads a varint at `*at`, advancing it. Malformed input cannot occur (the
/// index wrote it), but a short buffer reads as 0 rather than panicking.
#[inline]
pub(crate) fn read_varint(bytes: &[u8], at: &mut usize) -> u32 {
    let mut v = 0u32;
    let mut shift = 0;
    while let Some(&b) = bytes.get(*at) {
        *at += 1;
        v |= u32::from(b & 0x7F) << shift;
        if b < 0x80 {
            break;
        }
        shift += 7;
        if shift > 28 {
            break;
        }
    }
    v
}

/// The text the title is indexed from: its value.
pub(crate) fn title_text(article: &Article) -> &str {
    article.title.as_ref().map_or("", |t| t.value.as_str())
}

/// One article's postings for one stem, as the scorer reads them.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Posting {
    pub doc: u32,
    pub title_tf: u32,
    pub body_tf: u32,
    /// Byte range of the positions in `Index::postings`.
    pub positions: (usize, usize),
}

/// Walks the postings of one stem.
pub(crate) struct PostingIter<'a> {
    bytes: &'a [u8],
    base: usize,
    at: usize,
    doc: u32,
    first: bool,
}

impl Iterator for PostingIter<'_> {
    type Item = Posting;

    #[inline]
    fn next(&mut self) -> Option<Posting> {
        if self.at >= self.bytes.len() {
            return None;
        }
        let delta = read_varint(self.bytes, &mut self.at);
        self.doc = if self.first { delta } else { self.doc + delta };
        self.first = false;
        let title_tf = read_varint(self.bytes, &mut self.at);
        let body_tf = read_varint(self.bytes, &mut self.at);
        let len = read_varint(self.bytes, &mut self.at) as usize;
        let start = self.at;
        self.at = (self.at + len).min(self.bytes.len());
        Some(Posting {
            doc: self.doc,
            title_tf,
            body_tf,
            positions: (self.base + start, self.base + self.at),
        })
    }
}

impl Index {
    /// Builds the index of `articles` with no entity or event data.
    pub fn new(articles: &[Article]) -> Index {
        Index::build(articles, &FacetInput::default())
    }

    /// Builds the index of `articles` (titles and clean paragraphs) with the
    /// facet data of later steps.
    pub fn build(articles: &[Article], facets: &FacetInput) -> Index {
        let stem = Stem::default();
        let mut surface_ids: FastMap<String, u32> = FastMap::default();
        let mut surface_stem_tmp: Vec<u32> = Vec::new();
        let mut stem_ids: FastMap<String, u32> = FastMap::default();
        let mut lists: Vec<Vec<u8>> = Vec::new();
        let mut last_doc: Vec<u32> = Vec::new();
        let mut df: Vec<u32> = Vec::new();
        let mut docs = Vec::with_capacity(articles.len());
        let mut para_starts = Vec::new();
        let mut para_offsets = vec![0u32];
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        let mut total_len = 0u64;

        for (d, article) in articles.iter().enumerate() {
            pairs.clear();
            let mut pos: u32 = 0;
            let mut add = |text: &str, pos: &mut u32, pairs: &mut Vec<(u32, u32)>| {
                let mut first = true;
                for_each_token(text, |t| {
                    if t.advance == Advance::Next && !first {
                        *pos += 1;
                    }
                    first = false;
                    let id = match surface_ids.get(t.folded) {
                        Some(&id) => id,
                        None => {
                            let stemmed = stem.of(t.folded);
                            let next = stem_ids.len() as u32;
                            let sid = *stem_ids.entry(stemmed.into_owned()).or_insert(next);
                            if sid == next {
                                lists.push(Vec::new());
                                last_doc.push(u32::MAX);
                                df.push(0);
                            }
                            let id = surface_stem_tmp.len() as u32;
                            surface_stem_tmp.push(sid);
                            surface_ids.insert(t.folded.to_string(), id);
                            id
                        }
                    };
                    pairs.push((surface_stem_tmp[id as usize], *pos));
                });
                if !first {
                    *pos += 1;
                }
            };
            add(title_text(article), &mut pos, &mut pairs);
            let title_end = pos;
            for p in &article.paragraphs {
                pos += PARAGRAPH_GAP;
                para_starts.push(pos);
                add(&p.text, &mut pos, &mut pairs);
            }
            para_offsets.push(para_starts.len() as u32);
            docs.push(DocInfo { title_end, len: pos });
            total_len += u64::from(pos);

            pairs.sort_unstable();
            let mut i = 0;
            let mut scratch: Vec<u8> = Vec::new();
            while i < pairs.len() {
                let term = pairs[i].0;
                let mut j = i;
                while j < pairs.len() && pairs[j].0 == term {
                    j += 1;
                }
                let run = &pairs[i..j];
                let title_tf = run.iter().filter(|(_, p)| *p < title_end).count() as u32;
                scratch.clear();
                let mut prev = 0;
                for (k, &(_, p)) in run.iter().enumerate() {
                    if k > 0 && p == prev {
                        continue; // a joined form and its first part are the same stem
                    }
                    push_varint(&mut scratch, if k == 0 { p } else { p - prev });
                    prev = p;
                }
                let t = term as usize;
                let list = &mut lists[t];
                let delta = if last_doc[t] == u32::MAX { d as u32 } else { d as u32 - last_doc[t] };
                push_varint(list, delta);
                push_varint(list, title_tf);
                push_varint(list, run.len() as u32 - title_tf);
                push_varint(list, scratch.len() as u32);
                list.extend_from_slice(&scratch);
                last_doc[t] = d as u32;
                df[t] += 1;
                i = j;
            }
        }

        // Sort the stems and lay their postings out in that order.
        let mut order: Vec<(&str, u32)> = stem_ids.iter().map(|(s, &i)| (s.as_str(), i)).collect();
        order.sort_unstable();
        let mut remap = vec![0u32; order.len()];
        let mut postings = Vec::with_capacity(lists.iter().map(Vec::len).sum());
        let mut offsets = Vec::with_capacity(order.len() + 1);
        let mut sorted_df = Vec::with_capacity(order.len());
        offsets.push(0u32);
        for (new, &(_, old)) in order.iter().enumerate() {
            remap[old as usize] = new as u32;
            postings.extend_from_slice(&lists[old as usize]);
            offsets.push(postings.len() as u32);
            sorted_df.push(df[old as usize]);
        }
        drop(lists);
        let stems = StringPool::from_sorted(order.iter().map(|(s, _)| *s));

        let mut surf: Vec<(&str, u32)> =
            surface_ids.iter().map(|(s, &i)| (s.as_str(), i)).collect();
        surf.sort_unstable();
        let surfaces = StringPool::from_sorted(surf.iter().map(|(s, _)| *s));
        let surface_stem =
            surf.iter().map(|(_, i)| remap[surface_stem_tmp[*i as usize] as usize]).collect();
        let surface_chars = surf.iter().map(|(s, _)| s.chars().count().min(255) as u8).collect();
        let surface_mask = surf.iter().map(|(s, _)| char_mask(s)).collect();

        let mut index = Index {
            articles: articles.len(),
            stems,
            postings,
            offsets,
            df: sorted_df,
            surfaces,
            surface_stem,
            surface_chars,
            surface_mask,
            avg_len: if articles.is_empty() {
                1.0
            } else {
                (total_len as f32 / articles.len() as f32).max(1.0)
            },
            docs,
            para_starts,
            para_offsets,
            stem,
            ..Index::default()
        };
        index.add_facets(articles, facets);
        index
    }

    fn add_facets(&mut self, articles: &[Article], facets: &FacetInput) {
        let mut outlets: HashMap<&str, u32> = HashMap::new();
        for a in articles {
            let id = match a.outlet.as_ref().map(|o| o.value.trim()).filter(|v| !v.is_empty()) {
                Some(name) => *outlets.entry(name).or_insert_with(|| {
                    self.outlet_names.push(name.to_string());
                    self.outlet_folded.push(fold_text(name));
                    self.outlet_names.len() as u32 - 1
                }),
                None => u32::MAX,
            };
            self.doc_outlet.push(id);
            self.published.push(a.published.date);
        }

        let mut entity_ids: HashMap<String, u32> = HashMap::new();
        let mut kind_ids: HashMap<String, u32> = HashMap::new();
        self.ent_offsets.push(0);
        self.kind_offsets.push(0);
        for d in 0..articles.len() {
            let mut mine: Vec<u32> = Vec::new();
            let mut my_kinds: Vec<u32> = Vec::new();
            for tag in facets.entities.get(d).map_or(&[][..], Vec::as_slice) {
                let kind = *kind_ids.entry(fold_text(&tag.kind)).or_insert_with(|| {
                    self.kinds.push(tag.kind.clone());
                    self.kinds.len() as u32 - 1
                });
                let e = *entity_ids.entry(tag.id.clone()).or_insert_with(|| {
                    self.entities.push(EntityInfo {
                        id: tag.id.clone(),
                        name: tag.name.clone(),
                        kind,
                        keys: vec![fold_text(&tag.id), fold_text(&tag.name)],
                    });
                    self.entities.len() as u32 - 1
                });
                mine.push(e);
                my_kinds.push(self.entities[e as usize].kind);
            }
            mine.sort_unstable();
            mine.dedup();
            self.doc_entities.extend_from_slice(&mine);
            self.ent_offsets.push(self.doc_entities.len() as u32);
            my_kinds.sort_unstable();
            my_kinds.dedup();
            self.doc_kinds.extend_from_slice(&my_kinds);
            self.kind_offsets.push(self.doc_kinds.len() as u32);
        }
        let mut by_name: Vec<u32> = (0..self.entities.len() as u32).collect();
        by_name.sort_by(|&a, &b| {
            self.entities[a as usize].name.cmp(&self.entities[b as usize].name).then(a.cmp(&b))
        });
        self.entity_rank = vec![0; by_name.len()];
        for (rank, &e) in by_name.iter().enumerate() {
            self.entity_rank[e as usize] = rank as u32;
        }
        for (alias, id) in &facets.aliases {
            if let Some(&e) = entity_ids.get(id) {
                let key = fold_text(alias);
                let keys = &mut self.entities[e as usize].keys;
                if !key.is_empty() && !keys.contains(&key) {
                    keys.push(key);
                }
            }
        }

        self.event_offsets.push(0);
        for d in 0..articles.len() {
            for &(a, b) in facets.event_dates.get(d).map_or(&[][..], Vec::as_slice) {
                self.events.push(if a <= b { (a, b) } else { (b, a) });
            }
            self.event_offsets.push(self.events.len() as u32);
        }
    }

    /// Number of articles indexed.
    pub fn len(&self) -> usize {
        self.articles
    }

    /// True when no article is indexed.
    pub fn is_empty(&self) -> bool {
        self.articles == 0
    }

    /// Number of distinct stems.
    pub fn stem_count(&self) -> usize {
        self.stems.len()
    }

    /// Number of distinct folded words.
    pub fn word_count(&self) -> usize {
        self.surfaces.len()
    }

    /// Heap bytes the index holds (capacities of all its buffers), to
    /// compare with the size of the text it indexes.
    pub fn memory_bytes(&self) -> usize {
        let strings = |v: &[String]| v.iter().map(|s| s.capacity() + 24).sum::<usize>();
        self.stems.memory_bytes()
            + self.postings.capacity()
            + self.offsets.capacity() * 4
            + self.df.capacity() * 4
            + self.surfaces.memory_bytes()
            + self.surface_stem.capacity() * 4
            + self.surface_chars.capacity()
            + self.surface_mask.capacity() * 4
            + self.docs.capacity() * std::mem::size_of::<DocInfo>()
            + self.para_starts.capacity() * 4
            + self.para_offsets.capacity() * 4
            + strings(&self.outlet_names)
            + strings(&self.outlet_folded)
            + self.doc_outlet.capacity() * 4
            + self
                .entities
                .iter()
                .map(|e| e.id.capacity() + e.name.capacity() + strings(&e.keys) + 80)
                .sum::<usize>()
            + strings(&self.kinds)
            + self.doc_entities.capacity() * 4
            + (self.doc_kinds.capacity() + self.kind_offsets.capacity()) * 4
            + self.entity_rank.capacity() * 4
            + self.ent_offsets.capacity() * 4
            + self.published.capacity() * std::mem::size_of::<Option<Date>>()
            + self.events.capacity() * std::mem::size_of::<(Date, Date)>()
            + self.event_offsets.capacity() * 4
    }

    /// Postings of stem `t`.
    pub(crate) fn postings_of(&self, t: usize) -> PostingIter<'_> {
        let (start, end) = (self.offsets[t] as usize, self.offsets[t + 1] as usize);
        PostingIter { bytes: &self.postings[start..end], base: start, at: 0, doc: 0, first: true }
    }

    /// Decodes the positions of a posting.
    pub(crate) fn positions(&self, range: (usize, usize), out: &mut Vec<u32>) {
        out.clear();
        let bytes = &self.postings[range.0..range.1];
        let mut at = 0;
        let mut p = 0u32;
        let mut first = true;
        while at < bytes.len() {
            let v = read_varint(bytes, &mut at);
            p = if first { v } else { p + v };
            first = false;
            out.push(p);
        }
    }

    /// The stem id of a folded word: its surface form if seen, else its stem.
    pub(crate) fn stem_of_folded(&self, folded: &str) -> Option<usize> {
        if let Some(s) = self.surfaces.find(folded) {
            return Some(self.surface_stem[s] as usize);
        }
        self.stems.find(&self.stem.of(folded))
    }

    /// The paragraph (index into the article's paragraphs) holding position
    /// `pos` of article `d`, or `None` for the title.
    pub(crate) fn paragraph_at(&self, d: usize, pos: u32) -> Option<usize> {
        let starts =
            &self.para_starts[self.para_offsets[d] as usize..self.para_offsets[d + 1] as usize];
        match starts.binary_search(&pos) {
            Ok(i) => Some(i),
            Err(0) => None,
            Err(i) => Some(i - 1),
        }
    }
}
