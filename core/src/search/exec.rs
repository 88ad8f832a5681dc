//! Running a query: term expansion (stems, prefixes, typos), BM25 scoring,
//! filters, best passages with highlights, facets and "did you mean".

use super::dict::{allowed_edits, char_mask};
use super::facets::{count_facets, Facets};
use super::fold::{fold_text, for_each_token};
use super::index::{read_varint, Index, Posting};
use super::query::{Atom, Query, QueryWarning};
use crate::ingest::Article;
use crate::span::Span;
use std::cmp::Ordering;

/// BM25 term-frequency saturation.
pub const BM25_K1: f32 = 1.2;
/// BM25 document-length normalisation.
pub const BM25_B: f32 = 0.75;
/// A title occurrence counts as this many body occurrences.
pub const TITLE_BOOST: f32 = 3.0;
/// Score weight of a completion of the word being typed.
pub const PREFIX_WEIGHT: f32 = 0.8;
/// Score weight of a word one typo away (two typos: half of it again).
pub const FUZZY_WEIGHT: f32 = 0.5;
/// At most this many completions of the word being typed are searched.
pub const MAX_PREFIX_TERMS: usize = 16;
/// The word being typed needs this many characters before it is completed.
pub const MIN_PREFIX_CHARS: usize = 2;
/// At most this many dictionary words are searched for one misspelt word.
pub const MAX_FUZZY_TERMS: usize = 12;

/// How to run a search.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SearchOptions {
    /// How many best hits to return with passages (all matches are counted).
    pub limit: usize,
    /// The reader is still typing: complete the last word as a prefix.
    pub typing: bool,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions { limit: 20, typing: false }
    }
}

/// The outcome of a search.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchResults {
    /// How many articles match.
    pub total: usize,
    /// The best `limit` of them, best first.
    pub hits: Vec<Hit>,
    /// Live counts over all matching articles.
    pub facets: Facets,
    /// What in the query was ignored or read differently.
    pub warnings: Vec<QueryWarning>,
    /// For an empty result: the query with misspelt words replaced.
    pub suggestion: Option<Suggestion>,
}

/// A search narrowed to a subset of the articles, with every match; see
/// [`Index::search_within`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Selection {
    /// `matching[i]`: article `i` matches the query and lies in the subset.
    pub matching: Vec<bool>,
    /// The total, the best hits and the facets of the matching articles.
    pub results: SearchResults,
}

/// One matching article.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Index of the article in the slice the index was built from.
    pub article: usize,
    /// BM25 score (higher is better; 0 for filters alone).
    pub score: f32,
    /// True when some word matched only through a typo correction. Exact
    /// hits always come first.
    pub fuzzy: bool,
    /// The paragraph that matches best, if a word matched in the body.
    pub passage: Option<Passage>,
    /// Matched words in the title, as byte ranges of the article's text.
    pub title_highlights: Vec<Span>,
}

/// The best paragraph of a hit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    /// Index into `Article::paragraphs`.
    pub paragraph: usize,
    /// The paragraph's range in the article's text.
    pub span: Span,
    /// Matched words inside it, as byte ranges of the article's text.
    pub highlights: Vec<Span>,
}

/// "Did you mean": the query with unknown words replaced by the closest
/// words of the corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suggestion {
    /// The corrected query, ready to run.
    pub query: String,
    /// Each replacement: (word typed, word suggested).
    pub replacements: Vec<(String, String)>,
}

/// One stem a query word stands for.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Expansion {
    pub stem: usize,
    pub weight: f32,
    pub fuzzy: bool,
}

/// The per-article outcome of one clause.
struct ClauseEval {
    score: Vec<f32>,
    /// 0: no match, 1: matched through a typo only, 2: matched exactly.
    state: Vec<u8>,
    /// Whether the clause searches words (it then counts for fuzziness).
    textual: bool,
}

const NO_MATCH: u8 = 0;
const FUZZY: u8 = 1;
const EXACT: u8 = 2;

