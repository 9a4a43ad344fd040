//! O*NET skill and knowledge ratings of two careers side by side: what
//! matters most to either, where they differ most, what both need, and the
//! gaps a move from one to the other has to close.
//!
//! Ratings are on O*NET's scales: importance 1–5 (3 is "important") and
//! level 0–7. A career without ratings has none, never zeros: a pair where
//! either side lacks them gets no profile and no gaps.

use careerdiff_model::{Content, Rating};
use serde::Serialize;

/// O*NET calls an item important to the work from this importance on.
const IMPORTANT: f64 = 3.0;
/// How many items the side-by-side profile shows.
const PROFILE_ITEMS: usize = 12;
/// How many items "where they differ most" and "what both need" name.
const HIGHLIGHTS: usize = 3;
/// Levels this close read as the same.
const SAME_LEVEL: f64 = 0.5;

/// Whether an item is a skill or a knowledge area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RatingKind {
    /// One of O*NET's 35 skills ("Active Listening").
    Skill,
    /// One of O*NET's 33 knowledge areas ("Mathematics").
    Knowledge,
}

/// One career's rating of one item.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Level {
    /// Importance, 1–5.
    pub importance: f64,
    /// Level, 0–7; `None` where the publisher gives none.
    pub level: Option<f64>,
}

/// One item rated for both careers of a pair.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RatedItem<'c> {
    /// The item's O*NET name.
    pub name: &'c str,
    /// Skill or knowledge area.
    pub kind: RatingKind,
    /// The first career's rating.
    pub a: Level,
    /// The second career's rating.
    pub b: Level,
}

impl RatedItem<'_> {
    /// The larger importance of the two.
    fn importance(&self) -> f64 {
        self.a.importance.max(self.b.importance)
    }

    /// Level of the first minus level of the second (0 without both).
    fn difference(&self) -> f64 {
        self.a.level.zip(self.b.level).map_or(0.0, |(a, b)| a - b)
    }
}

/// The ratings of two careers side by side. Empty when either has none.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Profile<'c> {
    /// The items that matter most to either career, most important first.
    pub items: Vec<RatedItem<'c>>,
    /// Important items whose levels differ most, largest difference first.
    pub differ_most: Vec<RatedItem<'c>>,
    /// Items both rate important at about the same level, most important first.
    pub both_need: Vec<RatedItem<'c>>,
}

/// A skill or knowledge area the target career needs at a higher level.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Gap<'c> {
    /// The item's O*NET name.
    pub name: &'c str,
    /// Skill or knowledge area.
    pub kind: RatingKind,
    /// Level in the career moved from.
    pub from_level: f64,
    /// Level the career moved to needs.
    pub to_level: f64,
    /// Its importance to the career moved to.
    pub importance: f64,
}

/// One rating, by item id.
#[derive(Debug, Clone, Copy)]
struct Entry {
    item: u16,
    level: Level,
}

/// Every career's ratings as sorted item ids, so that comparing two is a
/// merge of two short lists.
pub(crate) struct RatingTable<'c> {
    /// Item id → name and kind, ids given out in career order.
    items: Vec<(&'c str, RatingKind)>,
    /// Per career, its ratings sorted by item id (empty: no ratings).
    careers: Vec<Vec<Entry>>,
}

