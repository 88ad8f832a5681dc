//! General English vocabulary the recogniser reads as evidence: titles,
//! organisational and facility head words, speech verbs, number words.
//!
//! Every list is ordinary news English, not names: none holds a person, an
//! organisation or a place. Lists are sorted (checked by a test) and looked
//! up by folded key: each token's key once, in [`flags`].

use super::fxhash::FxMap;
use std::sync::OnceLock;

/// Titles and roles that stand right before a name ("President", "Gen.",
/// "spokesman"). Kept out of the PERSON span and recorded as its role.
pub const TITLE_HEADS: &[&str] = &[
    "adm",
    "admiral",
    "ambassador",
    "archbishop",
    "ayatollah",
    "bishop",
    "brig",
    "brigadier",
    "capt",
    "captain",
    "cardinal",
    "ceo",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "cleric",
    "cmdr",
    "col",
    "colonel",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "cpl",
    "dame",
    "director",
    "dr",
    "emir",
    "emperor",
    "envoy",
    "gen",
    "general",
    "gov",
    "governor",
    "imam",
    "inspector",
    "judge",
    "justice",
    "king",
    "leader",
    "lieutenant",
    "lord",
    "lt",
    "maj",
    "major",
    "marshal",
    "mayor",
    "mep",
    "minister",
    "miss",
    "mp",
    "mr",
    "mrs",
    "ms",
    "mufti",
    "mullah",
    "officer",
    "pastor",
    "patriarch",
    "police",
    "pope",
    "premier",
    "president",
    "prince",
    "princess",
    "prof",
    "professor",
    "pvt",
    "queen",
    "rabbi",
    "rep",
    "representative",
    "rev",
    "reverend",
    "secretary",
    "sen",
    "senator",
    "sergeant",
    "sgt",
    "sheikh",
    "sheriff",
    "sir",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "sultan",
];

/// Words that may open a title before its head ("Prime Minister",
/// "Defense Secretary", "Supreme Leader").
pub const TITLE_MODIFIERS: &[&str] = &[
    "acting",
    "army",
    "assistant",
    "associate",
    "attorney",
    "chief",
    "crown",
    "defence",
    "defense",
    "deputy",
    "economy",
    "energy",
    "executive",
    "finance",
    "first",
    "foreign",
    "former",
    "grand",
    "health",
    "home",
    "interior",
    "junior",
    "justice",
    "navy",
    "oil",
    "prime",
    "secretary",
    "senior",
    "state",
    "supreme",
    "trade",
    "treasury",
    "vice",
];

/// Words a title may take after "of" ("Secretary of State", "Minister of
/// Foreign Affairs").
pub const TITLE_OF_WORDS: &[&str] = &[
    "affairs",
    "commerce",
    "defence",
    "defense",
    "education",
    "energy",
    "finance",
    "foreign",
    "health",
    "homeland",
    "interior",
    "justice",
    "labor",
    "labour",
    "security",
    "staff",
    "state",
    "trade",
    "transport",
    "treasury",
    "veterans",
];

/// Lower-case roles written before a name ("spokesman Ali Hassan").
pub const LOWER_ROLES: &[&str] = &[
    "activist",
    "adviser",
    "advisor",
    "ambassador",
    "analyst",
    "candidate",
    "chairman",
    "chairwoman",
    "chief",
    "cleric",
    "coach",
    "colonel",
    "commander",
    "correspondent",
    "director",
    "envoy",
    "general",
    "governor",
    "journalist",
    "lawmaker",
    "lawyer",
    "leader",
    "minister",
    "negotiator",
    "official",
    "president",
    "prosecutor",
    "reporter",
    "researcher",
    "senator",
    "spokesman",
    "spokesperson",
    "spokeswoman",
];

