//! How alike two careers are, and each career's most similar careers.
//!
//! # The model
//!
//! [`SimilarityModel::Signals`], the default, scores a pair of careers from
//! seven signals, each a likeness from 0 to 1 (vectors in
//! [`crate::signals`], made once per career):
//!
//! | signal | likeness | weight |
//! | --- | --- | --- |
//! | task statements and description (summary, body) | cosine of TF-IDF vectors | 0.30 |
//! | title and alternate titles | cosine of TF-IDF vectors of words and word pairs, at most 3 × the task text's | 0.25 |
//! | O*NET skill and knowledge ratings | cosine of importance × level, standardised per area, to the 8th power; 0 if negative | 0.20 |
//! | technologies and other skills | cosine of TF-IDF vectors of skill phrases and their canonical names | 0.10 |
//! | tools and equipment | cosine of TF-IDF vectors of their words | 0.05 |
//! | O*NET job zone | 1 − difference / 4 | 0.05 |
//! | category | 1 if the same, else 0 | 0.05 |
//!
//! Common evidence weighs less than rare evidence in every vector: a word,
//! technology or tool is weighted by `ln(N / careers that have it)`, so
//! what every career has (Microsoft Excel, "Reading Comprehension") moves
//! the score little and a rare thing that two careers share moves it a lot.
//! Ratings are standardised per skill or knowledge area across careers, so
//! the cosine compares each career's deviations from the average profile.
//!
//! A signal counts only when both careers have it: the score is the
//! weighted mean over the signals they share, so a career without ratings
//! (44 O*NET occupations, among them Software Developers and Data
//! Scientists) or a hand-written one without tasks, tools or job zone is
//! not made unlike others by what it lacks. That holds in rankings too
//! only if no signal runs higher than the others: rating profiles are
//! broad, and a career's ten closest have a mean cosine near 0.8 where its
//! ten closest texts, titles or skill lists have near 0.2. To the 8th power
//! the ratings cosine is near 0.2 there too, so a pair that both have
//! ratings does not outrank one where a career lacks them for having them
//! (with the cosine squared, similar-check's recall@10 of the OOH relatives
//! that have no ratings was 0.54, below the baseline's 0.64; to the 8th
//! power it is 0.76). Texts and titles carry most of the weight because
//! they say what the work is; technology lists, long and shared by whole
//! families of occupations, count less. Text vectors keep a career's 64
//! heaviest terms, which keeps each pair's merge short without changing
//! the lists measurably.
//!
//! A title likeness counts only as far as the task text bears it out (at
//! most 3 times the task text's likeness): one shared rare title word
//! gives two short titles a high cosine whatever it means, and "Model" in
//! "AI Model Routing Engineer" is not the one in "Models" (fashion
//! models), whose tasks share nothing with it. Careers that do the same
//! work describe it alike, so real relatives lose little to the cap
//! (similar-check's recall moved by 0.004 at most; a tighter cap of 1.5
//! measured about the same but let "Model Makers" into the routing
//! career's first three, on the task word "model").
//!
//! Every signal is symmetric and its terms are added in a fixed order, so
//! `score(a, b) == score(b, a)` exactly and no result depends on the thread
//! count; scores are rounded to four decimals. The weights were chosen on
//! `cargo xtask similar-check`, which measures recall@10 against careers
//! sharing a BLS Occupational Outlook Handbook profile or a SOC broad
//! group, without letting the category (the SOC major group, which those
//! relations follow closely) outweigh what the work is.

use careerdiff_model::Content;
use rayon::prelude::*;
use serde::Serialize;

use crate::legacy;
use crate::prepare::Prepared;
use crate::signals::{Postings, SPARSE};
use crate::text::cosine;

/// How much each signal counts when both careers have it; they add up to 1.
const TASK_TEXT: f64 = 0.30;
const TITLES: f64 = 0.25;
const RATINGS: f64 = 0.20;
const TECHNOLOGY: f64 = 0.10;
const TOOLS: f64 = 0.05;
const JOB_ZONE: f64 = 0.05;
const CATEGORY: f64 = 0.05;

/// How far the titles' likeness may run ahead of the task text's (see
/// [`title_likeness`]).
const TITLE_BACKING: f64 = 3.0;

/// A way of scoring how alike two careers are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SimilarityModel {
    /// Every signal, rare evidence weighing more than common evidence, over
    /// the signals both careers have (see the [module docs](self)).
    #[default]
    Signals,
    /// The score careerdiff used before `Signals`, kept to measure it
    /// against: mostly the cosine of rarity-weighted skills, plus
    /// description text, category, job zone and pay, a missing signal
    /// counting as no likeness.
    Legacy,
    /// The baseline that `cargo xtask similar-check` measures against: the
    /// TF-IDF cosine of task statements and description alone.
    TaskText,
}

