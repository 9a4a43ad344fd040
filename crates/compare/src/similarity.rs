//! How alike two careers are, and each career's most similar careers.

use careerdiff_model::Content;
use rayon::prelude::*;
use serde::Serialize;

use crate::legacy;
use crate::prepare::Prepared;
use crate::text::cosine;

/// A way of scoring how alike two careers are.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SimilarityModel {
    /// The score careerdiff has long used: mostly the cosine of
    /// rarity-weighted skills, plus description text, category, job zone
    /// and pay, a missing signal counting as no likeness.
    #[default]
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
pub(crate) fn score(prepared: &Prepared, model: SimilarityModel, a: usize, b: usize) -> f64 {
    let raw = match model {
        SimilarityModel::Legacy => legacy::score(prepared, a, b),
        SimilarityModel::TaskText => cosine(&prepared.signals[a].task_text, &prepared.signals[b].task_text),
    };
    (raw * 10_000.0).round() / 10_000.0
}

pub(crate) fn most_similar(
    prepared: &Prepared,
    content: &Content,
    model: SimilarityModel,
    idx: usize,
    k: usize,
) -> Vec<Similar> {
    let scored =
        (0..content.careers.len()).filter(|&j| j != idx).map(|j| (score(prepared, model, idx, j), j)).collect();
    best(content, scored, k)
}

/// Every career's `k` most similar careers. Similarity is symmetric, so
/// each unordered pair is scored once, kept in ten-thousandths (scores are
/// rounded to four decimals, so this is exact): N²/2 two-byte numbers.
pub(crate) fn all_most_similar(
    prepared: &Prepared,
    content: &Content,
    model: SimilarityModel,
    k: usize,
) -> Vec<Vec<Similar>> {
    let n = content.careers.len();
    let rows: Vec<Vec<u16>> = (0..n)
        .into_par_iter()
        .map(|i| (i + 1..n).map(|j| (score(prepared, model, i, j) * 10_000.0).round() as u16).collect())
        .collect();
    (0..n)
        .into_par_iter()
        .map(|i| {
            let units = |j: usize| if j > i { rows[i][j - i - 1] } else { rows[j][i - j - 1] };
            let scored = (0..n).filter(|&j| j != i).map(|j| (f64::from(units(j)) / 10_000.0, j)).collect();
            best(content, scored, k)
        })
        .collect()
}

/// The `k` best of `scored` (score, career) with a score above zero, best
/// first; careers are sorted by slug, so ties fall back to slug order.
fn best(content: &Content, mut scored: Vec<(f64, usize)>, k: usize) -> Vec<Similar> {
    let order = |x: &(f64, usize), y: &(f64, usize)| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1));
    if k < scored.len() {
        scored.select_nth_unstable_by(k, order);
        scored.truncate(k);
    }
    scored.sort_by(order);
    scored
        .into_iter()
        .filter(|(score, _)| *score > 0.0)
        .map(|(score, j)| Similar {
            index: j,
            slug: content.careers[j].slug.clone(),
            title: content.careers[j].title.clone(),
            score,
        })
        .collect()
}
