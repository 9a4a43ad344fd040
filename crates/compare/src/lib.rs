//! The comparison precomputer: for any pair of careers, verdicts per
//! attribute, the skill overlap, advice and a similarity score — computed in
//! parallel for every pair, with results that do not depend on thread count.
//!
//! [`Comparer::new`] prepares each career of a `careerdiff_model::Content`
//! once (canonical skills, word sets, weights); [`Comparer::compare`] then
//! builds a [`Comparison`] for one pair, and [`Comparer::pairs`] lists the
//! pairs a site's pair policy asks for. `careerdiff-site` renders the
//! comparisons; the CLI prints them.

mod advice;
mod comparison;
mod generic;
mod glance;
mod hash;
mod inputs;
mod legacy;
mod lists;
mod phrase;
mod prepare;
mod profile;
mod rating_table;
mod signals;
mod similarity;
mod skills;
mod suits;
mod task_reason;
mod text;
mod transition;
mod word_pairs;
mod write;

use std::sync::Arc;

use careerdiff_model::{Content, PairPolicy};
use rayon::prelude::*;

pub use comparison::{
    Comparison, GlanceRow, Listed, RelatedSkills, SharedSkill, Side, SkillItem, SkillOverlap, Transition, Verdict,
};
pub use glance::{Fact, better_words, fact_value, facts};
pub use inputs::InputHashes;
pub use lists::{Phrases, Sentences, SkillList};
pub use profile::{Gap, Level, Need, Profile, RatedItem, RatingKind};
pub use similarity::{Similar, SimilarityModel};

use prepare::Prepared;

/// How many skills a transition's list of what to learn first holds at
/// most ([`Transition::learn`]): a first step, not the whole list, which
/// the pair's `only_a` and `only_b` hold.
pub const LEARN_FIRST: usize = 10;

/// What to learn first on the way to a career from scratch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LearnFirst {
    /// Phrase indices, generic office software left out: with `by_field`,
    /// the technologies at least two of its ten most similar careers use
    /// too, what more of them use first (then in
    /// [`Comparer::skill_order`]); else every phrase, in that order.
    pub phrases: Vec<u32>,
    /// Whether the career is imported and its field (its ten most similar
    /// careers) chose the phrases; a hand-written career's phrases are
    /// its writers' choice, and a site of a few careers has no field.
    pub by_field: bool,
}

/// Careers prepared for comparison. It owns its content (shared through an
/// `Arc`, so a long-running process can hold one and swap it for another),
/// and is cheap to share across threads.
pub struct Comparer {
    content: Arc<Content>,
    prepared: Prepared,
    ratings: rating_table::RatingTable,
    /// Every pair's similarity under the default model.
    scores: similarity::Scores,
}

impl Comparer {
    /// Prepares every career of `content` once, and scores the similarity
    /// of every pair (each pair's comparison and the similar-careers lists
    /// read it).
    pub fn new(content: impl Into<Arc<Content>>) -> Self {
        let content = content.into();
        let (prepared, ratings) = rayon::join(|| Prepared::new(&content), || rating_table::RatingTable::new(&content));
        let mut prepared = prepared;
        let scores = similarity::Scores::new(&prepared, &content, SimilarityModel::default());
        let neighbours: Vec<Vec<usize>> =
            similarity::all_best_indices(&scores, content.careers.len(), prepare::FIELD_SIZE)
                .into_iter()
                .map(|near| near.into_iter().map(|(_, j)| j).collect())
                .collect();
        prepared.order_by_field(&content, &neighbours);
        Comparer { content, prepared, ratings, scores }
    }

    /// The content being compared.
    pub fn content(&self) -> &Content {
        &self.content
    }

    /// The content being compared, shared.
    pub fn shared_content(&self) -> &Arc<Content> {
        &self.content
    }

    /// The index of the career with `slug` in `content.careers`.
    pub fn index_of(&self, slug: &str) -> Option<usize> {
        self.content.careers.binary_search_by(|c| c.slug.as_str().cmp(slug)).ok()
    }