impl Index {
    /// Parses and runs `query`, returning hits, facets, warnings and, for an
    /// empty result, a suggestion. `articles` must be the slice the index
    /// was built from.
    pub fn search(
        &self,
        articles: &[Article],
        query: &str,
        options: &SearchOptions,
    ) -> SearchResults {
        let parsed = Query::parse(query, options.typing);
        let mut results = self.run(articles, &parsed, options);
        if results.total == 0 {
            results.suggestion = self.suggest(query, &parsed);
        }
        results
    }

    /// Runs a parsed query.
    pub fn run(
        &self,
        articles: &[Article],
        query: &Query,
        options: &SearchOptions,
    ) -> SearchResults {
        self.run_within(articles, query, options, None).results
    }

    /// Parses and runs `query` among the articles `within` lets through
    /// (`within[i]`: article `i` may match; `None`: all may), and returns
    /// every matching article besides the results. Hits (with passages) are
    /// built only for the best `options.limit`, so the cost of a search
    /// stays bounded however many articles match; the total and the facets
    /// count every match inside `within`. For an empty result the results
    /// carry a suggestion.
    pub fn search_within(
        &self,
        articles: &[Article],
        query: &str,
        options: &SearchOptions,
        within: Option<&[bool]>,
    ) -> Selection {
        let parsed = Query::parse(query, options.typing);
        let mut selection = self.run_within(articles, &parsed, options, within);
        if selection.results.total == 0 {
            selection.results.suggestion = self.suggest(query, &parsed);
        }
        selection
    }

    /// Runs a parsed query among the articles `within` lets through.
    pub fn run_within(
        &self,
        articles: &[Article],
        query: &Query,
        options: &SearchOptions,
        within: Option<&[bool]>,
    ) -> Selection {
        let n = self.articles.min(articles.len());
        let mut matched_stems: Vec<usize> = Vec::new();
        let mut total_score = vec![0f32; n];
        let mut fuzzy_count = vec![0u8; n];
        let mut keep: Vec<bool> = match within {
            Some(w) => (0..n).map(|d| w.get(d).copied().unwrap_or(false)).collect(),
            None => vec![true; n],
        };
        for clause in &query.clauses {
            let eval = self.eval_clause(
                &clause.alternatives,
                n,
                (!clause.negated).then_some(&mut matched_stems),
            );
            for d in 0..n {
                let state = eval.state[d];
                if clause.negated {
                    keep[d] &= state == NO_MATCH;
                } else {
                    keep[d] &= state != NO_MATCH;
                    total_score[d] += eval.score[d];
                    if eval.textual && state == FUZZY {
                        fuzzy_count[d] = fuzzy_count[d].saturating_add(1);
                    }
                }
            }
        }
        let mut docs: Vec<u32> = (0..n as u32).filter(|&d| keep[d as usize]).collect();
        let total = docs.len();
        let facets = count_facets(self, &docs);
        let order = |a: &u32, b: &u32| -> Ordering {
            let (a, b) = (*a as usize, *b as usize);
            fuzzy_count[a]
                .cmp(&fuzzy_count[b])
                .then(total_score[b].partial_cmp(&total_score[a]).unwrap_or(Ordering::Equal))
                .then_with(|| match (self.published[a], self.published[b]) {
                    (Some(x), Some(y)) => y.cmp(&x),
                    (Some(_), None) => Ordering::Less,
                    (None, Some(_)) => Ordering::Greater,
                    (None, None) => Ordering::Equal,
                })
                .then(a.cmp(&b))
        };
        let limit = options.limit.min(docs.len());
        if limit > 0 && limit < docs.len() {
            docs.select_nth_unstable_by(limit - 1, order);
        }
        docs.truncate(limit);
        docs.sort_unstable_by(order);
        matched_stems.sort_unstable();
        matched_stems.dedup();
        let hits = self.hits(articles, &docs, &matched_stems, &total_score, &fuzzy_count);
        let results = SearchResults {
            total,
            hits,
            facets,
            warnings: query.warnings.clone(),
            suggestion: None,
        };
        Selection { matching: keep, results }
    }

