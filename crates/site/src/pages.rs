//! The contexts of the pages about careers: home, 404, career, roadmap and
//! pair pages.

use std::collections::BTreeMap;

use careerdiff_compare::Comparison;
use minijinja::{Value, context};

use crate::fields::fields;
use crate::held::Held;
use crate::listings;
use crate::plan::Plan;
use crate::site::Site;
use crate::urls::{career_path, pair_path, roadmap_path};

/// How many skills of each list a pair page shows.
const SKILLS_SHOWN: usize = 12;
/// How many skills to learn first a pair page names per direction.
const LEARN_SHOWN: usize = 5;

/// The values every page's `page` variable holds.
pub(crate) fn page(path: &str, title: String, description: String, root: &str) -> Value {
    fields! { path, title, description, root }
}

/// The home page's context.
pub(crate) fn home(site: &Site, held: Held<'_>) -> Value {
    let (plan, content) = (&site.plan, site.content());
    let mut categories: BTreeMap<&str, Vec<Value>> = BTreeMap::new();
    for (c, career) in content.careers.iter().enumerate() {
        categories.entry(career.category.as_deref().unwrap_or("Other")).or_default().push(held.view(site, c));
    }
    context! {
        site => site.globals, page => page("", content.site.title.clone(), content.site.description.clone(), ""),
        categories, popular => plan.popular(), collections => listings::collection_links(plan),
        n_careers => content.careers.len(), n_pairs => plan.pairs.len(),
    }
}

/// The 404 page's context: it is served at any depth, so its root is the
/// base URL's path.
pub(crate) fn not_found(site: &Site) -> Value {
    let base_path = base_path(&site.content().site.base_url);
    context! { site => site.globals, page => page("404.html", "Page not found".into(), String::new(), &base_path) }
}

/// A career page's context.
pub(crate) fn career(site: &Site, idx: usize, held: Held<'_>) -> Value {
    let career = &site.content().careers[idx];
    let description =
        career.summary.clone().unwrap_or_else(|| format!("{}: pay, skills and how to get there.", career.title));
    let path = career_path(&career.slug);
    context! {
        site => site.globals, page => page(&path, career.title.clone(), description, "../"),
        career => held.view(site, idx),
    }
}

/// A career's roadmap page's context.
pub(crate) fn roadmap(site: &Site, idx: usize, held: Held<'_>) -> Value {
    let career = &site.content().careers[idx];
    let path = roadmap_path(&career.slug);
    let title = format!("{}: roadmap", crate::views::become_heading(career));
    let description = format!("The steps into {}: education, preparation and skills.", career.title);
    context! {
        site => site.globals, page => page(&path, title, description, "../"), career => held.view(site, idx),
    }
}

/// A pair page's context, from the comparison of careers `i` and `j`.
pub(crate) fn pair(site: &Site, (i, j): (usize, usize), mut comparison: Comparison<'_>) -> Value {
    // A pair page shows the most useful few skills of each list and says
    // how many more there are; only those few go to the template.
    let skills = &mut comparison.skills;
    let counts =
        fields! { only_a => skills.only_a.len(), shared => skills.shared.len(), only_b => skills.only_b.len() };
    skills.only_a.truncate(SKILLS_SHOWN);
    skills.shared.truncate(SKILLS_SHOWN);
    skills.only_b.truncate(SKILLS_SHOWN);
    comparison.transitions.iter_mut().for_each(|t| t.learn.truncate(LEARN_SHOWN));
    let (plan, parts) = (&site.plan, &site.parts);
    let careers = &site.content().careers;
    let (a, b) = (&careers[i], &careers[j]);
    let path = pair_path(&a.slug, &b.slug);
    let title = format!("{} vs {}", a.title, b.title);
    let description = format!(
        "{} vs {}: salary, demand, AI replacement risk, shared skills and how to move between them.",
        a.title, b.title
    );
    let related = parts.collection_links(pair_collections(plan, (i, j)).into_iter());
    fields! {
        site => site.globals.clone(), page => page(&path, title, description, "../"),
        a => plan.careers[i].clone(), b => plan.careers[j].clone(),
        cmp => parts.comparison((i, j), &comparison), counts,
        others_a => parts.others(i, j), others_b => parts.others(j, i), collections => related,
    }
}

/// The collections a pair page links to: those with either career, those
/// with both first, at most four.
pub(crate) fn pair_collections(plan: &Plan, (i, j): (usize, usize)) -> Vec<usize> {
    // From the two careers' short lists, not a scan of every collection's
    // members: it is asked for every pair page a build fingerprints.
    let (of_a, of_b) = (&plan.career_collections[i], &plan.career_collections[j]);
    let mut related: Vec<usize> = of_a.iter().chain(of_b.iter().filter(|c| !of_a.contains(c))).copied().collect();
    related.sort_unstable();
    related.sort_by_key(|c| !(of_a.contains(c) && of_b.contains(c)));
    related.truncate(4);
    related
}

/// The path part of the base URL ("https://x.org/sub/" → "/sub/"), for
/// pages such as 404 that are served at any depth.
fn base_path(base_url: &str) -> String {
    let after_scheme = base_url.split_once("://").map_or(base_url, |(_, rest)| rest);
    match after_scheme.find('/') {
        Some(i) if base_url.contains("://") => after_scheme[i..].to_owned(),
        _ if base_url.starts_with('/') => base_url.to_owned(),
        _ => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::pair_collections;

    /// The merge gives what the definition says: collections with both
    /// careers first, then those with either, each group in collection
    /// order, at most four.
    #[test]
    fn pair_collections_are_those_with_both_then_either() {
        let plan = crate::plan::tests::default_plan();
        let n = plan.career_collections.len();
        let mut checked = 0;
        for (i, j) in (0..n).step_by(37).flat_map(|i| (0..n).step_by(53).map(move |j| (i, j))).filter(|(i, j)| i != j) {
            let has = |c: usize, k: usize| plan.collections[c].contains(&k);
            let with = |both: bool| (0..plan.collections.len()).filter(move |&c| (has(c, i) && has(c, j)) == both);
            let expected: Vec<usize> =
                with(true).chain(with(false).filter(|&c| has(c, i) || has(c, j))).take(4).collect();
            assert_eq!(pair_collections(&plan, (i, j)), expected, "pair ({i}, {j})");
            checked += usize::from(!expected.is_empty());
        }
        assert!(checked > 0, "some pairs are in collections");
    }
}
