//! The result of comparing two careers: what pages and the CLI show.

use careerdiff_model::Career;
use serde::Serialize;

/// Which side an attribute favours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The first career is better on this attribute.
    A,
    /// The second career is better.
    B,
    /// Both show the same value.
    Tie,
    /// A value is missing or the two cannot be compared.
    Unknown,
    /// The attribute has no better side (e.g. whether it requires coding).
    Neutral,
}

/// One of the two careers, as the comparison names it.
#[derive(Debug, Clone, Serialize)]
pub struct Side {
    /// Its slug.
    pub slug: String,
    /// Its title.
    pub title: String,
    /// Its category, if known.
    pub category: Option<String>,
}

impl Side {
    pub(crate) fn of(career: &Career) -> Self {
        Side { slug: career.slug.clone(), title: career.title.clone(), category: career.category.clone() }
    }
}

/// One attribute side by side, e.g. "Salary ceiling: $210,000 vs $210,000 — tie".
#[derive(Debug, Clone, Serialize)]
pub struct GlanceRow {
    /// A stable key, e.g. `salary_ceiling`.
    pub key: &'static str,
    /// The label shown, e.g. "Salary ceiling".
    pub label: &'static str,
    /// The first career's value as shown, or `None` for no data.
    pub a: Option<String>,
    /// The second career's value as shown.
    pub b: Option<String>,
    /// Which is better.
    pub verdict: Verdict,
    /// What "better" means here, e.g. "higher" or "lower".
    pub better: &'static str,
}

/// One skill phrase of one career.
#[derive(Debug, Clone, Serialize)]
pub struct SkillItem {
    /// The phrase as written.
    pub name: String,
    /// A short name for sentences: the canonical skill's name, or the
    /// phrase without its parenthesised examples.
    pub label: String,
    /// O*NET hot technology.
    pub hot: bool,
    /// O*NET in demand.
    pub in_demand: bool,
    /// Canonical skill ids it stands for.
    pub skill_ids: Vec<String>,
}

/// A canonical skill both careers have, with each side's phrase.
#[derive(Debug, Clone, Serialize)]
pub struct SharedSkill {
    /// The canonical skill id, or `None` when the phrases are equal but
    /// not in the taxonomy.
    pub id: Option<String>,
    /// The canonical name.
    pub name: String,
    /// The first career's phrases for it.
    pub a_phrases: Vec<String>,
    /// The second career's phrases for it.
    pub b_phrases: Vec<String>,
    /// O*NET hot technology on either side.
    pub hot: bool,
    /// O*NET in demand on either side.
    pub in_demand: bool,
}

/// Two different phrases that mean nearly the same thing.
#[derive(Debug, Clone, Serialize)]
pub struct RelatedSkills {
    /// The first career's phrase.
    pub a: String,
    /// The second career's phrase.
    pub b: String,
    /// Text similarity, 0 to 1.
    pub score: f64,
}

/// The skills of two careers, split.
#[derive(Debug, Clone, Serialize)]
pub struct SkillOverlap {
    /// Phrases only the first career has.
    pub only_a: Vec<SkillItem>,
    /// Skills both have.
    pub shared: Vec<SharedSkill>,
    /// Phrases only the second career has.
    pub only_b: Vec<SkillItem>,
    /// Close but different phrases, one from each side.
    pub related: Vec<RelatedSkills>,
    /// Shared skills as a whole percentage of all distinct skills of both.
    pub overlap_percent: u32,
    /// How many distinct skills the two have together.
    pub distinct: usize,
}

/// Moving from one career to the other.
#[derive(Debug, Clone, Serialize)]
pub struct Transition {
    /// Slug of the career moved from.
    pub from: String,
    /// Slug of the career moved to.
    pub to: String,
    /// Title of the career moved to.
    pub to_title: String,
    /// Skills to learn, most useful first.
    pub learn: Vec<String>,
    /// "easy", "moderate" or "hard".
    pub difficulty: &'static str,
    /// One sentence saying why.
    pub reason: String,
}

/// Everything known about one pair of careers.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    /// The first career.
    pub a: Side,
    /// The second career.
    pub b: Side,
    /// Similarity, 0 to 1.
    pub similarity: f64,
    /// Attributes side by side.
    pub glance: Vec<GlanceRow>,
    /// The skills, split.
    pub skills: SkillOverlap,
    /// A→B and B→A.
    pub transitions: [Transition; 2],
    /// "Choose A if you…" reasons.
    pub choose_a: Vec<String>,
    /// "Choose B if you…" reasons.
    pub choose_b: Vec<String>,
    /// The conclusion, one sentence per item.
    pub conclusion: Vec<String>,
}
