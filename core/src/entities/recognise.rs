//! Recognition: the mentions of one article, from general evidence.
//!
//! Each clean paragraph is tokenised and split into sentences. In ordinary
//! prose, a run of capitalised words is a candidate name; its type comes
//! from, in order of strength:
//!
//! 1. **Strong** evidence: a title before it ("Gen.", "Prime Minister"),
//!    an organisational, facility or place head word at its end
//!    ("Ministry", "Embassy", "Province"), the gazetteers (places,
//!    demonyms, groups, first names), an acronym given in parentheses.
//! 2. **Context**: a lower-case role before it ("spokesman"), a speech verb
//!    after it ("said"), "according to" before it, an organisation noun in
//!    apposition ("the militia, …").
//! 3. **Guess**: the shape of the name alone.
//!
//! A second pass makes each article consistent (a surname of a full name is
//! a PERSON, an acronym is its long form), then the corpus does the same for
//! what an article alone could not tell ([`Hints`]).
//!
//! In headline case, all capitals or text with no capitals, capitals tell
//! nothing, so only the gazetteers and numbers are used there.
//!
//! QUANTITY mentions come from numbers with what they count ("750
//! soldiers", "at least 25", "dozens").

use super::fxhash::FxMap;
use super::gazetteer::{gazetteer, PlaceKind};
use super::model::EntityType;
use super::vocab::{bit, flags, is, QUANTITY_MODIFIER_PAIRS};
use crate::ingest::{Article, ParagraphKind};
use crate::span::Span;
use crate::text::{case_style_by, fold_into, is_stopword, sentences, tokenize_into, CaseStyle};
use crate::text::{Token, TokenKind};
use std::borrow::Cow;

/// How strongly the text supports a mention's type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Evidence {
    /// Only the name's shape.
    Guess,
    /// A role, speech verb or apposition next to it.
    Context,
    /// A title, head word, gazetteer entry or acronym definition.
    Strong,
}

/// A mention found in one article, before resolution.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    /// Byte range in the article's original text.
    pub span: Span,
    /// `None` while nothing tells the type (dropped if it stays so).
    pub kind: Option<EntityType>,
    pub evidence: Evidence,
    pub role: Option<String>,
    /// Folded text of the mention.
    pub key: String,
    /// Number of tokens.
    pub words: usize,
    /// For an acronym: the folded key of the name it stands for.
    pub long_form: Option<String>,
}

/// The function-word bit of a token's flags.
const STOPWORD: u32 = bit::STOPWORD;

/// The most words a gazetteer match may span, whatever the gazetteer says.
const MAX_GAZETTEER_WORDS: usize = 6;

/// The longest acronym, in letters, that is not read as shouting.
const MAX_ACRONYM_LETTERS: usize = 6;

/// The most words a name without a head word may have and still be read as
/// a person's name when nothing else tells.
const MAX_GUESSED_PERSON_WORDS: usize = 3;

/// Recognises the mentions of every paragraph of `article`, each with
/// the evidence for its type. Untyped candidates are kept for the
/// consistency passes.
pub(crate) fn recognise(article: &Article, scratch: &mut Scratch) -> Vec<Found> {
    let mut found = Vec::new();
    for p in &article.paragraphs {
        scratch.load(&p.text);
        let para = Para { text: &p.text, base: p.span.start, s: scratch };
        let tokens = &para.s.tokens;
        let heading = p.kind == ParagraphKind::Heading;
        for range in sentences(para.text, tokens) {
            let style = if heading {
                CaseStyle::Headline
            } else {
                // The keys' list bits already say which words are function words.
                let flags = &para.s.flags[range.clone()];
                case_style_by(&tokens[range.clone()], |i| flags[i].0 & STOPWORD != 0)
            };
            para.sentence(range.start, range.end, style, &mut found);
        }
    }
    found
}

/// Reusable buffers: tokens and their folded keys.
#[derive(Default)]
pub(crate) struct Scratch {
    tokens: Vec<Token>,
    keys: String,
    key_ranges: Vec<(u32, u32)>,
    /// List bits of each token's key and of its last part.
    flags: Vec<(u32, u32)>,
}

