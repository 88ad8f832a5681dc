//! The per-article pass: blocks → labels → [`Article`].
//!
//! Each block gets exactly one label, in this order of passes (an earlier
//! pass wins):
//!
//! 1. site chrome by vocabulary and shape ([`clutter`]);
//! 2. teasers after a related-coverage header;
//! 3. the page header (blocks before the first prose paragraph): date
//!    lines, the byline, the title;
//! 4. the title again (repeated headline);
//! 5. position cues at the article's edges: calls to action, lines that
//!    recur in other articles of the corpus;
//! 6. later copies of earlier paragraphs;
//! 7. subheadings; everything left is body text.

use super::blocks::{blocks, lines, Block};
use super::clutter::{self, Chrome};
use super::decode::decode;
use super::duplicates::{describe, find_copies};
use super::metadata::{self, Credit, DateLabel, DateLine};
use super::shape::{key, starts_with_phrase, Shape};
use super::{
    Article, DateBasis, Field, Notice, NoticeKind, Paragraph, ParagraphKind, Published,
    RemovalReason, Removed, SourceFile,
};
use crate::span::Span;
use std::collections::HashMap;

/// A headline has at least this many words.
const TITLE_MIN_WORDS: usize = 3;

/// A headline has at most this many words.
const TITLE_MAX_WORDS: usize = 30;

/// A subheading has at most this many words.
const HEADING_MAX_WORDS: usize = 12;

/// A teaser block after a related-coverage header holds at most this many
/// blocks (date, headline, blurb for a few stories).
const RELATED_MAX_BLOCKS: usize = 12;

/// A teaser blurb ending in "..." has at most this many words.
const TEASER_MAX_WORDS: usize = 60;

/// Bylines and date lines may still come this many blocks after the first
/// prose paragraph (after a standfirst, say).
const HEADER_SLACK_BLOCKS: usize = 3;

/// A closing credit ("writing by …") is looked for in this many last
/// paragraphs.
const CREDIT_TAIL_BLOCKS: usize = 3;

/// A call to action at the article's edge has at most this many words.
const CALL_TO_ACTION_MAX_WORDS: usize = 10;

/// A line shared with other articles is boilerplate only when this short.
const BOILERPLATE_MAX_WORDS: usize = 12;

/// Short imperatives that open sign-up and membership prompts.
const CALL_TO_ACTION_STARTS: &[&str] = &[
    "join",
    "subscribe",
    "sign up",
    "follow us",
    "follow",
    "register",
    "log in",
    "sign in",
    "download our",
    "get our",
];

/// Scores of a publication-date candidate: a higher score wins, then the
/// earlier one.
const SCORE_PUBLISHED_LABEL: u8 = 5;
const SCORE_PLAIN: u8 = 4;
const SCORE_UPDATED_LABEL: u8 = 3;
/// A weekday date above the headline, with no time, is often the site's
/// "today" banner.
const SCORE_TODAY_BANNER: u8 = 2;
/// A labelled date at the end of the article.
const SCORE_FOOTER: u8 = 1;

/// A file decoded and cut into blocks, before any labelling. The corpus
/// pass looks at every file's blocks before labelling any.
#[derive(Debug)]
pub(crate) struct Prepared {
    pub file: String,
    pub text: String,
    pub notices: Vec<Notice>,
    pub readable: bool,
    pub blocks: Vec<Block>,
    pub shapes: Vec<Shape>,
    pub keys: Vec<String>,
}

impl Prepared {
    /// Decodes `file` and cuts it into blocks.
    pub fn new(file: SourceFile<'_>) -> Prepared {
        let decoded = decode(file.bytes);
        let text = decoded.text;
        let found = if decoded.readable { blocks(&text, &lines(&text)) } else { Vec::new() };
        let shapes = found.iter().map(|b| Shape::of(b.span.of(&text))).collect();
        let keys = found.iter().map(|b| key(b.span.of(&text))).collect();
        Prepared {
            file: file.name.to_string(),
            text,
            notices: decoded.notices,
            readable: decoded.readable,
            blocks: found,
            shapes,
            keys,
        }
    }

    /// Keys of the short non-prose blocks, the kind of line site chrome is
    /// made of.
    pub fn chrome_keys(&self) -> impl Iterator<Item = &str> {
        self.keys
            .iter()
            .zip(&self.shapes)
            .filter(|(k, s)| !k.is_empty() && s.words <= BOILERPLATE_MAX_WORDS && !s.is_prose())
            .map(|(k, _)| k.as_str())
    }
}

