//! The similarity score careerdiff used before [`crate::similarity`]'s
//! every-signal score, kept unchanged as [`SimilarityModel::Legacy`] so that
//! `cargo xtask similar-check` measures the new score against it.
//!
//! [`SimilarityModel::Legacy`]: crate::SimilarityModel::Legacy

use careerdiff_model::Content;

use crate::prepare::Prepared;
use crate::skills::for_each_common;
use crate::text::cosine;

/// How much each signal counts; they add up to 1.
const SKILLS: f64 = 0.55;
const TEXT: f64 = 0.25;
const CATEGORY: f64 = 0.10;
const JOB_ZONE: f64 = 0.05;
const WAGES: f64 = 0.05;

/// Similarity of careers `a` and `b`, 0 to 1: the cosine of their skills
/// weighted by rarity, the cosine of their description texts, the same
/// category, how close their job zones are and how close their median pay
/// is. A signal that one of the two lacks counts as no likeness. Not
/// rounded; [`crate::similarity`] rounds every model's score. `content` is
/// the content `prepared` was prepared from.
pub(crate) fn score(prepared: &Prepared, content: &Content, a: usize, b: usize) -> f64 {
    let mut dot = 0.0;
    for_each_common(&prepared.careers[a].units, &prepared.careers[b].units, |u| dot += prepared.shared_weight(u));
    let (pa, pb) = (&prepared.careers[a], &prepared.careers[b]);
    let skills = if pa.norm > 0.0 && pb.norm > 0.0 { dot / (pa.norm * pb.norm) } else { 0.0 };
    let texts = prepared.legacy_text(content);
    let text = cosine(&texts[a], &texts[b]);
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
    SKILLS * skills + TEXT * text + CATEGORY * category + JOB_ZONE * job_zone + WAGES * wages
}
