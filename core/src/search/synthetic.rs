//! A deterministic generator of large, realistic-looking news corpora, for
//! benchmarks and browser scale tests.
//!
//! Each article gets a headline, a byline naming its outlet, usually a
//! date line, and paragraphs recombined from two sources: sentence
//! templates below (with invented people, places, organisations, numbers,
//! dates and a long tail of rare words filled in) and sentences taken from
//! whatever seed texts the caller passes (for example the bundled
//! articles), with their numbers changed. Names and rare words are made
//! from syllables, so the vocabulary grows with the corpus as real news
//! does. The same seed gives the same corpus, byte for byte.

/// Settings of a synthetic corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyntheticConfig {
    /// How many articles.
    pub articles: usize,
    /// The random seed.
    pub seed: u64,
    /// Paragraphs per article, fewest and most.
    pub paragraphs: (usize, usize),
    /// One article in this many has no date line.
    pub undated_one_in: u64,
}

impl Default for SyntheticConfig {
    fn default() -> Self {
        SyntheticConfig { articles: 10_000, seed: 2020, paragraphs: (9, 24), undated_one_in: 20 }
    }
}

/// One generated article: a file name and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntheticArticle {
    pub name: String,
    pub text: String,
}

/// SplitMix64: small, fast and good enough to shuffle text.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// An index in `0..n` skewed towards small values (roughly Zipf-like),
    /// so a few words are common and most are rare.
    pub fn skewed(&mut self, n: usize) -> usize {
        let u = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        ((n as f64).powf(u) - 1.0) as usize % n.max(1)
    }

    /// One of `items`.
    pub fn word(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }

    /// One of `items` (which must not be empty).
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const ONSETS: &[&str] = &[
    "b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br",
    "ch", "dr", "gr", "kh", "pl", "sh", "st", "th", "tr", "",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ea", "ou", "ie", "y"];
const CODAS: &[&str] = &["", "", "n", "r", "l", "s", "m", "k", "nd", "rt", "st", "v", "x"];

const TEMPLATES: &[&str] = &[
    "{P} said on {W} that the {O} would review its {w} policy after the vote in {C}.",
    "Officials in {C} confirmed that {N} people had been {w} during the night.",
    "The {O} announced a {w} plan worth {N} million dollars on {D}.",
    "According to {P}, the talks between {C} and {C} stalled over the question of {w}.",
    "Protesters gathered outside the {O} offices in {C}, demanding that {L} resign.",
    "\"We will not accept a {w} solution,\" {P} told reporters in {C}.",
    "More than {N} residents of {C} were evacuated as the {w} spread.",
    "The report, published by the {O} on {D}, describes {N} cases of {w}.",
    "{P}, a spokesperson for the {O}, declined to comment on the {w} allegations.",
    "Analysts expect the {w} market in {C} to grow by {N} percent this year.",
    "A court in {C} sentenced {P} to {N} years in prison for {w}.",
    "The minister of {w} visited {C} on {M} {Y}, meeting local leaders.",
    "Satellite images reviewed by the {O} show {N} new {w} sites near {C}.",
    "Negotiators from {C} arrived late on {D} for a second round of talks.",
    "In a statement, the {O} said the incident in {C} was under investigation.",
    "{L} has led the {O} since {Y}, when the previous chief stepped down.",
    "Local media reported heavy {w} along the road between {C} and {C}.",
    "The agreement, signed on {D}, sets out {N} steps towards {w}.",
    "Critics say the {w} law gives the {O} too much power over {C}.",
    "{P} and {P} met in {C} to discuss the {w} crisis.",
    "Prices of {w} rose by {N} percent in {M}, the statistics office in {C} said.",
    "Witnesses described hearing {N} explosions near the {O} compound.",
    "The {O} denied any role in the {w} attack on {D}.",
    "Thousands marched through {C} on {D} to mark the anniversary of the {w} protests.",
    "Rescue teams pulled {N} survivors from the rubble in {C}, officials said.",
    "The vote in the {C} parliament passed by {N} to {N}.",
    "{P} warned that the {w} dispute could spread beyond {C}.",
    "An investigation by the {O} found that {N} documents had been {w}.",
    "Shares of the {O} fell {N} percent after the {w} announcement.",
    "Health officials in {C} reported {N} new cases on {D}.",
    "The {O} called for calm after clashes in {C} left {N} people injured.",
    "Speaking in {C}, {P} promised a full inquiry into the {w} affair.",
    "The delegation from {C} left the summit early, citing {w} concerns.",
    "Farmers near {C} say the {w} drought has cut harvests by {N} percent.",
    "The ceasefire brokered by the {O} held for {N} days before fighting resumed.",
    "{L}'s office said the {w} measures would take effect on {D}.",
    "Engineers at the {O} plant in {C} have restarted {N} of the {w} units.",
    "Opposition leader {P} called the {w} result a \"turning point\" for {C}.",
    "The {O} has been accused of {w} by rights groups in {C}.",
    "Flights between {C} and {C} were suspended on {D} because of the {w}.",
];

const HEADLINES: &[&str] = &[
    "{P} Warns of {W} Crisis in {C}",
    "{O} Announces {W} Plan After Talks in {C}",
    "Protests Erupt in {C} Over {W} Law",
    "{C} and {C} Sign {W} Agreement",
    "Thousands Evacuated as {W} Hits {C}",
    "{O} Under Pressure Over {W} Report",
    "Court in {C} Jails {L} for {W}",
    "{N} Killed in {C} Clashes, Officials Say",
    "Inside the {W} Deal That Divided {C}",
    "Why {C} Is Betting on {W}",
];

const MONTHS: &[&str] = &crate::ingest::dates::MONTH_NAMES;
const ORG_KINDS: &[&str] = &[
    "Ministry",
    "Council",
    "Agency",
    "Commission",
    "Party",
    "Front",
    "Institute",
    "Bank",
    "Union",
    "Authority",
    "Brigade",
    "Foundation",
];
const OUTLET_KINDS: &[&str] = &[
    "Times",
    "Post",
    "Herald",
    "Daily",
    "Observer",
    "Gazette",
    "Tribune",
    "Monitor",
    "Chronicle",
    "Review",
    "Journal",
    "Dispatch",
];

/// Word pools the templates draw from.
struct Pools {
    first: Vec<String>,
    last: Vec<String>,
    places: Vec<String>,
    orgs: Vec<String>,
    outlets: Vec<String>,
    rare: Vec<String>,
    seeds: Vec<String>,
}

fn syllable_word(rng: &mut Rng, syllables: usize) -> String {
    let mut w = String::new();
    for _ in 0..syllables {
        w.push_str(rng.word(ONSETS));
        w.push_str(rng.word(VOWELS));
        w.push_str(rng.word(CODAS));
    }
    w
}

fn capitalized(w: &str) -> String {
    let mut c = w.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

/// Sentences of the seed texts: lines of 8+ words, split at sentence ends.
fn seed_sentences(texts: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for text in texts {
        for line in text.lines().map(str::trim).filter(|l| l.split_whitespace().count() >= 8) {
            let mut start = 0;
            let b = line.as_bytes();
            for i in 0..b.len() {
                let end_here = matches!(b[i], b'.' | b'?' | b'!')
                    && (i + 2 < b.len() && b[i + 1] == b' ' && b[i + 2].is_ascii_uppercase());
                if end_here || i + 1 == b.len() {
                    let s = line[start..=i].trim();
                    if s.split_whitespace().count() >= 6 && s.len() <= 400 {
                        out.push(s.to_string());
                    }
                    start = i + 1;
                }
            }
        }
    }
    out
}

impl Pools {
    fn new(rng: &mut Rng, seed_texts: &[&str]) -> Pools {
        let names = |n: usize, lo: usize, hi: usize, rng: &mut Rng| -> Vec<String> {
            (0..n)
                .map(|_| {
                    let k = rng.between(lo, hi);
                    capitalized(&syllable_word(rng, k))
                })
                .collect()
        };
        let first = names(400, 1, 2, rng);
        let mut last = names(3000, 2, 3, rng);
        // Some hyphenated and apostrophised names, as real ones are.
        for i in (0..last.len()).step_by(37) {
            let other = names(1, 1, 2, rng).pop().unwrap_or_default();
            last[i] = format!("{}-{}", last[i], other);
        }
        for i in (5..last.len()).step_by(53) {
            last[i] = format!("{}’{}", &last[i][..1], last[i][1..].to_lowercase());
        }
        let places = names(1500, 2, 3, rng);
        let orgs: Vec<String> = (0..600)
            .map(|_| {
                let kind = *rng.pick(ORG_KINDS);
                let place = rng.pick(&places).clone();
                format!("{place} {kind}")
            })
            .collect();
        let outlets: Vec<String> = (0..60)
            .map(|_| {
                let kind = *rng.pick(OUTLET_KINDS);
                let place = rng.pick(&places).clone();
                format!("{place} {kind}")
            })
            .collect();
        let rare = (0..40_000).map(|_| {
            let k = rng.between(2, 4);
            syllable_word(rng, k)
        });
        Pools {
            first,
            last,
            places,
            orgs,
            outlets,
            rare: rare.collect(),
            seeds: seed_sentences(seed_texts),
        }
    }
}

fn fill(template: &str, rng: &mut Rng, pools: &Pools, out: &mut String) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else { break };
        let slot = &rest[open + 1..open + close];
        match slot {
            "P" => {
                out.push_str(rng.pick(&pools.first).as_str());
                out.push(' ');
                out.push_str(&pools.last[rng.skewed(pools.last.len())]);
            }
            "L" => out.push_str(&pools.last[rng.skewed(pools.last.len())]),
            "C" => out.push_str(&pools.places[rng.skewed(pools.places.len())]),
            "O" => out.push_str(&pools.orgs[rng.skewed(pools.orgs.len())]),
            "N" => out.push_str(&rng.between(2, 5000).to_string()),
            "Y" => out.push_str(&rng.between(2015, 2024).to_string()),
            "M" => out.push_str(rng.word(MONTHS)),
            "D" => {
                let m = rng.word(MONTHS);
                out.push_str(&format!("{m} {}", rng.between(1, 28)));
            }
            "w" => out.push_str(&pools.rare[rng.skewed(pools.rare.len())]),
            "W" => out.push_str(&capitalized(&pools.rare[rng.skewed(pools.rare.len())])),
            _ => {}
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
}

/// A seed sentence with each number replaced by a random one.
fn reuse(sentence: &str, rng: &mut Rng, out: &mut String) {
    let mut in_number = false;
    for c in sentence.chars() {
        if c.is_ascii_digit() {
            if !in_number {
                out.push_str(&rng.between(1, 999).to_string());
            }
            in_number = true;
        } else {
            in_number = false;
            out.push(c);
        }
    }
}

/// Generates a corpus. `seed_texts` supply real sentences to recombine
/// (may be empty).
pub fn generate(config: &SyntheticConfig, seed_texts: &[&str]) -> Vec<SyntheticArticle> {
    let mut rng = Rng::new(config.seed);
    let pools = Pools::new(&mut rng, seed_texts);
    let (lo, hi) = config.paragraphs;
    (0..config.articles)
        .map(|i| {
            let mut text = String::with_capacity(6000);
            fill(rng.word(HEADLINES), &mut rng, &pools, &mut text);
            text.push_str("\n\nBy ");
            text.push_str(rng.pick(&pools.first).as_str());
            text.push(' ');
            text.push_str(rng.pick(&pools.last).as_str());
            text.push_str(" | ");
            text.push_str(&pools.outlets[rng.skewed(pools.outlets.len())]);
            text.push_str("\n\n");
            if config.undated_one_in == 0 || rng.below(config.undated_one_in as usize) != 0 {
                let m = rng.word(MONTHS);
                text.push_str(&format!(
                    "{m} {}, {}\n\n",
                    rng.between(1, 28),
                    rng.between(2016, 2024)
                ));
            }
            for p in 0..rng.between(lo, hi) {
                if p > 0 {
                    text.push_str("\n\n");
                }
                for s in 0..rng.between(2, 5) {
                    if s > 0 {
                        text.push(' ');
                    }
                    if !pools.seeds.is_empty() && rng.below(10) < 3 {
                        let seed = rng.pick(&pools.seeds);
                        reuse(seed, &mut rng, &mut text);
                    } else {
                        fill(rng.word(TEMPLATES), &mut rng, &pools, &mut text);
                    }
                }
            }
            text.push('\n');
            SyntheticArticle { name: format!("{i:05}_synthetic.txt"), text }
        })
        .collect()
}
