//! Splitting two careers' skills into only-A, shared, related and only-B.

use careerdiff_model::{Career, Content};

use crate::prepare::{Prepared, PreparedCareer, Unit};
use crate::{RelatedSkills, SharedSkill, SkillItem, SkillOverlap};

/// Two phrases are related when their content words overlap this much
/// (Dice coefficient) and share at least two words.
const RELATED_MIN_SCORE: f64 = 0.4;

pub(crate) fn overlap(prepared: &Prepared, content: &Content, a: usize, b: usize) -> SkillOverlap {
    let (pa, pb) = (&prepared.careers[a], &prepared.careers[b]);
    let (ca, cb) = (&content.careers[a], &content.careers[b]);
    let shared_units = intersect(&pa.units, &pb.units);
    // The most telling first: in demand, then hot, on either side; among
    // those the rarer skills, since sharing Excel says little.
    let mut shared: Vec<(f64, SharedSkill)> =
        shared_units.iter().map(|&u| (prepared.weight[u as usize], shared_skill(content, ca, cb, pa, pb, u))).collect();
    let flags = |s: &SharedSkill| (!s.in_demand, !s.hot);
    shared.sort_by(|x, y| flags(&x.1).cmp(&flags(&y.1)).then(y.0.total_cmp(&x.0)).then(x.1.name.cmp(&y.1.name)));
    let shared = shared.into_iter().map(|(_, skill)| skill).collect();

    let only = |p: &PreparedCareer| -> Vec<usize> {
        (0..p.phrase_units.len())
            .filter(|&i| !p.phrase_units[i].iter().any(|u| shared_units.binary_search(u).is_ok()))
            .collect()
    };
    let (mut only_a, mut only_b) = (only(pa), only(pb));
    let related = related(pa, pb, &mut only_a, &mut only_b)
        .into_iter()
        .map(|(i, j, score)| RelatedSkills { a: ca.skills[i].name.clone(), b: cb.skills[j].name.clone(), score })
        .collect();

    let distinct = pa.units.len() + pb.units.len() - shared_units.len();
    let overlap_percent = (100 * shared_units.len()).checked_div(distinct).unwrap_or(0) as u32;
    SkillOverlap {
        only_a: items(prepared, content, ca, pa, &only_a),
        shared,
        only_b: items(prepared, content, cb, pb, &only_b),
        related,
        overlap_percent,
        distinct,
    }
}

/// Sorted intersection of two sorted lists.
pub(crate) fn intersect(a: &[Unit], b: &[Unit]) -> Vec<Unit> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

fn phrases_with(career: &Career, p: &PreparedCareer, unit: Unit) -> Vec<usize> {
    (0..career.skills.len()).filter(|&i| p.phrase_units[i].contains(&unit)).collect()
}

fn shared_skill(
    content: &Content,
    ca: &Career,
    cb: &Career,
    pa: &PreparedCareer,
    pb: &PreparedCareer,
    unit: Unit,
) -> SharedSkill {
    let (ia, ib) = (phrases_with(ca, pa, unit), phrases_with(cb, pb, unit));
    let either = |flag: fn(&careerdiff_model::SkillRef) -> bool| {
        ia.iter().any(|&i| flag(&ca.skills[i])) || ib.iter().any(|&i| flag(&cb.skills[i]))
    };
    let (hot, in_demand) = (either(|s| s.hot), either(|s| s.in_demand));
    let (id, name) = match content.taxonomy.skills().get(unit as usize) {
        Some(skill) => (Some(skill.id.clone()), skill.name.clone()),
        None => (None, ca.skills[ia[0]].name.clone()),
    };
    SharedSkill {
        id,
        name,
        a_phrases: ia.iter().map(|&i| ca.skills[i].name.clone()).collect(),
        b_phrases: ib.iter().map(|&i| cb.skills[i].name.clone()).collect(),
        hot,
        in_demand,
    }
}

/// Pairs up close phrases of the two only-lists, best score first, each
/// phrase at most once, and removes the paired phrases from the lists.
fn related(
    pa: &PreparedCareer,
    pb: &PreparedCareer,
    only_a: &mut Vec<usize>,
    only_b: &mut Vec<usize>,
) -> Vec<(usize, usize, f64)> {
    let mut candidates = Vec::new();
    for &i in only_a.iter() {
        for &j in only_b.iter() {
            let (wa, wb) = (&pa.phrase_words[i], &pb.phrase_words[j]);
            let common = intersect(wa, wb).len();
            if common >= 2 {
                let score = 2.0 * common as f64 / (wa.len() + wb.len()) as f64;
                if score >= RELATED_MIN_SCORE {
                    candidates.push((i, j, score));
                }
            }
        }
    }
    candidates.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    let mut chosen: Vec<(usize, usize, f64)> = Vec::new();
    for (i, j, score) in candidates {
        if !chosen.iter().any(|c| c.0 == i || c.1 == j) {
            chosen.push((i, j, score));
        }
    }
    only_a.retain(|i| !chosen.iter().any(|c| c.0 == *i));
    only_b.retain(|j| !chosen.iter().any(|c| c.1 == *j));
    chosen.sort_by_key(|c| (c.0, c.1));
    chosen
}

/// Skill items, most useful first: in demand, then hot, then the skills
/// more careers use (they open more doors), then file order.
fn items(
    prepared: &Prepared,
    content: &Content,
    career: &Career,
    p: &PreparedCareer,
    indices: &[usize],
) -> Vec<SkillItem> {
    let commonness = |i: usize| {
        let weight = p.phrase_units[i].iter().map(|&u| prepared.weight[u as usize]).fold(f64::INFINITY, f64::min);
        (weight * 1e6) as i64
    };
    let mut order: Vec<usize> = indices.to_vec();
    order.sort_by_key(|&i| (!career.skills[i].in_demand, !career.skills[i].hot, commonness(i), i));
    order
        .into_iter()
        .map(|i| {
            let skill = &career.skills[i];
            let canonical: Vec<_> =
                p.phrase_units[i].iter().filter_map(|&u| content.taxonomy.skills().get(u as usize)).collect();
            let label = canonical.first().map_or_else(|| short(&skill.name).to_owned(), |s| s.name.clone());
            let skill_ids = canonical.iter().map(|s| s.id.clone()).collect();
            SkillItem { name: skill.name.clone(), label, hot: skill.hot, in_demand: skill.in_demand, skill_ids }
        })
        .collect()
}

/// A phrase without its parenthesised examples or dash-separated detail.
fn short(phrase: &str) -> &str {
    let end = phrase.find(['(', ';']).unwrap_or(phrase.len());
    let end = phrase[..end].find(" - ").unwrap_or(end);
    phrase[..end].trim()
}
