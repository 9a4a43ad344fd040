//! The careerdiff search index: a tantivy index over careers (title,
//! alternate titles, skills, category, summary) and the query API that the
//! CLI, the local server and the static search data are built on.
//!
//! [`SearchIndex::build_in_ram`] indexes a `careerdiff_model::Content`;
//! [`SearchIndex::search`] answers a free-text query with ranked [`Hit`]s,
//! each naming the career's skills that matched. [`static_index`] writes
//! the same careers as small JSON shards for search on a static site.

mod analyzer;
mod schema;
mod static_index;

pub use static_index::{SHARD_KEY_LEN, StaticFile, plain_slug, shard_key, static_index, words};

use std::collections::HashSet;

use careerdiff_model::{Content, Taxonomy};
use serde::Serialize;
use tantivy::Term;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, QueryParser, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::schema::Value;
use tantivy::{DocAddress, Index, IndexReader, Searcher, TantivyDocument};

use schema::Fields;

/// Errors from building or querying the index.
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// tantivy failed (I/O or a corrupt index).
    #[error("search index: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
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
    /// Relevance (BM25 with field boosts); higher is better.
    pub score: f32,
    /// The career's skill phrases that contain a word of the query.
    pub matched_skills: Vec<String>,
}

/// A searchable index of careers.
pub struct SearchIndex {
    index: Index,
    taxonomy: Taxonomy,
    reader: IndexReader,
    fields: Fields,
}

/// How much a match in each field counts: a title match outranks an
/// alternate title, which outranks a skill, which outranks body text.
const BOOSTS: &[(&str, f32)] = &[
    ("title", 8.0),
    ("alternate_titles", 4.0),
    ("in_demand_skills", 2.0),
    ("skills", 1.5),
    ("canonical_skills", 1.0),
    ("category", 1.0),
    ("summary", 0.5),
];

/// Weight of the query's words appearing together, in order.
const PHRASE_BOOST: f32 = 2.0;
/// Weight of the share of a career's skills in the queried skill's family.
const FAMILY_BOOST: f32 = 3.0;

impl SearchIndex {
    /// Indexes every career of `content` in memory.
    pub fn build_in_ram(content: &Content) -> Result<Self, SearchError> {
        let (schema, fields) = schema::build();
        let index = Index::create_in_ram(schema);
        analyzer::register(&index);
        let mut writer = index.writer_with_num_threads(1, 50_000_000)?;
        for (idx, career) in content.careers.iter().enumerate() {
            writer.add_document(fields.document(idx, career, &content.taxonomy))?;
        }
        writer.commit()?;
        let reader = index.reader()?;
        Ok(SearchIndex { index, taxonomy: content.taxonomy.clone(), reader, fields })
    }

    /// The positions (in `Content::careers`) of the `limit` best careers
    /// for `query`, best first: a cheap [`SearchIndex::search`] that reads
    /// no stored text, for ranking lists at build time.
    pub fn rank(&self, query: &str, limit: usize) -> Result<Vec<usize>, SearchError> {
        let searcher = self.reader.searcher();
        let top = self.top(&searcher, query, limit)?;
        // One column reader per segment, not per hit: opening it looks the
        // column up in the segment's dictionary.
        let mut columns = Vec::new();
        for segment in searcher.segment_readers() {
            columns.push(segment.fast_fields().u64("career")?);
        }
        let career = |address: DocAddress| columns[address.segment_ord as usize].first(address.doc_id);
        Ok(top.into_iter().filter_map(|(_, address)| career(address).map(|c| c as usize)).collect())
    }

    /// The `limit` best careers for `query`, best first: first those that
    /// match every word, then those that match some. Query syntax errors
    /// are forgiven (the words are searched as they are); an empty query
    /// finds nothing.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, SearchError> {
        if query.trim().is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let searcher = self.reader.searcher();
        let top = self.top(&searcher, query, limit)?;
        let query_words = analyzer::words(&self.index, query);
        top.into_iter().map(|(score, address)| self.hit(&searcher.doc(address)?, score, &query_words)).collect()
    }

    /// Every word first, then any word, up to `limit` hits.
    fn top(&self, searcher: &Searcher, query: &str, limit: usize) -> Result<Vec<(f32, DocAddress)>, SearchError> {
        let mut top = searcher.search(&self.parse(query, true), &TopDocs::with_limit(limit))?;
        if top.len() < limit {
            let some = searcher.search(&self.parse(query, false), &TopDocs::with_limit(limit))?;
            // A set, not a scan of `top`: ranking asks for every career, and
            // common words match hundreds.
            let mut seen: HashSet<DocAddress> = top.iter().map(|&(_, a)| a).collect();
            for (score, address) in some {
                if top.len() < limit && seen.insert(address) {
                    top.push((score, address));
                }
            }
        }
        Ok(top)
    }

    /// The query for `text`: its words in the boosted fields (all of them
    /// or any), plus two signals that only reorder what matched: the words
    /// as a phrase, and, when the text names a canonical skill, how many of
    /// a career's skills share that skill's family — "python" ranks careers
    /// built on programming languages above those that list Python once.
    fn parse(&self, text: &str, every_word: bool) -> Box<dyn Query> {
        let fields: Vec<_> = BOOSTS.iter().map(|(name, _)| self.fields.get(name)).collect();
        let mut parser = QueryParser::for_index(&self.index, fields);
        for (name, boost) in BOOSTS {
            parser.set_field_boost(self.fields.get(name), *boost);
        }
        let words = parser.parse_query_lenient(text).0;
        parser.set_conjunction_by_default();
        let words = if every_word { parser.parse_query_lenient(text).0 } else { words };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Must, words)];
        let plain: String = text.chars().filter(|c| c.is_alphanumeric() || c.is_whitespace()).collect();
        if plain.split_whitespace().count() > 1 {
            let phrase = parser.parse_query_lenient(&format!("\"{plain}\"")).0;
            clauses.push((Occur::Should, Box::new(BoostQuery::new(phrase, PHRASE_BOOST))));
        }
        if let Some(family) = self.taxonomy.find_phrase(text).and_then(|i| self.taxonomy.get(i).family.as_deref()) {
            let term = Term::from_field_text(self.fields.skill_families, family);
            let query = TermQuery::new(term, IndexRecordOption::WithFreqs);
            clauses.push((Occur::Should, Box::new(BoostQuery::new(Box::new(query), FAMILY_BOOST))));
        }
        Box::new(BooleanQuery::new(clauses))
    }

    fn hit(&self, doc: &TantivyDocument, score: f32, query_words: &[String]) -> Result<Hit, SearchError> {
        let text = |name: &str| doc.get_first(self.fields.get(name)).and_then(|v| v.as_str()).map(str::to_owned);
        let matched_skills = doc
            .get_all(self.fields.skills)
            .filter_map(|v| v.as_str())
            .filter(|skill| analyzer::words(&self.index, skill).iter().any(|w| query_words.contains(w)))
            .map(str::to_owned)
            .collect();
        Ok(Hit {
            slug: text("slug").unwrap_or_default(),
            title: text("title").unwrap_or_default(),
            category: text("category"),
            score,
            matched_skills,
        })
    }
}

#[cfg(test)]
mod tests;
