//! The careerdiff search index: a tantivy index over everything imported
//! about each career — titles, alternate titles, technologies, tools, task
//! statements, description — plus O*NET's skill and knowledge ratings, and
//! the one relevance model that the terminal, the local server and the
//! static site's search all rank by.
//!
//! The model, in full:
//! - text is cut into [`terms`] (plurals folded, no stemming);
//! - each query term scores each career by tantivy's BM25 in its best
//!   field, times that field's boost ([`document::Field::boost`]), in
//!   whole hundredths; common terms count for less, as BM25's idf (one
//!   per term, across careers) has it;
//! - a query that names a rated skill or knowledge area adds
//!   [`items::rating_points`] for every career rated on it;
//! - careers are ordered by: the query is their title (then: an
//!   alternate title, or the subject their title names its practitioners
//!   by, as "statistics" names Statisticians); how many query
//!   terms they match; total points; their employment (BLS jobs now,
//!   the most first; careers without it after, in content order).
//!
//! [`SearchIndex::search`] answers a query with ranked [`Hit`]s that say
//! why they matched. [`static_index`] writes each term's points per career
//! as JSON shards, so that `search.js` adds up the very same numbers.

mod document;
mod items;
mod postings;
mod query;
mod reasons;
mod schema;
mod static_index;
mod subjects;
mod terms;

pub use static_index::{SHARD_KEY_LEN, StaticFile, plain_slug, shard_key, static_index};
pub use terms::{fold, phrase_pairs, terms};

use std::collections::{HashMap, HashSet};

use careerdiff_model::Content;
use serde::Serialize;
use tantivy::{Index, Searcher};

use document::{CareerDoc, Field};
use items::ItemRating;
use schema::Fields;

/// Errors from building or querying the index.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// tantivy failed (I/O or a corrupt index).
    #[error("search index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// Reading the in-memory index failed.
    #[error("search index: {0}")]
    Io(#[from] std::io::Error),
}

/// One career that matched a query.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// The career's slug.
    pub slug: String,
    /// Its title.
    pub title: String,
    /// Its category, if known.
    pub category: Option<String>,
    /// Relevance points; higher is better.
    pub score: f64,
    /// How many of the query's terms it matches.
    pub matched_terms: usize,
    /// Why it matched, most telling first: "rated very important on
    /// Programming (4.6 of 5; level 5.4 of 7)", "task: …", "tool: …".
    pub reasons: Vec<String>,
}

/// Ranks many queries with [`SearchIndex::rank`]'s order, looking each
/// term up in the index once: a site ranks the careers of thousands of
/// skill pages by the skill's name, and the names share most of their
/// words. It keeps every term it has seen (a few MB for a site's skill
/// names), so it is for a batch, not for visitors' queries.
pub struct BatchRanker {
    index: std::sync::Arc<SearchIndex>,
    memo: std::sync::Mutex<HashMap<String, query::Postings>>,
}

impl BatchRanker {
    /// The `limit` best careers for `query`, as [`SearchIndex::rank`] gives them.
    pub fn rank(&self, query: &str, limit: usize) -> Result<Vec<usize>, SearchError> {
        let postings_of = |term: &str| {
            let known = self.memo.lock().unwrap_or_else(std::sync::PoisonError::into_inner).get(term).cloned();
            if let Some(postings) = known {
                return Ok(postings);
            }
            let postings = query::Postings::from(self.index.term_points(term)?);
            let mut memo = self.memo.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            memo.insert(term.to_owned(), std::sync::Arc::clone(&postings));
            Ok(postings)
        };
        let ranking = query::Ranking::run_with(&self.index, query, postings_of)?;
        Ok(ranking.order.into_iter().take(limit).map(|s| s.career).collect())
    }
}

/// A career as results show it.
struct Listing {
    slug: String,
    title: String,
    category: Option<String>,
}