    fn eval_clause(
        &self,
        atoms: &[Atom],
        n: usize,
        mut stems_out: Option<&mut Vec<usize>>,
    ) -> ClauseEval {
        let mut eval = ClauseEval { score: vec![0.0; n], state: vec![NO_MATCH; n], textual: false };
        for atom in atoms {
            match atom {
                Atom::Word { folded, prefix, .. } => {
                    eval.textual = true;
                    for e in self.expand(folded, *prefix) {
                        if let Some(out) = stems_out.as_deref_mut() {
                            out.push(e.stem);
                        }
                        let state = if e.fuzzy { FUZZY } else { EXACT };
                        let idf = self.idf(e.stem);
                        for p in self.postings_of(e.stem) {
                            let d = p.doc as usize;
                            if d >= n {
                                break;
                            }
                            eval.score[d] += e.weight * self.bm25(idf, d, p.title_tf, p.body_tf);
                            eval.state[d] = eval.state[d].max(state);
                        }
                    }
                }
                Atom::Phrase(words) => {
                    eval.textual = true;
                    let stems: Option<Vec<usize>> =
                        words.iter().map(|w| self.stem_of_folded(w)).collect();
                    if let Some(stems) = stems {
                        if let Some(out) = stems_out.as_deref_mut() {
                            out.extend_from_slice(&stems);
                        }
                        self.eval_phrase(&stems, n, &mut eval);
                    }
                }
                _ => self.eval_filter(atom, n, &mut eval.state),
            }
        }
        eval
    }

