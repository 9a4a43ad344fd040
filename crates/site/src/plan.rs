//! Everything a build computes once before rendering: the pairs that get a
//! page, each career's similar careers and view, which careers use each
//! skill (ranked when a skill page first asks), and each collection's
//! careers.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use careerdiff_compare::{Comparer, Similar};
use careerdiff_model::{Career, PairPolicy};
use minijinja::{Value, context};
use rayon::prelude::*;

use crate::Ranker;
use crate::urls::{career_path, pair_path};
use crate::views::{CareerView, SimilarView};

/// How many similar careers a career page and a pair page link to.
pub(crate) const SIMILAR_SHOWN: usize = 6;
/// How many comparisons the home page features.
const POPULAR_SHOWN: usize = 12;

pub(crate) struct Plan {
    pub comparer: Arc<Comparer>,
    /// The pairs that get a page, `(i, j)` with `i < j`, sorted.
    pub pairs: Vec<(u32, u32)>,
    /// Each career's view, ready for templates.
    pub careers: Vec<Value>,
    /// Each career's most similar careers.
    pub similar: Vec<Vec<Similar>>,
    /// Each skill used by any career (index into the taxonomy) with its
    /// careers: in-demand first, then hot, then in content order.
    pub skills: Vec<(usize, Vec<usize>)>,
    /// Each collection's careers, in the collection's order.
    pub collections: Vec<Vec<usize>>,
    /// The collections each career is in, in collection order.
    pub career_collections: Vec<Vec<usize>>,
    /// Ranks the careers of skill pages ([`crate::SiteOptions::rank`]).
    rank: Option<Arc<Ranker>>,
    /// Each skill's careers, best match first: ranked on first use, since
    /// the ranking may wait for a search index that is still being made
    /// and most rebuilds render no skill page.
    ranked: OnceLock<Vec<Vec<usize>>>,
}

impl Plan {
    pub(crate) fn new(comparer: Arc<Comparer>, rank: Option<Arc<Ranker>>) -> Self {
        let content = comparer.content();
        let pairs = comparer.pairs(&content.site.pairs);
        let similar = comparer.all_similar(SIMILAR_SHOWN + 1);
        let collections: Vec<Vec<usize>> = content.collections.iter().map(|c| c.select(&content.careers)).collect();
        let mut career_collections = vec![Vec::new(); content.careers.len()];
        for (c, members) in collections.iter().enumerate() {
            for &career in members {
                if career_collections[career].last() != Some(&c) {
                    career_collections[career].push(c);
                }
            }
        }
        let mut plan = Plan {
            comparer,
            pairs,
            careers: Vec::new(),
            similar,
            skills: Vec::new(),
            collections,
            career_collections,
            rank,
            ranked: OnceLock::new(),
        };
        let content = plan.comparer.content();
        plan.careers = content.careers.par_iter().enumerate().map(|(i, c)| plan.career_view(i, c)).collect();
        plan.skills = plan.skill_careers();
        plan
    }

    /// The careers of the `k`th skill, best match first: ranked by the
    /// search index when the site was given one (`SiteOptions::rank`),
    /// else in [`Plan::skills`]' order. The first call ranks every skill's
    /// careers.
    pub(crate) fn ranked_skill_careers(&self, k: usize) -> &[usize] {
        let ranked = self.ranked.get_or_init(|| match &self.rank {
            Some(rank) => self.skills.par_iter().map(|(id, careers)| self.ranked_by(&**rank, *id, careers)).collect(),
            None => self.skills.iter().map(|(_, careers)| careers.clone()).collect(),
        });
        &ranked[k]
    }

    fn ranked_by(&self, rank: &Ranker, id: usize, careers: &[usize]) -> Vec<usize> {
        if careers.len() < 2 {
            return careers.to_vec();
        }
        rank(&self.comparer.content().taxonomy.get(id).name, careers)
    }

    pub(crate) fn has_pair(&self, i: usize, j: usize) -> bool {
        let key = (i.min(j) as u32, i.max(j) as u32);
        match self.comparer.content().site.pairs {
            PairPolicy::All => i != j,
            PairPolicy::Similar { .. } => self.pairs.binary_search(&key).is_ok(),
        }
    }

