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

    /// The items both careers rate, in item order.
    fn both(&self, a: usize, b: usize) -> Vec<RatedItem<'c>> {
        let (ea, eb) = (&self.careers[a], &self.careers[b]);
        let mut out = Vec::with_capacity(ea.len().min(eb.len()));
        crate::skills::for_each_match_by(
            ea,
            eb,
            |e| e.item,
            |i, j| {
                let (name, kind) = self.items[ea[i].item as usize];
                out.push(RatedItem { name, kind, a: ea[i].level, b: eb[j].level });
            },
        );
        out
    }

    /// The side-by-side profile of careers `a` and `b`, and the gaps of
    /// the move from `a` to `b` and from `b` to `a` (see [`gaps`]). The
    /// rated items are merged once; sorts are stable over the items' id
    /// order, so ties keep one order for any thread count.
    pub(crate) fn pair(&self, a: usize, b: usize) -> (Profile<'c>, [(Vec<Gap<'c>>, f64); 2]) {
        let both = self.both(a, b);
        let mut items: Vec<RatedItem<'c>> = both.iter().filter(|i| i.importance() >= IMPORTANT).copied().collect();
        items.sort_by(|x, y| y.importance().total_cmp(&x.importance()));
        let mut differ_most: Vec<RatedItem<'c>> =
            items.iter().filter(|i| i.difference().abs() >= SAME_LEVEL).copied().collect();
        let weight = |i: &RatedItem<'_>| i.difference().abs() * i.importance();
        differ_most.sort_by(|x, y| weight(y).total_cmp(&weight(x)));
        differ_most.truncate(HIGHLIGHTS);
        let both_need: Vec<RatedItem<'c>> = items
            .iter()
            .filter(|i| i.a.importance >= IMPORTANT && i.b.importance >= IMPORTANT)
            .filter(|i| i.a.level.is_some() && i.b.level.is_some() && i.difference().abs() < SAME_LEVEL)
            .take(HIGHLIGHTS)
            .copied()
            .collect();
        items.truncate(PROFILE_ITEMS);
        let to_b = gaps(both.iter().map(|i| (i.name, i.kind, i.a, i.b)));
        let to_a = gaps(both.iter().map(|i| (i.name, i.kind, i.b, i.a)));
        (Profile { items, differ_most, both_need }, [to_b, to_a])
    }
}

/// What a move asks, from each rated item as (name, kind, rating where the
/// move starts, rating where it ends): the items the end needs at a clearly
/// higher level, ordered by importance to the end times the gap, and the
/// sum of importance × gap over every item that goes up, in fifths (0 when
/// either side has no ratings).
fn gaps<'c>(items: impl Iterator<Item = (&'c str, RatingKind, Level, Level)>) -> (Vec<Gap<'c>>, f64) {
    let mut total = 0.0;
    let mut gaps: Vec<(f64, Gap<'c>)> = Vec::new();
    for (name, kind, from, to) in items {
        let Some((from_level, to_level)) = from.level.zip(to.level) else { continue };
        let gap = to_level - from_level;
        if gap <= 0.0 {
            continue;
        }
        total += to.importance * gap;
        if gap >= SAME_LEVEL {
            gaps.push((to.importance * gap, Gap { name, kind, from_level, to_level, importance: to.importance }));
        }
    }
    gaps.sort_by(|x, y| y.0.total_cmp(&x.0));
    (gaps.into_iter().map(|(_, g)| g).collect(), total / 5.0)
}

fn level_of(rating: &Rating) -> Level {
    Level { importance: rating.importance, level: rating.level }
}