impl Scratch {
    fn load(&mut self, text: &str) {
        tokenize_into(text, &mut self.tokens);
        self.keys.clear();
        self.key_ranges.clear();
        self.flags.clear();
        for t in &self.tokens {
            let start = self.keys.len();
            let word = t.text(text);
            if t.kind != TokenKind::Punct
                && !word.is_empty()
                && word.bytes().all(|b| b.is_ascii_alphanumeric())
            {
                // Most tokens are plain ASCII words or numbers: their key is
                // the word in lower case (what `fold_into` gives, without
                // its general path), one word with no inner space.
                if !self.keys.is_empty() {
                    self.keys.push(' ');
                }
                let s = self.keys.len();
                self.keys.push_str(word);
                self.keys[s..].make_ascii_lowercase();
                self.key_ranges.push((s as u32, self.keys.len() as u32));
                let own = flags(&self.keys[s..]);
                self.flags.push((own, own));
            } else if t.kind != TokenKind::Punct {
                // Fold each word once, into one shared buffer.
                let mut one = std::mem::take(&mut self.keys);
                let before = one.len();
                fold_into(word, &mut one);
                // fold_into separates from earlier text with a space: skip it.
                let s = if one.len() > before && before > 0 { before + 1 } else { before };
                self.keys = one;
                self.key_ranges.push((s as u32, self.keys.len() as u32));
                let key = &self.keys[s..];
                let own = flags(key);
                let last = match key.rsplit_once(' ') {
                    Some((_, last)) => flags(last),
                    None => own,
                };
                self.flags.push((own, last));
            } else {
                self.key_ranges.push((start as u32, start as u32));
                self.flags.push((0, 0));
            }
        }
    }
}

/// One paragraph being read.
struct Para<'a> {
    text: &'a str,
    /// Offset of the paragraph in the original text.
    base: usize,
    s: &'a Scratch,
}

impl<'a> Para<'a> {
    fn tok(&self, i: usize) -> Token {
        self.s.tokens[i]
    }

    /// True when token `i`'s key is in the list with bit `b`.
    fn is(&self, i: usize, b: u32) -> bool {
        self.s.flags[i].0 & b != 0
    }

    /// Like [`Para::is`], for the last part of a hyphenated word.
    fn is_last(&self, i: usize, b: u32) -> bool {
        self.s.flags[i].1 & b != 0
    }

    fn key(&self, i: usize) -> &str {
        let (a, b) = self.s.key_ranges[i];
        &self.s.keys[a as usize..b as usize]
    }

