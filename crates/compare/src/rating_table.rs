//! Every career's O*NET ratings laid out for comparing pairs: one dense
//! row per career, indexed by item, so that a pair's profile and gaps are
//! one pass over two rows (see [`RatingTable::pair`]).

use careerdiff_model::Content;

use crate::profile::{
    GAPS_SHOWN, Gap, Gaps, HIGHLIGHTS, IMPORTANT, Level, Need, PROFILE_ITEMS, Profile, RatedItem, RatingKind,
    SAME_LEVEL,
};

/// One career's rating of one item, as numbers. Content is validated
/// (importance 1–5, level 0–7), so NaN is never a rating and stands for
/// "none": an item the career does not rate has a NaN importance, a rating
/// without a level a NaN level.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cell {
    importance: f64,
    level: f64,
    /// The importance's rank among every importance of the table, highest
    /// first: for importances of at least [`IMPORTANT`], `x > y` exactly
    /// when `rank(x) < rank(y)`.
    rank: u32,
}

impl Cell {
    const UNRATED: Cell = Cell { importance: f64::NAN, level: f64::NAN, rank: u32::MAX };

    fn rated(&self) -> bool {
        !self.importance.is_nan()
    }

    /// The rating as pages show it.
    fn level(&self) -> Level {
        Level { importance: self.importance, level: Some(self.level).filter(|l| !l.is_nan()) }
    }
}

/// Every career's ratings, item ids given out in career order.
pub(crate) struct RatingTable {
    /// Item id → name and kind.
    items: Vec<(Box<str>, RatingKind)>,
    /// Per career, a cell per item id (empty: the career has no ratings).
    careers: Vec<Vec<Cell>>,
    /// Per career, the items it rates important, as [`Key::by_importance`]
    /// keys, sorted: a pair's profile merges two of
    /// these lists rather than sorting its items.
    important: Vec<Vec<u64>>,
    /// Per career, the first [`GAPS_SHOWN`] items it rates important, by
    /// importance × level (the largest first, then item id).
    needs: Vec<Vec<usize>>,
}

impl RatingTable {
    /// Every rated item's name and kind, by item id.
    pub(crate) fn items(&self) -> &[(Box<str>, RatingKind)] {
        &self.items
    }

    /// What the table holds of career `c`: its cells and important items.
    pub(crate) fn row(&self, c: usize) -> (&[Cell], &[u64]) {
        (&self.careers[c], &self.important[c])
    }

    pub(crate) fn new(content: &Content) -> Self {
        let mut ids: crate::hash::Map<(&str, RatingKind), usize> = Default::default();
        let mut items = Vec::new();
        let sparse: Vec<Vec<(usize, Cell)>> = content
            .careers
            .iter()
            .map(|career| {
                let Some(ratings) = &career.ratings else { return Vec::new() };
                let skills = ratings.skills.iter().map(|(name, r)| (name, RatingKind::Skill, r));
                let knowledge = ratings.knowledge.iter().map(|(name, r)| (name, RatingKind::Knowledge, r));
                skills
                    .chain(knowledge)
                    .map(|(name, kind, rating)| {
                        let item = *ids.entry((name.as_str(), kind)).or_insert_with(|| {
                            items.push((name.as_str().into(), kind));
                            items.len() - 1
                        });
                        let level = rating.level.unwrap_or(f64::NAN);
                        (item, Cell { importance: rating.importance, level, rank: 0 })
                    })
                    .collect()
            })
            .collect();
        // Importances from the highest, each once, to rank them by.
        let mut importances: Vec<f64> = sparse.iter().flatten().map(|(_, c)| c.importance).collect();
        importances.sort_by(|x, y| y.total_cmp(x));
        importances.dedup_by(|x, y| x.total_cmp(y).is_eq());
        let rank = |x: f64| importances.partition_point(|v| v.total_cmp(&x).is_gt()) as u32;
        let careers = sparse
            .into_iter()
            .map(|cells| {
                if cells.is_empty() {
                    return Vec::new();
                }
                let mut row = vec![Cell::UNRATED; items.len()];
                for (item, cell) in cells {
                    row[item] = Cell { rank: rank(cell.importance), ..cell };
                }
                row
            })
            .collect::<Vec<Vec<Cell>>>();
        let important = careers
            .iter()
            .map(|row| {
                let mut keys: Vec<u64> = (row.iter().enumerate())
                    .filter(|(_, cell)| cell.importance >= IMPORTANT)
                    .map(|(item, cell)| Key::by_importance(cell.rank, item))
                    .collect();
                keys.sort_unstable();
                keys
            })
            .collect();
        let needs = careers.iter().map(|row| most_needed(row)).collect();
        RatingTable { items, careers, important, needs }
    }

