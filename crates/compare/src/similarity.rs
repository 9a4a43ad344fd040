//! How alike two careers are, and each career's most similar careers.

use careerdiff_model::Content;
use rayon::prelude::*;
use serde::Serialize;

use crate::prepare::Prepared;
use crate::skills::for_each_common;
use crate::text::cosine;

/// How much each signal counts; they add up to 1.
const SKILLS: f64 = 0.55;
const TEXT: f64 = 0.25;
const CATEGORY: f64 = 0.10;
const JOB_ZONE: f64 = 0.05;
const WAGES: f64 = 0.05;

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

/// Similarity of careers `a` and `b`, 0 to 1, from every signal they
/// carry: the cosine of their skills weighted by rarity (a skill every
/// career has says little), the cosine of their description texts, the
/// same category, how close their job zones are and how close their median
/// pay is. A signal that one of the two lacks counts as no likeness.
/// Rounded to four decimals so that orderings do not depend on
/// floating-point noise.
pub(crate) fn score(prepared: &Prepared, a: usize, b: usize) -> f64 {
    let mut dot = 0.0;
    for_each_common(&prepared.careers[a].units, &prepared.careers[b].units, |u| dot += prepared.shared_weight(u));
    score_from(prepared, (a, b), dot)
}

/// [`score`] when the sum of the squared weights of the shared units,
/// `dot`, is known.
pub(crate) fn score_from(prepared: &Prepared, (a, b): (usize, usize), dot: f64) -> f64 {
    let (pa, pb) = (&prepared.careers[a], &prepared.careers[b]);
    let skills = if pa.norm > 0.0 && pb.norm > 0.0 { dot / (pa.norm * pb.norm) } else { 0.0 };
    let text = cosine(&pa.text, &pb.text);
    let category = f64::from(u8::from(pa.category.is_some() && pa.category == pb.category));
    let job_zone = match (pa.job_zone, pb.job_zone) {
        (Some(x), Some(y)) => 1.0 - f64::from(x.abs_diff(y)) / 4.0,
        _ => 0.0,
    };
    // Medians within a factor of four count as partly alike.
    let wages = match (pa.log_median, pb.log_median) {
        (Some((x, px)), Some((y, py))) if px == py => (1.0 - (x - y).abs() / 4f64.ln()).max(0.0),
        _ => 0.0,
    };
    let raw = SKILLS * skills + TEXT * text + CATEGORY * category + JOB_ZONE * job_zone + WAGES * wages;
    (raw * 10_000.0).round() / 10_000.0
}

pub(crate) fn most_similar(prepared: &Prepared, content: &Content, idx: usize, k: usize) -> Vec<Similar> {
    let scored = (0..content.careers.len()).filter(|&j| j != idx).map(|j| (score(prepared, idx, j), j)).collect();
    best(content, scored, k)
}

/// Every career's `k` most similar careers. Similarity is symmetric, so
/// each unordered pair is scored once, kept in ten-thousandths (scores are
/// rounded to four decimals, so this is exact): N²/2 two-byte numbers.
pub(crate) fn all_most_similar(prepared: &Prepared, content: &Content, k: usize) -> Vec<Vec<Similar>> {
    let n = content.careers.len();
    let rows: Vec<Vec<u16>> = (0..n)
        .into_par_iter()
        .map(|i| (i + 1..n).map(|j| (score(prepared, i, j) * 10_000.0).round() as u16).collect())
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
