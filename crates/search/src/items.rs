//! O*NET's skill and knowledge ratings as a search signal: when a query
//! names a rated item ("programming", "fixing machines", "law"), careers
//! gain points in proportion to how important the item is to them and at
//! what level, scaled by how much of the query the name covers.
//!
//! Scores are whole hundredths, computed in the same order of operations
//! as `search.js` does, so the terminal and the browser add up the same
//! numbers.

use careerdiff_model::{Career, ItemKind, Rating, WORKER_ITEMS, WorkerItem};

use crate::terms::terms;

/// Points for an item that the whole query names and that a career rates
/// 5 of 5 for importance at level 7 of 7.
pub(crate) const RATING_WEIGHT: f64 = 150.0;

/// From this importance up, a career counts as matching the item's words
/// (O*NET's "Important").
pub(crate) const MATCH_IMPORTANCE: f64 = 3.0;

/// A career's rating on one item: importance and level. Items with no
/// level (suppressed, or rated not relevant) are left out.
pub(crate) type ItemRating = (f64, f64);

/// Every career's ratings, one slot per item of [`WORKER_ITEMS`].
pub(crate) fn ratings_of(career: &Career) -> Vec<Option<ItemRating>> {
    WORKER_ITEMS
        .iter()
        .map(|item| {
            let ratings = career.ratings.as_ref()?;
            let map = match item.kind {
                ItemKind::Skill => &ratings.skills,
                ItemKind::Knowledge => &ratings.knowledge,
            };
            let &Rating { importance, level } = map.get(item.name)?;
            level.map(|level| (importance, level))
        })
        .collect()
}

/// The terms of every phrase that names each item, by item.
pub(crate) fn item_phrases() -> Vec<Vec<Vec<String>>> {
    WORKER_ITEMS.iter().map(|item| item.phrases().map(terms).filter(|t| !t.is_empty()).collect()).collect()
}

/// An item that a query names.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Named {
    /// Its position in [`WORKER_ITEMS`].
    pub item: usize,
    /// The share of the query's terms its phrase covers, 0 to 1.
    pub share: f64,
    /// The positions of those terms in the query.
    pub covered: Vec<usize>,
}

/// The items `query` (its terms) names: for each, its longest phrase that
/// appears in the query as consecutive terms, unless those terms are part
/// of a longer phrase that names another item: "computer science" names
/// Computers and Electronics, not the Science skill too.
pub(crate) fn named_items(phrases: &[Vec<Vec<String>>], query: &[String]) -> Vec<Named> {
    let mut named = Vec::new();
    for (item, item_phrases) in phrases.iter().enumerate() {
        let best = item_phrases
            .iter()
            .filter_map(|phrase| {
                let start = query.windows(phrase.len()).position(|window| window == phrase.as_slice())?;
                Some((phrase.len(), start))
            })
            .max_by_key(|&(len, start)| (len, std::cmp::Reverse(start)));
        if let Some((len, start)) = best {
            named.push(Named { item, share: len as f64 / query.len() as f64, covered: (start..start + len).collect() });
        }
    }
    let within_longer = |n: &Named| {
        let inside = |m: &Named| m.covered.len() > n.covered.len() && n.covered.iter().all(|k| m.covered.contains(k));
        named.iter().any(inside)
    };
    let keep: Vec<bool> = named.iter().map(|n| !within_longer(n)).collect();
    named.into_iter().zip(keep).filter_map(|(n, keep)| keep.then_some(n)).collect()
}

/// The importance (of 5) from which O*NET's scale calls an item very
/// important.
pub(crate) const VERY_IMPORTANT: f64 = 4.0;

/// The points a rating earns for an item named with `share`.
pub(crate) fn rating_points(share: f64, (importance, level): ItemRating) -> i64 {
    (RATING_WEIGHT * share * importance * level / 35.0 * 100.0).round() as i64
}

/// How a result says it matched an item: "rated very important on
/// Programming (4.6 of 5; level 5.4 of 7)".
pub(crate) fn rating_reason(item: &WorkerItem, (importance, level): ItemRating) -> String {
    // Named from the figure as shown: 4.97 reads "5.0 of 5", and is
    // extremely important as every other 5.0 is.
    let label = match (importance * 10.0).round() / 10.0 {
        i if i >= 5.0 => "extremely important",
        i if i >= VERY_IMPORTANT => "very important",
        i if i >= 3.0 => "important",
        i if i >= 2.0 => "somewhat important",
        _ => "not important",
    };
    let kind = if item.kind == ItemKind::Knowledge { " knowledge" } else { "" };
    format!(
        "rated {label} on {}{kind} ({} of 5; level {} of 7)",
        item.name,
        careerdiff_model::display::tenths(importance),
        careerdiff_model::display::tenths(level)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(text: &str) -> Vec<String> {
        terms(text)
    }

    fn names(text: &str) -> Vec<(&'static str, f64)> {
        named_items(&item_phrases(), &query(text)).iter().map(|n| (WORKER_ITEMS[n.item].name, n.share)).collect()
    }

    #[test]
    fn queries_name_items_by_name_or_everyday_words() {
        assert_eq!(names("programming"), [("Programming", 1.0)]);
        assert_eq!(names("fixing machines"), [("Repairing", 1.0)], "machines are what is fixed");
        assert_eq!(names("computer science"), [("Computers and Electronics", 1.0)], "not the Science skill");
        assert_eq!(names("science"), [("Science", 1.0)]);
        assert_eq!(names("Active Listening"), [("Active Listening", 1.0)]);
        assert_eq!(names("law firm"), [("Law and Government", 0.5)]);
        assert!(names("registered nurse").is_empty());
        assert!(names("program").is_empty(), "a stem is not the word");
    }

    #[test]
    fn both_mathematics_items_are_named() {
        let kinds: Vec<_> =
            named_items(&item_phrases(), &query("mathematics")).iter().map(|n| WORKER_ITEMS[n.item].kind).collect();
        assert_eq!(kinds, [ItemKind::Skill, ItemKind::Knowledge]);
    }

    #[test]
    fn points_grow_with_importance_level_and_share() {
        assert!(rating_points(1.0, (4.5, 5.0)) > rating_points(1.0, (4.0, 5.0)));
        assert!(rating_points(1.0, (4.0, 5.5)) > rating_points(1.0, (4.0, 5.0)));
        assert!(rating_points(1.0, (4.0, 5.0)) > rating_points(0.5, (4.0, 5.0)));
        assert_eq!(rating_points(1.0, (5.0, 7.0)), (RATING_WEIGHT * 100.0) as i64);
    }

    #[test]
    fn reasons_give_both_figures_rounded_half_up() {
        let item = WORKER_ITEMS.iter().find(|i| i.name == "Programming").unwrap();
        assert_eq!(rating_reason(item, (4.62, 5.25)), "rated very important on Programming (4.6 of 5; level 5.3 of 7)");
        assert!(rating_reason(item, (4.97, 6.0)).starts_with("rated extremely important on Programming (5.0 of 5;"));
        assert!(rating_reason(item, (3.96, 6.0)).starts_with("rated very important on Programming (4.0 of 5;"));
        let law = WORKER_ITEMS.iter().find(|i| i.name == "Law and Government").unwrap();
        assert!(rating_reason(law, (3.0, 2.0)).starts_with("rated important on Law and Government knowledge"));
    }
}