    /// The side-by-side profile of careers `a` and `b`, and the gaps of the
    /// move from `a` to `b` and from `b` to `a`, from one pass over the
    /// items in id order that writes down the candidates of each list.
    /// Every list is then what a stable sort over id order gives, so ties
    /// keep one order for any thread count: candidates carry integer sort
    /// keys that end in the item's id (see [`Key`]), and sorting integers
    /// costs no mispredicted branches.
    pub(crate) fn pair(&self, a: usize, b: usize) -> (Profile<'_>, [Gaps<'_>; 2]) {
        let (ra, rb) = (&self.careers[a], &self.careers[b]);
        if ra.is_empty() || rb.is_empty() {
            // No gap can be measured; a move to the rated side names what
            // that side needs most.
            let needs = |c: usize| Gaps { needs: self.needs_of(c), ..Gaps::default() };
            return (Profile::default(), [needs(b), needs(a)]);
        }
        let (mut profile, gaps) = SCRATCH.with_borrow_mut(|scratch| self.rated_pair((ra, rb), scratch));
        profile.items = self.important_items((a, b), (ra, rb));
        (profile, gaps)
    }

    /// [`RatingTable::pair`] of two careers that both have ratings, rows
    /// `ra` and `rb`, with `scratch` as room for the candidates.
    fn rated_pair(&self, (ra, rb): (&[Cell], &[Cell]), scratch: &mut Scratch) -> (Profile<'_>, [Gaps<'_>; 2]) {
        let mut moves = [Gaps::default(), Gaps::default()];
        // The pass decides with arithmetic rather than branches: which way
        // an item's levels lean is as good as random, and mispredicted
        // branches were most of its cost. An unrated item or a missing
        // level has NaN levels, so it is no gap either way and neither far
        // apart nor close (NaN is neither above nor below anything).
        let n = ra.len();
        let Scratch { both, apart, clear: [to_b, to_a] } = scratch;
        // Items both rate important at about the same level.
        let mut both = Kept::new(both, n);
        // Important items far apart, by difference × importance.
        let mut apart = Kept::new(apart, n);
        // Per move, its clear gaps, by importance × gap.
        let mut clear = [Kept::new(to_b, n), Kept::new(to_a, n)];
        let mut totals = [0.0; 2];
        let [clear_b, clear_a] = &mut clear;
        let [total_b, total_a] = &mut totals;
        for (item, (x, y)) in ra.iter().zip(rb).enumerate() {
            // The move to `b` and the move back: `x.level - y.level` is
            // exactly `-gap`.
            let gap = y.level - x.level;
            let back = x.level - y.level;
            let (weight_b, weight_a) = (y.importance * gap, x.importance * back);
            // Adding 0 leaves a total as it is. Only what the end rates
            // important counts (see `clear` below).
            *total_b += if (gap > 0.0) & (y.importance >= IMPORTANT) { weight_b } else { 0.0 };
            *total_a += if (back > 0.0) & (x.importance >= IMPORTANT) { weight_a } else { 0.0 };
            // A clear gap is in what the end rates important: raising an
            // item the work hardly needs is no step toward it.
            clear_b.push_if((gap >= SAME_LEVEL) & (y.importance >= IMPORTANT), Key::by_weight(weight_b, item as u32));
            clear_a.push_if((back >= SAME_LEVEL) & (x.importance >= IMPORTANT), Key::by_weight(weight_a, item as u32));
            let is_important = (x.importance >= IMPORTANT) & y.rated() | (y.importance >= IMPORTANT) & x.rated();
            let difference = gap.abs();
            let key = Key::by_rank(x.rank.min(y.rank), item);
            let important_to_both = (x.importance >= IMPORTANT) & (y.importance >= IMPORTANT);
            both.push_if(important_to_both & (difference < SAME_LEVEL), u64::from(key));
            let weight = difference * x.importance.max(y.importance);
            apart.push_if(is_important & (difference >= SAME_LEVEL), Key::by_weight(weight, key));
        }
        for (m, ((from, to), clear)) in [(ra, rb), (rb, ra)].into_iter().zip(clear).enumerate() {
            let clear = clear.into_slice();
            moves[m].rated = true;
            moves[m].count = clear.len();
            moves[m].total = totals[m] / 5.0;
            let gaps = smallest::<GAPS_SHOWN>(clear.iter().copied());
            moves[m].top = gaps.map(|key| self.gap(key as u32 as usize, from, to)).collect();
        }
        let apart = &*apart.into_slice();
        let rated = |key: u64| self.rated_item(Key::ranked_item(key), ra, rb);
        let differ_most = smallest::<HIGHLIGHTS>(apart.iter().copied()).map(rated).collect();
        let both_need = smallest::<HIGHLIGHTS>(both.into_slice().iter().copied()).map(rated).collect();
        let profile = Profile { differ_most, both_need, ..Profile::default() };
        (profile, moves)
    }

    /// The first [`PROFILE_ITEMS`] items important to either of careers
    /// `a` and `b` (rows `ra` and `rb`) and rated by both, most important
    /// first (by the higher importance, then item id). One merge of the
    /// careers' lists of important items, which stops once the list is
    /// full: an item important to both is taken where its importance is
    /// higher (from `a`'s list when equal).
    fn important_items(&self, (a, b): (usize, usize), (ra, rb): (&[Cell], &[Cell])) -> Vec<RatedItem<'_>> {
        let (la, lb) = (&self.important[a], &self.important[b]);
        let mut items = Vec::with_capacity(PROFILE_ITEMS);
        let (mut i, mut j) = (0, 0);
        while items.len() < PROFILE_ITEMS {
            // The next key of the merge, and whether it is `a`'s.
            let (key, from_a) = match (la.get(i), lb.get(j)) {
                (Some(&x), Some(&y)) if x <= y => (x, true),
                (_, Some(&y)) => (y, false),
                (Some(&x), None) => (x, true),
                (None, None) => break,
            };
            if from_a {
                i += 1;
            } else {
                j += 1;
            }
            let item = Key::item(key);
            let (mine, theirs) = if from_a { (&ra[item], &rb[item]) } else { (&rb[item], &ra[item]) };
            // Taken from the other list where it ranks higher there (or
            // as high, for `b`'s list), or left out if the other career
            // does not rate it.
            let other_first =
                theirs.importance >= IMPORTANT && (theirs.rank < mine.rank || !from_a && theirs.rank == mine.rank);
            if theirs.rated() && !other_first {
                items.push(self.rated_item(item, ra, rb));
            }
        }
        items
    }

    /// What career `c` needs most, as [`Need`]s (none without ratings).
    fn needs_of(&self, c: usize) -> Vec<Need<'_>> {
        let row = &self.careers[c];
        (self.needs[c].iter())
            .map(|&item| {
                let (name, kind) = (&*self.items[item].0, self.items[item].1);
                Need { name, kind, level: row[item].level, importance: row[item].importance }
            })
            .collect()
    }

    /// Item `item` as a gap of the move from row `from` to row `to`.
    fn gap(&self, item: usize, from: &[Cell], to: &[Cell]) -> Gap<'_> {
        let (name, kind) = (&*self.items[item].0, self.items[item].1);
        let (from, to) = (&from[item], &to[item]);
        Gap { name, kind, from_level: from.level, to_level: to.level, importance: to.importance }
    }

    /// Item `item` rated in rows `a` and `b`.
    fn rated_item(&self, item: usize, a: &[Cell], b: &[Cell]) -> RatedItem<'_> {
        let (name, kind) = (&*self.items[item].0, self.items[item].1);
        let (a, b) = (&a[item], &b[item]);
        RatedItem { name, kind, a: a.level(), b: b.level() }
    }
}