    /// Compares career `a` with career `b` (indices into `content.careers`),
    /// in that order: "A" in verdicts is `a`.
    pub fn compare(&self, a: usize, b: usize) -> Comparison<'_> {
        let careers = &self.content.careers;
        let (ca, cb) = (&careers[a], &careers[b]);
        let (pa, pb) = (&self.prepared.careers[a], &self.prepared.careers[b]);
        let glance = glance::rows(&pa.measures, &pb.measures);
        let skills = skills::overlap(&self.prepared, &self.content, (a, b));
        let (profile, [gaps_to_b, gaps_to_a]) = self.ratings.pair(a, b);
        let transitions = [
            transition::transition((ca, &pa.move_facts), (cb, &pb.move_facts), &skills.only_b, &skills, gaps_to_b),
            transition::transition((cb, &pb.move_facts), (ca, &pa.move_facts), &skills.only_a, &skills, gaps_to_a),
        ];
        let choose_a = advice::choose_if((ca, pa), (cb, pb), &glance, Verdict::A, &skills.only_a, &profile);
        let choose_b = advice::choose_if((cb, pb), (ca, pa), &glance, Verdict::B, &skills.only_b, &profile);
        let conclusion = advice::conclusion((ca, pa), (cb, pb), &glance, &skills, &transitions, &profile);
        Comparison {
            a: Side::of(ca),
            b: Side::of(cb),
            similarity: self.scores.get(a, b),
            glance,
            skills,
            profile,
            transitions,
            choose_a,
            choose_b,
            conclusion,
        }
    }

    /// The at-a-glance rows of `a` against `b`, the number of skills they
    /// share and the overlap in percent: what [`Comparer::compare`] gives
    /// for those, without the skill lists, profile and sentences (for
    /// callers that look at every ordered pair, such as the comparison
    /// tool's data).
    pub fn glance_and_overlap(&self, a: usize, b: usize) -> (Vec<GlanceRow<'_>>, usize, u32) {
        let (pa, pb) = (&self.prepared.careers[a], &self.prepared.careers[b]);
        let mut shared = 0;
        skills::for_each_common(&pa.units, &pb.units, |_| shared += 1);
        let distinct = pa.units.len() + pb.units.len() - shared;
        let overlap = (100 * shared).checked_div(distinct).unwrap_or(0) as u32;
        (glance::rows(&pa.measures, &pb.measures), shared, overlap)
    }

    /// Every skill phrase of career `idx` in file order: the items that the
    /// skill lists of its comparisons index with [`SkillList::phrases`].
    pub fn skills_of(&self, idx: usize) -> SkillList<'_> {
        let career = &self.content.careers[idx];
        SkillList::new(career, &self.prepared.careers[idx], (0..career.skills.len() as u32).collect())
    }

    /// Career `idx`'s skill phrases (indices into its `skills`), most
    /// useful first, as every list of its comparisons orders them: in
    /// demand, then what its most similar careers use too (hot first),
    /// then the rest, generic office software last.
    pub fn skill_order(&self, idx: usize) -> &[u32] {
        &self.prepared.careers[idx].order
    }

    /// The phrases of career `idx` worth learning first on the way to it
    /// from scratch (see [`LearnFirst`]).
    pub fn learn_first(&self, idx: usize) -> LearnFirst {
        let (career, prepared) = (&self.content.careers[idx], &self.prepared.careers[idx]);
        let worth = |i: usize| !prepared.generic[i] && prepared.learnable(career, i);
        let mut phrases: Vec<u32> = prepared.order.iter().copied().filter(|&i| worth(i as usize)).collect();
        let by_field = prepared.has_field(career);
        if by_field {
            // What more of the field uses first, and among equals what
            // more careers of any field use: the foundations (Python, SQL)
            // before the specialities (Node.js, Chef) on the way in.
            let rarity = |i: u32| prepared.rarity(i as usize, &self.prepared.weight);
            phrases.sort_by(|&x, &y| {
                let support = |i: u32| prepared.field_support[i as usize];
                support(y).cmp(&support(x)).then(rarity(x).total_cmp(&rarity(y)))
            });
        }
        LearnFirst { phrases, by_field }
    }

    /// Compares every pair in `pairs` in parallel, in the order given.
    /// Each comparison depends only on its two careers, so the results are
    /// the same for any number of threads.
    pub fn par_comparisons<'s>(
        &'s self,
        pairs: &'s [(u32, u32)],
    ) -> impl IndexedParallelIterator<Item = Comparison<'s>> + 's {
        pairs.par_iter().map(move |&(i, j)| self.compare(i as usize, j as usize))
    }

    /// The `k` careers most similar to career `idx`, best first; ties are
    /// broken by slug so the order is stable.
    pub fn similar(&self, idx: usize, k: usize) -> Vec<Similar> {
        similarity::most_similar(&self.prepared, &self.content, SimilarityModel::default(), idx, k)
    }

    /// Every career's `k` most similar careers, as [`Comparer::similar`]
    /// gives them one by one, from the scores made once.
    pub fn all_similar(&self, k: usize) -> Vec<Vec<Similar>> {
        similarity::all_most_similar(&self.scores, &self.content, k)
    }

    /// Every career's `k` most similar careers under another
    /// [`SimilarityModel`] than the default, to measure one against another.
    pub fn all_similar_by(&self, model: SimilarityModel, k: usize) -> Vec<Vec<Similar>> {
        if model == SimilarityModel::default() {
            return self.all_similar(k);
        }
        similarity::all_most_similar(&similarity::Scores::new(&self.prepared, &self.content, model), &self.content, k)
    }

    /// The pairs that get a page under `policy`, each as `(i, j)` with
    /// `i < j`, so that the careers' slug order gives one canonical URL per
    /// pair. Sorted.
    pub fn pairs(&self, policy: &PairPolicy) -> Vec<(u32, u32)> {
        let n = self.content.careers.len() as u32;
        match policy {
            PairPolicy::All => (0..n).flat_map(|i| (i + 1..n).map(move |j| (i, j))).collect(),
            PairPolicy::Similar { per_career } => {
                let mut pairs: Vec<(u32, u32)> = self
                    .all_similar(*per_career)
                    .into_iter()
                    .enumerate()
                    .flat_map(|(i, list)| {
                        list.into_iter().map(move |s| {
                            let (i, j) = (i as u32, s.index as u32);
                            (i.min(j), i.max(j))
                        })
                    })
                    .collect();
                pairs.par_sort_unstable();
                pairs.dedup();
                pairs
            }
        }
    }
}

#[cfg(test)]
mod tests;