/// The label of one block.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Label {
    /// Not decided yet.
    Open,
    Body,
    Heading,
    Gone(RemovalReason, String),
    /// A later copy of the block with this index.
    Copy(usize),
}

/// The labelling of one article.
struct Pass<'a> {
    text: &'a str,
    blocks: &'a [Block],
    shapes: &'a [Shape],
    keys: &'a [String],
    labels: Vec<Label>,
    date_lines: Vec<Option<DateLine>>,
}

/// A publication-date candidate.
struct Candidate {
    score: u8,
    block: usize,
    date: jiff::civil::Date,
    evidence: Span,
}

/// Labels a prepared file and builds its article. `shared` counts, for
/// each chrome key, how many articles of the corpus hold it.
pub(crate) fn build(p: Prepared, id: String, shared: &HashMap<String, usize>) -> Article {
    let mut article = Article {
        file: p.file.clone(),
        id,
        text: String::new(),
        notices: p.notices.clone(),
        title: None,
        outlet: None,
        byline: None,
        published: Published::unknown(),
        paragraphs: Vec::new(),
        removed: Vec::new(),
    };
    if !p.readable {
        article.text = p.text;
        return article;
    }
    let mut pass = Pass {
        text: &p.text,
        blocks: &p.blocks,
        shapes: &p.shapes,
        keys: &p.keys,
        labels: vec![Label::Open; p.blocks.len()],
        date_lines: vec![None; p.blocks.len()],
    };
    pass.chrome();
    pass.find_date_lines();
    pass.related();
    let (first_prose, last_prose) = pass.prose_bounds();
    let header_end =
        first_prose.map_or(p.blocks.len(), |f| (f + HEADER_SLACK_BLOCKS).min(p.blocks.len()));
    let credit = pass.bylines(header_end, first_prose);
    let title = pass.title(first_prose.unwrap_or(p.blocks.len()), shared);
    pass.repeated_headline(title);
    let published = pass.dates(header_end, title, last_prose);
    pass.edges(first_prose, last_prose, shared);
    pass.copies();
    pass.headings(first_prose, last_prose);

    article.title = title.map(|t| metadata::field(pass.text, p.blocks[t].span));
    article.byline = credit.byline.clone().or_else(|| pass.closing_credit());
    article.outlet = credit.outlet.clone().or_else(|| pass.outlet_from_text(first_prose));
    article.published = published;
    let (paragraphs, removed) = pass.assemble();
    article.paragraphs = paragraphs;
    article.removed = removed;
    if article.title.is_none() {
        article.notices.push(Notice {
            kind: NoticeKind::NoTitle,
            message: "No headline found; the first words are shown instead.".to_string(),
        });
    }
    if article.published.date.is_none() {
        article.notices.push(Notice {
            kind: NoticeKind::NoDate,
            message: "No publication date in the text.".to_string(),
        });
    }
    article.text = p.text;
    article
}