/// The first [`GAPS_SHOWN`] items of `row` rated important and given a
/// level, by importance × level from the largest (then item id).
fn most_needed(row: &[Cell]) -> Vec<usize> {
    let candidates = (row.iter().enumerate())
        .filter(|(_, cell)| cell.importance >= IMPORTANT && !cell.level.is_nan())
        .map(|(item, cell)| Key::by_weight(cell.importance * cell.level, item as u32));
    smallest::<GAPS_SHOWN>(candidates).map(|key| key as u32 as usize).collect()
}

/// Sort keys whose integer order is the order of a list, ties broken by
/// item id (which every key ends in), so that sorting keys is a stable
/// sort over id order.
struct Key;

impl Key {
    /// Importance from the highest (`rank`, see [`Cell::rank`]), then the
    /// item.
    fn by_importance(rank: u32, item: usize) -> u64 {
        (u64::from(rank) << 32) | item as u64
    }

    /// The item of a [`Key::by_importance`] key.
    fn item(key: u64) -> usize {
        key as u32 as usize
    }

    /// Importance from the highest, then the item, in 32 bits: ranks
    /// below 2^24 and items below 256 (a table has 68 items and at most a
    /// few hundred distinct importances).
    fn by_rank(rank: u32, item: usize) -> u32 {
        (rank.min(0xff_ffff) << 8) | (item as u32 & 0xff)
    }

