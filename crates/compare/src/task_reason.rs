//! "Choose X if you… want work such as this: …": the first of a career's
//! leading task statements that the other career does not list too, word
//! for word or nearly. Registered nurses "record patients' medical
//! information and vital signs"; licensed practical nurses "measure and
//! record patients' vital signs": said of one as what sets it apart, it
//! reads as false to anyone who knows the other.

use crate::hash::Map;
use crate::write::push_lower_first;

/// How many of a career's first task statements (O*NET lists the core
/// tasks first) may give the reason.
const CANDIDATES: usize = 5;

/// A task is nearly another's when at least this share of its content
/// words (in tenths) is in the other: 4 of 6 for the nurses' vital signs.
const NEAR_TENTHS: usize = 6;

/// Ids of task statements and of their words, given out while careers are
/// prepared: equal statements and equal words get equal ids.
#[derive(Default)]
pub(crate) struct TaskIds<'c> {
    statements: Map<&'c str, u32>,
    words: Map<String, u32>,
    normalised: Map<&'c str, String>,
}

impl<'c> TaskIds<'c> {
    fn statement(&mut self, task: &'c str) -> u32 {
        let next = self.statements.len() as u32;
        *self.statements.entry(task).or_insert(next)
    }

    /// The ids of `task`'s content words, sorted and without repeats.
    fn words(&mut self, task: &'c str) -> Vec<u32> {
        let mut ids: Vec<u32> = crate::text::content_words(task, &mut self.normalised)
            .into_iter()
            .map(|word| {
                let next = self.words.len() as u32;
                *self.words.entry(word).or_insert(next)
            })
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

/// One career's task statements, as the reason needs them.
#[derive(Debug)]
pub(crate) struct TaskFacts {
    /// The first [`CANDIDATES`] statements: id, word ids and the reason.
    leading: Vec<(u32, Vec<u32>, String)>,
    /// Every statement's id, sorted.
    ids: Vec<u32>,
    /// Every statement's word ids.
    words: Vec<Vec<u32>>,
    /// The word ids of all statements together, sorted.
    all_words: Vec<u32>,
    /// A bit per word id modulo [`BLOOM_BITS`], of all statements: a word
    /// whose bit is clear is not among them.
    bloom: [u64; BLOOM_BITS / 64],
}

/// Bits of [`TaskFacts::bloom`]: a career's few hundred task words set
/// about a quarter of them, so for most pairs a leading task's words are
/// ruled out without a search.
const BLOOM_BITS: usize = 1024;

fn bloom_has(bloom: &[u64; BLOOM_BITS / 64], word: u32) -> bool {
    let bit = word as usize % BLOOM_BITS;
    bloom[bit / 64] & (1 << (bit % 64)) != 0
}

impl TaskFacts {
    /// The facts of the statements `tasks`.
    pub(crate) fn of<'c>(tasks: &'c [String], task_ids: &mut TaskIds<'c>) -> Self {
        let words: Vec<Vec<u32>> = tasks.iter().map(|task| task_ids.words(task)).collect();
        let leading = (tasks.iter().zip(&words).take(CANDIDATES))
            .map(|(task, words)| {
                let mut reason = String::from("want work such as this: ");
                push_lower_first(&mut reason, task.trim_end_matches('.'), true);
                (task_ids.statement(task), words.clone(), reason)
            })
            .collect();
        let mut ids: Vec<u32> = tasks.iter().map(|task| task_ids.statement(task)).collect();
        ids.sort_unstable();
        let mut all_words: Vec<u32> = words.iter().flatten().copied().collect();
        all_words.sort_unstable();
        all_words.dedup();
        let mut bloom = [0; BLOOM_BITS / 64];
        for &word in &all_words {
            let bit = word as usize % BLOOM_BITS;
            bloom[bit / 64] |= 1 << (bit % 64);
        }
        TaskFacts { leading, ids, words, all_words, bloom }
    }

    /// The reason from the first leading statement that `other` lists
    /// neither as it is nor nearly, if any.
    pub(crate) fn distinct_reason(&self, other: &TaskFacts) -> Option<&str> {
        let enough = |found: usize, of: usize| of > 0 && found * 10 >= of * NEAR_TENTHS;
        let near = |words: &[u32], in_other: &[u32]| {
            enough(words.iter().filter(|w| in_other.binary_search(w).is_ok()).count(), words.len())
        };
        // At most as many words are the other's as have their bit set.
        let maybe_near =
            |words: &[u32]| enough(words.iter().filter(|&&w| bloom_has(&other.bloom, w)).count(), words.len());
        let distinct = |(id, words, _): &&(u32, Vec<u32>, String)| {
            other.ids.binary_search(id).is_err()
                // Most pairs share few words at all: the bloom, then the
                // union, rule them out before any statement is looked at.
                && (!maybe_near(words)
                    || !near(words, &other.all_words)
                    || !other.words.iter().any(|theirs| near(words, theirs)))
        };
        self.leading.iter().find(distinct).map(|(_, _, reason)| reason.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts<'c>(tasks: &'c [String], ids: &mut TaskIds<'c>) -> TaskFacts {
        TaskFacts::of(tasks, ids)
    }

    fn owned(tasks: &[&str]) -> Vec<String> {
        tasks.iter().map(|&t| t.to_owned()).collect()
    }

    #[test]
    fn a_task_the_other_lists_nearly_is_passed_over_for_the_next() {
        // O*NET 29-1141.00 and 29-2061.00, in part.
        let rn = owned(&[
            "Record patients' medical information and vital signs.",
            "Consult and coordinate with health care team members to assess, plan, implement, or evaluate patient care plans.",
        ]);
        let lpn = owned(&[
            "Measure and record patients' vital signs, such as height, weight, temperature, blood pressure, pulse, or respiration.",
            "Administer prescribed medications or start intravenous fluids, noting times and amounts on patients' charts.",
        ]);
        let mut ids = TaskIds::default();
        let (rn, lpn) = (facts(&rn, &mut ids), facts(&lpn, &mut ids));
        let reason = rn.distinct_reason(&lpn).expect("a reason");
        assert!(reason.starts_with("want work such as this: consult and coordinate"), "{reason}");
        // The LPN's first task is longer than the RN's near copy: most of
        // its words are the LPN's own, so it stands.
        let reason = lpn.distinct_reason(&rn).expect("a reason");
        assert!(reason.starts_with("want work such as this: measure and record"), "{reason}");
    }

    #[test]
    fn the_same_statement_or_only_near_ones_give_no_reason() {
        let a = owned(&["Repair engines.", "Inspect brakes for wear."]);
        let b = owned(&["Repair engines.", "Inspect brakes for wear and damage.", "Sell parts."]);
        let mut ids = TaskIds::default();
        let (a, b) = (facts(&a, &mut ids), facts(&b, &mut ids));
        assert_eq!(a.distinct_reason(&b), None);
        assert_eq!(b.distinct_reason(&a), Some("want work such as this: sell parts"));
    }
}