/// Last words of organisation names ("Foreign Ministry", "Armed Forces").
pub const ORG_HEADS: &[&str] = &[
    "academy",
    "administration",
    "agency",
    "airlines",
    "airways",
    "alliance",
    "army",
    "assembly",
    "association",
    "authority",
    "bank",
    "battalion",
    "board",
    "brigade",
    "brigades",
    "broadcasting",
    "bureau",
    "cabinet",
    "chiefs",
    "chronicle",
    "club",
    "coalition",
    "college",
    "command",
    "commission",
    "committee",
    "company",
    "conference",
    "congress",
    "corp",
    "corporation",
    "corps",
    "council",
    "court",
    "daily",
    "department",
    "directorate",
    "division",
    "federation",
    "force",
    "forces",
    "foundation",
    "front",
    "fund",
    "gazette",
    "government",
    "group",
    "guard",
    "guards",
    "herald",
    "house",
    "inc",
    "industries",
    "institute",
    "journal",
    "league",
    "ltd",
    "magazine",
    "militia",
    "ministry",
    "monitor",
    "movement",
    "navy",
    "network",
    "news",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "police",
    "post",
    "press",
    "radio",
    "regiment",
    "senate",
    "service",
    "services",
    "squadron",
    "telegraph",
    "television",
    "times",
    "tribunal",
    "tribune",
    "union",
    "unit",
    "units",
    "university",
];

/// Institutions named by one capitalised word.
pub const ORG_SINGLE: &[&str] =
    &["cabinet", "congress", "duma", "knesset", "kremlin", "parliament", "pentagon", "senate"];

/// Words that mark a multi-word name as an organisation rather than a
/// person when nothing else tells ("Islamic", "National", "Popular").
pub const ORG_MODIFIERS: &[&str] = &[
    "allied",
    "american",
    "arab",
    "central",
    "democratic",
    "federal",
    "free",
    "general",
    "global",
    "independent",
    "international",
    "islamic",
    "joint",
    "liberation",
    "national",
    "people",
    "peoples",
    "popular",
    "republican",
    "revolutionary",
    "royal",
    "socialist",
    "supreme",
    "united",
    "world",
];

/// Last words of facility names ("US Embassy", "Al Asad Air Base").
pub const FACILITY_HEADS: &[&str] = &[
    "airbase",
    "airfield",
    "airport",
    "base",
    "bridge",
    "camp",
    "cathedral",
    "church",
    "compound",
    "consulate",
    "dam",
    "embassy",
    "headquarters",
    "hospital",
    "mosque",
    "palace",
    "plant",
    "port",
    "prison",
    "refinery",
    "shrine",
    "stadium",
    "station",
    "synagogue",
    "temple",
    "tower",
];

/// Last words of place names ("Anbar Province", "Green Zone").
pub const PLACE_HEADS: &[&str] = &[
    "avenue",
    "bay",
    "coast",
    "county",
    "desert",
    "district",
    "governorate",
    "gulf",
    "heights",
    "island",
    "islands",
    "lake",
    "mountain",
    "mountains",
    "ocean",
    "peninsula",
    "province",
    "region",
    "river",
    "road",
    "sea",
    "square",
    "strait",
    "street",
    "valley",
    "zone",
];

/// First words of facility names ("Fort Bragg", "Camp David").
pub const FACILITY_PREFIXES: &[&str] = &["camp", "fort"];

/// First words of place names ("Mount Sinai", "Lake Chad").
pub const PLACE_PREFIXES: &[&str] = &["cape", "lake", "mount"];

/// Words after which "of" continues a name ("Ministry of Defense",
/// "Gulf of Aden", "Secretary of State").
pub const OF_JOINERS: &[&str] = &[
    "bank",
    "chiefs",
    "church",
    "city",
    "college",
    "commission",
    "council",
    "court",
    "department",
    "gulf",
    "house",
    "institute",
    "islamic",
    "island",
    "islands",
    "kingdom",
    "minister",
    "ministry",
    "office",
    "people",
    "province",
    "republic",
    "sea",
    "secretary",
    "state",
    "states",
    "strait",
    "union",
    "university",
];

/// Lower-case particles inside names ("bin", "al", "van", "de").
pub const NAME_PARTICLES: &[&str] =
    &["al", "bin", "bint", "da", "de", "del", "der", "di", "du", "el", "ibn", "la", "van", "von"];

