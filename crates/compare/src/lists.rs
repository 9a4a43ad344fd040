//! Compact lists a comparison hands out: a career's skill phrases by index
//! and a list of sentences held in one string. A pair of O*NET careers has
//! hundreds of "only in" phrases; holding them as indices, and every
//! sentence of a list in one buffer, keeps comparing every pair cheap.

use std::fmt;

use careerdiff_model::Career;
use serde::ser::{Serialize, Serializer};

use crate::SkillItem;
use crate::prepare::{PreparedCareer, Unit};

/// Some of one career's skill phrases, in the order shown (most useful
/// first). Iterating yields [`SkillItem`]s; it serialises as their list.
#[derive(Clone)]
pub struct SkillList<'c> {
    career: &'c Career,
    prepared: &'c PreparedCareer,
    phrases: Vec<u32>,
}

impl<'c> SkillList<'c> {
    pub(crate) fn new(career: &'c Career, prepared: &'c PreparedCareer, phrases: Vec<u32>) -> Self {
        SkillList { career, prepared, phrases }
    }

    /// How many phrases the list holds.
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The first `max` phrases worth learning first on the way to the
    /// list's career (`PreparedCareer::learnable`), leaving out generic
    /// office and ERP software when anything else is listed (see
    /// `generic.rs`): possibly nothing. The list is in the career's order
    /// (`PreparedCareer::order`), which ends with the generic software, so
    /// whether anything else is listed is known from its first phrases,
    /// and the pass stops once `max` phrases are found.
    pub(crate) fn worth_learning_first(&self, max: usize) -> Self {
        let p = self.prepared;
        let keep_generic = self.phrases.iter().all(|&i| p.generic[i as usize]);
        let mut phrases = Vec::with_capacity(max.min(self.phrases.len()));
        phrases.extend(
            (self.phrases.iter().copied())
                .filter(|&i| (keep_generic || !p.generic[i as usize]) && p.learnable(self.career, i as usize))
                .take(max),
        );
        SkillList { career: self.career, prepared: p, phrases }
    }

    /// Keeps the first `n` phrases.
    pub fn truncate(&mut self, n: usize) {
        self.phrases.truncate(n);
    }

    /// The phrases, most useful first.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = SkillItem<'c>> + Clone + '_ {
        self.phrases.iter().map(|&i| self.item(i as usize))
    }

    /// The listed phrases as indices into the career's skills.
    pub fn phrases(&self) -> &[u32] {
        &self.phrases
    }

    /// Each phrase's short label and whether it is a common noun, leaving
    /// out generic office or ERP software.
    pub(crate) fn specific_labels(&self) -> impl Iterator<Item = (&'c str, bool)> + Clone + '_ {
        let p = self.prepared;
        self.phrases
            .iter()
            .filter(move |&&i| !p.generic[i as usize])
            .map(move |&i| (p.labels[i as usize].as_str(), p.label_nouns[i as usize]))
    }

    /// Serialises the list as the phrases' names alone.
    pub fn serialize_names<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter().map(|s| s.name))
    }

    fn item(&self, phrase: usize) -> SkillItem<'c> {
        let skill = &self.career.skills[phrase];
        SkillItem {
            name: &skill.name,
            label: &self.prepared.labels[phrase],
            hot: skill.hot,
            in_demand: skill.in_demand,
            skill_ids: &self.prepared.skill_ids[phrase],
        }
    }
}

/// The phrases one career uses for one shared skill, as written, in file
/// order. Serialises as a list of strings.
#[derive(Clone, Copy)]
pub struct Phrases<'c> {
    career: &'c Career,
    /// The (unit, phrase index) entries of the career for the skill.
    entries: &'c [(Unit, u32)],
}

impl<'c> Phrases<'c> {
    pub(crate) fn new(career: &'c Career, entries: &'c [(Unit, u32)]) -> Self {
        Phrases { career, entries }
    }

    /// The phrases.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &'c str> + 'c {
        let career = self.career;
        self.entries.iter().map(move |&(_, i)| career.skills[i as usize].name.as_str())
    }

    /// How many phrases there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// A list of sentences kept in one string. Serialises as a list of
/// strings.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Sentences {
    text: String,
    /// Where each sentence ends in `text`.
    ends: Vec<u32>,
}

impl Sentences {
    /// An empty list with room for `bytes` of text in `sentences`.
    pub(crate) fn with_capacity(bytes: usize, sentences: usize) -> Self {
        Sentences { text: String::with_capacity(bytes), ends: Vec::with_capacity(sentences) }
    }

    /// The sentences, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        (0..self.ends.len()).map(|k| {
            let start = if k == 0 { 0 } else { self.ends[k - 1] as usize };
            &self.text[start..self.ends[k] as usize]
        })
    }

    /// How many sentences there are.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Whether one of the sentences is exactly `sentence`.
    pub fn contains(&self, sentence: &str) -> bool {
        self.iter().any(|s| s == sentence)
    }

    /// The sentence being written: append to it, then call [`Self::end`].
    pub(crate) fn text(&mut self) -> &mut String {
        &mut self.text
    }

    /// Ends the sentence being written; an empty one is dropped.
    pub(crate) fn end(&mut self) {
        let end = self.text.len() as u32;
        if end > self.ends.last().copied().unwrap_or(0) {
            self.ends.push(end);
        }
    }

    /// Writes `parts` as one sentence.
    pub(crate) fn push(&mut self, parts: &[&str]) {
        parts.iter().for_each(|p| self.text.push_str(p));
        self.end();
    }
}

/// Each list serialises, and prints in debug output, as the plain list
/// its `iter()` yields.
macro_rules! as_plain_list {
    ($($list:ty),*) => {$(
        impl Serialize for $list {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(self.iter())
            }
        }

        impl fmt::Debug for $list {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_list().entries(self.iter()).finish()
            }
        }
    )*};
}

as_plain_list!(SkillList<'_>, Phrases<'_>, Sentences);