impl Pass<'_> {
    fn block_text(&self, i: usize) -> &str {
        self.blocks[i].span.of(self.text)
    }

    fn is_open(&self, i: usize) -> bool {
        self.labels[i] == Label::Open
    }

    fn gone(&mut self, i: usize, reason: RemovalReason, detail: impl Into<String>) {
        self.labels[i] = Label::Gone(reason, detail.into());
    }

    /// Pass 1: chrome by vocabulary and shape. Returns nothing; related
    /// headers are remembered as `Related` removals.
    fn chrome(&mut self) {
        for i in 0..self.blocks.len() {
            match clutter::classify(self.block_text(i), &self.shapes[i]) {
                Some(Chrome::Removed(reason, detail)) => self.gone(i, reason, detail),
                Some(Chrome::RelatedHeader(detail)) => self.gone(i, RemovalReason::Related, detail),
                None => {}
            }
        }
    }

    fn find_date_lines(&mut self) {
        for i in 0..self.blocks.len() {
            if self.is_open(i) {
                self.date_lines[i] =
                    metadata::date_line(self.text, self.blocks[i].span, &self.shapes[i]);
            }
        }
    }

    fn is_related_header(&self, i: usize) -> bool {
        matches!(&self.labels[i], Label::Gone(RemovalReason::Related, d) if d.starts_with("header"))
    }

    /// Pass 2: after a related-coverage header, the teasers' dates,
    /// headlines and truncated blurbs.
    fn related(&mut self) {
        for h in 0..self.blocks.len() {
            if !self.is_related_header(h) {
                continue;
            }
            let mut j = h + 1;
            while j < self.blocks.len() && j <= h + RELATED_MAX_BLOCKS {
                if !self.is_open(j) {
                    if matches!(self.labels[j], Label::Gone(RemovalReason::Related, _)) {
                        j += 1;
                        continue;
                    }
                    break;
                }
                let shape = &self.shapes[j];
                let detail = if self.date_lines[j].is_some() {
                    "date of another story, under a related-coverage header"
                } else if shape.ends_ellipsis && shape.words <= TEASER_MAX_WORDS {
                    "truncated blurb of another story, under a related-coverage header"
                } else if shape.is_headline(TITLE_MIN_WORDS, TITLE_MAX_WORDS) && !shape.is_prose() {
                    "headline of another story, under a related-coverage header"
                } else {
                    break;
                };
                self.gone(j, RemovalReason::Related, detail);
                j += 1;
            }
        }
    }

    /// The first and last open prose blocks.
    fn prose_bounds(&self) -> (Option<usize>, Option<usize>) {
        let prose = |i: &usize| {
            self.is_open(*i) && self.shapes[*i].is_prose() && self.date_lines[*i].is_none()
        };
        let first = (0..self.blocks.len()).find(prose);
        let last = (0..self.blocks.len()).rev().find(prose);
        (first, last)
    }

    /// Pass 3a: byline blocks near the top. The first one gives byline and
    /// outlet.
    fn bylines(&mut self, header_end: usize, first_prose: Option<usize>) -> Credit {
        let mut found: Option<Credit> = None;
        for i in 0..header_end {
            if !self.is_open(i) || self.date_lines[i].is_some() || Some(i) == first_prose {
                continue;
            }
            if let Some(credit) = metadata::byline(self.text, self.blocks[i].span, &self.shapes[i])
            {
                self.gone(i, RemovalReason::Byline, "author credit");
                found.get_or_insert(credit);
            }
        }
        found.unwrap_or_default()
    }

    /// Pass 3b: the headline, the first headline-shaped block before the
    /// first prose paragraph. A line other articles share is taken only if
    /// nothing else fits.
    fn title(&mut self, first_prose: usize, shared: &HashMap<String, usize>) -> Option<usize> {
        let candidates: Vec<usize> = (0..first_prose)
            .filter(|&i| {
                self.is_open(i)
                    && self.date_lines[i].is_none()
                    && self.shapes[i].is_headline(TITLE_MIN_WORDS, TITLE_MAX_WORDS)
                    && !self.shapes[i].is_prose()
            })
            .collect();
        let unshared =
            candidates.iter().copied().find(|&i| shared.get(&self.keys[i]).is_none_or(|&n| n < 2));
        let title = unshared.or(candidates.first().copied())?;
        self.gone(title, RemovalReason::Title, "headline, shown as the title");
        Some(title)
    }

    /// Pass 4: the headline printed again (case, quotes and spacing aside).
    fn repeated_headline(&mut self, title: Option<usize>) {
        let Some(t) = title else { return };
        for i in 0..self.blocks.len() {
            if self.is_open(i) && self.keys[i] == self.keys[t] {
                self.gone(i, RemovalReason::RepeatedHeadline, "same words as the headline");
            }
        }
    }

    /// Pass 3c: date lines. Near the top they are candidates for the
    /// publication date; at the end only a labelled one is. Other date lines
    /// inside the body are section headings of a dated log.
    fn dates(
        &mut self,
        header_end: usize,
        title: Option<usize>,
        last_prose: Option<usize>,
    ) -> Published {
        let mut candidates: Vec<Candidate> = Vec::new();
        for i in 0..self.blocks.len() {
            let Some(line) = self.date_lines[i].clone() else { continue };
            if !self.is_open(i) {
                continue;
            }
            let in_header = i < header_end;
            let in_footer = last_prose.is_some_and(|l| i > l);
            if !in_header && !in_footer {
                self.labels[i] = Label::Heading;
                continue;
            }
            let dated = line.dated(self.text, self.blocks[i].span);
            let before_title = title.is_some_and(|t| i < t);
            let score = match (&dated, line.label) {
                (None, _) | (_, DateLabel::Viewed) => None,
                (Some(_), DateLabel::Published) if in_footer => Some(SCORE_FOOTER),
                (Some(_), _) if in_footer => None,
                (Some(_), DateLabel::Published) => Some(SCORE_PUBLISHED_LABEL),
                (Some(_), DateLabel::Updated) => Some(SCORE_UPDATED_LABEL),
                (Some((m, _)), DateLabel::Plain)
                    if before_title && m.weekday.is_some() && m.time.is_none() =>
                {
                    Some(SCORE_TODAY_BANNER)
                }
                (Some(_), DateLabel::Plain) => Some(SCORE_PLAIN),
            };
            if let (Some(score), Some((m, evidence))) = (score, dated) {
                if let Some(date) = m.date {
                    candidates.push(Candidate { score, block: i, date, evidence });
                }
            }
            let detail = match (line.label, line.dates.iter().any(|m| m.date.is_some())) {
                (DateLabel::Viewed, _) => "the date the page was viewed, not its publication date",
                (_, false) => {
                    "a date with no year: the day the page was viewed, not its publication date"
                }
                (DateLabel::Updated, true) => "date of an update",
                _ => "date line",
            };
            self.gone(i, RemovalReason::DateLine, with_ad(detail, &line));
        }
        // A date printed on the byline line counts as a plain header date.
        for i in 0..header_end {
            if matches!(self.labels[i], Label::Gone(RemovalReason::Byline, _)) {
                let dates = metadata::dates_in(self.text, self.blocks[i].span);
                if let Some((m, date)) = dates.iter().find_map(|m| m.date.map(|d| (m, d))) {
                    candidates.push(Candidate {
                        score: SCORE_PLAIN,
                        block: i,
                        date,
                        evidence: m.span,
                    });
                }
            }
        }
        let best =
            candidates.iter().max_by(|a, b| a.score.cmp(&b.score).then(b.block.cmp(&a.block)));
        let Some(best) = best else { return Published::unknown() };
        if let Label::Gone(RemovalReason::DateLine, detail) = &mut self.labels[best.block] {
            *detail = detail.replacen("date line", "publication date", 1);
        }
        Published {
            date: Some(best.date),
            basis: DateBasis::Stated,
            evidence: Some(best.evidence),
            reason: None,
        }
    }

    /// Pass 5: position cues at the article's edges (before the first or
    /// after the last prose paragraph).
    fn edges(
        &mut self,
        first_prose: Option<usize>,
        last_prose: Option<usize>,
        shared: &HashMap<String, usize>,
    ) {
        for i in 0..self.blocks.len() {
            let at_edge = first_prose.is_none_or(|f| i < f) || last_prose.is_some_and(|l| i > l);
            if !at_edge || !self.is_open(i) {
                continue;
            }
            let shape = &self.shapes[i];
            let k = &self.keys[i];
            let short = shape.words <= CALL_TO_ACTION_MAX_WORDS && !shape.ends_sentence();
            if let Some(start) =
                CALL_TO_ACTION_STARTS.iter().find(|s| starts_with_phrase(k, s)).filter(|_| short)
            {
                self.gone(
                    i,
                    RemovalReason::Newsletter,
                    format!("short call to action (\"{start} …\") at the article's edge"),
                );
            } else if shape.words <= CALL_TO_ACTION_MAX_WORDS
                && shape.last == Some('!')
                && shape.addresses_reader
                && !shape.quoted
            {
                self.gone(
                    i,
                    RemovalReason::Newsletter,
                    "call to action addressed to the reader, at the article's edge",
                );
            } else if let Some(&n) = shared.get(k).filter(|&&n| n >= 2) {
                if shape.words <= BOILERPLATE_MAX_WORDS && !shape.is_prose() {
                    let others = n - 1;
                    let plural = if others == 1 { "" } else { "s" };
                    self.gone(
                        i,
                        RemovalReason::Boilerplate,
                        format!("also in {others} other article{plural} of this corpus"),
                    );
                }
            }
        }
    }

    /// Pass 6: later copies of earlier paragraphs.
    fn copies(&mut self) {
        let open: Vec<usize> = (0..self.blocks.len()).filter(|&i| self.is_open(i)).collect();
        let keys: Vec<&str> = open.iter().map(|&i| self.keys[i].as_str()).collect();
        let chars: Vec<usize> = open.iter().map(|&i| self.shapes[i].chars).collect();
        for (at, orig) in find_copies(&keys, &chars).into_iter().enumerate() {
            if let Some(orig) = orig {
                self.labels[open[at]] = Label::Copy(open[orig]);
            }
        }
    }

    /// Pass 7: short headline-shaped blocks between prose paragraphs are
    /// subheadings; all other open blocks are body text.
    fn headings(&mut self, first_prose: Option<usize>, last_prose: Option<usize>) {
        for i in 0..self.blocks.len() {
            if !self.is_open(i) {
                continue;
            }
            let inside = first_prose.is_some_and(|f| f < i) && last_prose.is_some_and(|l| i < l);
            let shape = &self.shapes[i];
            let heading = inside && shape.is_headline(1, HEADING_MAX_WORDS) && !shape.is_sentence();
            self.labels[i] = if heading { Label::Heading } else { Label::Body };
        }
    }

    /// A writer named in a credit closing the article.
    fn closing_credit(&self) -> Option<Field> {
        let body: Vec<usize> =
            (0..self.blocks.len()).filter(|&i| self.labels[i] == Label::Body).collect();
        body.iter()
            .rev()
            .take(CREDIT_TAIL_BLOCKS)
            .find_map(|&i| metadata::closing_credit(self.text, self.blocks[i].span))
    }

    /// The outlet from the body when no byline names it: a copyright line,
    /// a wire dateline, staff on the scene ("a Courier witness").
    fn outlet_from_text(&self, first_prose: Option<usize>) -> Option<Field> {
        let copyright = (0..self.blocks.len()).find_map(|i| match &self.labels[i] {
            Label::Gone(RemovalReason::Boilerplate, d) if d.starts_with("copyright") => {
                metadata::copyright_holder(self.text, self.blocks[i].span)
            }
            _ => None,
        });
        let dateline =
            || first_prose.and_then(|f| metadata::dateline_agency(self.text, self.blocks[f].span));
        let staff = || {
            (0..self.blocks.len())
                .filter(|&i| self.labels[i] == Label::Body)
                .find_map(|i| metadata::staff_mention(self.text, self.blocks[i].span))
        };
        copyright.or_else(dateline).or_else(staff)
    }

    /// The final paragraphs and removals, in text order. Adjacent copies
    /// merge into one removal naming the paragraphs they repeat.
    fn assemble(&self) -> (Vec<Paragraph>, Vec<Removed>) {
        let mut paragraphs = Vec::new();
        let mut removed: Vec<Removed> = Vec::new();
        let mut number: HashMap<usize, usize> = HashMap::new();
        let mut i = 0;
        while i < self.blocks.len() {
            let span = self.blocks[i].span;
            match &self.labels[i] {
                Label::Body | Label::Heading | Label::Open => {
                    let kind = if self.labels[i] == Label::Heading {
                        ParagraphKind::Heading
                    } else {
                        ParagraphKind::Body
                    };
                    paragraphs.push(Paragraph { span, text: flat(self.text, span), kind });
                    number.insert(i, paragraphs.len());
                }
                Label::Gone(reason, detail) => removed.push(Removed {
                    span,
                    text: flat(self.text, span),
                    reason: *reason,
                    detail: detail.clone(),
                }),
                Label::Copy(_) => {
                    let mut originals = Vec::new();
                    let mut j = i;
                    while let Some(Label::Copy(orig)) = self.labels.get(j) {
                        originals.extend(number.get(orig).copied());
                        j += 1;
                    }
                    let span = Span::new(span.start, self.blocks[j - 1].span.end);
                    removed.push(Removed {
                        span,
                        text: flat(self.text, span),
                        reason: RemovalReason::Duplicate,
                        detail: format!("repeats {}", describe(&originals)),
                    });
                    i = j;
                    continue;
                }
            }
            i += 1;
        }
        (paragraphs, removed)
    }
}

/// A date line's detail, noting an advertisement label on the same line.
fn with_ad(detail: &str, line: &DateLine) -> String {
    if line.advertisement {
        format!("{detail}, with an advertisement label")
    } else {
        detail.to_string()
    }
}

/// The text of `span` with each line break turned into a space, so char
/// offsets inside it match the original.
fn flat(text: &str, span: Span) -> String {
    span.of(text).replace(['\r', '\n'], " ")
}
