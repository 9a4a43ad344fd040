//! The index schema: one text field per [`Field`], holding the terms of
//! [`crate::terms`] and their neighbouring pairs (the index does no
//! analysis of its own, so the browser's port of that function sees what
//! the index sees), and the career's position as a fast field.

use tantivy::schema::{self, FAST, IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use tantivy::{Index, TantivyDocument};

use crate::document::{CareerDoc, Field};
use crate::terms::{phrase_pairs, terms};

/// Handles to the schema's fields.
pub(crate) struct Fields {
    /// The career's position in `Content::careers`.
    pub career: schema::Field,
    /// The text field of each [`Field`], in [`Field::ALL`] order.
    pub text: Vec<(Field, schema::Field)>,
}

pub(crate) fn build() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let career = builder.add_u64_field("career", FAST);
    let text = Field::ALL
        .iter()
        .map(|&field| {
            let indexing = TextFieldIndexing::default()
                .set_tokenizer(TOKENIZER)
                .set_index_option(IndexRecordOption::WithFreqs)
                .set_fieldnorms(field.length_normalised());
            let options = TextOptions::default().set_indexing_options(indexing);
            (field, builder.add_text_field(field.name(), options))
        })
        .collect();
    (builder.build(), Fields { career, text })
}

impl Fields {
    /// The document for career number `idx`.
    pub(crate) fn document(&self, idx: usize, doc: &CareerDoc) -> TantivyDocument {
        let mut document = TantivyDocument::default();
        document.add_u64(self.career, idx as u64);
        for (field, text) in &doc.texts {
            let handle = self.text.iter().find(|(f, _)| f == field).map(|&(_, h)| h);
            if let Some(handle) = handle {
                document.add_text(handle, text);
            }
        }
        document
    }
}

/// The name the index knows [`Terms`] by.
const TOKENIZER: &str = "careerdiff";

/// Registers the tokenizer of every text field with `index`.
pub(crate) fn register(index: &Index) {
    index.tokenizers().register(TOKENIZER, Terms::default());
}

/// The tokenizer of every text field: the text's terms, then each pair of
/// neighbouring terms as one term ("first aid"), so that words side by
/// side count more than apart without positions, which the static index
/// could not carry. Documents hold their text and are cut into terms in
/// the indexing thread one at a time, so the terms of every career are
/// never held at once.
#[derive(Clone, Default)]
pub(crate) struct Terms {
    token: Token,
}

pub(crate) struct TermStream<'a> {
    terms: std::iter::Enumerate<std::iter::Chain<std::vec::IntoIter<String>, std::vec::IntoIter<String>>>,
    token: &'a mut Token,
}

impl Tokenizer for Terms {
    type TokenStream<'a> = TermStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> TermStream<'a> {
        let words = terms(text);
        let pairs = phrase_pairs(&words);
        TermStream { terms: words.into_iter().chain(pairs).enumerate(), token: &mut self.token }
    }
}

impl TokenStream for TermStream<'_> {
    fn advance(&mut self) -> bool {
        let Some((position, text)) = self.terms.next() else { return false };
        *self.token = Token { position, text, position_length: 1, ..Token::default() };
        true
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}
