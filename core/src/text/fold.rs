//! Folding: the key two spellings of one name share.
//!
//! The rule (shared with the gazetteer's keys): NFKD, drop combining marks,
//! lower-case, delete apostrophes (`'` `’` `‘` `ʼ` `ʻ` `` ` `` `´`) and
//! full stops, turn every other non-alphanumeric character into a space,
//! collapse runs of spaces and trim. So "Kata’ib" → `kataib`, "U.S." → `us`,
//! "Abdul-Mahdi" → `abdul mahdi`, "Hélène" → `helene`.
//!
//! ASCII text (most of an English article) takes a byte-level fast path that
//! never touches the Unicode tables.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Characters deleted outright (they join a word rather than split it).
fn is_deleted(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | 'ʻ' | '`' | '´' | '.')
}

/// The folded key of `s`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// Appends the folded key of `s` to `out` (no allocation when `out` has
/// room). If `out` is not empty and the key is not empty, a single space
/// separates them, so keys of consecutive words can be joined.
pub fn fold_into(s: &str, out: &mut String) {
    // `pending` is true when a separator was seen since the last character
    // written, so a space goes before the next one.
    let mut pending = !out.is_empty();
    if s.is_ascii() {
        for &b in s.as_bytes() {
            if b.is_ascii_alphanumeric() {
                if pending && !out.is_empty() {
                    out.push(' ');
                }
                pending = false;
                out.push(b.to_ascii_lowercase() as char);
            } else if b == b'\'' || b == b'`' || b == b'.' {
                continue;
            } else {
                pending = true;
            }
        }
        return;
    }
    for c in s.chars() {
        if is_deleted(c) {
            continue;
        }
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                if pending && !out.is_empty() {
                    out.push(' ');
                }
                pending = false;
                out.push(c.to_ascii_lowercase());
            } else {
                pending = true;
            }
            continue;
        }
        decompose_compatible(c, |d| {
            if is_combining_mark(d) || is_deleted(d) {
                return;
            }
            if d.is_alphanumeric() {
                if pending && !out.is_empty() {
                    out.push(' ');
                }
                pending = false;
                // Lower-casing can itself produce a mark ("İ" → "i̇").
                out.extend(d.to_lowercase().filter(|&l| !is_combining_mark(l)));
            } else {
                pending = true;
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn folding_follows_the_shared_rule() {
        let table = [
            ("Kata’ib Hezbollah", "kataib hezbollah"),
            ("Kataib  Hezbollah", "kataib hezbollah"),
            ("U.S.", "us"),
            ("Abdul-Mahdi", "abdul mahdi"),
            ("Hélène Müller", "helene muller"),
            ("  ‘Iraq’s’ ", "iraqs"),
            ("al-Sadr", "al sadr"),
            ("ＡＢＣ", "abc"),
            ("Ирак", "ирак"),
            ("", ""),
            ("--", ""),
            ("5,000", "5 000"),
        ];
        for (input, want) in table {
            assert_eq!(fold(input), want, "fold({input:?})");
        }
    }

    #[test]
    fn fold_into_joins_keys_with_one_space() {
        let mut key = String::new();
        fold_into("Adil", &mut key);
        fold_into("Abdul-Mahdi", &mut key);
        fold_into("", &mut key);
        assert_eq!(key, "adil abdul mahdi");
    }

    proptest! {
        #[test]
        fn folded_keys_are_trimmed_single_spaced_and_stable(s in "\\PC{0,40}") {
            let k = fold(&s);
            prop_assert!(!k.starts_with(' ') && !k.ends_with(' ') && !k.contains("  "));
            prop_assert_eq!(fold(&k), k.clone());
        }
    }
}