    fn word(&self, i: usize) -> &'a str {
        self.s.tokens[i].text(self.text)
    }

    /// The key of the last part of a (hyphenated) word.
    fn last_part(&self, i: usize) -> &str {
        let k = self.key(i);
        k.rsplit(' ').next().unwrap_or(k)
    }

    /// Tokens `i` and `i + 1` are separated by white space only.
    fn adjacent(&self, i: usize) -> bool {
        i + 1 < self.s.tokens.len() && self.tok(i + 1).space_before() && !self.tok(i).possessive()
    }

    fn is_punct(&self, i: usize, p: &str) -> bool {
        i < self.s.tokens.len() && self.tok(i).kind == TokenKind::Punct && self.word(i) == p
    }

    /// Could token `i` be part of a name in ordinary prose?
    fn name_like(&self, i: usize) -> bool {
        let t = self.tok(i);
        if t.kind != TokenKind::Word {
            return false;
        }
        let key = self.key(i);
        if t.has_digit() {
            return false; // "AH-64", "F-16": models and codes, not names
        }
        if t.capitalised() {
            if self.is(i, bit::CALENDAR)
                || (t.abbreviation() && self.is(i, bit::MONTH_ABBREVIATIONS))
            {
                return false;
            }
            if t.hyphenated() {
                // "Iran-backed" is a word about a name, not a name.
                let tail = self.word(i).rsplit(['-', '\u{2010}', '\u{2011}']).next().unwrap_or("");
                return tail.chars().next().is_some_and(|c| !c.is_lowercase());
            }
            return true;
        }
        // "al-Sadr", "bin-Salman": a lower-case particle joined to a name.
        t.hyphenated()
            && key.split(' ').next().is_some_and(|p| is(p, bit::NAME_PARTICLES))
            && self
                .word(i)
                .split(['-', '\u{2010}', '\u{2011}'])
                .nth(1)
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_uppercase)
    }

    /// True when token `a` opens its sentence (possibly after quotes or a
    /// colon), where any word is capitalised.
    fn opens_sentence(&self, a: usize, s: usize) -> bool {
        let mut i = a;
        while i > s {
            i -= 1;
            let t = self.tok(i);
            if t.kind != TokenKind::Punct {
                return false;
            }
            if matches!(self.word(i), "“" | "\"" | "‘" | ":" | "(" | "—" | "–" | "'" | "[")
            {
                return true;
            }
        }
        true
    }

    fn sentence(&self, s: usize, e: usize, style: CaseStyle, out: &mut Vec<Found>) {
        let caps = style == CaseStyle::Normal;
        let mut i = s;
        while i < e {
            if let Some(end) = self.quantity(i, e, out) {
                i = end;
                continue;
            }
            let t = self.tok(i);
            if t.kind == TokenKind::Punct {
                i += 1;
                continue;
            }
            if t.hyphenated() && t.capitalised() && !self.name_like(i) {
                self.hyphen_prefix(i, out);
                i += 1;
                continue;
            }
            if t.hyphenated() && t.capitalised() && self.hyphen_parts(i, out) {
                i += 1;
                continue;
            }
            if caps && (self.name_like(i) || self.ordinal_name_start(i, e)) {
                let end = self.run_end(i, e);
                self.run(i, end, s, e, out);
                i = end;
                continue;
            }
            if !caps {
                if let Some(end) = self.gazetteer_match(i, e, out) {
                    i = end;
                    continue;
                }
            }
            i += 1;
        }
    }

    /// "82nd Airborne Division": an ordinal opening a capitalised name.
    fn ordinal_name_start(&self, i: usize, e: usize) -> bool {
        let t = self.tok(i);
        t.kind == TokenKind::Number
            && i + 1 < e
            && self.adjacent(i)
            && self.name_like(i + 1)
            && ["st", "nd", "rd", "th"].iter().any(|s| self.key(i).ends_with(s))
    }

    /// "Iran-backed": the place or nationality before the hyphen.
    fn hyphen_prefix(&self, i: usize, out: &mut Vec<Found>) {
        let word = self.word(i);
        let Some(cut) = word.find(['-', '\u{2010}', '\u{2011}']) else { return };
        let head = &word[..cut];
        let mut key = String::new();
        fold_into(head, &mut key);
        if let Some(kind) = gazetteer_kind(&key) {
            let start = self.base + self.tok(i).span.start;
            out.push(Found {
                span: Span::new(start, start + cut),
                kind: Some(kind),
                evidence: Evidence::Strong,
                role: None,
                key,
                words: 1,
                long_form: None,
            });
        }
    }

    /// "US-Iran": every part a place or nationality, each its own mention.
    fn hyphen_parts(&self, i: usize, out: &mut Vec<Found>) -> bool {
        let word = self.word(i);
        let start = self.base + self.tok(i).span.start;
        let mut parts = Vec::new();
        let mut at = 0;
        for part in word.split(['-', '\u{2010}', '\u{2011}']) {
            let mut key = String::new();
            fold_into(part, &mut key);
            match gazetteer_kind(&key) {
                Some(kind) if !is_stopword(&key) || part.len() <= 3 => {
                    parts.push((at, at + part.len(), kind, key))
                }
                _ => return false,
            }
            at += part.len();
            at += word[at..].chars().next().map_or(0, char::len_utf8);
        }
        for (s, e, kind, key) in parts {
            out.push(Found {
                span: Span::new(start + s, start + e),
                kind: Some(kind),
                evidence: Evidence::Strong,
                role: None,
                key,
                words: 1,
                long_form: None,
            });
        }
        true
    }

    /// The end of the capitalised run starting at `i`.
    fn run_end(&self, i: usize, e: usize) -> usize {
        let mut j = i + 1;
        if self.tok(i).possessive() {
            return j;
        }
        while j < e && self.tok(j).space_before() {
            if self.tok(j - 1).possessive() {
                // "Tigray People's Liberation Front": a possessive inside an
                // organisation's name, when the name goes on to a head word.
                let mut k = j;
                while k < e && self.tok(k).space_before() && self.name_like(k) {
                    k += 1;
                    if self.tok(k - 1).possessive() {
                        break;
                    }
                }
                if k > j && self.is_last(k - 1, bit::ORG_HEADS) {
                    j = k;
                    continue;
                }
                break;
            }
            if self.name_like(j) {
                j += 1;
                continue;
            }
            let key = self.key(j);
            let lower = !self.tok(j).capitalised();
            let next_ok = |k: usize| k < e && self.tok(k).space_before() && self.name_like(k);
            if lower && self.is(j, bit::NAME_PARTICLES) && next_ok(j + 1) {
                j += 2;
                continue;
            }
            // "of"/"for" continue a name after a head word ("Ministry of
            // Defense", "Institute for the Study of War").
            let head_before = self.is_last(j - 1, bit::OF_JOINERS)
                || (i..j).any(|h| matches!(self.key(h), "of" | "for"));
            if lower && (key == "of" || key == "for") && head_before {
                if next_ok(j + 1) {
                    j += 2;
                    continue;
                }
                if j + 1 < e && self.key(j + 1) == "the" && next_ok(j + 2) {
                    j += 3;
                    continue;
                }
            }
            break;
        }
        j
    }

    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.base + self.tok(a).span.start, self.base + self.tok(b - 1).span.end)
    }

    /// The folded key of tokens `a..b`: a slice of the shared key buffer
    /// when their keys lie next to each other there (always, for a run of
    /// words), else built.
    fn joined_key(&self, a: usize, b: usize) -> Cow<'_, str> {
        let ranges = &self.s.key_ranges[a..b];
        let contiguous =
            ranges.iter().all(|&(s, e)| s < e) && ranges.windows(2).all(|w| w[1].0 == w[0].1 + 1);
        if contiguous {
            if let (Some(first), Some(last)) = (ranges.first(), ranges.last()) {
                return Cow::Borrowed(&self.s.keys[first.0 as usize..last.1 as usize]);
            }
        }
        let mut key = String::new();
        for i in a..b {
            let k = self.key(i);
            if k.is_empty() {
                continue;
            }
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(k);
        }
        Cow::Owned(key)
    }

    #[allow(clippy::too_many_arguments)]
    fn emit(
        &self,
        a: usize,
        b: usize,
        kind: Option<EntityType>,
        evidence: Evidence,
        role: Option<String>,
        long_form: Option<String>,
        out: &mut Vec<Found>,
    ) {
        if a >= b {
            return;
        }
        let key = self.joined_key(a, b);
        if key.is_empty() {
            return;
        }
        out.push(Found {
            span: self.span(a, b),
            kind,
            evidence,
            role,
            key: key.into_owned(),
            words: b - a,
            long_form,
        });
    }

    /// Classifies the capitalised run `a..b` of the sentence `s..e`.
    fn run(&self, mut a: usize, b: usize, s: usize, e: usize, out: &mut Vec<Found>) {
        // A capitalised function word opening a sentence is not a name.
        while a < b
            && self.opens_sentence(a, s)
            && !self.tok(a).all_caps()
            && (self.is(a, STOPWORD) || self.is(a, bit::CALENDAR))
        {
            a += 1;
        }
        if a >= b {
            return;
        }
        if let Some((role_start, name_start)) = self.title(a, b) {
            self.plain(a, role_start, s, e, None, out);
            let role = self.text
                [self.tok(role_start).span.start..self.tok(name_start - 1).span.end]
                .to_string();
            self.emit(
                name_start,
                b,
                Some(EntityType::Person),
                Evidence::Strong,
                Some(role),
                None,
                out,
            );
            return;
        }
        let role = (a > s && !self.tok(a - 1).capitalised() && self.is(a - 1, bit::LOWER_ROLES))
            .then(|| self.word(a - 1).to_string());
        self.plain(a, b, s, e, role, out);
    }

    /// A title inside the run: `(role start, name start)`.
    fn title(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        let head = (a..b).rev().find(|&h| self.is_last(h, bit::TITLE_HEADS))?;
        let mut name = head + 1;
        if name < b && self.key(name) == "of" {
            name += 1;
            if name < b && self.key(name) == "the" {
                name += 1;
            }
            name += 1;
            while name + 1 < b && self.is(name, bit::TITLE_OF_WORDS) {
                name += 1;
            }
        }
        if name >= b {
            return None;
        }
        if self.is_last(b - 1, bit::ORG_HEADS)
            || self.is_last(b - 1, bit::FACILITY_HEADS)
            || self.is_last(b - 1, bit::PLACE_HEADS)
        {
            return None;
        }
        let mut start = head;
        while start > a
            && (self.is(start - 1, bit::TITLE_MODIFIERS) || self.is(start - 1, bit::TITLE_HEADS))
        {
            start -= 1;
        }
        Some((start, name))
    }

    /// Classifies a run with no title in it.
    fn plain(
        &self,
        a: usize,
        b: usize,
        s: usize,
        e: usize,
        role: Option<String>,
        out: &mut Vec<Found>,
    ) {
        if a >= b {
            return;
        }
        let n = b - a;
        // "Popular Mobilization Forces (PMF)": an acronym defined in place.
        let defines_acronym = n >= 2
            && self.is_punct(b, "(")
            && b + 2 < self.s.tokens.len()
            && self.tok(b + 1).all_caps()
            && self.is_punct(b + 2, ")");
        let of = (a + 1..b).find(|&i| matches!(self.key(i), "of" | "for"));
        let before_of = of.map(|o| self.last_part(o - 1));
        let org = n >= 2
            && (self.is_last(b - 1, bit::ORG_HEADS)
                || before_of.is_some_and(|k| is(k, bit::ORG_HEADS)));
        if org || (n == 1 && self.is_last(b - 1, bit::ORG_SINGLE)) {
            return self.emit(a, b, Some(EntityType::Org), Evidence::Strong, None, None, out);
        }
        if n >= 2 && self.is(a, bit::FACILITY_PREFIXES) {
            return self.emit(a, b, Some(EntityType::Facility), Evidence::Strong, None, None, out);
        }
        if n >= 2 && self.is(a, bit::PLACE_PREFIXES) {
            return self.emit(a, b, Some(EntityType::Place), Evidence::Strong, None, None, out);
        }
        if n >= 2
            && (self.is_last(b - 1, bit::FACILITY_HEADS)
                || before_of.is_some_and(|k| is(k, bit::FACILITY_HEADS)))
        {
            return self.emit(a, b, Some(EntityType::Facility), Evidence::Strong, None, None, out);
        }
        if n >= 2
            && (self.is_last(b - 1, bit::PLACE_HEADS)
                || before_of.is_some_and(|k| is(k, bit::PLACE_HEADS)))
        {
            return self.emit(a, b, Some(EntityType::Place), Evidence::Strong, None, None, out);
        }
        if before_of.is_some_and(|k| is(k, bit::TITLE_HEADS)) {
            // "Secretary of State" with no name: a role, not an entity.
            return;
        }
        let g = gazetteer();
        let whole = gazetteer_kind(&self.joined_key(a, b));
        if n >= 2 && g.is_first_name(self.key(a)) && whole.is_none() {
            return self.emit(a, b, Some(EntityType::Person), Evidence::Strong, role, None, out);
        }
        if n >= 2 && role.is_some() && whole.is_none() {
            return self.emit(a, b, Some(EntityType::Person), Evidence::Context, role, None, out);
        }
        if n >= 2 && whole.is_none() && self.city_inside_name(a, b) {
            return self.name(a, b, s, e, role, defines_acronym, out);
        }
        // Split the run into gazetteer pieces and the names between them.
        let mut p = a;
        let mut rest = a;
        let mut pieces = false;
        while p < b {
            // "Us" opening a sentence is the pronoun.
            let single = self.tok(p).all_caps() || !self.is(p, STOPWORD);
            if let Some((len, kind)) = self.longest_gazetteer_match(p, b, single) {
                if rest < p {
                    self.name(rest, p, s, e, None, false, out);
                }
                self.emit(p, p + len, Some(kind), Evidence::Strong, None, None, out);
                pieces = true;
                p += len;
                rest = p;
            } else {
                p += 1;
            }
        }
        if !pieces {
            self.name(a, b, s, e, role, defines_acronym, out);
        } else if rest < b {
            self.name(rest, b, s, e, None, false, out);
        }
    }

    /// True when the run's only gazetteer words are cities next to unknown
    /// capitalised words: "Sambit Patra", "Lok Sabha" are names, not a
    /// city with a stray word.
    fn city_inside_name(&self, a: usize, b: usize) -> bool {
        let g = gazetteer();
        let mut city = false;
        for i in a..b {
            let k = self.key(i);
            match g.place(k) {
                Some(PlaceKind::City) => city = true,
                Some(_) => return false,
                None if g.demonym(k).is_some() || g.is_group(k) => return false,
                None => {}
            }
        }
        city
    }

    /// Types a name nothing in the gazetteers or head words explains.
    #[allow(clippy::too_many_arguments)]
    fn name(
        &self,
        a: usize,
        b: usize,
        s: usize,
        e: usize,
        role: Option<String>,
        defines_acronym: bool,
        out: &mut Vec<Found>,
    ) {
        let n = b - a;
        if n >= 2 && (a..b).all(|i| self.tok(i).all_caps()) {
            return; // "BIG PRICE": shouting, not a name
        }
        if n == 1 && self.tok(a).all_caps() {
            let letters = self.key(a).chars().filter(|c| c.is_alphabetic()).count();
            let shouting = self.is_punct(a + 1, "!")
                || self.is(a, STOPWORD)
                || self.is(a, bit::NOT_ACRONYMS)
                || letters > MAX_ACRONYM_LETTERS
                || (a > s && self.tok(a - 1).all_caps())
                || (a + 1 < e && self.tok(a + 1).all_caps());
            if !shouting {
                self.emit(a, b, Some(EntityType::Org), Evidence::Guess, None, None, out);
            }
            return;
        }
        if defines_acronym {
            // The acronym itself is linked by the consistency pass.
            return self.emit(a, b, Some(EntityType::Org), Evidence::Strong, None, None, out);
        }
        let particle = (a..b).any(|i| {
            let k = self.key(i);
            k.split(' ').next().is_some_and(|p| is(p, bit::NAME_PARTICLES))
                && self.key(i).contains(' ')
                || (!self.tok(i).capitalised() && self.is(i, bit::NAME_PARTICLES))
        });
        let org_words = (a..b).any(|i| self.is(i, bit::ORG_MODIFIERS))
            || (a..b).any(|i| self.tok(i).has_digit() || self.tok(i).all_caps());
        let speech = (b < e && self.is(b, bit::SPEECH_VERBS) && self.adjacent(b - 1))
            || (b + 1 < e && self.is_punct(b, ",") && self.is(b + 1, bit::SPEECH_VERBS))
            || (a >= s + 2 && self.key(a - 2) == "according" && self.key(a - 1) == "to");
        let apposition = (a > s && self.is(a - 1, bit::ORG_APPOSITIONS))
            || (a >= s + 2 && self.is_punct(a - 1, ",") && self.is(a - 2, bit::ORG_APPOSITIONS))
            || self.apposition_after(b, e) == Some(EntityType::Org)
            // "Counter Terrorism forces": a lower-case head word after the name.
            || (b < e
                && n >= 2
                && !self.tok(b - 1).possessive()
                && !self.tok(b).capitalised()
                && self.is(b, bit::ORG_HEADS));
        let person_apposition = self.apposition_after(b, e) == Some(EntityType::Person);
        let after_the = a > s && self.key(a - 1) == "the" && !self.tok(a - 1).capitalised();
        let person = Some(EntityType::Person);
        let org = Some(EntityType::Org);
        let (kind, evidence) = if apposition {
            (org, Evidence::Strong)
        } else if (role.is_some() && n >= 2) || (speech && !org_words) || person_apposition {
            (person, Evidence::Context)
        } else if n == 1 {
            (None, Evidence::Guess)
        } else if particle && !org_words && !after_the {
            (person, Evidence::Guess)
        } else if org_words || after_the || n > MAX_GUESSED_PERSON_WORDS {
            (org, Evidence::Guess)
        } else {
            (person, Evidence::Guess)
        };
        self.emit(a, b, kind, evidence, role, None, out);
    }

    /// ", a PMF militia" (an organisation) or ", the party's president" (a
    /// person): what the noun in apposition after `b` says.
    fn apposition_after(&self, b: usize, e: usize) -> Option<EntityType> {
        if !self.is_punct(b, ",") || b + 1 >= e || !matches!(self.key(b + 1), "a" | "an" | "the") {
            return None;
        }
        for i in (b + 2..(b + 6).min(e)).take_while(|&i| self.tok(i).kind != TokenKind::Punct) {
            if self.tok(i).possessive() {
                continue;
            }
            if self.is(i, bit::LOWER_ROLES | bit::TITLE_HEADS) {
                return Some(EntityType::Person);
            }
            if self.is(i, bit::ORG_APPOSITIONS) {
                return Some(EntityType::Org);
            }
        }
        None
    }

    /// Outside ordinary prose: the longest gazetteer match at `i`.
    fn gazetteer_match(&self, i: usize, e: usize, out: &mut Vec<Found>) -> Option<usize> {
        if self.tok(i).kind != TokenKind::Word {
            return None;
        }
        let mut end = i;
        while end < e && self.tok(end).kind == TokenKind::Word {
            end += 1;
        }
        let single = !self.is(i, STOPWORD) || (self.tok(i).all_caps() && self.key(i).len() <= 3);
        let (len, kind) = self.longest_gazetteer_match(i, end, single)?;
        self.emit(i, i + len, Some(kind), Evidence::Strong, None, None, out);
        Some(i + len)
    }

    /// The longest gazetteer name over tokens `p..p + len` (`p + len <=
    /// end`): `(len, type)`. A one-token name counts only when `single`.
    ///
    /// Lengths are tried from the longest down, but never beyond the
    /// longest gazetteer key that starts with token `p`'s first word: each
    /// token with a non-empty key adds at least one word to the joined
    /// key, so longer tries could not match. Most capitalised words start
    /// no multi-word name, so this usually leaves one lookup or none.
    fn longest_gazetteer_match(
        &self,
        p: usize,
        end: usize,
        single: bool,
    ) -> Option<(usize, EntityType)> {
        let g = gazetteer();
        let mut max = (end - p).min(g.max_place_words().clamp(1, MAX_GAZETTEER_WORDS));
        let first = self.key(p).split(' ').next().unwrap_or("");
        if !first.is_empty() {
            let limit = g.longest_from(first);
            let (mut len, mut words) = (0, 0);
            while len < max {
                if !self.key(p + len).is_empty() {
                    if words == limit {
                        break;
                    }
                    words += 1;
                }
                len += 1;
            }
            max = len;
        }
        (1..=max).rev().find_map(|len| {
            if len == 1 && !single {
                return None;
            }
            g.name_type(&self.joined_key(p, p + len)).map(|kind| (len, kind))
        })
    }

    /// A number at token `i` that counts something: returns the end token.
    fn number_at(&self, i: usize, e: usize) -> bool {
        if i >= e {
            return false;
        }
        let t = self.tok(i);
        match t.kind {
            TokenKind::Number => {
                let digits = self.word(i);
                if !digits.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.') {
                    return false; // "82nd", "3pm"
                }
                let year = digits.len() == 4
                    && digits.bytes().all(|b| b.is_ascii_digit())
                    && (digits.starts_with('1') || digits.starts_with('2'));
                if year {
                    return false;
                }
                if i > 0 {
                    let prev = self.key(i - 1);
                    let p = self.word(i - 1);
                    if self.is(i - 1, bit::CALENDAR)
                        || self.is(i - 1, bit::MONTH_ABBREVIATIONS)
                        || matches!(p, "$" | "£" | "€" | "#" | "№")
                        || prev == "no"
                    {
                        return false;
                    }
                }
                if i + 1 < self.s.tokens.len() {
                    let next = self.word(i + 1);
                    if matches!(next, "%" | "$" | "£" | "€" | ":" | "/") {
                        return false;
                    }
                }
                true
            }
            TokenKind::Word => self.is(i, bit::NUMBER_WORDS) && !t.all_caps(),
            TokenKind::Punct => false,
        }
    }

    /// A QUANTITY at `i`: pushes it and returns the token after it.
    fn quantity(&self, i: usize, e: usize, out: &mut Vec<Found>) -> Option<usize> {
        let t = self.tok(i);
        if t.kind == TokenKind::Punct {
            return None;
        }
        let mut j = i;
        let mut modified = false;
        let k = self.key(i);
        // The list bit says whether the word can open a pair at all.
        let pair = i + 1 < e
            && self.is(i, bit::QUANTITY_PAIR_FIRST)
            && QUANTITY_MODIFIER_PAIRS.iter().any(|&(x, y)| x == k && y == self.key(i + 1));
        if pair {
            j += 2;
            modified = true;
            if j < e && self.is(j, bit::QUANTITY_MODIFIERS) && self.number_at(j + 1, e) {
                j += 1;
            }
        } else if self.is(i, bit::QUANTITY_MODIFIERS) && self.number_at(i + 1, e) {
            j += 1;
            modified = true;
        }
        // "a thousand", "a dozen".
        if j + 1 < e && self.key(j) == "a" && self.is(j + 1, bit::MULTIPLIERS) {
            j += 1;
            modified = true;
        } else if !self.number_at(j, e) {
            return None;
        }
        let bare = self.tok(j).kind == TokenKind::Number;
        j += 1;
        // "2.5 million", "two hundred", "tens of thousands of".
        while j < e && self.tok(j).kind != TokenKind::Punct {
            let k = self.key(j);
            if self.is(j, bit::MULTIPLIERS) {
                j += 1;
            } else if k == "of" && j + 1 < e && self.is(j + 1, bit::VAGUE_NUMBERS) {
                j += 2;
            } else {
                break;
            }
        }
        let vague = self.is(j - 1, bit::VAGUE_NUMBERS);
        if j < e && self.tok(j).kind == TokenKind::Word && self.is(j, bit::NOT_COUNTED) {
            return None;
        }
        // What is counted: "[of] [US] [rocket] attacks".
        let mut k = j;
        if vague && k + 1 < e && self.key(k) == "of" {
            k += 1;
        }
        let mut best = None;
        let mut words = 0;
        while k < e && words < 3 && self.tok(k).kind == TokenKind::Word {
            let key = self.key(k);
            let t = self.tok(k);
            let place_word = t.capitalised() && gazetteer_kind(key).is_some();
            if words == 0 && place_word {
                k += 1;
                words += 1;
                continue;
            }
            // "two more batteries", "20,000 extra officers".
            if words == 0 && self.is(k, bit::QUANTITY_ADJECTIVES) {
                k += 1;
                words += 1;
                continue;
            }
            // "two Patriot batteries": a capitalised modifier before a noun.
            if t.capitalised() {
                let next_lower = k + 1 < e
                    && self.tok(k + 1).kind == TokenKind::Word
                    && !self.tok(k + 1).capitalised();
                if words > 0 && next_lower && !t.possessive() {
                    k += 1;
                    words += 1;
                    continue;
                }
                break;
            }
            if self.is(k, STOPWORD | bit::NOT_COUNTED) {
                break;
            }
            if is_plural(key) {
                best = Some(k + 1);
            }
            k += 1;
            words += 1;
            if t.possessive() {
                break;
            }
        }
        // "wounded 55": a bare number counting casualties.
        let casualties = bare && i > 0 && self.is(i - 1, bit::CASUALTY_VERBS);
        let end = match best {
            Some(end) => end,
            None if modified || vague || casualties => j,
            None => return None,
        };
        self.emit(i, end, Some(EntityType::Quantity), Evidence::Strong, None, None, out);
        Some(end)
    }
}

