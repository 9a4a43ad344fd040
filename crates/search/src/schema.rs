//! The index schema: one text field per [`Field`], holding the terms of
//! [`crate::terms`] and their neighbouring pairs (the index does no analysis of its own, so the
//! browser's port of that function sees what the index sees), and the
//! career's position as a fast field.

use tantivy::TantivyDocument;
use tantivy::schema::{self, FAST, IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::{PreTokenizedString, Token};

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
                document.add_pre_tokenized_text(handle, pre_tokenized(text));
            }
        }
        document
    }
}

/// The text's terms, then each pair of neighbouring terms as one term
/// ("first aid"), so that words side by side count more than apart
/// without positions, which the static index could not carry.
fn pre_tokenized(text: &str) -> PreTokenizedString {
    let words = terms(text);
    let pairs = phrase_pairs(&words);
    let tokens = words
        .into_iter()
        .chain(pairs)
        .enumerate()
        .map(|(position, text)| Token { position, text, position_length: 1, ..Token::default() })
        .collect();
    PreTokenizedString { text: text.to_owned(), tokens }
}
