//! Article ids: URL-safe, taken from the file name, unique in a corpus.

use std::collections::HashSet;

/// The id of a file whose name gives nothing usable.
const FALLBACK_ID: &str = "article";

/// The id a file name suggests: the name without its extension, with every
/// char other than ASCII letters, digits, `-`, `_` and `.` turned into `-`
/// (runs collapsed), never empty.
pub(crate) fn base_id(file_name: &str) -> String {
    // Only the last path component counts, in case a path slipped in.
    let name = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let stem = match name.rfind('.') {
        Some(dot) if dot > 0 => &name[..dot],
        _ => name,
    };
    let mut id = String::with_capacity(stem.len());
    for c in stem.chars() {
        let safe = c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
        let c = if safe { c } else { '-' };
        if !(c == '-' && id.ends_with('-')) {
            id.push(c);
        }
    }
    let id = id.trim_matches(|c| c == '-' || c == '.');
    if id.is_empty() {
        FALLBACK_ID.to_string()
    } else {
        id.to_string()
    }
}

/// Ids for `names`, in order, unique: a repeated id gets `-2`, `-3`, ….
pub(crate) fn unique_ids<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let bases: Vec<String> = names.into_iter().map(base_id).collect();
    let mut taken: HashSet<String> = HashSet::new();
    let mut ids = Vec::with_capacity(bases.len());
    for base in &bases {
        let mut id = base.clone();
        let mut n = 2;
        while taken.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        taken.insert(id.clone());
        ids.push(id);
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_id_is_the_file_name_without_extension() {
        assert_eq!(base_id("004_3318bfcccd3f0c62.txt"), "004_3318bfcccd3f0c62");
        assert_eq!(base_id("report.v2.txt"), "report.v2");
    }

    #[test]
    fn unsafe_chars_become_dashes_and_nothing_becomes_a_fallback() {
        assert_eq!(base_id("Ünïcode name (1).txt"), "n-code-name-1");
        assert_eq!(base_id("   .txt"), FALLBACK_ID);
        assert_eq!(base_id(""), FALLBACK_ID);
    }

    #[test]
    fn repeated_ids_get_numbered_suffixes() {
        assert_eq!(unique_ids(["a.txt", "a.md", "a", "a-2.txt"]), ["a", "a-2", "a-3", "a-2-2"]);
    }
}
