//! The text analyzer: words, lower-cased and stemmed, so "databases" finds
//! "database".

use tantivy::Index;
use tantivy::tokenizer::{Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer, TokenStream};

/// The name the analyzer is registered under.
pub(crate) const ANALYZER: &str = "careerdiff";

fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::English))
        .build()
}

pub(crate) fn register(index: &Index) {
    index.tokenizers().register(ANALYZER, analyzer());
}

/// The analysed words of `text`, as the index sees them.
pub(crate) fn words(index: &Index, text: &str) -> Vec<String> {
    let mut analyzer = index.tokenizers().get(ANALYZER).unwrap_or_else(analyzer);
    let mut stream = analyzer.token_stream(text);
    let mut words = Vec::new();
    while stream.advance() {
        words.push(stream.token().text.clone());
    }
    words
}
