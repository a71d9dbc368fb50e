//! The hash the interpreter's own tables use: names of variables and attributes, dict keys.
//! Rust's default (SipHash) guards against chosen-key flooding, which costs several times more
//! per look-up; a learner's program runs on their own machine on their own data, so the
//! interpreter uses FxHash's multiply-and-rotate mixing instead, a word at a time.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
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

    /// The table picks a bucket by the low bits and tells keys apart by the top seven, so
    /// every bit of the result must depend on every bit of the keys: a last xor-shift and
    /// multiply (MurmurHash3's finaliser, halved) spreads the product's high bits down and its
    /// low bits up.
    #[inline]
    fn finish(&self) -> u64 {
        let h = self.0 ^ (self.0 >> 32);
        let h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^ (h >> 32)
    }
}

pub type FastBuild = BuildHasherDefault<FastHasher>;

/// A table keyed by names: a scope's variables, a class's or a module's attributes.
pub type NameMap<V> = HashMap<String, V, FastBuild>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn different_names_hash_apart_and_equal_names_alike() {
        let b = FastBuild::default();
        let names = [
            "a", "b", "ab", "ba", "x", "x1", "x_train", "x_trainX", "self", "W1", "W2",
        ];
        let hashes: Vec<u64> = names.iter().map(|n| b.hash_one(n)).collect();
        for i in 0..names.len() {
            assert_eq!(hashes[i], b.hash_one(names[i].to_string()));
            for j in 0..i {
                assert_ne!(hashes[i], hashes[j], "{} and {}", names[i], names[j]);
            }
        }
    }

    #[test]
    fn keys_that_differ_only_at_the_end_spread_over_the_low_bits() {
        // A table picks a bucket by the low bits: `key0` … `key9999` must not crowd into a few.
        let b = FastBuild::default();
        let buckets: std::collections::HashSet<u64> = (0..10_000)
            .map(|i| b.hash_one(format!("key{i}")) & 0xfff)
            .collect();
        assert!(buckets.len() > 3000, "{} buckets of 4096", buckets.len());
    }

    #[test]
    fn keys_that_differ_only_at_the_end_spread_over_the_top_bits() {
        // … and are told apart by the top seven bits, which a table compares first.
        let b = FastBuild::default();
        let tops: std::collections::HashSet<u64> = (0..10_000)
            .map(|i| b.hash_one(format!("key{i}")) >> 57)
            .collect();
        assert_eq!(tops.len(), 128);
    }

    #[test]
    fn a_name_map_finds_what_it_holds() {
        let mut m: NameMap<usize> = NameMap::default();
        for i in 0..1000 {
            m.insert(format!("key{i}"), i);
        }
        assert_eq!(m.len(), 1000);
        assert!((0..1000).all(|i| m.get(format!("key{i}").as_str()) == Some(&i)));
        assert_eq!(m.get("key1000"), None);
    }
}