/// Verbs of speech after a name ("Mousavi said").
pub const SPEECH_VERBS: &[&str] = &[
    "added",
    "argued",
    "asked",
    "claimed",
    "commented",
    "continued",
    "declared",
    "explained",
    "insisted",
    "noted",
    "replied",
    "responded",
    "said",
    "says",
    "stated",
    "stressed",
    "tells",
    "told",
    "tweeted",
    "warned",
    "wrote",
];

/// Capitalised abbreviations that are not names ("PM", "TV").
pub const NOT_ACRONYMS: &[&str] = &["am", "ceo", "gmt", "id", "ok", "pm", "tv", "utc"];

/// Months and weekdays: capitalised, never entities here (dates are the
/// time step's business).
pub const CALENDAR: &[&str] = &[
    "april",
    "august",
    "december",
    "february",
    "friday",
    "january",
    "july",
    "june",
    "march",
    "may",
    "monday",
    "november",
    "october",
    "saturday",
    "september",
    "sunday",
    "thursday",
    "tuesday",
    "wednesday",
];

/// Abbreviated months ("Dec.").
pub const MONTH_ABBREVIATIONS: &[&str] =
    &["apr", "aug", "dec", "feb", "jan", "jul", "jun", "mar", "nov", "oct", "sep", "sept"];

/// Spelled numbers that count things ("two", "thousands").
pub const NUMBER_WORDS: &[&str] = &[
    "billion",
    "billions",
    "dozen",
    "dozens",
    "eight",
    "eighteen",
    "eighty",
    "eleven",
    "fifteen",
    "fifty",
    "five",
    "forty",
    "four",
    "fourteen",
    "hundred",
    "hundreds",
    "million",
    "millions",
    "nine",
    "nineteen",
    "ninety",
    "scores",
    "seven",
    "seventeen",
    "seventy",
    "six",
    "sixteen",
    "sixty",
    "ten",
    "tens",
    "thirteen",
    "thirty",
    "thousand",
    "thousands",
    "three",
    "twelve",
    "twenty",
    "two",
];

/// Number words that stand alone as a quantity ("Dozens broke in").
pub const VAGUE_NUMBERS: &[&str] =
    &["billions", "dozens", "hundreds", "millions", "scores", "tens", "thousands"];

/// Multipliers after a number ("5 million", "two hundred").
pub const MULTIPLIERS: &[&str] = &["billion", "dozen", "hundred", "million", "thousand"];

/// Single words before a number that belong to the quantity.
pub const QUANTITY_MODIFIERS: &[&str] = &[
    "about",
    "almost",
    "another",
    "approximately",
    "around",
    "nearly",
    "only",
    "over",
    "roughly",
    "some",
];

/// Two-word modifiers before a number ("at least", "more than").
pub const QUANTITY_MODIFIER_PAIRS: &[(&str, &str)] = &[
    ("an", "estimated"),
    ("at", "least"),
    ("at", "most"),
    ("fewer", "than"),
    ("less", "than"),
    ("more", "than"),
    ("up", "to"),
    ("upwards", "of"),
];

/// Words between a number and what it counts ("two more soldiers").
pub const QUANTITY_ADJECTIVES: &[&str] =
    &["additional", "extra", "further", "more", "new", "other"];

/// Verbs after which a bare number counts people ("wounded 55").
pub const CASUALTY_VERBS: &[&str] =
    &["arrested", "detained", "injured", "killed", "kills", "wounded", "wounding"];

/// Plural nouns that do not end in "s", and adjectives used as nouns for
/// casualties ("25 dead").
pub const IRREGULAR_PLURALS: &[&str] = &[
    "children",
    "civilians",
    "dead",
    "injured",
    "killed",
    "men",
    "people",
    "personnel",
    "police",
    "staff",
    "women",
    "wounded",
];

/// Units that measure rather than count, and time spans (left to other
/// steps): "50 percent", "three years".
pub const NOT_COUNTED: &[&str] = &[
    "days",
    "decades",
    "dollars",
    "euros",
    "hours",
    "kilometers",
    "kilometres",
    "km",
    "miles",
    "minutes",
    "months",
    "per",
    "percent",
    "pounds",
    "seconds",
    "weeks",
    "years",
];

