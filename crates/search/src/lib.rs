//! The careerdiff search index: a tantivy index over careers (title,
//! alternate titles, skills, category, summary) and the query API that the
//! CLI, the local server and the static search data are built on.
//!
//! [`SearchIndex::build_in_ram`] indexes a `careerdiff_model::Content`;
//! [`SearchIndex::search`] answers a free-text query with ranked [`Hit`]s,
//! each naming the career's skills that matched.

mod analyzer;
mod schema;

use careerdiff_model::Content;
use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::QueryParser;
use tantivy::schema::Value;
use tantivy::{Index, IndexReader, TantivyDocument};

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
    reader: IndexReader,
    fields: Fields,
}

/// How much a match in each field counts: a title match outranks an
/// alternate title, which outranks a skill, which outranks body text.
const BOOSTS: &[(&str, f32)] =
    &[("title", 6.0), ("alternate_titles", 3.0), ("skills", 1.5), ("category", 1.0), ("summary", 0.5)];

impl SearchIndex {
    /// Indexes every career of `content` in memory.
    pub fn build_in_ram(content: &Content) -> Result<Self, SearchError> {
        let (schema, fields) = schema::build();
        let index = Index::create_in_ram(schema);
        analyzer::register(&index);
        let mut writer = index.writer_with_num_threads(1, 50_000_000)?;
        for career in &content.careers {
            writer.add_document(fields.document(career))?;
        }
        writer.commit()?;
        let reader = index.reader()?;
        Ok(SearchIndex { index, reader, fields })
    }

    /// The `limit` best careers for `query`, best first. Query syntax
    /// errors are forgiven (the words are searched as they are); an empty
    /// query finds nothing.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>, SearchError> {
        if query.trim().is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let mut parser = QueryParser::for_index(&self.index, BOOSTS.iter().map(|(f, _)| self.fields.get(f)).collect());
        for (name, boost) in BOOSTS {
            parser.set_field_boost(self.fields.get(name), *boost);
        }
        let (parsed, _errors) = parser.parse_query_lenient(query);
        let searcher = self.reader.searcher();
        let top = searcher.search(&parsed, &TopDocs::with_limit(limit))?;
        let query_words = analyzer::words(&self.index, query);
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            let text = |name: &str| doc.get_first(self.fields.get(name)).and_then(|v| v.as_str()).map(str::to_owned);
            let matched_skills = doc
                .get_all(self.fields.skills)
                .filter_map(|v| v.as_str())
                .filter(|skill| analyzer::words(&self.index, skill).iter().any(|w| query_words.contains(w)))
                .map(str::to_owned)
                .collect();
            hits.push(Hit {
                slug: text("slug").unwrap_or_default(),
                title: text("title").unwrap_or_default(),
                category: text("category"),
                score,
                matched_skills,
            });
        }
        Ok(hits)
    }
}

#[cfg(test)]
mod tests;
