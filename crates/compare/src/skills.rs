//! Splitting two careers' skills into only-A, shared, related and only-B.

use careerdiff_model::{Career, Content};

use crate::prepare::{Prepared, PreparedCareer, Unit};
use crate::{Phrases, RelatedSkills, SharedSkill, SkillList, SkillOverlap};

/// Two phrases are related when their content words overlap this much
/// (Dice coefficient) and share at least two words, unless each names its
/// product by an acronym and the acronyms differ ("Geographic information
/// system GIS software" is not "Management information systems MIS").
const RELATED_MIN_SCORE: f64 = 0.4;

/// What the phrases of one unit of a career are, any of them: O*NET hot
/// technology, in demand, generic office software. Bits of [`UnitFlags`].
pub(crate) type UnitFlags = u8;
const HOT: UnitFlags = 1;
const IN_DEMAND: UnitFlags = 2;
const GENERIC: UnitFlags = 4;

/// The flags of each unit of `p`, the prepared `career`, in unit order.
pub(crate) fn unit_flags(p: &PreparedCareer, career: &Career) -> Vec<UnitFlags> {
    (0..p.units.len())
        .map(|k| {
            p.entries_of(k).iter().fold(0, |flags, &(_, i)| {
                let skill = &career.skills[i as usize];
                flags
                    | if skill.hot { HOT } else { 0 }
                    | if skill.in_demand { IN_DEMAND } else { 0 }
                    | if p.generic[i as usize] { GENERIC } else { 0 }
            })
        })
        .collect()
}

/// Each unit's place among a pair's shared skills as far as it depends on
/// one career (`p`, the prepared `career`) alone, by unit: its weight's
/// rank among all weights (`weight_ranks`, by unit: the largest first),
/// then its name's rank among all names (`name_rank`). With those, a pair
/// sorts integers where it compared floats and names.
pub(crate) fn shared_orders(
    content: &Content,
    (p, career): (&PreparedCareer, &Career),
    weight_ranks: &[u32],
    name_rank: impl Fn(&str) -> u32,
) -> Vec<u64> {
    (0..p.units.len())
        .map(|k| {
            let weight = weight_ranks[p.units[k] as usize];
            (u64::from(weight) << 32) | u64::from(name_rank(unit_name(content, (p, career), k)))
        })
        .collect()
}

/// Room for what a pair's overlap works out on the way to its lists, kept
/// per thread from pair to pair (as `rating_table` keeps its candidates),
/// so that a pair allocates only the lists it hands out.
#[derive(Default)]
struct Scratch {
    /// The shared units, as their places in each career's units.
    shared_at: Vec<(usize, usize)>,
    /// Per career, whether each of its phrases is only its own.
    only: [Vec<bool>; 2],
    /// The shared units' sort keys.
    order: Vec<u128>,
    /// Pairs of phrases that share a word pair (see [`related`]).
    common: Vec<(u32, u32)>,
    /// Those of them close enough to be related, with their scores.
    candidates: Vec<(usize, usize, f64)>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// Splits the skills of careers `a` and `b`.
pub(crate) fn overlap<'c>(prepared: &'c Prepared, content: &'c Content, (a, b): (usize, usize)) -> SkillOverlap<'c> {
    SCRATCH.with_borrow_mut(|scratch| overlap_in(prepared, content, (a, b), scratch))
}

/// [`overlap`], with `scratch` as room for the lists on the way.
fn overlap_in<'c>(
    prepared: &'c Prepared,
    content: &'c Content,
    (a, b): (usize, usize),
    scratch: &mut Scratch,
) -> SkillOverlap<'c> {
    let (pa, pb) = (&prepared.careers[a], &prepared.careers[b]);
    let (ca, cb) = (&content.careers[a], &content.careers[b]);
    let Scratch { shared_at, only: [only_a, only_b], order, common, candidates } = scratch;
    shared_at.clear();
    for_each_match(&pa.units, &pb.units, |i, j| shared_at.push((i, j)));
    pa.mark_only(shared_at.iter().map(|s| s.0), only_a);
    pb.mark_only(shared_at.iter().map(|s| s.1), only_b);
    // The most telling first: office suites last, then in demand, then
    // hot, on either side; among those the rarer skills, since sharing
    // Excel says little; then by name (see [`shared_orders`]); then by
    // place, so that keys are unique and the unstable sort is what a
    // stable sort gives.
    order.clear();
    order.extend(shared_at.iter().enumerate().map(|(place, &(i, j))| {
        let flags = pa.unit_flags[i] | pb.unit_flags[j];
        // Office and ERP suites (as the first career words it) last,
        // as in every skill list.
        let rank = (u128::from(pa.unit_flags[i] & GENERIC != 0) << 2)
            | (u128::from(flags & IN_DEMAND == 0) << 1)
            | u128::from(flags & HOT == 0);
        (rank << 96) | (u128::from(pa.shared_order[i]) << 32) | place as u128
    }));
    order.sort_unstable();
    let skills: Vec<SharedSkill<'c>> = order
        .iter()
        .map(|&key| {
            let (i, j) = shared_at[key as u32 as usize];
            let (id, name, common_noun) = shared_name(prepared, content, (pa, ca), i);
            let flags = pa.unit_flags[i] | pb.unit_flags[j];
            SharedSkill {
                id,
                name,
                a_phrases: Phrases::new(ca, pa.entries_of(i)),
                b_phrases: Phrases::new(cb, pb.entries_of(j)),
                hot: flags & HOT != 0,
                in_demand: flags & IN_DEMAND != 0,
                common_noun,
            }
        })
        .collect();

    let related = related((pa, pb), (only_a, only_b), (common, candidates))
        .map(|(i, j, score)| RelatedSkills { a: &ca.skills[i].name, b: &cb.skills[j].name, score })
        .collect();

    let distinct = pa.units.len() + pb.units.len() - shared_at.len();
    let overlap_percent = (100 * shared_at.len()).checked_div(distinct).unwrap_or(0) as u32;
    SkillOverlap {
        only_a: items(ca, pa, only_a),
        shared: skills,
        only_b: items(cb, pb, only_b),
        related,
        overlap_percent,
        distinct,
    }
}