impl<'c> RatingTable<'c> {
    pub(crate) fn new(content: &'c Content) -> Self {
        let mut ids: std::collections::HashMap<(&'c str, RatingKind), u16> = std::collections::HashMap::new();
        let mut items = Vec::new();
        let careers = content
            .careers
            .iter()
            .map(|career| {
                let Some(ratings) = &career.ratings else { return Vec::new() };
                let all = ratings
                    .skills
                    .iter()
                    .map(|(name, r)| (name, RatingKind::Skill, r))
                    .chain(ratings.knowledge.iter().map(|(name, r)| (name, RatingKind::Knowledge, r)));
                let mut entries: Vec<Entry> = all
                    .map(|(name, kind, rating)| {
                        let next = items.len() as u16;
                        let item = *ids.entry((name.as_str(), kind)).or_insert_with(|| {
                            items.push((name.as_str(), kind));
                            next
                        });
                        Entry { item, level: level_of(rating) }
                    })
                    .collect();
                entries.sort_by_key(|e| e.item);
                entries
            })
            .collect();
        RatingTable { items, careers }
    }

    /// The side-by-side profile of careers `a` and `b`, and the gaps of
    /// the move from `a` to `b` and from `b` to `a` (see [`Gaps`]), from
    /// one merge of their rated items in item order. Each list keeps its
    /// first items as a stable sort over the items' id order would give
    /// them ([`crate::best::insert`]), so ties keep one order for any
    /// thread count and nothing else is sorted.
    pub(crate) fn pair(&self, a: usize, b: usize) -> (Profile<'c>, [Gaps<'c>; 2]) {
        let (ea, eb) = (&self.careers[a], &self.careers[b]);
        let mut profile = Profile::default();
        let mut moves = [Gaps::default(), Gaps::default()];
        if ea.is_empty() || eb.is_empty() {
            return (profile, moves);
        }
        profile.items.reserve_exact(PROFILE_ITEMS);
        profile.differ_most.reserve_exact(HIGHLIGHTS);
        profile.both_need.reserve_exact(HIGHLIGHTS);
        let by_importance =
            |x: &RatedItem<'_>, y: &RatedItem<'_>| x.importance().total_cmp(&y.importance()).is_gt();
        // Differences weighed by importance; among equals, the more
        // important item (the order the important items are listed in).
        let by_weight = |x: &RatedItem<'_>, y: &RatedItem<'_>| {
            let weight = |i: &RatedItem<'_>| i.difference().abs() * i.importance();
            weight(x).total_cmp(&weight(y)).then(x.importance().total_cmp(&y.importance())).is_gt()
        };
        crate::skills::for_each_match_by(
            ea,
            eb,
            |e| e.item,
            |i, j| {
                let (name, kind) = self.items[ea[i].item as usize];
                let item = RatedItem { name, kind, a: ea[i].level, b: eb[j].level };
                moves[0].add(&item, item.a, item.b);
                moves[1].add(&item, item.b, item.a);
                if item.importance() < IMPORTANT {
                    return;
                }
                crate::best::insert(&mut profile.items, PROFILE_ITEMS, item, by_importance);
                if item.difference().abs() >= SAME_LEVEL {
                    crate::best::insert(&mut profile.differ_most, HIGHLIGHTS, item, by_weight);
                }
                let both_important = item.a.importance >= IMPORTANT && item.b.importance >= IMPORTANT;
                let both_levels = item.a.level.is_some() && item.b.level.is_some();
                if both_important && both_levels && item.difference().abs() < SAME_LEVEL {
                    crate::best::insert(&mut profile.both_need, HIGHLIGHTS, item, by_importance);
                }
            },
        );
        moves.iter_mut().for_each(|m| m.total /= 5.0);
        (profile, moves)
    }
}

/// How many gaps a move lists.
pub(crate) const GAPS_SHOWN: usize = 5;

/// What a move from one career to another asks, from their ratings.
#[derive(Debug, Default)]
pub(crate) struct Gaps<'c> {
    /// The first [`GAPS_SHOWN`] items the end needs at a clearly higher
    /// level, ordered by importance to the end times the gap.
    pub top: Vec<Gap<'c>>,
    /// How many items the end needs at a clearly higher level.
    pub count: usize,
    /// The sum of importance × gap over every item that goes up, in item
    /// order, in fifths (0 when either side has no ratings).
    pub total: f64,
}

impl<'c> Gaps<'c> {
    /// Counts `item`, rated `from` where the move starts and `to` where it
    /// ends (the total is in fifths once [`RatingTable::pair`] divides it).
    fn add(&mut self, item: &RatedItem<'c>, from: Level, to: Level) {
        let Some((from_level, to_level)) = from.level.zip(to.level) else { return };
        let gap = to_level - from_level;
        if gap <= 0.0 {
            return;
        }
        self.total += to.importance * gap;
        if gap >= SAME_LEVEL {
            self.count += 1;
            let gap = Gap { name: item.name, kind: item.kind, from_level, to_level, importance: to.importance };
            let weight = |g: &Gap<'_>| g.importance * (g.to_level - g.from_level);
            crate::best::insert(&mut self.top, GAPS_SHOWN, gap, |x, y| weight(x).total_cmp(&weight(y)).is_gt());
        }
    }
}

fn level_of(rating: &Rating) -> Level {
    Level { importance: rating.importance, level: rating.level }
}
