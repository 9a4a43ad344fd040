//! The word pairs of a career's skill phrases: two phrases can be related
//! (see `skills.rs`) only if they share a pair of content words, so a
//! pair's related phrases come from a merge of the two careers' sorted
//! word-pair lists.

use std::collections::hash_map::Entry;

use crate::prepare::Unit;

/// One career's word pairs, sorted, each with the phrases that have it.
#[derive(Debug, Default)]
pub(crate) struct WordPairs {
    /// The pairs, as keys (see [`pair_key`]), sorted, without repeats.
    pub keys: Vec<u64>,
    /// The phrases with `keys[k]` are `phrases[starts[k]..starts[k + 1]]`.
    starts: Vec<u32>,
    /// Phrase indices, grouped by pair.
    phrases: Vec<u32>,
}

impl WordPairs {
    /// The phrases with the `k`th pair of `keys`.
    pub(crate) fn phrases_with(&self, k: usize) -> &[u32] {
        &self.phrases[self.starts[k] as usize..self.starts[k + 1] as usize]
    }

    /// Sorted (key, phrase) entries, grouped by key.
    fn new(entries: &[(u64, u32)]) -> Self {
        let mut pairs = WordPairs::default();
        for run in entries.chunk_by(|x, y| x.0 == y.0) {
            pairs.keys.push(run[0].0);
            pairs.starts.push(pairs.phrases.len() as u32);
            pairs.phrases.extend(run.iter().map(|&(_, phrase)| phrase));
        }
        pairs.starts.push(pairs.phrases.len() as u32);
        pairs
    }
}

/// Adds the (key, `phrase`) entry of every pair of `words` (sorted word
/// ids without repeats) to `entries`.
pub(crate) fn add_pairs(words: &[u32], phrase: u32, entries: &mut Vec<(u64, u32)>) {
    for (k, &first) in words.iter().enumerate() {
        entries.extend(words[k + 1..].iter().map(|&second| (pair_key(first, second), phrase)));
    }
}

/// Two sorted word ids as one key.
fn pair_key(first: u32, second: u32) -> u64 {
    (u64::from(first) << 32) | u64::from(second)
}

/// Every career's word pairs, from its (key, phrase) entries and the units
/// of its phrases. A pair is left out when every phrase of every career
/// that has it stands for the same units: two such phrases of two careers
/// share a unit, so neither is "only" in its career and they are never
/// related. That leaves out the common product names (the words of
/// "Microsoft Excel" are always Microsoft Excel), which most careers share
/// and which made most of the merge.
pub(crate) fn index(entries: Vec<Vec<(u64, u32)>>, phrase_units: &[&[Vec<Unit>]]) -> Vec<WordPairs> {
    let sorted_units: Vec<Vec<Vec<Unit>>> = phrase_units
        .iter()
        .map(|career| {
            career
                .iter()
                .map(|units| {
                    let mut units = units.clone();
                    units.sort_unstable();
                    units
                })
                .collect()
        })
        .collect();
    // Per pair, the units its phrases all stand for, or None once two differ.
    let mut units_of: crate::hash::Map<u64, Option<&[Unit]>> = Default::default();
    for (career, entries) in entries.iter().enumerate() {
        for &(key, phrase) in entries {
            let units = sorted_units[career][phrase as usize].as_slice();
            match units_of.entry(key) {
                Entry::Vacant(e) => {
                    e.insert(Some(units));
                }
                Entry::Occupied(mut e) => {
                    if e.get().is_some_and(|same| same != units) {
                        e.insert(None);
                    }
                }
            }
        }
    }
    entries
        .into_iter()
        .map(|mut entries| {
            entries.retain(|(key, _)| units_of[key].is_none());
            entries.sort_unstable();
            WordPairs::new(&entries)
        })
        .collect()
}
