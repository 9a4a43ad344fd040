//! Which careers an O*NET skill or knowledge area matters to most, for its
//! page: importance × level, the two ratings O*NET gives every item.
//!
//! Importance (1–5) says how much the item matters to the work, level
//! (0–7) how much of it the work needs; their product ranks a career that
//! needs a lot of it, and needs it often, above one that needs a little
//! or seldom. O*NET withholds some levels (`Recommend Suppress`, or the
//! item is not relevant): such a career has no product and is never given
//! one — a missing figure is not guessed — so it ranks after every career
//! with a level, by importance alone. Careers that do not rate the item
//! (no ratings at all, or none for it) are not listed.
//!
//! Pages show the ratings to O*NET's two decimals, so that a reader can
//! multiply them to the score the list is sorted by.

use careerdiff_model::{Career, ItemKind, Rating, WorkerItem};

/// O*NET's "Important" anchor on the importance scale: from 3 of 5 on, an
/// item is important to the work.
pub(crate) const IMPORTANT: f64 = 3.0;

/// One career's rating of one item.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct RankedCareer {
    /// The career's position in `Content::careers`.
    pub career: usize,
    /// Importance, 1–5.
    pub importance: f64,
    /// Level, 0–7, when O*NET published one.
    pub level: Option<f64>,
}

impl RankedCareer {
    /// Importance × level, the ranking's score; `None` without a level.
    pub(crate) fn score(&self) -> Option<f64> {
        self.level.map(|level| self.importance * level)
    }
}

/// A rating as O*NET publishes it, to two decimals ("4.62", "3.50",
/// "4.00"), so that a column of them lines up: rounder figures would not
/// multiply to the importance × level that item pages rank by.
pub(crate) fn rating_shown(x: f64) -> String {
    format!("{x:.2}")
}

/// `career`'s rating of `item`, if it has one.
pub(crate) fn rating_of<'c>(career: &'c Career, item: &WorkerItem) -> Option<&'c Rating> {
    let ratings = career.ratings.as_ref()?;
    let table = match item.kind {
        ItemKind::Skill => &ratings.skills,
        ItemKind::Knowledge => &ratings.knowledge,
    };
    table.get(item.name)
}

/// Every career that rates `item`, where it matters most first: careers
/// with a level by importance × level, then by importance; then careers
/// without a level, by importance. Equal careers keep content order
/// (sorted by slug), so the ranking never depends on anything else.
pub(crate) fn rank(careers: &[Career], item: &WorkerItem) -> Vec<RankedCareer> {
    let mut ranked: Vec<RankedCareer> = careers
        .iter()
        .enumerate()
        .filter_map(|(career, c)| {
            let rating = rating_of(c, item)?;
            Some(RankedCareer { career, importance: rating.importance, level: rating.level })
        })
        .collect();
    ranked.sort_by(|x, y| {
        let has_level = |r: &RankedCareer| r.level.is_some();
        has_level(y)
            .cmp(&has_level(x))
            .then(y.score().unwrap_or(0.0).total_cmp(&x.score().unwrap_or(0.0)))
            .then(y.importance.total_cmp(&x.importance))
            .then(x.career.cmp(&y.career))
    });
    ranked
}

#[cfg(test)]
mod tests {
    use careerdiff_model::{Career, ItemKind, Rating, Ratings, WORKER_ITEMS, worker_item};

    use super::{RankedCareer, rank, rating_shown};

    fn negotiation() -> &'static careerdiff_model::WorkerItem {
        worker_item(ItemKind::Skill, "Negotiation").unwrap()
    }

    /// A career rating Negotiation as given (`None`: no ratings at all).
    fn career(slug: &str, negotiation: Option<(f64, Option<f64>)>) -> Career {
        let ratings = negotiation.map(|(importance, level)| {
            let mut ratings = Ratings::default();
            ratings.skills.insert("Negotiation".into(), Rating { importance, level });
            ratings.knowledge.insert("Mathematics".into(), Rating { importance: 5.0, level: Some(7.0) });
            ratings
        });
        Career { slug: slug.into(), title: slug.into(), ratings, ..Career::default() }
    }

    fn order(careers: &[Career]) -> Vec<&str> {
        rank(careers, negotiation()).iter().map(|r| careers[r.career].slug.as_str()).collect()
    }

    #[test]
    fn ratings_show_as_published_to_two_decimals() {
        assert_eq!([4.62, 3.5, 4.0, 0.0, 3.126].map(rating_shown), ["4.62", "3.50", "4.00", "0.00", "3.13"]);
    }

    #[test]
    fn careers_rank_by_importance_times_level() {
        let careers = [
            career("a", Some((4.0, Some(3.0)))), // 12
            career("b", Some((3.0, Some(5.0)))), // 15
            career("c", Some((5.0, Some(2.0)))), // 10
            career("d", Some((2.0, Some(7.0)))), // 14
        ];
        assert_eq!(order(&careers), ["b", "d", "a", "c"]);
        let ranked = rank(&careers, negotiation());
        assert_eq!(ranked[0], RankedCareer { career: 1, importance: 3.0, level: Some(5.0) });
        assert_eq!(ranked[0].score(), Some(15.0));
    }

    #[test]
    fn equal_scores_go_to_the_more_important_then_to_content_order() {
        let careers = [
            career("a", Some((3.0, Some(4.0)))),
            career("b", Some((4.0, Some(3.0)))),
            career("c", Some((3.0, Some(4.0)))),
            career("d", Some((4.0, Some(3.0)))),
        ];
        assert_eq!(order(&careers), ["b", "d", "a", "c"]);
        let mut reversed = careers.to_vec();
        reversed.reverse();
        assert_eq!(order(&reversed), ["d", "b", "c", "a"], "content order, whatever it is, breaks ties");
    }

    #[test]
    fn careers_without_a_level_come_after_every_level_by_importance() {
        let careers = [
            career("a", Some((4.5, None))),
            career("b", Some((1.0, Some(0.5)))),
            career("c", Some((2.0, None))),
            career("d", Some((3.0, Some(0.0)))),
        ];
        assert_eq!(order(&careers), ["b", "d", "a", "c"]);
        assert_eq!(rank(&careers, negotiation())[2].score(), None, "never given a guessed score");
    }

    #[test]
    fn careers_that_do_not_rate_the_item_are_absent() {
        let mut knows_no_negotiation = career("c", Some((4.0, Some(4.0))));
        knows_no_negotiation.ratings.as_mut().unwrap().skills.clear();
        let careers = [career("a", None), career("b", Some((2.0, Some(2.0)))), knows_no_negotiation];
        assert_eq!(order(&careers), ["b"]);
        // The knowledge area of the same name is another item.
        let maths = WORKER_ITEMS.iter().find(|i| i.kind == ItemKind::Skill && i.name == "Mathematics").unwrap();
        assert!(rank(&careers, maths).is_empty(), "careers rate Mathematics knowledge, not the skill");
    }
}