/// True when a folded word looks like a plural noun ("soldiers", "people").
fn is_plural(key: &str) -> bool {
    if is(key, bit::IRREGULAR_PLURALS) {
        return true;
    }
    if key.len() > 4 && key.ends_with("men") {
        return true; // "militiamen", "gunmen"
    }
    key.len() > 3
        && key.ends_with('s')
        && !key.ends_with("ss")
        && !key.ends_with("us")
        && !key.ends_with("is")
        && key.bytes().all(|b| b.is_ascii_lowercase())
}

/// The type the gazetteers give a folded key.
pub(crate) fn gazetteer_kind(key: &str) -> Option<EntityType> {
    gazetteer().name_type(key)
}

/// What an article (or the corpus) says about names: the type each key was
/// given with the strongest evidence, persons' surnames and acronyms.
#[derive(Default, Debug)]
pub(crate) struct Hints {
    types: FxMap<String, Vote>,
    surnames: FxMap<String, ()>,
    /// First words of full names, for names used alone ("Abiy" after "Abiy
    /// Ahmed"); learnt per article only, never shared across the corpus.
    given: FxMap<String, ()>,
    acronyms: FxMap<String, (String, EntityType)>,
}

impl Hints {
    /// Learns from the typed mentions of one article.
    pub fn learn(&mut self, text: &str, found: &[Found]) {
        for (i, f) in found.iter().enumerate() {
            let Some(kind) = f.kind else { continue };
            if f.evidence >= Evidence::Context {
                update(&mut self.types, &f.key, |v| v.add(kind, f.evidence, 1));
                if kind == EntityType::Person && f.words >= 2 {
                    let words: Vec<&str> = f.key.split(' ').collect();
                    if let Some(first) = words.first().filter(|w| !is(w, bit::NAME_PARTICLES)) {
                        note(&mut self.given, first);
                    }
                    let mut tail = String::new();
                    for w in words[1..].iter().rev() {
                        if !tail.is_empty() {
                            tail.insert(0, ' ');
                        }
                        tail.insert_str(0, w);
                        if !is(w, bit::NAME_PARTICLES) || tail.contains(' ') {
                            note(&mut self.surnames, &tail);
                        }
                    }
                }
            }
            // "Long Name (ACR)": the next mention is the acronym in brackets.
            if let Some(next) = found.get(i + 1) {
                let between = text.get(f.span.end..next.span.start).unwrap_or("").trim();
                let after = text.get(next.span.end..).unwrap_or("");
                if f.words >= 2
                    && next.words == 1
                    && between == "("
                    && after.starts_with(')')
                    && text.get(next.span.start..next.span.end).is_some_and(is_acronym)
                {
                    self.acronyms.insert(next.key.clone(), (f.key.clone(), kind));
                }
            }
        }
    }