/// Lower-case nouns that, right before a name (with or without a comma),
/// say it names an organisation: "the militia, Kataib Hezbollah".
pub const ORG_APPOSITIONS: &[&str] = &[
    "agency",
    "alliance",
    "association",
    "bloc",
    "body",
    "broadcaster",
    "coalition",
    "company",
    "faction",
    "firm",
    "group",
    "institute",
    "militia",
    "movement",
    "network",
    "newspaper",
    "organisation",
    "organization",
    "outlet",
    "party",
    "tank",
    "union",
];

/// One bit per word list, for [`flags`].
pub mod bit {
    pub const TITLE_HEADS: u32 = 1 << 0;
    pub const TITLE_MODIFIERS: u32 = 1 << 1;
    pub const TITLE_OF_WORDS: u32 = 1 << 2;
    pub const LOWER_ROLES: u32 = 1 << 3;
    pub const ORG_HEADS: u32 = 1 << 4;
    pub const ORG_SINGLE: u32 = 1 << 5;
    pub const ORG_MODIFIERS: u32 = 1 << 6;
    pub const FACILITY_HEADS: u32 = 1 << 7;
    pub const PLACE_HEADS: u32 = 1 << 8;
    pub const FACILITY_PREFIXES: u32 = 1 << 9;
    pub const PLACE_PREFIXES: u32 = 1 << 10;
    pub const OF_JOINERS: u32 = 1 << 11;
    pub const NAME_PARTICLES: u32 = 1 << 12;
    pub const SPEECH_VERBS: u32 = 1 << 13;
    pub const NOT_ACRONYMS: u32 = 1 << 14;
    pub const CALENDAR: u32 = 1 << 15;
    pub const MONTH_ABBREVIATIONS: u32 = 1 << 16;
    pub const NUMBER_WORDS: u32 = 1 << 17;
    pub const VAGUE_NUMBERS: u32 = 1 << 18;
    pub const MULTIPLIERS: u32 = 1 << 19;
    pub const QUANTITY_MODIFIERS: u32 = 1 << 20;
    pub const QUANTITY_ADJECTIVES: u32 = 1 << 21;
    pub const CASUALTY_VERBS: u32 = 1 << 22;
    pub const IRREGULAR_PLURALS: u32 = 1 << 23;
    pub const NOT_COUNTED: u32 = 1 << 24;
    pub const ORG_APPOSITIONS: u32 = 1 << 25;
    /// An English function word (from the text step's list).
    pub const STOPWORD: u32 = 1 << 31;
    pub const QUANTITY_PAIR_FIRST: u32 = 1 << 26;
}

/// Every list with its bit.
const TABLE: &[(&[&str], u32)] = &[
    (TITLE_HEADS, bit::TITLE_HEADS),
    (TITLE_MODIFIERS, bit::TITLE_MODIFIERS),
    (TITLE_OF_WORDS, bit::TITLE_OF_WORDS),
    (LOWER_ROLES, bit::LOWER_ROLES),
    (ORG_HEADS, bit::ORG_HEADS),
    (ORG_SINGLE, bit::ORG_SINGLE),
    (ORG_MODIFIERS, bit::ORG_MODIFIERS),
    (FACILITY_HEADS, bit::FACILITY_HEADS),
    (PLACE_HEADS, bit::PLACE_HEADS),
    (FACILITY_PREFIXES, bit::FACILITY_PREFIXES),
    (PLACE_PREFIXES, bit::PLACE_PREFIXES),
    (OF_JOINERS, bit::OF_JOINERS),
    (NAME_PARTICLES, bit::NAME_PARTICLES),
    (SPEECH_VERBS, bit::SPEECH_VERBS),
    (NOT_ACRONYMS, bit::NOT_ACRONYMS),
    (CALENDAR, bit::CALENDAR),
    (MONTH_ABBREVIATIONS, bit::MONTH_ABBREVIATIONS),
    (NUMBER_WORDS, bit::NUMBER_WORDS),
    (VAGUE_NUMBERS, bit::VAGUE_NUMBERS),
    (MULTIPLIERS, bit::MULTIPLIERS),
    (QUANTITY_MODIFIERS, bit::QUANTITY_MODIFIERS),
    (QUANTITY_ADJECTIVES, bit::QUANTITY_ADJECTIVES),
    (CASUALTY_VERBS, bit::CASUALTY_VERBS),
    (IRREGULAR_PLURALS, bit::IRREGULAR_PLURALS),
    (NOT_COUNTED, bit::NOT_COUNTED),
    (ORG_APPOSITIONS, bit::ORG_APPOSITIONS),
];