/// A digest of everything the search index of `content` is made from:
/// each career's indexed texts, ratings, slug, title, category and
/// employment. Two contents with the same digest give the same rankings
/// and the same static search files (from the same program), so a build
/// can reuse them instead of indexing again.
pub fn input_digest(content: &Content) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut hasher = DefaultHasher::new();
    content.careers.len().hash(&mut hasher);
    for career in &content.careers {
        for (field, text) in CareerDoc::new(career, &content.taxonomy).texts {
            (field.name(), text).hash(&mut hasher);
        }
        for rating in items::ratings_of(career) {
            rating.map(|(importance, level)| (importance.to_bits(), level.to_bits())).hash(&mut hasher);
        }
        (&career.slug, &career.title, &career.category, career.employment).hash(&mut hasher);
    }
    hasher.finish()
}

/// Each career's place by employment, the most jobs first, then by
/// position in the content (see [`SearchIndex::prominence`]).
fn prominence(content: &Content) -> Vec<u32> {
    let mut order: Vec<usize> = (0..content.careers.len()).collect();
    order.sort_by_key(|&c| std::cmp::Reverse(content.careers[c].employment.unwrap_or(0)));
    let mut places = vec![0; order.len()];
    for (place, &c) in order.iter().enumerate() {
        places[c] = place as u32;
    }
    places
}

/// A searchable index of careers.
pub struct SearchIndex {
    /// The index is built once and never changes: one searcher serves
    /// every query.
    searcher: Searcher,
    /// For each segment, the career of each document.
    careers_by_doc: Vec<Vec<usize>>,
    fields: Fields,
    listings: Vec<Listing>,
    docs: Vec<CareerDoc>,
    /// Each career's ratings, one slot per worker item.
    ratings: Vec<Vec<Option<ItemRating>>>,
    /// The terms of each worker item's names.
    item_phrases: Vec<Vec<Vec<String>>>,
    /// Careers by the terms of their title and each alternate title,
    /// joined by spaces: 2 for the title, 1 for an alternate title or the
    /// subject the title names its practitioners by ([`subjects`]).
    exact_titles: HashMap<String, Vec<(usize, u8)>>,
    /// Each career's place when all are ordered by employment, the most
    /// jobs first (careers without a figure after, in content order): the
    /// last word between careers with equal points, as a searcher is more
    /// likely after the job that more people do.
    prominence: Vec<u32>,
    /// Each career's [`reasons::BestTexts`], made when first asked for.
    best_texts: Vec<std::sync::OnceLock<reasons::BestTexts>>,
}

impl SearchIndex {
    /// Indexes every career of `content` in memory.
    pub fn build_in_ram(content: &Content) -> Result<Self, SearchError> {
        let (schema, fields) = schema::build();
        let index = Index::create_in_ram(schema);
        schema::register(&index);
        let mut writer = index.writer_with_num_threads(1, 50_000_000)?;
        let docs: Vec<CareerDoc> = content.careers.iter().map(|c| CareerDoc::new(c, &content.taxonomy)).collect();
        let mut exact_titles: HashMap<String, Vec<(usize, u8)>> = HashMap::new();
        let mut add_title = |title: Vec<String>, idx: usize, tier: u8| {
            let list = exact_titles.entry(title.join(" ")).or_default();
            match list.iter_mut().find(|(career, _)| *career == idx) {
                Some(entry) => entry.1 = entry.1.max(tier),
                None => list.push((idx, tier)),
            }
        };
        for (idx, doc) in docs.iter().enumerate() {
            writer.add_document(fields.document(idx, doc))?;
            for (field, text) in &doc.texts {
                match field {
                    Field::Title => add_title(terms(text), idx, 2),
                    Field::AlternateTitle => add_title(terms(text), idx, 1),
                    _ => {}
                }
            }
            // The subject a title names its practitioners by counts as an
            // alternate title ("statistics" for Statisticians).
            let words: HashSet<String> = doc
                .texts
                .iter()
                .filter(|(field, _)| matches!(field, Field::Task | Field::Summary))
                .flat_map(|(_, text)| terms(text))
                .collect();
            let rated = subjects::rated_terms(&content.careers[idx]);
            let own = subjects::Own { words: &words, rated: &rated };
            for (_, text) in doc.texts.iter().filter(|(field, _)| *field == Field::Title) {
                subjects::subject_titles(&terms(text), &own).into_iter().for_each(|t| add_title(t, idx, 1));
            }
        }
        writer.commit()?;
        let searcher = index.reader()?.searcher();
        let mut careers_by_doc = Vec::new();
        for segment in searcher.segment_readers() {
            let column = segment.fast_fields().u64("career")?;
            careers_by_doc.push((0..segment.max_doc()).map(|doc| column.first(doc).unwrap_or(0) as usize).collect());
        }
        let listings = content
            .careers
            .iter()
            .map(|c| Listing { slug: c.slug.clone(), title: c.title.clone(), category: c.category.clone() })
            .collect();
        Ok(SearchIndex {
            searcher,
            careers_by_doc,
            fields,
            listings,
            docs,
            ratings: content.careers.iter().map(items::ratings_of).collect(),
            item_phrases: items::item_phrases(),
            exact_titles,
            prominence: prominence(content),
            best_texts: (0..content.careers.len()).map(|_| std::sync::OnceLock::new()).collect(),
        })
    }

