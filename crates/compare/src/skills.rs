//! Splitting two careers' skills into only-A, shared, related and only-B.

use std::ops::Range;

use careerdiff_model::{Career, Content};

use crate::prepare::{Prepared, PreparedCareer, Unit};
use crate::{Phrases, RelatedSkills, SharedSkill, SkillList, SkillOverlap};

/// Two phrases are related when their content words overlap this much
/// (Dice coefficient) and share at least two words, unless each names its
/// product by an acronym and the acronyms differ ("Geographic information
/// system GIS software" is not "Management information systems MIS").
const RELATED_MIN_SCORE: f64 = 0.4;

/// Splits the skills of careers `a` and `b`, whose shared units
/// (see [`intersect`]) are `shared_units`.
pub(crate) fn overlap<'c>(
    prepared: &'c Prepared,
    content: &'c Content,
    (a, b): (usize, usize),
    shared_units: &[Unit],
) -> SkillOverlap<'c> {
    let (pa, pb) = (&prepared.careers[a], &prepared.careers[b]);
    let (ca, cb) = (&content.careers[a], &content.careers[b]);
    let ((mut only_a, entries_a), (mut only_b, entries_b)) = (split(pa, shared_units), split(pb, shared_units));
    // The most telling first: office suites last, then in demand, then
    // hot, on either side; among those the rarer skills, since sharing
    // Excel says little.
    let mut shared: Vec<((bool, f64), SharedSkill<'c>)> = shared_units
        .iter()
        .zip(entries_a.iter().zip(&entries_b))
        .map(|(&u, (ea, eb))| {
            let phrases =
                (Phrases::new(ca, &pa.unit_phrases[ea.clone()]), Phrases::new(cb, &pb.unit_phrases[eb.clone()]));
            // Office and ERP suites last, as in every skill list.
            let generic = pa.unit_phrases[ea.clone()].iter().any(|&(_, i)| pa.generic[i as usize]);
            ((generic, prepared.weight[u as usize]), shared_skill(prepared, content, phrases, u))
        })
        .collect();
    let flags = |g: bool, s: &SharedSkill<'_>| (g, !s.in_demand, !s.hot);
    shared.sort_by(|x, y| {
        flags(x.0.0, &x.1).cmp(&flags(y.0.0, &y.1)).then(y.0.1.total_cmp(&x.0.1)).then(x.1.name.cmp(y.1.name))
    });
    let shared = shared.into_iter().map(|(_, skill)| skill).collect();

    let related = related(pa, pb, &mut only_a, &mut only_b)
        .into_iter()
        .map(|(i, j, score)| RelatedSkills { a: &ca.skills[i].name, b: &cb.skills[j].name, score })
        .collect();

    let distinct = pa.units.len() + pb.units.len() - shared_units.len();
    let overlap_percent = (100 * shared_units.len()).checked_div(distinct).unwrap_or(0) as u32;
    SkillOverlap {
        only_a: items(ca, pa, &only_a),
        shared,
        only_b: items(cb, pb, &only_b),
        related,
        overlap_percent,
        distinct,
    }
}

/// Sorted intersection of two sorted lists.
pub(crate) fn intersect(a: &[Unit], b: &[Unit]) -> Vec<Unit> {
    let mut out = Vec::with_capacity(a.len().min(b.len()));
    for_each_common(a, b, |u| out.push(u));
    out
}

/// Calls `f` with each value both sorted lists hold, in order.
pub(crate) fn for_each_common(a: &[Unit], b: &[Unit], mut f: impl FnMut(Unit)) {
    for_each_match(a, b, |i, _| f(a[i]));
}

/// Calls `f(i, j)` for each `a[i] == b[j]` of two sorted lists without
/// repeats. The indices advance without branches: most steps of a merge
/// are misses, and mispredicted branches were most of its cost.
pub(crate) fn for_each_match<T: Ord + Copy>(a: &[T], b: &[T], f: impl FnMut(usize, usize)) {
    for_each_match_by(a, b, |&x| x, f);
}

/// [`for_each_match`] for lists sorted by `key`.
pub(crate) fn for_each_match_by<T, K: Ord + Copy>(
    a: &[T],
    b: &[T],
    key: impl Fn(&T) -> K,
    mut f: impl FnMut(usize, usize),
) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let (x, y) = (key(&a[i]), key(&b[j]));
        if x == y {
            f(i, j);
        }
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
}

