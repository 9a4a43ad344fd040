//! What search knows about one career: its texts, each in the field that
//! says how much a match there counts and how a result explains it.

use careerdiff_model::{Career, Taxonomy};

/// Where a text comes from. The order is the order of the weights: a match
/// in a field higher up explains a result before one further down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Field {
    Title,
    AlternateTitle,
    InDemandTechnology,
    Technology,
    Tool,
    Task,
    /// The canonical name of a skill the career's phrases stand for
    /// ("Vector DB design" stands for "Vector databases").
    CanonicalSkill,
    Category,
    Summary,
}

impl Field {
    pub(crate) const ALL: [Field; 9] = [
        Field::Title,
        Field::AlternateTitle,
        Field::InDemandTechnology,
        Field::Technology,
        Field::Tool,
        Field::Task,
        Field::CanonicalSkill,
        Field::Category,
        Field::Summary,
    ];

    /// The field's name in the tantivy schema.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::AlternateTitle => "alternate_titles",
            Field::InDemandTechnology => "in_demand_technologies",
            Field::Technology => "technologies",
            Field::Tool => "tools",
            Field::Task => "tasks",
            Field::CanonicalSkill => "canonical_skills",
            Field::Category => "category",
            Field::Summary => "summary",
        }
    }

    /// How much a match counts (a multiplier of tantivy's BM25): the
    /// title over other titles over what the work uses and does, then the
    /// category and the description. Tools count as little as a canonical
    /// skill: a word in a tool's name is often no more than a word ("Nurse
    /// tanks" are farm equipment), and its rarity among tool names would
    /// otherwise put a farm job above an aide also called a nurse's aide.
    pub(crate) fn boost(self) -> f32 {
        match self {
            Field::Title => 8.0,
            Field::AlternateTitle => 2.0,
            Field::InDemandTechnology => 2.5,
            Field::Technology => 1.5,
            Field::Tool => 1.0,
            Field::Task => 2.0,
            Field::CanonicalSkill => 1.0,
            Field::Category => 1.0,
            Field::Summary => 0.5,
        }
    }

    /// Whether longer texts in the field count for less (BM25's length
    /// norm). Lists are not normalised: a career that lists 300
    /// technologies uses Python no less than one that lists 10.
    pub(crate) fn length_normalised(self) -> bool {
        matches!(self, Field::Title | Field::Category | Field::Summary)
    }

    /// How a result says it matched here, before the text itself; `None`
    /// where the matched text is already on the result line.
    pub(crate) fn reason_label(self) -> Option<&'static str> {
        match self {
            Field::Title | Field::Category => None,
            Field::AlternateTitle => Some("also called"),
            Field::InDemandTechnology | Field::Technology => Some("technology"),
            Field::Tool => Some("tool"),
            Field::Task => Some("task"),
            Field::CanonicalSkill => Some("skill"),
            Field::Summary => Some("description"),
        }
    }
}

/// A career's texts, by field, as indexed.
#[derive(Debug, Clone, Default)]
pub(crate) struct CareerDoc {
    pub texts: Vec<(Field, String)>,
}

impl CareerDoc {
    pub(crate) fn new(career: &Career, taxonomy: &Taxonomy) -> Self {
        let mut texts = vec![(Field::Title, career.title.clone())];
        let mut add = |field, text: &str| texts.push((field, text.to_owned()));
        career.alternate_titles.iter().for_each(|t| add(Field::AlternateTitle, t));
        let mut canonical = Vec::new();
        for skill in &career.skills {
            let field = if skill.in_demand { Field::InDemandTechnology } else { Field::Technology };
            add(field, &skill.name);
            canonical.extend(taxonomy.canonical_ids(skill));
        }
        career.tools.iter().for_each(|t| add(Field::Tool, t));
        career.tasks.iter().for_each(|t| add(Field::Task, t));
        canonical.sort_unstable();
        canonical.dedup();
        for id in canonical {
            let name = &taxonomy.get(id).name;
            // A phrase that is its own canonical name is indexed already.
            if !career.skills.iter().any(|s| &s.name == name) {
                add(Field::CanonicalSkill, name);
            }
        }
        career.category.iter().for_each(|c| add(Field::Category, c));
        career.summary.iter().for_each(|s| add(Field::Summary, s));
        CareerDoc { texts }
    }
}
