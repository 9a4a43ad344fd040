//! How alike two careers are, and each career's most similar careers.

use careerdiff_model::Content;
use serde::Serialize;

use crate::prepare::Prepared;
use crate::skills::intersect;

/// Weight of the skill signal; the rest is the category.
const SKILL_WEIGHT: f64 = 0.85;

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

/// Similarity of careers `a` and `b`, 0 to 1: the cosine of their skill
/// units weighted by rarity (a skill every career has says little), plus a
/// share for being in the same category. Rounded to four decimals so that
/// pages and orderings do not depend on floating-point noise.
pub(crate) fn score(prepared: &Prepared, content: &Content, a: usize, b: usize) -> f64 {
    let (pa, pb) = (&prepared.careers[a], &prepared.careers[b]);
    let dot: f64 = intersect(&pa.units, &pb.units).iter().map(|&u| prepared.weight[u as usize].powi(2)).sum();
    let cosine = if pa.norm > 0.0 && pb.norm > 0.0 { dot / (pa.norm * pb.norm) } else { 0.0 };
    let (cat_a, cat_b) = (&content.careers[a].category, &content.careers[b].category);
    let same_category = cat_a.is_some() && cat_a == cat_b;
    let raw = SKILL_WEIGHT * cosine + (1.0 - SKILL_WEIGHT) * f64::from(u8::from(same_category));
    (raw * 10_000.0).round() / 10_000.0
}

pub(crate) fn most_similar(prepared: &Prepared, content: &Content, idx: usize, k: usize) -> Vec<Similar> {
    let mut scored: Vec<(f64, usize)> =
        (0..content.careers.len()).filter(|&j| j != idx).map(|j| (score(prepared, content, idx, j), j)).collect();
    // Careers are sorted by slug, so ties fall back to slug order.
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    scored
        .into_iter()
        .take(k)
        .map(|(score, j)| Similar {
            index: j,
            slug: content.careers[j].slug.clone(),
            title: content.careers[j].title.clone(),
            score,
        })
        .collect()
}
