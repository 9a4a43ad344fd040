//! One query, ranked: each term's points per career from the index, the
//! rated items the query names, and the order that `search.js` reproduces
//! (see the crate documentation for the rules).

use std::collections::{HashMap, HashSet};

use careerdiff_model::WORKER_ITEMS;

use crate::items::{self, MATCH_IMPORTANCE, Named};
use crate::terms::{phrase_pairs, terms};
use crate::{SearchError, SearchIndex};

/// How many of a term's best careers carry the reason they match it, in
/// the index and in the static shards alike.
pub(crate) const REASONED_POSTINGS: usize = 20;

/// Most reasons a result gives.
const MAX_REASONS: usize = 3;

/// A term's points per career, best first: (career, points).
pub(crate) type Postings = std::sync::Arc<[(usize, i64)]>;

/// A career's standing for a query.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scored {
    pub career: usize,
    /// The query is the career's title (2) or one of its alternate
    /// titles (1), plurals folded; else 0.
    pub title_match: u8,
    /// How many distinct query terms it matches.
    pub matched: usize,
    pub points: i64,
}

/// A ranked query.
pub(crate) struct Ranking {
    /// The query's distinct terms, in order, then its distinct pairs of
    /// neighbouring terms ("first aid").
    terms: Vec<String>,
    /// How many of `terms` are single terms; pairs follow, and only
    /// single terms explain a match (a pair's text is one of its words').
    words: usize,
    /// For each term, its postings best first: (career, points).
    postings: Vec<Postings>,
    named: Vec<Named>,
    /// Careers that match at all, best first.
    pub order: Vec<Scored>,
}

impl Ranking {
    pub(crate) fn run(index: &SearchIndex, query: &str) -> Result<Self, SearchError> {
        Ranking::run_with(index, query, |term| Ok(Postings::from(index.term_points(term)?)))
    }

    /// [`Ranking::run`] with each term's postings from `postings_of`
    /// (which may have looked the term up before).
    pub(crate) fn run_with(
        index: &SearchIndex,
        query: &str,
        postings_of: impl Fn(&str) -> Result<Postings, SearchError>,
    ) -> Result<Self, SearchError> {
        let all_terms = terms(query);
        let mut seen = HashSet::new();
        let mut scored_terms: Vec<String> = all_terms.iter().filter(|t| seen.insert((*t).clone())).cloned().collect();
        let n_words = scored_terms.len();
        let phrases = phrase_pairs(&all_terms);
        scored_terms.extend(phrases.into_iter().filter(|p| seen.insert(p.clone())));
        let postings = scored_terms.iter().map(|t| postings_of(t)).collect::<Result<Vec<_>, _>>()?;
        let named = items::named_items(&index.item_phrases, &all_terms);
        let mut by_career: HashMap<usize, (i64, Vec<bool>)> = HashMap::new();
        for (k, list) in postings.iter().enumerate() {
            for &(career, points) in list.iter() {
                let (sum, matched) = by_career.entry(career).or_insert_with(|| (0, vec![false; n_words]));
                *sum += points;
                if k < n_words {
                    matched[k] |= points > 0;
                }
            }
        }
        for named in &named {
            let covered: Vec<usize> =
                named.covered.iter().filter_map(|&at| scored_terms.iter().position(|t| *t == all_terms[at])).collect();
            for (career, ratings) in index.ratings.iter().enumerate() {
                let Some(rating) = ratings[named.item] else { continue };
                let (sum, matched) = by_career.entry(career).or_insert_with(|| (0, vec![false; n_words]));
                *sum += items::rating_points(named.share, rating);
                if rating.0 >= MATCH_IMPORTANCE {
                    covered.iter().for_each(|&k| matched[k] = true);
                }
            }
        }
        let titles: HashMap<usize, u8> =
            index.exact_titles.get(&all_terms.join(" ")).into_iter().flatten().copied().collect();
        let mut order: Vec<Scored> = by_career
            .into_iter()
            .map(|(career, (points, matched))| Scored {
                career,
                title_match: titles.get(&career).copied().unwrap_or(0),
                matched: matched.iter().filter(|&&m| m).count(),
                points,
            })
            .filter(|s| s.matched > 0)
            .collect();
        order.sort_by(|a, b| {
            (b.title_match, b.matched, b.points)
                .cmp(&(a.title_match, a.matched, a.points))
                .then(index.prominence[a.career].cmp(&index.prominence[b.career]))
        });
        Ok(Ranking { terms: scored_terms, words: n_words, postings, named, order })
    }

    /// Why `scored` matched: the rated items the query names that matter
    /// to it, then its best terms' reasons where the term's postings carry
    /// one (its [`REASONED_POSTINGS`] best careers).
    pub(crate) fn reasons(&self, index: &SearchIndex, scored: &Scored) -> Vec<String> {
        let career = scored.career;
        let mut rated: Vec<(i64, String)> = self
            .named
            .iter()
            .filter_map(|named| {
                let rating = index.ratings[career][named.item].filter(|r| r.0 >= MATCH_IMPORTANCE)?;
                Some((
                    items::rating_points(named.share, rating),
                    items::rating_reason(&WORKER_ITEMS[named.item], rating),
                ))
            })
            .collect();
        rated.sort_by_key(|r| std::cmp::Reverse(r.0));
        let mut by_term: Vec<(i64, usize)> = self
            .postings
            .iter()
            .enumerate()
            .take(self.words)
            .filter_map(|(k, list)| {
                let rank = list.iter().position(|&(c, _)| c == career)?;
                (rank < REASONED_POSTINGS && list[rank].1 > 0).then_some((list[rank].1, k))
            })
            .collect();
        by_term.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut reasons: Vec<String> = rated.into_iter().map(|(_, reason)| reason).collect();
        let finder = index.reason_finder(career);
        for (_, k) in by_term {
            if let Some(reason) = finder.reason(&self.terms[k])
                && !reasons.contains(&reason)
            {
                reasons.push(reason);
            }
        }
        reasons.truncate(MAX_REASONS);
        reasons
    }
}
