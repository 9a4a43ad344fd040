//! The template values of pair pages, built from parts made once per
//! career: a pair page shows the same skill items, links to other pairs
//! and collection links as hundreds of other pair pages, so those are
//! template values made once and shared (a `Value` clone is a reference
//! count), and only what belongs to the pair is serialised per page.
//! The lists of skill items and links print whole ([`HtmlList`]): their
//! HTML is rendered once by the theme's `skill` and `link_item` macros
//! (macros.html), given the pair pages' root.

use careerdiff_compare::{Comparison, SkillItem, SkillList};
use minijinja::{Value, context};
use rayon::prelude::*;
use serde::Serialize;

use crate::SiteError;
use crate::fields::fields;
use crate::fragments::{HtmlList, Shown, page_root};
use crate::glance_view::GlanceCells;
use crate::item_links::ItemUrls;
use crate::plan::{Plan, SIMILAR_SHOWN};
use crate::theme::Theme;
use crate::urls::{collection_path, pair_path, skill_path};

/// The template and macro that render one skill item.
pub(crate) const SKILL_MACRO: (&str, &str) = ("macros.html", "skill");
/// The template and macro that render one link of a list.
pub(crate) const LINK_MACRO: (&str, &str) = ("macros.html", "link_item");

/// A skill item as pair pages see it: its fields and the page of its
/// first canonical skill, the one shape the `skill` macro takes.
#[derive(Serialize)]
struct ShownSkill<'c> {
    #[serde(flatten)]
    item: SkillItem<'c>,
    /// Its skill page from the site root, if it stands for a skill.
    url: Option<String>,
}

/// Template values reused across pair pages.
pub(crate) struct PairParts {
    /// Each career's skill phrases as template values, in file order.
    phrases: Vec<Vec<Shown>>,
    /// Each career's similar careers that have a pair page with it, as
    /// (career index, link).
    pair_links: Vec<Vec<(usize, Shown)>>,
    /// A link to each collection.
    collection_links: Vec<Shown>,
    /// The glance table's cells.
    pub(crate) glance: GlanceCells,
    /// The pages of the profile's skills and knowledge areas.
    item_urls: ItemUrls,
}

impl PairParts {
    pub(crate) fn new(plan: &Plan, theme: &Theme) -> Result<Self, SiteError> {
        let comparer = &plan.comparer;
        let content = comparer.content();
        // Every pair page lives at the depth of this one.
        let root = Value::from(page_root(&pair_path("a", "b")));
        let phrases = (0..content.careers.len())
            .into_par_iter()
            .map(|c| shown_skills(theme, &root, &comparer.skills_of(c)))
            .collect::<Result<_, _>>()?;
        let careers = &content.careers;
        let pair_links = plan
            .similar
            .par_iter()
            .enumerate()
            .map(|(me, similar)| {
                let others: Vec<_> = similar.iter().filter(|s| plan.has_pair(me, s.index)).collect();
                let urls = others.iter().map(|s| (s.title.as_str(), pair_path(&careers[me].slug, &s.slug)));
                Ok(others.iter().map(|s| s.index).zip(links(theme, &root, urls)?).collect())
            })
            .collect::<Result<_, SiteError>>()?;
        let collection_links =
            links(theme, &root, content.collections.iter().map(|c| (c.title.as_str(), collection_path(&c.slug))))?;
        let glance = GlanceCells::new(theme, careers)?;
        Ok(PairParts { phrases, pair_links, collection_links, glance, item_urls: ItemUrls::new() })
    }

    /// The skill items of `list`, a list of career `career`'s phrases.
    fn skill_items(&self, career: usize, list: &SkillList<'_>) -> Value {
        let all = &self.phrases[career];
        HtmlList::value(list.phrases().iter().map(|&p| &all[p as usize]))
    }

    /// Links to pages comparing career `me` with careers other than `other`.
    pub(crate) fn others(&self, me: usize, other: usize) -> Value {
        let links = self.pair_links[me].iter().filter(|(index, _)| *index != other);
        HtmlList::value(links.take(SIMILAR_SHOWN - 1).map(|(_, link)| link))
    }

    /// Hashes what pair pages read of career `c` made here: its skill
    /// items and its links to other pairs, with their HTML.
    pub(crate) fn career_fingerprint(&self, c: usize, hasher: &mut impl std::hash::Hasher) {
        use std::hash::Hash;
        for shown in &self.phrases[c] {
            shown.html.as_str().hash(hasher);
        }
        for (other, link) in &self.pair_links[c] {
            (other, link.html.as_str()).hash(hasher);
        }
    }

    /// Links to collections `collections`.
    pub(crate) fn collection_links(&self, collections: impl Iterator<Item = usize>) -> Value {
        HtmlList::value(collections.map(|c| &self.collection_links[c]))
    }