    /// What explains the matches of career `career` (by position in
    /// `Content::careers`).
    pub(crate) fn reason_finder(&self, career: usize) -> reasons::ReasonFinder<'_> {
        let doc = &self.docs[career];
        reasons::ReasonFinder::new(doc, self.best_texts[career].get_or_init(|| reasons::best_texts(doc)))
    }

    /// The positions (in `Content::careers`) of the `limit` best careers
    /// for `query`, best first, without explaining them: for ranking
    /// lists at build time.
    pub fn rank(&self, query: &str, limit: usize) -> Result<Vec<usize>, SearchError> {
        Ok(query::Ranking::run(self, query)?.order.into_iter().take(limit).map(|s| s.career).collect())
    }

    /// A ranker for many queries (see [`BatchRanker`]).
    pub fn batch_ranker(self: &std::sync::Arc<Self>) -> BatchRanker {
        BatchRanker { index: std::sync::Arc::clone(self), memo: Default::default() }
    }

    /// The `limit` best careers for `query`, best first, each saying why it
    /// matched. An empty query finds nothing.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, SearchError> {
        Ok(self.search_counted(query, limit)?.0)
    }

    /// [`SearchIndex::search`], and how many careers match in all (for an
    /// honest count), from one ranking.
    pub fn search_counted(&self, query: &str, limit: usize) -> Result<(Vec<Hit>, usize), SearchError> {
        self.search_where(query, limit, |_| true)
    }

    /// [`SearchIndex::search_counted`] among the careers `keep` accepts (by
    /// position in `Content::careers`): the same ranking with the others
    /// left out, and how many of the kept careers match.
    pub fn search_where(
        &self,
        query: &str,
        limit: usize,
        keep: impl Fn(usize) -> bool,
    ) -> Result<(Vec<Hit>, usize), SearchError> {
        let ranking = query::Ranking::run(self, query)?;
        let kept: Vec<&query::Scored> = ranking.order.iter().filter(|scored| keep(scored.career)).collect();
        let hits = kept
            .iter()
            .take(limit)
            .map(|scored| {
                let listing = &self.listings[scored.career];
                Hit {
                    slug: listing.slug.clone(),
                    title: listing.title.clone(),
                    category: listing.category.clone(),
                    score: scored.points as f64 / 100.0,
                    matched_terms: scored.matched,
                    reasons: ranking.reasons(self, scored),
                }
            })
            .collect();
        Ok((hits, kept.len()))
    }
}

#[cfg(test)]
mod tests;
