//! O*NET skill and knowledge ratings of two careers side by side: what
//! matters most to either, where they differ most, what both need, and the
//! gaps a move from one to the other has to close.
//!
//! Ratings are on O*NET's scales: importance 1–5 (3 is "important") and
//! level 0–7. A career without ratings has none, never zeros: a pair where
//! either side lacks them gets no profile and no gaps.

use serde::Serialize;

/// O*NET calls an item important to the work from this importance on.
pub(crate) const IMPORTANT: f64 = 3.0;
/// How many items the side-by-side profile shows.
pub(crate) const PROFILE_ITEMS: usize = 12;
/// How many items "where they differ most" and "what both need" name.
pub(crate) const HIGHLIGHTS: usize = 3;
/// Levels this close read as the same.
pub(crate) const SAME_LEVEL: f64 = 0.5;

/// Whether an item is a skill or a knowledge area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RatingKind {
    /// One of O*NET's 35 skills ("Active Listening").
    Skill,
    /// One of O*NET's 33 knowledge areas ("Mathematics").
    Knowledge,
}

impl RatingKind {
    /// "skill" or "knowledge", to tell O*NET's Mathematics skill from its
    /// Mathematics knowledge area in a sentence.
    pub fn word(self) -> &'static str {
        match self {
            RatingKind::Skill => "skill",
            RatingKind::Knowledge => "knowledge",
        }
    }
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

/// How many gaps a move lists.
pub(crate) const GAPS_SHOWN: usize = 5;

/// A skill or knowledge area the career moved to needs most, for a move
/// from a career without ratings (whose gap is unknown).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Need<'c> {
    /// The item's O*NET name.
    pub name: &'c str,
    /// Skill or knowledge area.
    pub kind: RatingKind,
    /// The level the career moved to needs, 0–7.
    pub level: f64,
    /// Its importance to that career, 1–5.
    pub importance: f64,
}

/// What a move from one career to another asks, from their ratings.
#[derive(Debug, Default)]
pub(crate) struct Gaps<'c> {
    /// The first [`GAPS_SHOWN`] items the end rates important and needs
    /// at a clearly higher level, ordered by importance to the end times
    /// the gap.
    pub top: Vec<Gap<'c>>,
    /// How many items the end rates important and needs at a clearly
    /// higher level.
    pub count: usize,
    /// The sum of importance × gap over every item the end rates important
    /// that goes up, added in item order, in fifths (0 when either side
    /// has no ratings).
    pub total: f64,
    /// Whether both careers have ratings (then the gaps are measured).
    pub rated: bool,
    /// When only the end has ratings: the first [`GAPS_SHOWN`] items it
    /// rates important, by importance × level (otherwise empty).
    pub needs: Vec<Need<'c>>,
}