/// Which phrases of `p` are "only" (none of their units is shared), and
/// where each shared unit's entries are in `p.unit_phrases`: one merge of
/// two sorted lists.
fn split(p: &PreparedCareer, shared_units: &[Unit]) -> (Vec<bool>, Vec<Range<usize>>) {
    let mut only = vec![true; p.phrase_units.len()];
    let mut ranges = Vec::with_capacity(shared_units.len());
    let entries = &p.unit_phrases;
    let mut i = 0;
    for &unit in shared_units {
        i += entries[i..].partition_point(|&(u, _)| u < unit);
        let start = i;
        while i < entries.len() && entries[i].0 == unit {
            only[entries[i].1 as usize] = false;
            i += 1;
        }
        ranges.push(start..i);
    }
    (only, ranges)
}

fn shared_skill<'c>(
    prepared: &Prepared,
    content: &'c Content,
    (a_phrases, b_phrases): (Phrases<'c>, Phrases<'c>),
    unit: Unit,
) -> SharedSkill<'c> {
    let either =
        |flag: fn(&careerdiff_model::SkillRef) -> bool| a_phrases.skills().any(flag) || b_phrases.skills().any(flag);
    let (hot, in_demand) = (either(|s| s.hot), either(|s| s.in_demand));
    let (id, name, common_noun) = match content.taxonomy.skills().get(unit as usize) {
        Some(skill) => (Some(skill.id.as_str()), skill.name.as_str(), prepared.canonical_nouns[unit as usize]),
        None => {
            let name = a_phrases.iter().next().unwrap_or_default();
            (None, name, crate::advice::is_common_noun(name))
        }
    };
    SharedSkill { id, name, a_phrases, b_phrases, hot, in_demand, common_noun }
}

/// Pairs up close phrases of the two only-lists, best score first, each
/// phrase at most once, and takes the paired phrases off the lists.
/// Related phrases share at least two words, so candidates come from a
/// merge of the two careers' sorted word-pair lists: the cost follows the
/// word pairs the careers share, not the product of their list lengths.
fn related(
    pa: &PreparedCareer,
    pb: &PreparedCareer,
    only_a: &mut [bool],
    only_b: &mut [bool],
) -> Vec<(usize, usize, f64)> {
    let mut common: Vec<(u32, u32)> = Vec::new();
    let (wa, wb) = (&pa.word_pairs, &pb.word_pairs);
    for_each_match(&wa.keys, &wb.keys, |i, j| {
        for &x in wa.phrases_with(i).iter().filter(|&&x| only_a[x as usize]) {
            common.extend(wb.phrases_with(j).iter().filter(|&&y| only_b[y as usize]).map(|&y| (x, y)));
        }
    });
    if common.is_empty() {
        return Vec::new();
    }
    common.sort_unstable();
    common.dedup();
    let mut candidates: Vec<(usize, usize, f64)> = common
        .into_iter()
        .filter_map(|(x, y)| {
            let (acronyms_a, acronyms_b) = (&pa.phrase_acronyms[x as usize], &pb.phrase_acronyms[y as usize]);
            if !acronyms_a.is_empty() && !acronyms_b.is_empty() && !acronyms_a.iter().any(|w| acronyms_b.contains(w)) {
                return None;
            }
            let (words_a, words_b) = (&pa.phrase_words[x as usize], &pb.phrase_words[y as usize]);
            let mut shared_words = 0;
            for_each_common(words_a, words_b, |_| shared_words += 1);
            let score = 2.0 * f64::from(shared_words) / (words_a.len() + words_b.len()) as f64;
            (score >= RELATED_MIN_SCORE).then_some((x as usize, y as usize, score))
        })
        .collect();
    candidates.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    let mut chosen: Vec<(usize, usize, f64)> = Vec::new();
    for (x, y, score) in candidates {
        if only_a[x] && only_b[y] {
            (only_a[x], only_b[y]) = (false, false);
            chosen.push((x, y, score));
        }
    }
    chosen.sort_by_key(|c| (c.0, c.1));
    chosen
}

/// The phrases still marked in `keep`, most useful first.
fn items<'c>(career: &'c Career, p: &'c PreparedCareer, keep: &[bool]) -> SkillList<'c> {
    SkillList::new(career, p, p.order.iter().copied().filter(|&i| keep[i as usize]).collect())
}
