//! A fast hash for the short string and integer keys of the entities step.
//!
//! The Fx hash (as in rustc): a multiply-rotate over 8-byte words. Keys here
//! come from the articles, but a map only lives for one annotation of the
//! reader's own corpus, so resistance to crafted collisions buys nothing,
//! and short keys hash several times faster than with SipHash.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with the Fx hash.
pub(crate) type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The Fx hasher.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    /// Folds the high bits down: the multiply leaves the low bits (which
    /// pick the bucket) depending only on a key's first bytes, so keys
    /// sharing a prefix would collide without this.
    #[inline]
    fn finish(&self) -> u64 {
        let h = self.0 ^ (self.0 >> 33);
        h.wrapping_mul(0xff51_afd7_ed55_8ccd) ^ (h >> 29)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fx_maps_find_what_was_put_in() {
        let mut map: FxMap<String, usize> = FxMap::default();
        for (i, k) in
            ["", "a", "kataib hezbollah", "a much longer key than eight bytes"].iter().enumerate()
        {
            map.insert(k.to_string(), i);
        }
        assert_eq!(map.get("kataib hezbollah"), Some(&2));
        assert_eq!(map.get("a"), Some(&1));
        assert_eq!(map.get("b"), None);
        let numbers: FxMap<usize, usize> = (0..100).map(|i| (i, i * 2)).collect();
        assert_eq!(numbers.get(&42), Some(&84));
        assert_eq!(numbers.get(&100), None);
    }
}
