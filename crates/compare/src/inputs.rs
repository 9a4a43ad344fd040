//! What comparing a pair reads, hashed, so that a caller holding the
//! comparisons of an earlier run can tell which pairs may compare
//! differently now without comparing them again.
//!
//! [`Comparer::compare`] reads the two careers, what was prepared from
//! each (measures, skill units, facts for advice and moves), their rows of
//! the rating table, their similarity score, and what every comparison
//! shares: the skill weights, the taxonomy and the rating items. Each
//! career's part is hashed from what was prepared for it, not only from
//! its file, so whatever the preparation read elsewhere (weights, ids
//! shared across careers) is in its hash.

use std::fmt::{self, Write as _};
use std::hash::{DefaultHasher, Hash, Hasher};

use rayon::prelude::*;

use crate::Comparer;

/// What comparisons read, hashed once: what all of them read, and what
/// each career brings.
#[derive(Debug, Clone)]
pub struct InputHashes {
    shared: u64,
    careers: Vec<u64>,
}

impl Comparer {
    /// Hashes what comparisons read (see the module's documentation).
    pub fn input_hashes(&self) -> InputHashes {
        let shared = debug_hash(&(
            &self.prepared.weight,
            &self.prepared.canonical_nouns,
            self.content.taxonomy.skills(),
            self.ratings.items(),
        ));
        let careers = (0..self.content.careers.len())
            .into_par_iter()
            .map(|c| debug_hash(&(&self.content.careers[c], &self.prepared.careers[c], self.ratings.row(c))))
            .collect();
        InputHashes { shared, careers }
    }

    /// A hash of everything comparing `a` with `b` reads: equal hashes,
    /// equal comparisons (but for a chance of 2^-64).
    pub fn pair_input_hash(&self, hashes: &InputHashes, a: usize, b: usize) -> u64 {
        let mut hasher = DefaultHasher::new();
        (hashes.shared, hashes.careers[a], hashes.careers[b], self.scores.get(a, b).to_bits()).hash(&mut hasher);
        hasher.finish()
    }
}

/// The hash of `value`'s `Debug` text, written straight into the hasher.
fn debug_hash(value: &impl fmt::Debug) -> u64 {
    struct Writer(DefaultHasher);
    impl fmt::Write for Writer {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            self.0.write(s.as_bytes());
            Ok(())
        }
    }
    let mut writer = Writer(DefaultHasher::new());
    let _ = write!(writer, "{value:?}");
    writer.0.finish()
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::Comparer;

    fn comparer(edit: impl Fn(&mut careerdiff_model::Content)) -> Comparer {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/ok/small");
        let mut content = careerdiff_model::load_content(&root).expect("the fixture loads");
        edit(&mut content);
        Comparer::new(Arc::new(content))
    }

    /// The same content hashes the same in another run; a change to one
    /// career changes the pairs it is in, and only those, when nothing
    /// every comparison shares changed.
    #[test]
    fn a_pair_s_hash_changes_when_one_of_its_careers_does() {
        let before = comparer(|_| {});
        let again = comparer(|_| {});
        let after = comparer(|c| c.careers[0].employment = Some(c.careers[0].employment.unwrap_or(0) + 1000));
        let (hb, ha, hn) = (before.input_hashes(), again.input_hashes(), after.input_hashes());
        let n = before.content().careers.len();
        for a in 0..n {
            for b in (0..n).filter(|&b| b != a) {
                let old = before.pair_input_hash(&hb, a, b);
                assert_eq!(old, again.pair_input_hash(&ha, a, b), "deterministic");
                let changed = old != after.pair_input_hash(&hn, a, b);
                assert_eq!(changed, a == 0 || b == 0, "pair {a} {b}");
            }
        }
    }
}
