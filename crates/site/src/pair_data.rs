//! The template values of pair pages, built from parts made once per
//! career: a pair page shows the same skill items, links to other pairs
//! and collection links as hundreds of other pair pages, so those are
//! template values made once and shared (a `Value` clone is a reference
//! count), and only what belongs to the pair is serialised per page.

use std::sync::OnceLock;

use careerdiff_compare::{Comparison, SkillList};
use minijinja::{Value, context};

use crate::plan::{Plan, SIMILAR_SHOWN};
use crate::urls::{collection_path, pair_path};

/// Template values reused across pair pages.
pub(crate) struct PairParts {
    /// Each career's skill phrases as template values, made on first use.
    phrases: Vec<OnceLock<Vec<Value>>>,
    /// Each career's similar careers that have a pair page with it, as
    /// (career index, link).
    pair_links: Vec<Vec<(usize, Value)>>,
    /// A link to each collection.
    collection_links: Vec<Value>,
}

impl PairParts {
    pub(crate) fn new(plan: &Plan<'_>) -> Self {
        let content = plan.comparer.content();
        let careers = &content.careers;
        let pair_links = plan
            .similar
            .iter()
            .enumerate()
            .map(|(me, similar)| {
                similar
                    .iter()
                    .filter(|s| plan.has_pair(me, s.index))
                    .map(|s| (s.index, context! { title => s.title, url => pair_path(&careers[me].slug, &s.slug) }))
                    .collect()
            })
            .collect();
        let collection_links = content
            .collections
            .iter()
            .map(|c| context! { title => c.title, url => collection_path(&c.slug) })
            .collect();
        PairParts { phrases: careers.iter().map(|_| OnceLock::new()).collect(), pair_links, collection_links }
    }

    /// The skill items of `list`, a list of career `career`'s phrases.
    fn skill_items(&self, career: usize, list: &SkillList<'_>) -> Value {
        let all = self.phrases[career].get_or_init(|| list.all_items().map(Value::from_serialize).collect());
        list.phrases().iter().map(|&p| all[p as usize].clone()).collect()
    }

    /// Links to pages comparing career `me` with careers other than `other`.
    pub(crate) fn others(&self, me: usize, other: usize) -> Vec<Value> {
        let links = self.pair_links[me].iter().filter(|(index, _)| *index != other);
        links.take(SIMILAR_SHOWN - 1).map(|(_, link)| link.clone()).collect()
    }

    /// A link to collection `c`.
    pub(crate) fn collection_link(&self, c: usize) -> Value {
        self.collection_links[c].clone()
    }

    /// The `cmp` value of the page comparing careers `i` and `j`: the same
    /// value as `Value::from_serialize(comparison)`, with the skill items
    /// taken from the per-career parts.
    pub(crate) fn comparison(&self, (i, j): (usize, usize), c: &Comparison<'_>) -> Value {
        let s = &c.skills;
        let skills = context! {
            only_a => self.skill_items(i, &s.only_a),
            shared => Value::from_serialize(&s.shared),
            only_b => self.skill_items(j, &s.only_b),
            related => Value::from_serialize(&s.related),
            overlap_percent => s.overlap_percent,
            distinct => s.distinct,
        };
        context! {
            a => Value::from_serialize(&c.a),
            b => Value::from_serialize(&c.b),
            similarity => c.similarity,
            glance => Value::from_serialize(&c.glance),
            skills,
            transitions => Value::from_serialize(&c.transitions),
            choose_a => Value::from_serialize(&c.choose_a),
            choose_b => Value::from_serialize(&c.choose_b),
            conclusion => Value::from_serialize(&c.conclusion),
        }
    }
}

#[cfg(test)]
mod tests {
    use careerdiff_compare::Comparer;
    use minijinja::Value;

    use crate::BuildOptions;
    use crate::plan::Plan;

    use super::PairParts;

    /// The parts-built value must be exactly what serialising the
    /// comparison gives, so templates see one contract.
    #[test]
    fn comparison_value_equals_the_serialised_comparison() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        let content = careerdiff_model::load_content(&root).expect("default content loads");
        let comparer = Comparer::new(&content);
        let plan = Plan::new(&comparer, &BuildOptions::new("unused"));
        let parts = PairParts::new(&plan);
        let n = content.careers.len();
        for (i, j) in [(0, 1), (0, n - 1), (3, 40), (n / 2, n / 2 + 1)] {
            let mut c = comparer.compare(i, j);
            c.skills.only_a.truncate(12);
            let built = parts.comparison((i, j), &c);
            let serialised = Value::from_serialize(&c);
            assert_eq!(format!("{built:?}"), format!("{serialised:?}"), "pair {i} {j}");
            assert!(!c.skills.only_a.is_empty() || !c.skills.only_b.is_empty(), "the pair has skill items");
        }
    }
}
