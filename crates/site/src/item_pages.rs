//! The pages of O*NET's 35 skills and 33 knowledge areas: one per item
//! ("Negotiation — careers where it matters most", ranked by
//! `item_ranking`) and their index, with each item's everyday words.
//! Every item gets its page, rated by any career or not, so its URL never
//! depends on the content.

use std::collections::BTreeSet;

use careerdiff_model::{Career, ItemKind, WORKER_ITEMS, WORKER_ITEMS_SOURCE, WorkerItem, display};
use minijinja::{Value, context};
use rayon::prelude::*;

use crate::item_ranking::{IMPORTANT, RankedCareer, rank, rating_shown};
use crate::pages::page;
use crate::urls::{ITEMS_INDEX_PATH, career_path, item_path};

/// How many careers an item's page ranks.
pub(crate) const CAREERS_SHOWN: usize = 50;
/// How many careers without a level an item's page names.
const UNLEVELED_SHOWN: usize = 20;

/// The context of item `n`'s page (`WORKER_ITEMS[n]`).
pub(crate) fn item(careers: &[Career], site: &Value, n: usize) -> Value {
    let item = &WORKER_ITEMS[n];
    let ranked = rank(careers, item);
    let path = item_path(item);
    let name = display_name(item);
    let title = format!("{name} — careers where it matters most");
    let description = format!(
        "The careers where {name} matters most, ranked by O*NET's importance and level ratings: {}",
        item.description
    );
    item_context(careers, item, &ranked, site, &path, title, description)
}

/// The context of the index of skills and knowledge areas.
pub(crate) fn index(careers: &[Career], site: &Value) -> Value {
    let entries: Vec<Value> = WORKER_ITEMS.par_iter().map(|item| index_entry(item, &rank(careers, item))).collect();
    let (mut skills, mut knowledge) = (Vec::new(), Vec::new());
    for (item, entry) in WORKER_ITEMS.iter().zip(entries) {
        match item.kind {
            ItemKind::Skill => skills.push(entry),
            ItemKind::Knowledge => knowledge.push(entry),
        }
    }
    let title = "Skills and knowledge areas".to_owned();
    let description = "The skills and knowledge areas O*NET rates every career on, in everyday words, each \
                       with the careers where it matters most."
        .to_owned();
    context! {
        site, page => page(ITEMS_INDEX_PATH, title, description, "../"),
        skills, knowledge, descriptions_source => WORKER_ITEMS_SOURCE,
    }
}

/// The template context of one item's page.
fn item_context(
    careers: &[Career],
    item: &WorkerItem,
    ranked: &[RankedCareer],
    site: &Value,
    path: &str,
    title: String,
    description: String,
) -> Value {
    let row = |r: &RankedCareer| {
        let career = &careers[r.career];
        context! {
            title => career.title, url => career_path(&career.slug), category => career.category,
            importance => rating_shown(r.importance), level => r.level.map(rating_shown),
            score => r.score().map(display::tenths),
        }
    };
    let leveled: Vec<&RankedCareer> = ranked.iter().filter(|r| r.level.is_some()).take(CAREERS_SHOWN).collect();
    let unleveled_important: Vec<&RankedCareer> =
        ranked.iter().filter(|r| r.level.is_none() && r.importance >= IMPORTANT).collect();
    let shown = leveled.iter().chain(unleveled_important.iter().take(UNLEVELED_SHOWN));
    let source = ratings_source(item, shown.map(|r| &careers[r.career]));
    context! {
        site, page => page(path, title, description, "../"),
        item => context! {
            name => display_name(item), onet_name => item.name, kind => item.kind.to_string(),
            description => item.description, lay_words => item.lay_words,
        },
        careers => leveled.iter().map(|r| row(r)).collect::<Vec<_>>(),
        unleveled => unleveled_important.iter().take(UNLEVELED_SHOWN).map(|r| row(r)).collect::<Vec<_>>(),
        unleveled_more => unleveled_important.len().saturating_sub(UNLEVELED_SHOWN),
        n_rated => ranked.len(),
        n_important => ranked.iter().filter(|r| r.importance >= IMPORTANT).count(),
        source, descriptions_source => WORKER_ITEMS_SOURCE,
    }
}

