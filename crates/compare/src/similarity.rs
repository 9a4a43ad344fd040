//! How alike two careers are, and each career's most similar careers.

use careerdiff_model::Content;
use serde::Serialize;

use crate::prepare::Prepared;
use crate::skills::intersect;
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
pub(crate) fn score(prepared: &Prepared, content: &Content, a: usize, b: usize) -> f64 {
    let (pa, pb) = (&prepared.careers[a], &prepared.careers[b]);
    let (ca, cb) = (&content.careers[a], &content.careers[b]);
    let dot: f64 = intersect(&pa.units, &pb.units).iter().map(|&u| prepared.weight[u as usize].powi(2)).sum();
    let skills = if pa.norm > 0.0 && pb.norm > 0.0 { dot / (pa.norm * pb.norm) } else { 0.0 };
    let text = cosine(&pa.text, &pb.text);
    let category = f64::from(u8::from(ca.category.is_some() && ca.category == cb.category));
    let zone = |c: &careerdiff_model::Career| c.onet.as_ref().and_then(|o| o.job_zone).map(f64::from);
    let job_zone = match (zone(ca), zone(cb)) {
        (Some(x), Some(y)) => 1.0 - (x - y).abs() / 4.0,
        _ => 0.0,
    };
    let median = |c: &careerdiff_model::Career| {
        let salary = c.salary.as_ref()?;
        salary.median.map(careerdiff_model::Wage::amount).filter(|m| *m > 0.0).map(|m| (m, salary.period))
    };
    // Medians within a factor of four count as partly alike.
    let wages = match (median(ca), median(cb)) {
        (Some((x, px)), Some((y, py))) if px == py => (1.0 - (x / y).ln().abs() / 4f64.ln()).max(0.0),
        _ => 0.0,
    };
    let raw = SKILLS * skills + TEXT * text + CATEGORY * category + JOB_ZONE * job_zone + WAGES * wages;
    (raw * 10_000.0).round() / 10_000.0
}

pub(crate) fn most_similar(prepared: &Prepared, content: &Content, idx: usize, k: usize) -> Vec<Similar> {
    let mut scored: Vec<(f64, usize)> =
        (0..content.careers.len()).filter(|&j| j != idx).map(|j| (score(prepared, content, idx, j), j)).collect();
    // Careers are sorted by slug, so ties fall back to slug order.
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    scored
        .into_iter()
        .filter(|(score, _)| *score > 0.0)
        .take(k)
        .map(|(score, j)| Similar {
            index: j,
            slug: content.careers[j].slug.clone(),
            title: content.careers[j].title.clone(),
            score,
        })
        .collect()
}
