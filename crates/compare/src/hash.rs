//! A fast hash for the maps that give out ids while careers are prepared
//! (words, phrases, tasks, rating items). Their keys are content text, not
//! input from an adversary, and the maps are only looked up, never
//! iterated, so the hash cannot change any result; SipHash was a tenth of
//! preparing. This is the "Fx" hash of rustc and Firefox.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A map with the [`FxHasher`].
pub(crate) type Map<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Multiplies each word of input into the state after a rotation.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::Map;

    #[test]
    fn keys_that_differ_only_in_their_tail_are_told_apart() {
        let mut map: Map<&str, usize> = Map::default();
        for (i, key) in ["software", "software engineer", "software engineers", "a", "ab", ""].iter().enumerate() {
            map.insert(key, i);
        }
        assert_eq!(map.len(), 6);
        assert_eq!(map["software engineers"], 2);
    }
}