/// An item in the index: its name, page, everyday words and how many
/// careers rate it important.
fn index_entry(item: &WorkerItem, ranked: &[RankedCareer]) -> Value {
    context! {
        name => display_name(item), url => item_path(item), lay_words => item.lay_words,
        n_important => ranked.iter().filter(|r| r.importance >= IMPORTANT).count(),
    }
}

/// The item's name, with its kind when a skill and a knowledge area share
/// it ("Mathematics (skill)", "Mathematics (knowledge area)").
pub(crate) fn display_name(item: &WorkerItem) -> String {
    let shared = WORKER_ITEMS.iter().any(|other| other.name == item.name && other.kind != item.kind);
    if shared { format!("{} ({})", item.name, item.kind) } else { item.name.to_owned() }
}

/// Where the ratings of `shown` come from: the O*NET releases their
/// imports name (the importer writes `ratings` and `onet` under
/// `[provenance]`), and the site's writers for ratings without provenance.
fn ratings_source<'c>(item: &WorkerItem, shown: impl Iterator<Item = &'c Career>) -> String {
    let mut releases = BTreeSet::new();
    let mut by_writers = false;
    for career in shown {
        match (career.provenance.get("ratings"), career.provenance.get("onet")) {
            (Some(_), Some(release)) => releases.insert(release.as_str()),
            (Some(_), None) => releases.insert("O*NET"),
            (None, _) => {
                by_writers = true;
                false
            }
        };
    }
    let file = match item.kind {
        ItemKind::Skill => "Skills",
        ItemKind::Knowledge => "Knowledge",
    };
    let mut parts: Vec<String> = releases
        .into_iter()
        .map(|release| format!("{release} {file}, importance (IM) and level (LV) ratings"))
        .collect();
    if by_writers {
        parts.push("careerdiff writers (careers not rated by O*NET)".to_owned());
    }
    parts.join("; ")
}

#[cfg(test)]
mod tests {
    use careerdiff_model::{Career, ItemKind, worker_item};

    use super::{display_name, ratings_source};

    #[test]
    fn names_shared_by_a_skill_and_a_knowledge_area_say_which() {
        let skill = worker_item(ItemKind::Skill, "Mathematics").unwrap();
        let knowledge = worker_item(ItemKind::Knowledge, "Mathematics").unwrap();
        assert_eq!(display_name(skill), "Mathematics (skill)");
        assert_eq!(display_name(knowledge), "Mathematics (knowledge area)");
        assert_eq!(display_name(worker_item(ItemKind::Skill, "Negotiation").unwrap()), "Negotiation");
    }

    #[test]
    fn the_source_names_each_release_and_the_writers() {
        let imported = |release: &str| {
            let mut career = Career::default();
            career.provenance.insert("onet".into(), release.into());
            career.provenance.insert("ratings".into(), format!("{release} Skills and Knowledge"));
            career
        };
        let careers = [imported("O*NET 29.2"), imported("O*NET 30.0"), imported("O*NET 29.2")];
        let negotiation = worker_item(ItemKind::Skill, "Negotiation").unwrap();
        assert_eq!(
            ratings_source(negotiation, careers.iter()),
            "O*NET 29.2 Skills, importance (IM) and level (LV) ratings; \
             O*NET 30.0 Skills, importance (IM) and level (LV) ratings"
        );
        let design = worker_item(ItemKind::Knowledge, "Design").unwrap();
        let written = Career::default();
        let source = ratings_source(design, [&careers[0], &written].into_iter());
        assert!(source.starts_with("O*NET 29.2 Knowledge, importance (IM)"), "{source}");
        assert!(source.ends_with("careerdiff writers (careers not rated by O*NET)"), "{source}");
    }
}