/// The name of the unit at place `k` of career `p`'s units (`p` is the
/// prepared `career`): the taxonomy's skill, or for a unit outside it the
/// career's first phrase for it.
fn unit_name<'c>(content: &'c Content, (p, career): (&PreparedCareer, &'c Career), k: usize) -> &'c str {
    match content.taxonomy.skills().get(p.units[k] as usize) {
        Some(skill) => &skill.name,
        None => &career.skills[p.entries_of(k)[0].1 as usize].name,
    }
}

/// The canonical id, name and whether the name is a common noun of the
/// unit at place `i` of career `pa`'s units (see [`unit_name`]).
fn shared_name<'c>(
    prepared: &'c Prepared,
    content: &'c Content,
    (pa, ca): (&'c PreparedCareer, &'c Career),
    i: usize,
) -> (Option<&'c str>, &'c str, bool) {
    let unit = pa.units[i];
    match content.taxonomy.skills().get(unit as usize) {
        Some(skill) => (Some(skill.id.as_str()), skill.name.as_str(), prepared.canonical_nouns[unit as usize]),
        None => {
            let phrase = pa.entries_of(i)[0].1 as usize;
            (None, ca.skills[phrase].name.as_str(), pa.name_nouns[phrase])
        }
    }
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

/// A related pair of phrases: their indices in each career and the score.
type Related = (usize, usize, f64);

/// Pairs up close phrases of the two only-lists, best score first, each
/// phrase at most once, and takes the paired phrases off the lists; gives
/// the pairs in phrase order. Related phrases share at least two words,
/// so candidates come from a merge of the two careers' sorted word-pair
/// lists: the cost follows the word pairs the careers share, not the
/// product of their list lengths. `common` and `candidates` are room for
/// the lists on the way.
fn related<'s>(
    (pa, pb): (&PreparedCareer, &PreparedCareer),
    (only_a, only_b): (&mut [bool], &mut [bool]),
    (common, candidates): (&mut Vec<(u32, u32)>, &'s mut Vec<Related>),
) -> impl Iterator<Item = Related> + 's {
    common.clear();
    candidates.clear();
    let (wa, wb) = (&pa.word_pairs, &pb.word_pairs);
    for_each_match(&wa.keys, &wb.keys, |i, j| {
        for &x in wa.phrases_with(i).iter().filter(|&&x| only_a[x as usize]) {
            common.extend(wb.phrases_with(j).iter().filter(|&&y| only_b[y as usize]).map(|&y| (x, y)));
        }
    });
    common.sort_unstable();
    common.dedup();
    candidates.extend(common.iter().filter_map(|&(x, y)| {
        let (acronyms_a, acronyms_b) = (&pa.phrase_acronyms[x as usize], &pb.phrase_acronyms[y as usize]);
        if !acronyms_a.is_empty() && !acronyms_b.is_empty() && !acronyms_a.iter().any(|w| acronyms_b.contains(w)) {
            return None;
        }
        let (words_a, words_b) = (&pa.phrase_words[x as usize], &pb.phrase_words[y as usize]);
        let mut shared_words = 0;
        for_each_common(words_a, words_b, |_| shared_words += 1);
        let score = 2.0 * f64::from(shared_words) / (words_a.len() + words_b.len()) as f64;
        (score >= RELATED_MIN_SCORE).then_some((x as usize, y as usize, score))
    }));
    candidates.sort_by(|x, y| y.2.total_cmp(&x.2).then((x.0, x.1).cmp(&(y.0, y.1))));
    // The chosen ones are kept at the front of `candidates`.
    let mut chosen = 0;
    for k in 0..candidates.len() {
        let (x, y, _) = candidates[k];
        if only_a[x] && only_b[y] {
            (only_a[x], only_b[y]) = (false, false);
            candidates[chosen] = candidates[k];
            chosen += 1;
        }
    }
    candidates.truncate(chosen);
    candidates.sort_by_key(|c| (c.0, c.1));
    candidates.iter().copied()
}

/// The phrases still marked in `keep`, most useful first.
fn items<'c>(career: &'c Career, p: &'c PreparedCareer, keep: &[bool]) -> SkillList<'c> {
    // Allocated once: a filter's length is not known in advance.
    let mut phrases = Vec::with_capacity(keep.len());
    phrases.extend(p.order.iter().copied().filter(|&i| keep[i as usize]));
    SkillList::new(career, p, phrases)
}