/// One career in another's "most similar" list.
#[derive(Debug, Clone, Serialize)]
pub struct Similar {
    /// Index into `content.careers`.
    #[serde(skip)]
    pub index: usize,
    /// Its slug.
    pub slug: String,
    /// Its title.
    pub title: String,
    /// Similarity, 0 to 1.
    pub score: f64,
}

/// Similarity of careers `a` and `b` under `model`, 0 to 1, rounded to four
/// decimals so that orderings do not depend on floating-point noise.
/// `content` is the content `prepared` was prepared from.
pub(crate) fn score(prepared: &Prepared, content: &Content, model: SimilarityModel, a: usize, b: usize) -> f64 {
    let raw = match model {
        SimilarityModel::Signals => signals_score(prepared, a, b),
        SimilarityModel::Legacy => legacy::score(prepared, content, a, b),
        SimilarityModel::TaskText => cosine(&prepared.signals[a].all_task_text, &prepared.signals[b].all_task_text),
    };
    f64::from(ten_thousandths(raw)) / 10_000.0
}

/// A score from 0 to 1 in ten-thousandths.
fn ten_thousandths(score: f64) -> u16 {
    (score * 10_000.0).round() as u16
}

/// The every-signal score, not rounded: the weighted mean of the
/// likenesses of the signals that both careers have.
fn signals_score(prepared: &Prepared, a: usize, b: usize) -> f64 {
    let (sa, sb) = (prepared.signals[a].sparse(), prepared.signals[b].sparse());
    combine(prepared, (a, b), std::array::from_fn(|s| cosine(sa[s], sb[s])))
}

/// The every-signal score of careers `a` and `b` given the dot products
/// of their sparse vectors, `dots` (in the order of `Signals::sparse`).
fn combine(prepared: &Prepared, (a, b): (usize, usize), dots: [f64; SPARSE]) -> f64 {
    let (sa, sb) = (&prepared.signals[a], &prepared.signals[b]);
    let (pa, pb) = (&prepared.careers[a], &prepared.careers[b]);
    let (va, vb) = (sa.sparse(), sb.sparse());
    let sparse = |s: usize| (!va[s].is_empty() && !vb[s].is_empty()).then_some(dots[s]);
    let (mut sum, mut weights) = (0.0, 0.0);
    let mut add = |weight: f64, likeness: Option<f64>| {
        if let Some(likeness) = likeness {
            sum += weight * likeness;
            weights += weight;
        }
    };
    add(TASK_TEXT, sparse(0));
    add(TITLES, title_likeness(sparse(1), sparse(0)));
    add(RATINGS, ratings_likeness(&sa.ratings, &sb.ratings));
    add(TECHNOLOGY, sparse(2));
    add(TOOLS, sparse(3));
    add(JOB_ZONE, pa.job_zone.zip(pb.job_zone).map(|(x, y)| 1.0 - f64::from(x.abs_diff(y)) / 4.0));
    add(CATEGORY, pa.category.zip(pb.category).map(|(x, y)| f64::from(u8::from(x == y))));
    if weights > 0.0 { sum / weights } else { 0.0 }
}

/// Career `i`'s every-signal scores with each later career, in
/// ten-thousandths. The sparse dot products come from the postings: for
/// each of `i`'s terms in id order, its weight times each later career's
/// weight for the term is added to that career's sum. Each sum thus adds
/// the same products in the same order as [`cosine`]'s merge, so the
/// scores equal [`score`]'s exactly.
fn signals_row(prepared: &Prepared, postings: &[Postings; SPARSE], i: usize) -> Vec<u16> {
    let n = prepared.signals.len();
    let mut dots = vec![[0.0; SPARSE]; n - i - 1];
    for (s, vector) in prepared.signals[i].sparse().into_iter().enumerate() {
        for &(term, weight) in vector {
            let careers = postings[s].of(term);
            let later = careers.partition_point(|&(j, _)| j as usize <= i);
            for &(j, other) in &careers[later..] {
                dots[j as usize - i - 1][s] += weight * other;
            }
        }
    }
    (i + 1..n).map(|j| ten_thousandths(combine(prepared, (i, j), dots[j - i - 1]))).collect()
}

