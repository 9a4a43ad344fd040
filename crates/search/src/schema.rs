//! The index schema: which career fields are indexed, stored and fast.

use careerdiff_model::{Career, Taxonomy};
use tantivy::TantivyDocument;
use tantivy::schema::{Field, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions};

use crate::analyzer::ANALYZER;

/// Handles to the schema's fields.
pub(crate) struct Fields {
    /// The career's position in `Content::careers`, as a fast field.
    pub career: Field,
    pub slug: Field,
    pub title: Field,
    pub alternate_titles: Field,
    pub skills: Field,
    pub in_demand_skills: Field,
    pub canonical_skills: Field,
    pub category: Field,
    pub summary: Field,
    /// The family of each canonical skill, once per skill. Length-normalised,
    /// so it scores the share of the career's toolkit in a family.
    pub skill_families: Field,
}

pub(crate) fn build() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let indexing =
        TextFieldIndexing::default().set_tokenizer(ANALYZER).set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let text = TextOptions::default().set_indexing_options(indexing);
    let stored_text = text.clone().set_stored();
    // A career that lists 300 technologies uses Python no less than one
    // that lists 10: skill fields are not length-normalised.
    let skill_indexing = TextFieldIndexing::default()
        .set_tokenizer(ANALYZER)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions)
        .set_fieldnorms(false);
    let skill_text = TextOptions::default().set_indexing_options(skill_indexing);
    let family = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default().set_tokenizer("raw").set_index_option(IndexRecordOption::WithFreqs),
    );
    let fields = Fields {
        career: builder.add_u64_field("career", tantivy::schema::FAST),
        slug: builder.add_text_field("slug", STRING | STORED),
        title: builder.add_text_field("title", stored_text.clone()),
        alternate_titles: builder.add_text_field("alternate_titles", text.clone()),
        skills: builder.add_text_field("skills", skill_text.clone().set_stored()),
        in_demand_skills: builder.add_text_field("in_demand_skills", skill_text.clone()),
        canonical_skills: builder.add_text_field("canonical_skills", skill_text),
        category: builder.add_text_field("category", stored_text),
        summary: builder.add_text_field("summary", text),
        skill_families: builder.add_text_field("skill_families", family),
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
            "in_demand_skills" => self.in_demand_skills,
            "canonical_skills" => self.canonical_skills,
            "category" => self.category,
            "summary" => self.summary,
            other => unreachable!("no search field called {other}"),
        }
    }

    /// The document for `career`. Besides its own words it carries the
    /// names of the canonical skills its phrases stand for, so a search for
    /// "vector databases" finds "Vector DB design", and its O*NET in-demand
    /// skills again, in a field that counts more.
    pub(crate) fn document(&self, idx: usize, career: &Career, taxonomy: &Taxonomy) -> TantivyDocument {
        let mut doc = TantivyDocument::default();
        doc.add_u64(self.career, idx as u64);
        doc.add_text(self.slug, &career.slug);
        doc.add_text(self.title, &career.title);
        for title in &career.alternate_titles {
            doc.add_text(self.alternate_titles, title);
        }
        let mut canonical = Vec::new();
        for skill in &career.skills {
            doc.add_text(self.skills, &skill.name);
            if skill.in_demand {
                doc.add_text(self.in_demand_skills, &skill.name);
            }
            canonical.extend(taxonomy.canonical_ids(skill));
        }
        canonical.sort_unstable();
        canonical.dedup();
        for idx in canonical {
            let skill = taxonomy.get(idx);
            doc.add_text(self.canonical_skills, &skill.name);
            if let Some(family) = &skill.family {
                doc.add_text(self.skill_families, family);
            }
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
