//! Links from career and pair pages to the pages of O*NET's skills and
//! knowledge areas: a career's important items as its page shows them, and
//! a pair's profile rows with the URL of each item's page.

use std::collections::HashMap;

use careerdiff_compare::{Profile, RatedItem, RatingKind};
use careerdiff_model::{Career, ItemKind, WORKER_ITEMS, worker_item};
use minijinja::Value;
use serde::Serialize;

use crate::fields::fields;
use crate::item_ranking::{IMPORTANT, rating_shown};
use crate::urls::item_path;

/// One item a career is rated on, as its page shows it.
#[derive(Debug, Serialize)]
pub(crate) struct CareerItem<'c> {
    pub name: &'c str,
    /// "skill" or "knowledge area".
    pub kind: String,
    /// Importance, 1–5, as shown.
    pub importance: String,
    /// Level, 0–7, as shown, when O*NET published one.
    pub level: Option<String>,
    /// The item's page, for the items the site has a page for.
    pub url: Option<String>,
}

/// The items O*NET rates important to `career` (3 or more of 5), most
/// important first, then the higher level, then by name.
pub(crate) fn important_items(career: &Career) -> Vec<CareerItem<'_>> {
    let Some(ratings) = &career.ratings else { return Vec::new() };
    let skills = ratings.skills.iter().map(|(name, r)| (ItemKind::Skill, name, r));
    let knowledge = ratings.knowledge.iter().map(|(name, r)| (ItemKind::Knowledge, name, r));
    let mut items: Vec<_> = skills.chain(knowledge).filter(|(_, _, r)| r.importance >= IMPORTANT).collect();
    items.sort_by(|x, y| {
        let level = |r: &careerdiff_model::Rating| r.level.unwrap_or(-1.0);
        y.2.importance.total_cmp(&x.2.importance).then(level(y.2).total_cmp(&level(x.2))).then(x.1.cmp(y.1))
    });
    items
        .into_iter()
        .map(|(kind, name, rating)| CareerItem {
            name,
            kind: kind.to_string(),
            importance: rating_shown(rating.importance),
            level: rating.level.map(rating_shown),
            url: worker_item(kind, name).map(item_path),
        })
        .collect()
}

/// One row of a pair's profile with the URL of its item's page.
#[derive(Serialize)]
struct LinkedItem<'c, 'u> {
    #[serde(flatten)]
    item: &'c RatedItem<'c>,
    url: Option<&'u str>,
}

/// Every item's page path, made once for all pair pages.
pub(crate) struct ItemUrls {
    skills: HashMap<&'static str, String>,
    knowledge: HashMap<&'static str, String>,
}

impl ItemUrls {
    pub(crate) fn new() -> Self {
        let of = |kind| WORKER_ITEMS.iter().filter(|i| i.kind == kind).map(|i| (i.name, item_path(i))).collect();
        ItemUrls { skills: of(ItemKind::Skill), knowledge: of(ItemKind::Knowledge) }
    }

    fn url(&self, item: &RatedItem<'_>) -> Option<&str> {
        let table = match item.kind {
            RatingKind::Skill => &self.skills,
            RatingKind::Knowledge => &self.knowledge,
        };
        table.get(item.name).map(String::as_str)
    }

    /// A pair's profile as `Value::from_serialize` gives it, with `url`
    /// on each row of its `items`.
    pub(crate) fn profile(&self, profile: &Profile<'_>) -> Value {
        let items: Vec<Value> =
            profile.items.iter().map(|item| Value::from_serialize(LinkedItem { item, url: self.url(item) })).collect();
        fields! {
            items,
            differ_most => Value::from_serialize(&profile.differ_most),
            both_need => Value::from_serialize(&profile.both_need),
        }
    }
}

#[cfg(test)]
mod tests {
    use careerdiff_compare::{Level, Profile, RatedItem, RatingKind};
    use careerdiff_model::{Career, ItemKind, Rating, Ratings, worker_item};

    use super::{ItemUrls, important_items};
    use crate::urls::item_path;

    #[test]
    fn a_career_lists_its_important_items_most_important_first_with_their_pages() {
        let mut ratings = Ratings::default();
        let rate = |importance, level| Rating { importance, level };
        ratings.skills.insert("Negotiation".into(), rate(3.5, Some(4.25)));
        ratings.skills.insert("Writing".into(), rate(4.0, None));
        ratings.skills.insert("Speaking".into(), rate(2.9, Some(6.0)));
        ratings.knowledge.insert("Mathematics".into(), rate(3.5, Some(5.0)));
        ratings.knowledge.insert("Astrology".into(), rate(3.0, Some(1.0)));
        let career = Career { ratings: Some(ratings), ..Career::default() };
        let items = important_items(&career);
        let names: Vec<&str> = items.iter().map(|i| i.name).collect();
        assert_eq!(names, ["Writing", "Mathematics", "Negotiation", "Astrology"], "Speaking is not important");
        assert_eq!((items[1].kind.as_str(), items[1].importance.as_str()), ("knowledge area", "3.50"));
        assert_eq!(items[2].level.as_deref(), Some("4.25"));
        assert_eq!(items[0].level, None, "a withheld level stays missing");
        let maths = worker_item(ItemKind::Knowledge, "Mathematics").unwrap();
        assert_eq!(items[1].url, Some(item_path(maths)), "the knowledge area's page, not the skill's");
        assert_eq!(items[3].url, None, "no page for a name O*NET does not rate");
        assert!(important_items(&Career::default()).is_empty());
    }

    #[test]
    fn profile_rows_carry_their_item_s_page() {
        let level = Level { importance: 4.0, level: Some(4.0) };
        let row = |name, kind| RatedItem { name, kind, a: level, b: level };
        let profile = Profile {
            items: vec![row("Negotiation", RatingKind::Skill), row("Mathematics", RatingKind::Knowledge)],
            ..Profile::default()
        };
        let value = ItemUrls::new().profile(&profile);
        let items = value.get_attr("items").unwrap();
        let url = |n: usize| items.get_item(&n.into()).unwrap().get_attr("url").unwrap();
        let negotiation = worker_item(ItemKind::Skill, "Negotiation").unwrap();
        assert_eq!(url(0).as_str(), Some(item_path(negotiation).as_str()));
        let maths = worker_item(ItemKind::Knowledge, "Mathematics").unwrap();
        assert_eq!(url(1).as_str(), Some(item_path(maths).as_str()));
        assert_eq!(items.get_item(&0.into()).unwrap().get_attr("name").unwrap().as_str(), Some("Negotiation"));
    }
}
