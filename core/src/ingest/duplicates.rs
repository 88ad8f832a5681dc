//! Text repeated inside one article: scrapes often hold the body twice.
//!
//! A later copy of earlier paragraphs is removed when the copy is
//! substantial; a short line repeated on its own (a refrain in a quote, a
//! one-word answer) stays.

use std::collections::HashMap;

/// A repeated run of paragraphs is removed when it holds at least this
/// many chars; shorter repeats may be deliberate.
pub(crate) const DUPLICATE_MIN_CHARS: usize = 60;

/// For each content block (given by its comparison key and length in
/// chars, in order), the position of the earlier block it copies, or
/// `None`.
pub(crate) fn find_copies(keys: &[&str], chars: &[usize]) -> Vec<Option<usize>> {
    let mut first: HashMap<&str, usize> = HashMap::new();
    let mut copies: Vec<Option<usize>> = Vec::with_capacity(keys.len());
    for (at, key) in keys.iter().enumerate() {
        if key.is_empty() {
            copies.push(None);
            continue;
        }
        match first.get(key) {
            Some(&orig) => copies.push(Some(orig)),
            None => {
                first.insert(key, at);
                copies.push(None);
            }
        }
    }
    // Keep only runs of copies that are long enough to matter.
    let mut at = 0;
    while at < copies.len() {
        if copies[at].is_none() {
            at += 1;
            continue;
        }
        let run_end = (at..copies.len()).find(|&i| copies[i].is_none()).unwrap_or(copies.len());
        let total: usize = chars[at..run_end].iter().sum();
        if total < DUPLICATE_MIN_CHARS {
            copies[at..run_end].iter_mut().for_each(|c| *c = None);
        }
        at = run_end;
    }
    copies
}

/// "paragraph 4", "paragraphs 2–20" or "paragraphs 2, 5 and 9".
pub(crate) fn describe(numbers: &[usize]) -> String {
    let mut sorted = numbers.to_vec();
    sorted.sort_unstable();
    sorted.dedup();
    match sorted.as_slice() {
        [] => "earlier text".to_string(),
        [one] => format!("paragraph {one}"),
        [first, .., last] if last - first + 1 == sorted.len() => {
            format!("paragraphs {first}–{last}")
        }
        [init @ .., last] => {
            let init: Vec<String> = init.iter().map(usize::to_string).collect();
            format!("paragraphs {} and {last}", init.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_body_is_found_as_copies_of_the_first() {
        let keys = [
            "title",
            "one long paragraph",
            "two long paragraph",
            "one long paragraph",
            "two long paragraph",
        ];
        let copies = find_copies(&keys, &[5, 40, 40, 40, 40]);
        assert_eq!(copies, [None, None, None, Some(1), Some(2)]);
    }

    #[test]
    fn a_short_repeated_line_stays() {
        let copies = find_copies(&["no", "yes", "no"], &[2, 3, 2]);
        assert_eq!(copies, [None, None, None]);
    }

    #[test]
    fn paragraph_ranges_read_naturally() {
        assert_eq!(describe(&[4]), "paragraph 4");
        assert_eq!(describe(&[2, 3, 4]), "paragraphs 2–4");
        assert_eq!(describe(&[2, 5, 9]), "paragraphs 2, 5 and 9");
    }
}
