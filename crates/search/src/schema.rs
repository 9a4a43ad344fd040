//! The index schema: which career fields are indexed, stored and fast.

use careerdiff_model::Career;
use tantivy::TantivyDocument;
use tantivy::schema::{Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions};

use crate::analyzer::ANALYZER;

/// Handles to the schema's fields.
pub(crate) struct Fields {
    pub slug: Field,
    pub title: Field,
    pub alternate_titles: Field,
    pub skills: Field,
    pub category: Field,
    pub summary: Field,
}

pub(crate) fn build() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let indexing =
        TextFieldIndexing::default().set_tokenizer(ANALYZER).set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let text = TextOptions::default().set_indexing_options(indexing);
    let stored_text = text.clone().set_stored();
    let fields = Fields {
        slug: builder.add_text_field("slug", STRING | STORED),
        title: builder.add_text_field("title", stored_text.clone()),
        alternate_titles: builder.add_text_field("alternate_titles", text.clone()),
        skills: builder.add_text_field("skills", stored_text.clone()),
        category: builder.add_text_field("category", stored_text),
        summary: builder.add_text_field("summary", text),
    };
    (builder.build(), fields)
}

impl Fields {
    /// The field called `name`; names come from this crate's own tables.
    pub(crate) fn get(&self, name: &str) -> Field {
        match name {
            "slug" => self.slug,
            "title" => self.title,
            "alternate_titles" => self.alternate_titles,
            "skills" => self.skills,
            "category" => self.category,
            "summary" => self.summary,
            other => unreachable!("no search field called {other}"),
        }
    }

    pub(crate) fn document(&self, career: &Career) -> TantivyDocument {
        let mut doc = TantivyDocument::default();
        doc.add_text(self.slug, &career.slug);
        doc.add_text(self.title, &career.title);
        for title in &career.alternate_titles {
            doc.add_text(self.alternate_titles, title);
        }
        for skill in &career.skills {
            doc.add_text(self.skills, &skill.name);
        }
        if let Some(category) = &career.category {
            doc.add_text(self.category, category);
        }
        if let Some(summary) = &career.summary {
            doc.add_text(self.summary, summary);
        }
        doc
    }
}