    fn career_view(&self, idx: usize, career: &Career) -> Value {
        let similar = self.similar[idx]
            .iter()
            .take(SIMILAR_SHOWN)
            .map(|s| SimilarView {
                slug: s.slug.clone(),
                title: s.title.clone(),
                score: s.score,
                career_url: career_path(&s.slug),
                pair_url: self.has_pair(idx, s.index).then(|| pair_path(&career.slug, &s.slug)),
            })
            .collect();
        let orders = (self.comparer.skill_order(idx), &self.comparer.learn_first(idx));
        Value::from_serialize(CareerView::new(career, &self.comparer.content().taxonomy, similar, orders))
    }

    /// Which careers use each canonical skill: in-demand first, then hot,
    /// then in content order (by slug).
    fn skill_careers(&self) -> Vec<(usize, Vec<usize>)> {
        let content = self.comparer.content();
        let taxonomy = &content.taxonomy;
        let mut users: BTreeMap<usize, Vec<(bool, bool, usize)>> = BTreeMap::new();
        for (c, career) in content.careers.iter().enumerate() {
            for skill in &career.skills {
                for id in taxonomy.canonical_ids(skill) {
                    users.entry(id).or_default().push((!skill.in_demand, !skill.hot, c));
                }
            }
        }
        users
            .into_par_iter()
            .map(|(id, mut list)| {
                list.sort_unstable();
                list.dedup_by_key(|x| x.2);
                (id, list.into_iter().map(|x| x.2).collect())
            })
            .collect()
    }

    /// The home page's featured comparisons: pairs of careers each in the
    /// other's similar list, with a page, that the most people face — the
    /// smaller of the two employments (BLS) the larger, then the more
    /// similar — each pair once. Careers without an employment figure come
    /// after, most similar first.
    pub(crate) fn popular(&self) -> Vec<Value> {
        let careers = &self.comparer.content().careers;
        let mut best: Vec<(u64, f64, usize, usize)> = Vec::new();
        for (i, list) in self.similar.iter().enumerate() {
            for s in list.iter().filter(|s| s.index > i && self.has_pair(i, s.index)) {
                let mutual = self.similar[s.index].iter().any(|back| back.index == i);
                let jobs = careers[i].employment.unwrap_or(0).min(careers[s.index].employment.unwrap_or(0));
                if mutual {
                    best.push((jobs, s.score, i, s.index));
                }
            }
        }
        best.sort_by(|x, y| y.0.cmp(&x.0).then(y.1.total_cmp(&x.1)).then((x.2, x.3).cmp(&(y.2, y.3))));
        best.into_iter()
            .take(POPULAR_SHOWN)
            .map(|(_, _, i, j)| {
                context! {
                    a => careers[i].title, b => careers[j].title,
                    url => pair_path(&careers[i].slug, &careers[j].slug),
                }
            })
            .collect()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::sync::Arc;

    use careerdiff_compare::Comparer;

    use super::Plan;

    /// The committed default content, for tests.
    pub(crate) fn default_content() -> careerdiff_model::Content {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        careerdiff_model::load_content(&root).expect("default content loads")
    }

    /// The plan of the default content, without a search index.
    pub(crate) fn default_plan() -> Plan {
        Plan::new(Arc::new(Comparer::new(Arc::new(default_content()))), None)
    }

    /// The featured comparisons are mutually similar careers, the pairs
    /// whose smaller employment is largest first.
    #[test]
    fn featured_comparisons_are_the_similar_pairs_most_people_face() {
        let plan = default_plan();
        let careers = &plan.comparer.content().careers;
        let by_title = |title: &str| careers.iter().position(|c| c.title == title).expect("a featured career");
        let featured: Vec<(usize, usize)> = plan
            .popular()
            .iter()
            .map(|p| {
                (
                    by_title(p.get_attr("a").unwrap().as_str().unwrap()),
                    by_title(p.get_attr("b").unwrap().as_str().unwrap()),
                )
            })
            .collect();
        assert_eq!(featured.len(), super::POPULAR_SHOWN);
        let jobs = |(i, j): (usize, usize)| careers[i].employment.unwrap_or(0).min(careers[j].employment.unwrap_or(0));
        assert!(featured.windows(2).all(|w| jobs(w[0]) >= jobs(w[1])), "largest first");
        assert!(jobs(featured[0]) > 1_000_000, "the first pair is among the largest occupations");
        for &(i, j) in &featured {
            let similar = |x: usize, y: usize| plan.similar[x].iter().any(|s| s.index == y);
            assert!(similar(i, j) && similar(j, i), "{} and {}", careers[i].title, careers[j].title);
        }
    }
}
