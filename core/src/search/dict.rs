//! Sorted string pools: the stem dictionary and the dictionary of folded
//! surface words (for prefixes, typos and highlighting).

/// Many strings in one buffer, sorted, found by binary search.
#[derive(Clone, Debug, Default)]
pub struct StringPool {
    bytes: String,
    /// `ends[i]` is where string `i` ends in `bytes`.
    ends: Vec<u32>,
}

impl StringPool {
    /// Builds a pool from strings that are already sorted and unique.
    pub fn from_sorted<'a>(items: impl Iterator<Item = &'a str>) -> StringPool {
        let mut pool = StringPool::default();
        for s in items {
            pool.bytes.push_str(s);
            pool.ends.push(pool.bytes.len() as u32);
        }
        pool.bytes.shrink_to_fit();
        pool.ends.shrink_to_fit();
        pool
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.bytes[start..self.ends[i] as usize]
    }

    /// The index of `s`, if present.
    pub fn find(&self, s: &str) -> Option<usize> {
        let i = self.lower_bound(s);
        (i < self.len() && self.get(i) == s).then_some(i)
    }

    /// The first index whose string is not less than `s`.
    pub fn lower_bound(&self, s: &str) -> usize {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if self.get(mid) < s {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// Indexes of the strings starting with `prefix`.
    pub fn prefix_range(&self, prefix: &str) -> std::ops::Range<usize> {
        let start = self.lower_bound(prefix);
        let mut end = start;
        while end < self.len() && self.get(end).starts_with(prefix) {
            end += 1;
        }
        start..end
    }

    /// Heap bytes held.
    pub fn memory_bytes(&self) -> usize {
        self.bytes.capacity() + self.ends.capacity() * 4
    }
}

/// A 32-bit sketch of which characters a word holds. One edit changes at most
/// two bits, so words whose sketches differ in more than `2 × edits` bits
/// cannot be within `edits` edits: a cheap filter before the real distance.
pub fn char_mask(word: &str) -> u32 {
    let mut mask = 0u32;
    for c in word.chars() {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            '0'..='9' => 26 + (c as u32 - '0' as u32) % 3,
            _ => 29 + c as u32 % 3,
        };
        mask |= 1 << bit;
    }
    mask
}

/// Edits allowed for a typed word of `chars` characters: none below
/// [`ONE_TYPO_FROM`], one from there, two from [`TWO_TYPOS_FROM`].
pub fn allowed_edits(chars: usize) -> usize {
    if chars >= TWO_TYPOS_FROM {
        2
    } else if chars >= ONE_TYPO_FROM {
        1
    } else {
        0
    }
}

/// Words of at least this many letters tolerate one typo.
pub const ONE_TYPO_FROM: usize = 5;
/// Words of at least this many letters tolerate two typos.
pub const TWO_TYPOS_FROM: usize = 9;