    /// Adds another article's hints (for the corpus-wide pass).
    pub fn absorb(&mut self, other: &Hints) {
        for (k, vote) in &other.types {
            update(&mut self.types, k, |entry| {
                for (i, &n) in vote.counts.iter().enumerate() {
                    if n > 0 {
                        if let Some(ev) = vote.evidence {
                            entry.add(EntityType::ALL[i], ev, n);
                        }
                    }
                }
            });
        }
        for k in other.surnames.keys() {
            note(&mut self.surnames, k);
        }
        for (k, v) in &other.acronyms {
            if !self.acronyms.contains_key(k) {
                self.acronyms.insert(k.clone(), v.clone());
            }
        }
    }

    /// Improves the types of weakly typed mentions from these hints.
    pub fn apply(&self, found: &mut [Found]) {
        for f in found.iter_mut() {
            if f.evidence == Evidence::Strong {
                continue;
            }
            if let Some((long, kind)) = self.acronyms.get(&f.key) {
                if f.words == 1 {
                    f.kind = Some(*kind);
                    f.evidence = Evidence::Strong;
                    f.long_form = Some(long.clone());
                    continue;
                }
            }
            if let Some((kind, ev)) = self.types.get(&f.key).and_then(Vote::best) {
                if ev > f.evidence || f.kind.is_none() {
                    f.kind = Some(kind);
                    f.evidence = ev.min(Evidence::Context);
                    continue;
                }
            }
            if f.kind.is_none()
                && (self.surnames.contains_key(&f.key) || self.given.contains_key(&f.key))
            {
                f.kind = Some(EntityType::Person);
                f.evidence = Evidence::Context;
            }
        }
    }
}

