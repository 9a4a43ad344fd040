//! Splitting two careers' skills into only-A, shared, related and only-B.

use careerdiff_model::{Career, Content};

use crate::prepare::{Prepared, PreparedCareer, Unit};
use crate::{Phrases, RelatedSkills, SharedSkill, SkillList, SkillOverlap};

/// Two phrases that share at least two content words are related when
/// they spell out the same acronym, or when they name the same kind of
/// thing (the same head word, or one's words all in the other's) and their
/// words overlap this much, each word weighing what it tells (Dice
/// coefficient over word weights): "Microsoft Visual Studio" is not
/// "Microsoft Visual FoxPro", nor "Microsoft Systems Management Server"
/// "Document management system software". Phrases that each name an
/// acronym, none the other's, are never related (see
/// [`crate::phrase::Acronyms::differ`]).
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

    let related = related(prepared, (pa, pb), (only_a, only_b), (common, candidates))
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
        listed: crate::Listed::of(ca, cb),
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
    prepared: &Prepared,
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
        let (x, y) = (x as usize, y as usize);
        let (acronyms_a, acronyms_b) = (&pa.phrase_acronyms[x], &pb.phrase_acronyms[y]);
        let same_kind = acronyms_a.same_kind(acronyms_b);
        if !same_kind && acronyms_a.differ(acronyms_b) {
            return None;
        }
        let (words_a, words_b) = (&pa.phrase_words[x], &pb.phrase_words[y]);
        let kind = |w: &u32| prepared.words.kind[*w as usize];
        let (mut shared, mut shared_words, mut shared_core) = (0.0, 0, 0);
        for_each_common(words_a, words_b, |w| {
            shared += prepared.words.weight[w as usize];
            shared_words += 1;
            shared_core += usize::from(!kind(&w));
        });
        let score = f64::from(2.0 * shared / (pa.phrase_weight[x] + pb.phrase_weight[y]));
        // Same kind of thing: the same head word, or one phrase's words
        // all in the other ("Microsoft Windows", "Microsoft Windows XP"),
        // or at least two of them besides kind words ("LLM orchestration
        // frameworks" in "LLM orchestration and chaining").
        let same_head = pa.phrase_heads[x].is_some() && pa.phrase_heads[x] == pb.phrase_heads[y];
        let core = |words: &[u32]| words.iter().filter(|w| !kind(w)).count();
        let contained = shared_words == words_a.len().min(words_b.len())
            || (shared_core >= 2 && shared_core == core(words_a).min(core(words_b)));
        (same_kind || (score >= RELATED_MIN_SCORE && (same_head || contained))).then_some((x, y, score))
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