/// Every listed word with the bits of the lists holding it, so a token's
/// key is looked up once and then tested by bit.
fn lexicon() -> &'static FxMap<&'static str, u32> {
    static LEXICON: OnceLock<FxMap<&'static str, u32>> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut map: FxMap<&'static str, u32> = FxMap::default();
        for &(list, b) in TABLE {
            for &word in list {
                *map.entry(word).or_default() |= b;
            }
        }
        for &word in crate::text::stopwords() {
            *map.entry(word).or_default() |= bit::STOPWORD;
        }
        for &(first, _) in QUANTITY_MODIFIER_PAIRS {
            *map.entry(first).or_default() |= bit::QUANTITY_PAIR_FIRST;
        }
        map
    })
}

/// The bits of the lists that hold `key` (0 for most words).
#[inline]
pub fn flags(key: &str) -> u32 {
    if key.len() > 16 {
        return 0;
    }
    lexicon().get(key).copied().unwrap_or(0)
}

/// True when the list with bit `b` holds `key`.
#[inline]
pub fn is(key: &str, b: u32) -> bool {
    flags(key) & b != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_list_is_sorted_and_lower_case() {
        let lists: &[(&str, &[&str])] = &[
            ("TITLE_HEADS", TITLE_HEADS),
            ("TITLE_MODIFIERS", TITLE_MODIFIERS),
            ("TITLE_OF_WORDS", TITLE_OF_WORDS),
            ("LOWER_ROLES", LOWER_ROLES),
            ("ORG_HEADS", ORG_HEADS),
            ("ORG_SINGLE", ORG_SINGLE),
            ("ORG_MODIFIERS", ORG_MODIFIERS),
            ("FACILITY_HEADS", FACILITY_HEADS),
            ("PLACE_HEADS", PLACE_HEADS),
            ("FACILITY_PREFIXES", FACILITY_PREFIXES),
            ("PLACE_PREFIXES", PLACE_PREFIXES),
            ("OF_JOINERS", OF_JOINERS),
            ("NAME_PARTICLES", NAME_PARTICLES),
            ("SPEECH_VERBS", SPEECH_VERBS),
            ("CALENDAR", CALENDAR),
            ("NOT_ACRONYMS", NOT_ACRONYMS),
            ("MONTH_ABBREVIATIONS", MONTH_ABBREVIATIONS),
            ("NUMBER_WORDS", NUMBER_WORDS),
            ("VAGUE_NUMBERS", VAGUE_NUMBERS),
            ("MULTIPLIERS", MULTIPLIERS),
            ("QUANTITY_MODIFIERS", QUANTITY_MODIFIERS),
            ("IRREGULAR_PLURALS", IRREGULAR_PLURALS),
            ("QUANTITY_ADJECTIVES", QUANTITY_ADJECTIVES),
            ("CASUALTY_VERBS", CASUALTY_VERBS),
            ("NOT_COUNTED", NOT_COUNTED),
            ("ORG_APPOSITIONS", ORG_APPOSITIONS),
        ];
        for (name, list) in lists {
            for w in list.windows(2) {
                assert!(w[0] < w[1], "{name}: {:?} must come before {:?}", w[1], w[0]);
            }
            for word in *list {
                assert_eq!(crate::text::fold(word), *word, "{name}: {word:?} is not a folded key");
            }
        }
    }
}