/// Updates the value of `key` in `map` with `f`, starting from the default
/// when missing. Most keys are already there (a name repeats), so the key
/// is copied only for a new one.
fn update<V: Default>(map: &mut FxMap<String, V>, key: &str, f: impl FnOnce(&mut V)) {
    match map.get_mut(key) {
        Some(v) => f(v),
        None => f(map.entry(key.to_string()).or_default()),
    }
}

/// Adds `key` to a set kept as a map to `()`, copying it only when new.
fn note(set: &mut FxMap<String, ()>, key: &str) {
    if !set.contains_key(key) {
        set.insert(key.to_string(), ());
    }
}

/// The types a key was given, counted at the strongest evidence seen.
#[derive(Default, Debug)]
struct Vote {
    evidence: Option<Evidence>,
    counts: [u32; 6],
}

impl Vote {
    fn add(&mut self, kind: EntityType, evidence: Evidence, n: u32) {
        if self.evidence.is_none_or(|e| evidence > e) {
            self.evidence = Some(evidence);
            self.counts = [0; 6];
        }
        if self.evidence == Some(evidence) {
            if let Some(i) = EntityType::ALL.iter().position(|&t| t == kind) {
                self.counts[i] += n;
            }
        }
    }

    /// The most voted type (the first in [`EntityType::ALL`] on a tie).
    fn best(&self) -> Option<(EntityType, Evidence)> {
        let evidence = self.evidence?;
        let (i, &n) = self.counts.iter().enumerate().rev().max_by_key(|&(_, n)| n)?;
        (n > 0).then_some((EntityType::ALL[i], evidence))
    }
}

/// An acronym as written: 2 to 6 capitals.
fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    (2..=MAX_ACRONYM_LETTERS).contains(&letters) && !s.chars().any(char::is_lowercase)
}