    fn idf(&self, stem: usize) -> f32 {
        let n = self.articles as f32;
        let df = self.df[stem] as f32;
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    #[inline]
    fn bm25(&self, idf: f32, d: usize, title_tf: u32, body_tf: u32) -> f32 {
        let tf = body_tf as f32 + TITLE_BOOST * title_tf as f32;
        let len = self.docs[d].len as f32;
        let norm = BM25_K1 * (1.0 - BM25_B + BM25_B * len / self.avg_len);
        idf * tf * (BM25_K1 + 1.0) / (tf + norm)
    }

    /// The stems a typed word stands for: its own stem, completions when it
    /// is being typed, and (only when neither exists) words within the typo
    /// allowance.
    pub(crate) fn expand(&self, folded: &str, prefix: bool) -> Vec<Expansion> {
        let mut out = Vec::new();
        if let Some(stem) = self.stem_of_folded(folded) {
            out.push(Expansion { stem, weight: 1.0, fuzzy: false });
        }
        if prefix && folded.chars().count() >= MIN_PREFIX_CHARS {
            let mut found: Vec<(u32, usize)> = self
                .surfaces
                .prefix_range(folded)
                .map(|s| self.surface_stem[s] as usize)
                .filter(|&t| out.iter().all(|e| e.stem != t))
                .map(|t| (self.df[t], t))
                .collect();
            found.sort_unstable_by(|a, b| b.cmp(a));
            found.dedup_by_key(|x| x.1);
            found.truncate(MAX_PREFIX_TERMS);
            out.extend(found.into_iter().map(|(_, stem)| Expansion {
                stem,
                weight: PREFIX_WEIGHT,
                fuzzy: false,
            }));
        }
        if out.is_empty() {
            let edits = allowed_edits(folded.chars().count());
            let mut near = self.near_words(folded, edits);
            near.truncate(MAX_FUZZY_TERMS);
            for (dist, surface) in near {
                let stem = self.surface_stem[surface] as usize;
                if out.iter().all(|e| e.stem != stem) {
                    let weight = FUZZY_WEIGHT / dist.max(1) as f32;
                    out.push(Expansion { stem, weight, fuzzy: true });
                }
            }
        }
        out
    }

    /// Dictionary words within `edits` edits (optimal string alignment) of
    /// `word`, closest and most frequent first: (distance, surface index).
    pub(crate) fn near_words(&self, word: &str, edits: usize) -> Vec<(usize, usize)> {
        if edits == 0 {
            return Vec::new();
        }
        let len = word.chars().count();
        let mask = char_mask(word);
        let mut out: Vec<(usize, usize)> = Vec::new();
        for (i, (&chars, &m)) in self.surface_chars.iter().zip(&self.surface_mask).enumerate() {
            if (chars as usize).abs_diff(len) > edits
                || ((m ^ mask).count_ones() as usize) > 2 * edits
            {
                continue;
            }
            let dist = strsim::osa_distance(word, self.surfaces.get(i));
            if dist <= edits && dist > 0 {
                out.push((dist, i));
            }
        }
        out.sort_unstable_by_key(|&(dist, i)| {
            (dist, std::cmp::Reverse(self.df[self.surface_stem[i] as usize]), i)
        });
        out
    }

    fn eval_phrase(&self, stems: &[usize], n: usize, eval: &mut ClauseEval) {
        if stems.is_empty() {
            return;
        }
        let rarest = (0..stems.len()).min_by_key(|&i| self.df[stems[i]]).unwrap_or(0);
        let candidates: Vec<Posting> =
            self.postings_of(stems[rarest]).filter(|p| (p.doc as usize) < n).collect();
        // For each word, its posting in each candidate article (None: absent).
        let mut per_word: Vec<Vec<Option<Posting>>> = Vec::with_capacity(stems.len());
        for &stem in stems {
            let mut found = vec![None; candidates.len()];
            let mut c = 0;
            for p in self.postings_of(stem) {
                while c < candidates.len() && candidates[c].doc < p.doc {
                    c += 1;
                }
                if c == candidates.len() {
                    break;
                }
                if candidates[c].doc == p.doc {
                    found[c] = Some(p);
                }
            }
            per_word.push(found);
        }
        let idfs: Vec<f32> = stems.iter().map(|&s| self.idf(s)).collect();
        let mut starts: Vec<u32> = Vec::new();
        let mut other = Vec::new();
        let mut order: Vec<usize> = Vec::with_capacity(stems.len());
        'candidates: for (c, cand) in candidates.iter().enumerate() {
            if per_word.iter().any(|w| w[c].is_none()) {
                continue;
            }
            // Check the word with the fewest occurrences here first, so the
            // list of possible phrase starts is short from the outset.
            order.clear();
            order.extend(0..stems.len());
            order.sort_by_key(|&i| per_word[i][c].map_or(0, |p| p.title_tf + p.body_tf));
            for (k, &i) in order.iter().enumerate() {
                let Some(p) = per_word[i][c] else { continue 'candidates };
                let offset = i as u32;
                if k == 0 {
                    self.positions(p.positions, &mut other);
                    starts.clear();
                    starts.extend(other.iter().filter(|&&q| q >= offset).map(|&q| q - offset));
                } else {
                    // Keep the starts whose word i follows; positions are
                    // decoded only as far as the last start needs.
                    let mut cursor =
                        PositionCursor::new(&self.postings[p.positions.0..p.positions.1]);
                    starts.retain(|&s| cursor.seek(s + offset));
                }
                if starts.is_empty() {
                    continue 'candidates;
                }
            }
            let d = cand.doc as usize;
            let title_end = self.docs[d].title_end;
            let in_title = starts.iter().filter(|&&s| s < title_end).count() as u32;
            let in_body = starts.len() as u32 - in_title;
            eval.score[d] +=
                idfs.iter().map(|&idf| self.bm25(idf, d, in_title, in_body)).sum::<f32>();
            eval.state[d] = EXACT;
        }
    }

    /// Marks the articles a filter atom keeps. Names are matched once per
    /// outlet or entity, then articles are checked by id.
    fn eval_filter(&self, atom: &Atom, n: usize, state: &mut [u8]) {
        let entity_set = |pred: &dyn Fn(usize) -> bool| -> Vec<bool> {
            (0..self.entities.len()).map(pred).collect()
        };
        match atom {
            Atom::Outlet(value) => {
                let outlets: Vec<bool> =
                    self.outlet_folded.iter().map(|o| contains_words(o, value)).collect();
                for (d, s) in state.iter_mut().enumerate().take(n) {
                    let o = self.doc_outlet[d];
                    if o != u32::MAX && outlets[o as usize] {
                        *s = EXACT;
                    }
                }
            }
            Atom::Entity(_) | Atom::Type(_) => {
                let wanted = match atom {
                    Atom::Entity(value) => {
                        let exact =
                            entity_set(&|e| self.entities[e].keys.iter().any(|k| k == value));
                        if exact.iter().any(|&x| x) {
                            exact
                        } else {
                            entity_set(&|e| {
                                self.entities[e].keys.iter().any(|k| contains_words(k, value))
                            })
                        }
                    }
                    Atom::Type(value) => {
                        let kinds: Vec<bool> = self
                            .kinds
                            .iter()
                            .map(|k| fold_text(k).starts_with(value.as_str()))
                            .collect();
                        entity_set(&|e| kinds[self.entities[e].kind as usize])
                    }
                    _ => Vec::new(),
                };
                for (d, s) in state.iter_mut().enumerate().take(n) {
                    if self.doc_entity_ids(d).iter().any(|&e| wanted[e as usize]) {
                        *s = EXACT;
                    }
                }
            }
            Atom::Dated { from, to } => {
                let overlaps = |a: jiff::civil::Date, b: jiff::civil::Date| {
                    from.is_none_or(|f| b >= f) && to.is_none_or(|t| a <= t)
                };
                for (d, s) in state.iter_mut().enumerate().take(n) {
                    if self.published[d].is_some_and(|p| overlaps(p, p))
                        || self.doc_events(d).iter().any(|&(a, b)| overlaps(a, b))
                    {
                        *s = EXACT;
                    }
                }
            }
            Atom::Undated => {
                for (d, s) in state.iter_mut().enumerate().take(n) {
                    if self.published[d].is_none() {
                        *s = EXACT;
                    }
                }
            }
            Atom::Word { .. } | Atom::Phrase(_) => {}
        }
    }

    pub(crate) fn doc_entity_ids(&self, d: usize) -> &[u32] {
        &self.doc_entities[self.ent_offsets[d] as usize..self.ent_offsets[d + 1] as usize]
    }

    /// The distinct entity types (into `kinds`) of article `d`.
    pub(crate) fn doc_kind_ids(&self, d: usize) -> &[u32] {
        &self.doc_kinds[self.kind_offsets[d] as usize..self.kind_offsets[d + 1] as usize]
    }

    fn doc_events(&self, d: usize) -> &[(jiff::civil::Date, jiff::civil::Date)] {
        &self.events[self.event_offsets[d] as usize..self.event_offsets[d + 1] as usize]
    }

    /// Builds hits (best passage, highlights) for the chosen articles.
    fn hits(
        &self,
        articles: &[Article],
        docs: &[u32],
        stems: &[usize],
        score: &[f32],
        fuzzy: &[u8],
    ) -> Vec<Hit> {
        // For each hit, per paragraph: (bitset of matched words, count).
        let mut sorted: Vec<(u32, usize)> = docs.iter().enumerate().map(|(h, &d)| (d, h)).collect();
        sorted.sort_unstable();
        let mut counts: Vec<Vec<(usize, u64, u32)>> = vec![Vec::new(); docs.len()];
        let mut positions = Vec::new();
        for (bit, &stem) in stems.iter().enumerate() {
            let mut c = 0;
            for p in self.postings_of(stem) {
                while c < sorted.len() && sorted[c].0 < p.doc {
                    c += 1;
                }
                if c == sorted.len() {
                    break;
                }
                if sorted[c].0 != p.doc || p.body_tf == 0 {
                    continue;
                }
                let (d, h) = sorted[c];
                self.positions(p.positions, &mut positions);
                for &pos in &positions {
                    if let Some(para) = self.paragraph_at(d as usize, pos) {
                        let entry = match counts[h].iter_mut().find(|e| e.0 == para) {
                            Some(e) => e,
                            None => {
                                counts[h].push((para, 0, 0));
                                counts[h].last_mut().expect("just pushed")
                            }
                        };
                        entry.1 |= 1u64 << (bit % 64);
                        entry.2 += 1;
                    }
                }
            }
        }
        docs.iter()
            .enumerate()
            .map(|(h, &d)| {
                let d = d as usize;
                let article = &articles[d];
                let best = counts[h]
                    .iter()
                    .max_by(|a, b| {
                        (a.1.count_ones(), a.2).cmp(&(b.1.count_ones(), b.2)).then(b.0.cmp(&a.0))
                    })
                    .map(|e| e.0);
                let passage = best
                    .and_then(|p| article.paragraphs.get(p).map(|para| (p, para)))
                    .map(|(p, para)| Passage {
                        paragraph: p,
                        span: para.span,
                        highlights: self.highlight(&para.text, para.span.start, stems),
                    });
                let title_highlights = article
                    .title
                    .as_ref()
                    .and_then(|t| {
                        article
                            .text
                            .get(t.evidence.start..t.evidence.end)
                            .map(|s| (s, t.evidence.start))
                    })
                    .map(|(s, start)| self.highlight(s, start, stems))
                    .unwrap_or_default();
                Hit { article: d, score: score[d], fuzzy: fuzzy[d] > 0, passage, title_highlights }
            })
            .collect()
    }

    /// Byte ranges (offset by `base`) of the words of `text` whose stem is
    /// one of `stems` (sorted), overlapping ranges merged.
    pub(crate) fn highlight(&self, text: &str, base: usize, stems: &[usize]) -> Vec<Span> {
        let mut out: Vec<Span> = Vec::new();
        if stems.is_empty() {
            return out;
        }
        for_each_token(text, |t| {
            if self.stem_of_folded(t.folded).is_some_and(|s| stems.binary_search(&s).is_ok()) {
                let span = Span::new(base + t.span.start, base + t.span.end);
                match out.last_mut() {
                    Some(last) if last.end > span.start => last.end = last.end.max(span.end),
                    _ => out.push(span),
                }
            }
        });
        out
    }

    /// "Did you mean": replaces each unknown word of the query with the
    /// closest dictionary word (most frequent on ties).
    fn suggest(&self, input: &str, query: &Query) -> Option<Suggestion> {
        let mut replacements = Vec::new();
        let mut text = input.to_string();
        for clause in query.clauses.iter().filter(|c| !c.negated) {
            for atom in &clause.alternatives {
                let Atom::Word { folded, raw, .. } = atom else { continue };
                if self.stem_of_folded(folded).is_some() || raw.is_empty() {
                    continue;
                }
                let chars = folded.chars().count();
                let edits = if chars >= 3 { (allowed_edits(chars) + 1).min(2) } else { 0 };
                let Some(&(_, best)) = self.near_words(folded, edits).first() else { continue };
                let better = self.surfaces.get(best).to_string();
                if let Some(at) = text.find(raw.as_str()) {
                    text.replace_range(at..at + raw.len(), &better);
                }
                replacements.push((raw.clone(), better));
            }
        }
        (!replacements.is_empty()).then_some(Suggestion { query: text, replacements })
    }
}

/// Walks delta-coded positions forward, decoding only as far as asked.
struct PositionCursor<'a> {
    bytes: &'a [u8],
    at: usize,
    pos: u32,
    started: bool,
}

impl<'a> PositionCursor<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        PositionCursor { bytes, at: 0, pos: 0, started: false }
    }

    /// Moves to the first position at or after `target`; true if it is
    /// `target` itself. Targets must not decrease between calls.
    fn seek(&mut self, target: u32) -> bool {
        while !self.started || self.pos < target {
            if self.at >= self.bytes.len() {
                return false;
            }
            let v = read_varint(self.bytes, &mut self.at);
            self.pos = if self.started { self.pos + v } else { v };
            self.started = true;
        }
        self.pos == target
    }
}

/// True when `needle`'s words appear in `hay` as whole words, in order.
fn contains_words(hay: &str, needle: &str) -> bool {
    if hay == needle {
        return true;
    }
    hay.match_indices(needle).any(|(i, _)| {
        let before = hay[..i].chars().next_back().is_none_or(|c| c == ' ');
        let after = hay[i + needle.len()..].chars().next().is_none_or(|c| c == ' ');
        before && after
    })
}