    /// The `cmp` value of the page comparing careers `i` and `j`: the same
    /// value as `Value::from_serialize(comparison)`, with the skill items
    /// taken from the per-career parts and each profile row's item page.
    pub(crate) fn comparison(&self, (i, j): (usize, usize), c: &Comparison<'_>) -> Value {
        let s = &c.skills;
        let skills = fields! {
            only_a => self.skill_items(i, &s.only_a),
            shared => Value::from_serialize(&s.shared),
            only_b => self.skill_items(j, &s.only_b),
            related => Value::from_serialize(&s.related),
            overlap_percent => s.overlap_percent,
            distinct => s.distinct,
            listed => s.listed.plural(),
        };
        fields! {
            a => Value::from_serialize(&c.a),
            b => Value::from_serialize(&c.b),
            similarity => c.similarity,
            glance => c.glance.iter().map(|row| self.glance.row((i, j), (c.a.title, c.b.title), row)).collect::<Vec<_>>(),
            skills,
            profile => self.item_urls.profile(&c.profile),
            transitions => Value::from_serialize(&c.transitions),
            choose_a => Value::from_serialize(&c.choose_a),
            choose_b => Value::from_serialize(&c.choose_b),
            conclusion => Value::from_serialize(&c.conclusion),
        }
    }
}

/// Links with the given titles and URLs, with their HTML on pages at `root`.
fn links<'t>(
    theme: &Theme,
    root: &Value,
    links: impl Iterator<Item = (&'t str, String)>,
) -> Result<Vec<Shown>, SiteError> {
    let plain: Vec<Value> = links.map(|(title, url)| context! { title, url }).collect();
    let html = theme.call_macro(LINK_MACRO, plain.iter().map(|link| [link.clone(), root.clone()]))?;
    Ok(plain.into_iter().zip(html).map(|(value, html)| Shown { value, html }).collect())
}

/// The items of `list` with their HTML on pages at `root`.
fn shown_skills(theme: &Theme, root: &Value, list: &SkillList<'_>) -> Result<Vec<Shown>, SiteError> {
    let values: Vec<Value> = list
        .iter()
        .map(|item| {
            let url = item.skill_ids.first().map(|id| skill_path(id));
            Value::from_serialize(ShownSkill { item, url })
        })
        .collect();
    let html = theme.call_macro(SKILL_MACRO, values.iter().map(|item| [item.clone(), root.clone()]))?;
    Ok(values.into_iter().zip(html).map(|(value, html)| Shown { value, html }).collect())
}

#[cfg(test)]
mod tests {
    use careerdiff_compare::Comparer;
    use minijinja::Value;

    use crate::plan::Plan;
    use crate::theme::Theme;

    use super::{PairParts, SKILL_MACRO};

    /// Asserts that `built` holds everything `expected` holds, at `path`.
    fn assert_holds(built: &Value, expected: &Value, path: &str) {
        if let Some(keys) = expected.as_object().filter(|_| expected.kind() == minijinja::value::ValueKind::Map) {
            for key in keys.try_iter().into_iter().flatten() {
                let inner = built.get_item(&key).unwrap_or_default();
                assert_holds(&inner, &expected.get_item(&key).unwrap_or_default(), &format!("{path}.{key}"));
            }
        } else if expected.kind() == minijinja::value::ValueKind::Seq {
            assert_eq!(built.len(), expected.len(), "{path}: length");
            for (n, (b, e)) in built.try_iter().unwrap().zip(expected.try_iter().unwrap()).enumerate() {
                assert_holds(&b, &e, &format!("{path}[{n}]"));
            }
        } else {
            assert_eq!(built, expected, "{path}");
        }
    }

    /// The parts-built value holds everything serialising the comparison
    /// gives, so templates see one contract; each listed skill item has
    /// its skill page, and the list prints the theme's rendering of its
    /// items at the pair pages' root.
    #[test]
    fn comparison_value_holds_the_serialised_comparison_and_item_html() {
        let content = crate::plan::tests::default_content();
        let comparer = std::sync::Arc::new(Comparer::new(content.clone()));
        let plan = Plan::new(comparer.clone(), None);
        let theme = Theme::load(None).expect("the default theme loads");
        let parts = PairParts::new(&plan, &theme).expect("the skill macro renders");
        let n = content.careers.len();
        for (i, j) in [(0, 1), (0, n - 1), (3, 40), (n / 2, n / 2 + 1)] {
            let mut c = comparer.compare(i, j);
            c.skills.only_a.truncate(12);
            let built = parts.comparison((i, j), &c);
            let serialised = Value::from_serialize(&c);
            assert_holds(&built, &serialised, &format!("pair {i} {j}"));
            let only_a = |v: &Value| v.get_attr("skills").and_then(|s| s.get_attr("only_a")).unwrap();
            let items = only_a(&built);
            let root = Value::from("../");
            let html =
                theme.call_macro(SKILL_MACRO, items.try_iter().unwrap().map(|item| [item, root.clone()])).unwrap();
            for (item, expected) in items.try_iter().unwrap().zip(c.skills.only_a.iter()) {
                let url = expected.skill_ids.first().map(|id| crate::urls::skill_path(id));
                assert_eq!(item.get_attr("url").unwrap(), Value::from(url), "pair {i} {j}: the item's skill page");
            }
            let whole: String = html.iter().map(|h| format!("{h}\n")).collect();
            assert_eq!(
                only_a(&built).get_attr("html").unwrap().as_str(),
                Some(whole.as_str()),
                "the list prints whole"
            );
            assert!(html.iter().all(|h| h.as_str().is_some_and(|h| h.starts_with("<li>"))), "{html:?}");
            assert!(!c.skills.only_a.is_empty() || !c.skills.only_b.is_empty(), "the pair has skill items");
        }
    }
}