    /// The item of a [`Key::by_rank`] key within a weight key.
    fn ranked_item(key: u64) -> usize {
        (key & 0xff) as usize
    }

    /// `weight` from the largest, then `then`. The weights sorted are
    /// positive (at least half a level times an importance of at least
    /// 1), and the bits of positive floats are in the floats' order. As
    /// products of figures published to two decimals, two weights that
    /// differ do so by at least 0.0001, far above an `f32`'s precision at
    /// 35 (the largest, 5 × 7), so 32 bits keep their order.
    fn by_weight(weight: f64, then: u32) -> u64 {
        (u64::from(u32::MAX - (weight as f32).to_bits()) << 32) | u64::from(then)
    }
}

/// The `K` smallest of `keys`, smallest first. A pair's lists show the
/// first few of a dozen or two candidates, and keeping the few as they come
/// costs less than sorting them all. Each key passes down the kept ones,
/// leaving the smaller of the two at each place and carrying on with the
/// larger: whether a key is kept is as good as random, and deciding by
/// arithmetic rather than by a branch (and a search and a shift) was most
/// of the cost. Places start at `u64::MAX`, above any key or equal to
/// it, so the first `K` keys offered fill them.
fn smallest<const K: usize>(keys: impl IntoIterator<Item = u64>) -> impl ExactSizeIterator<Item = u64> {
    let mut first = [u64::MAX; K];
    // Counted, so that a list collected from the kept keys is allocated
    // once.
    let mut offered = 0;
    for mut key in keys {
        for kept in &mut first {
            (*kept, key) = (key.min(*kept), key.max(*kept));
        }
        offered += 1;
    }
    first.into_iter().take(offered)
}

/// Room for the candidates of [`RatingTable::pair`]'s lists, kept per
/// thread from pair to pair: every candidate is written before it is read,
/// so a pair allocates and clears none of it.
#[derive(Default)]
struct Scratch {
    both: Vec<u64>,
    apart: Vec<u64>,
    clear: [Vec<u64>; 2],
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

/// A list written without branches: each value offered is written after
/// the kept ones and counts only if kept, so keeping is arithmetic.
struct Kept<'s, T> {
    values: &'s mut [T],
    len: usize,
}

impl<'s, T: Copy + Default> Kept<'s, T> {
    /// A list in `room`, made room for `offered` values.
    fn new(room: &'s mut Vec<T>, offered: usize) -> Self {
        if room.len() < offered {
            room.resize(offered, T::default());
        }
        Kept { values: &mut room[..offered], len: 0 }
    }

    #[inline]
    fn push_if(&mut self, keep: bool, value: T) {
        self.values[self.len] = value;
        self.len += usize::from(keep);
    }

    /// The values kept.
    fn into_slice(self) -> &'s mut [T] {
        &mut self.values[..self.len]
    }
}
