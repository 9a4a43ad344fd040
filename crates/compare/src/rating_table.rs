//! Every career's O*NET ratings laid out for comparing pairs: one dense
//! row per career, indexed by item, so that a pair's profile and gaps are
//! one pass over two rows (see [`RatingTable::pair`]).

use std::collections::HashMap;

use careerdiff_model::Content;

use crate::profile::{
    GAPS_SHOWN, Gap, Gaps, HIGHLIGHTS, IMPORTANT, Level, PROFILE_ITEMS, Profile, RatedItem, RatingKind, SAME_LEVEL,
};

/// One career's rating of one item, as numbers. Content is validated
/// (importance 1–5, level 0–7), so NaN is never a rating and stands for
/// "none": an item the career does not rate has a NaN importance, a rating
/// without a level a NaN level.
#[derive(Debug, Clone, Copy)]
struct Cell {
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
pub(crate) struct RatingTable<'c> {
    /// Item id → name and kind.
    items: Vec<(&'c str, RatingKind)>,
    /// Per career, a cell per item id (empty: the career has no ratings).
    careers: Vec<Vec<Cell>>,
}

impl<'c> RatingTable<'c> {
    pub(crate) fn new(content: &'c Content) -> Self {
        let mut ids: HashMap<(&'c str, RatingKind), usize> = HashMap::new();
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
                            items.push((name.as_str(), kind));
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
            .collect();
        RatingTable { items, careers }
    }

    /// The side-by-side profile of careers `a` and `b`, and the gaps of the
    /// move from `a` to `b` and from `b` to `a`, from one pass over the
    /// items in id order. Every list is what a stable sort over id order
    /// gives (so ties keep one order for any thread count): the important
    /// items are ordered by sorting integer keys (the rank of the higher
    /// importance, then the id), and each shorter list keeps its first
    /// items as they come ([`crate::best::insert`]).
    pub(crate) fn pair(&self, a: usize, b: usize) -> (Profile<'c>, [Gaps<'c>; 2]) {
        let (ra, rb) = (&self.careers[a], &self.careers[b]);
        let mut moves = [Gaps::default(), Gaps::default()];
        if ra.is_empty() || rb.is_empty() {
            return (Profile::default(), moves);
        }
        // The pass decides with arithmetic rather than branches where it
        // can: which way an item's levels lean is as good as random, and
        // mispredicted branches were most of its cost. An unrated item or
        // a missing level has NaN levels, so its gap is no gap either way.
        let mut important = vec![0u64; ra.len()];
        let mut n_important = 0;
        // Per move, its clear gaps (weight, item), the first few kept.
        let (mut to_b, mut to_a) = (Vec::with_capacity(GAPS_SHOWN), Vec::with_capacity(GAPS_SHOWN));
        for (item, (x, y)) in ra.iter().zip(rb).enumerate() {
            moves[0].add(&mut to_b, item, x, y);
            moves[1].add(&mut to_a, item, y, x);
            let (x_rated, y_rated) = (x.rated(), y.rated());
            let is_important = (x.importance >= IMPORTANT) & y_rated | (y.importance >= IMPORTANT) & x_rated;
            important[n_important] = (u64::from(x.rank.min(y.rank)) << 32) | item as u64;
            n_important += usize::from(is_important);
        }
        important.truncate(n_important);
        for (m, (from, to), clear) in [(0, (ra, rb), to_b), (1, (rb, ra), to_a)] {
            moves[m].total /= 5.0;
            moves[m].top = clear.iter().map(|&(_, item)| self.gap(item, &from[item], &to[item])).collect();
        }
        important.sort_unstable();
        let items = important.iter().map(|&key| key as u32 as usize);
        (self.profile(items, ra, rb), moves)
    }

    /// The profile of two careers (rows `ra` and `rb`) from their important
    /// items, most important first.
    fn profile(&self, important: impl ExactSizeIterator<Item = usize>, ra: &[Cell], rb: &[Cell]) -> Profile<'c> {
        let mut profile = Profile {
            items: Vec::with_capacity(PROFILE_ITEMS.min(important.len())),
            differ_most: Vec::with_capacity(HIGHLIGHTS),
            both_need: Vec::with_capacity(HIGHLIGHTS),
        };
        // Largest difference × importance first; items come in importance
        // order, so among equal weights the more important stays first.
        let mut differ_most: Vec<(f64, usize)> = Vec::with_capacity(HIGHLIGHTS);
        for item in important {
            let (x, y) = (&ra[item], &rb[item]);
            // NaN when a level is missing: then neither far apart nor close.
            let difference = (x.level - y.level).abs();
            if profile.items.len() < PROFILE_ITEMS {
                profile.items.push(self.rated_item(item, x, y));
            }
            if difference >= SAME_LEVEL {
                let weight = difference * x.importance.max(y.importance);
                crate::best::insert(&mut differ_most, HIGHLIGHTS, (weight, item), |p, q| p.0.total_cmp(&q.0).is_gt());
            }
            let both_important = x.importance >= IMPORTANT && y.importance >= IMPORTANT;
            if profile.both_need.len() < HIGHLIGHTS && both_important && difference < SAME_LEVEL {
                profile.both_need.push(self.rated_item(item, x, y));
            }
        }
        profile.differ_most =
            differ_most.into_iter().map(|(_, item)| self.rated_item(item, &ra[item], &rb[item])).collect();
        profile
    }

    fn gap(&self, item: usize, from: &Cell, to: &Cell) -> Gap<'c> {
        let (name, kind) = self.items[item];
        Gap { name, kind, from_level: from.level, to_level: to.level, importance: to.importance }
    }

    fn rated_item(&self, item: usize, a: &Cell, b: &Cell) -> RatedItem<'c> {
        let (name, kind) = self.items[item];
        RatedItem { name, kind, a: a.level(), b: b.level() }
    }
}

impl Gaps<'_> {
    /// Counts item `item`, rated `from` where the move starts and `to`
    /// where it ends; `clear` keeps the first clear gaps as (weight, item).
    /// The total is in fifths once [`RatingTable::pair`] divides it.
    #[inline]
    fn add(&mut self, clear: &mut Vec<(f64, usize)>, item: usize, from: &Cell, to: &Cell) {
        let gap = to.level - from.level;
        let weight = to.importance * gap;
        // Adding 0 leaves the total as it is; NaN is never above 0.
        self.total += if gap > 0.0 { weight } else { 0.0 };
        let is_clear = gap >= SAME_LEVEL;
        self.count += usize::from(is_clear);
        if is_clear && (clear.len() < GAPS_SHOWN || weight > clear[GAPS_SHOWN - 1].0) {
            crate::best::insert(clear, GAPS_SHOWN, (weight, item), |p, q| p.0.total_cmp(&q.0).is_gt());
        }
    }
}