/// The titles' likeness, backed by what the work is: at most
/// [`TITLE_BACKING`] times the likeness of the task text when both careers
/// have some. A title word can name different things ("Model" in "AI
/// Model Routing Engineer" and in "Models"), and one shared rare word
/// gives two short titles a high cosine; careers that do the same work
/// also describe it alike, so a title likeness the tasks do not bear out
/// is cut down to what they do.
fn title_likeness(titles: Option<f64>, task_text: Option<f64>) -> Option<f64> {
    match task_text {
        Some(task_text) => titles.map(|t| t.min(TITLE_BACKING * task_text)),
        None => titles,
    }
}

/// The likeness of two standardised rating vectors: their cosine to the
/// 8th power (see the module docs), and 0 when they lean apart.
fn ratings_likeness(a: &[f64], b: &[f64]) -> Option<f64> {
    if a.is_empty() || a.len() != b.len() {
        return None;
    }
    let cosine: f64 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    Some(cosine.max(0.0).powi(8))
}

pub(crate) fn most_similar(
    prepared: &Prepared,
    content: &Content,
    model: SimilarityModel,
    idx: usize,
    k: usize,
) -> Vec<Similar> {
    let scored = (0..content.careers.len())
        .filter(|&j| j != idx)
        .map(|j| (score(prepared, content, model, idx, j), j))
        .collect();
    best(content, scored, k)
}

/// Every pair's score under one model, each unordered pair scored once and
/// kept in ten-thousandths (scores are rounded to four decimals, so this is
/// exact): N²/2 two-byte numbers, 25 MB for 5,000 careers. Made once, it
/// gives every comparison its score and every career its most similar.
pub(crate) struct Scores {
    /// Row `i` holds career `i`'s scores with careers `i + 1..N`.
    rows: Vec<Vec<u16>>,
}

impl Scores {
    /// Every pair's score under `model`, for `prepared` careers of
    /// `content`.
    pub(crate) fn new(prepared: &Prepared, content: &Content, model: SimilarityModel) -> Self {
        let n = prepared.careers.len();
        if model == SimilarityModel::Legacy {
            prepared.legacy_text(content);
        }
        let rows = match model {
            SimilarityModel::Signals => {
                let postings = std::array::from_fn(|s| Postings::new(&prepared.signals, s));
                (0..n).into_par_iter().map(|i| signals_row(prepared, &postings, i)).collect()
            }
            _ => (0..n)
                .into_par_iter()
                .map(|i| (i + 1..n).map(|j| ten_thousandths(score(prepared, content, model, i, j))).collect())
                .collect(),
        };
        Scores { rows }
    }

    /// The score of careers `i` and `j` (`i != j`): the same number as
    /// [`score`] gives.
    pub(crate) fn get(&self, i: usize, j: usize) -> f64 {
        let units = if j > i { self.rows[i][j - i - 1] } else { self.rows[j][i - j - 1] };
        f64::from(units) / 10_000.0
    }
}

/// Every career's `k` most similar careers, from every pair's score.
pub(crate) fn all_most_similar(scores: &Scores, content: &Content, k: usize) -> Vec<Vec<Similar>> {
    all_best_indices(scores, content.careers.len(), k)
        .into_iter()
        .map(|best| best.into_iter().map(|(score, j)| similar(content, score, j)).collect())
        .collect()
}

/// Every one of the `n` careers' `k` best (score, career), as
/// [`all_most_similar`] lists them, without their names.
pub(crate) fn all_best_indices(scores: &Scores, n: usize, k: usize) -> Vec<Vec<(f64, usize)>> {
    (0..n)
        .into_par_iter()
        .map(|i| best_indices((0..n).filter(|&j| j != i).map(|j| (scores.get(i, j), j)).collect(), k))
        .collect()
}

/// The `k` best of `scored` (score, career) with a score above zero, best
/// first; careers are sorted by slug, so ties fall back to slug order.
fn best(content: &Content, scored: Vec<(f64, usize)>, k: usize) -> Vec<Similar> {
    best_indices(scored, k).into_iter().map(|(score, j)| similar(content, score, j)).collect()
}

/// [`best`] without the names.
fn best_indices(mut scored: Vec<(f64, usize)>, k: usize) -> Vec<(f64, usize)> {
    let order = |x: &(f64, usize), y: &(f64, usize)| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1));
    if k < scored.len() {
        scored.select_nth_unstable_by(k, order);
        scored.truncate(k);
    }
    scored.sort_by(order);
    scored.retain(|(score, _)| *score > 0.0);
    scored
}

fn similar(content: &Content, score: f64, j: usize) -> Similar {
    Similar { index: j, slug: content.careers[j].slug.clone(), title: content.careers[j].title.clone(), score }
}

#[cfg(test)]
mod tests;
