//! The result of comparing two careers: what pages and the CLI show.

use careerdiff_model::Career;
use serde::Serialize;

use crate::{Phrases, Sentences, SkillList};

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

impl Verdict {
    /// The verdict's name as it serialises: "a", "b", "tie", "unknown"
    /// or "neutral".
    pub fn name(self) -> &'static str {
        match self {
            Verdict::A => "a",
            Verdict::B => "b",
            Verdict::Tie => "tie",
            Verdict::Unknown => "unknown",
            Verdict::Neutral => "neutral",
        }
    }
}

/// One of the two careers, as the comparison names it.
#[derive(Debug, Clone, Serialize)]
pub struct Side<'c> {
    /// Its slug.
    pub slug: &'c str,
    /// Its title.
    pub title: &'c str,
    /// Its category, if known.
    pub category: Option<&'c str>,
}

impl<'c> Side<'c> {
    pub(crate) fn of(career: &'c Career) -> Self {
        Side { slug: &career.slug, title: &career.title, category: career.category.as_deref() }
    }
}

/// One attribute side by side, e.g. "Salary ceiling: $210,000 vs $210,000 — tie".
#[derive(Debug, Clone, Serialize)]
pub struct GlanceRow<'c> {
    /// A stable key, e.g. `salary_ceiling`.
    pub key: &'static str,
    /// The label shown, e.g. "Salary ceiling".
    pub label: &'static str,
    /// The label inside a sentence, e.g. "salary ceiling".
    #[serde(skip)]
    pub noun: &'static str,
    /// The first career's value as shown, or `None` for no data.
    pub a: Option<&'c str>,
    /// The second career's value as shown.
    pub b: Option<&'c str>,
    /// Which is better.
    pub verdict: Verdict,
    /// What "better" means here, e.g. "higher" or "lower".
    pub better: &'static str,
    /// The attribute's position in the full table (see [`crate::facts`]):
    /// rows with no data on either side are left out, so a row's place in
    /// a comparison is not its attribute's.
    #[serde(skip)]
    pub attribute: usize,
    /// Both values are one figure BLS publishes for an occupation that
    /// takes in both careers: the verdict is `Unknown`, as the figure does
    /// not tell them apart.
    #[serde(skip)]
    pub same_source: bool,
    /// Both values are there but in different units (pay per hour against
    /// per year, or two currencies): the verdict is `Unknown`.
    #[serde(skip)]
    pub units_differ: bool,
}

/// One skill phrase of one career.
#[derive(Debug, Clone, Serialize)]
pub struct SkillItem<'c> {
    /// The phrase as written.
    pub name: &'c str,
    /// A short name for sentences: the canonical skill's name, or the
    /// phrase without its parenthesised examples.
    pub label: &'c str,
    /// O*NET hot technology.
    pub hot: bool,
    /// O*NET in demand.
    pub in_demand: bool,
    /// Canonical skill ids it stands for.
    pub skill_ids: &'c [String],
}

/// A canonical skill both careers have, with each side's phrase.
/// Serialises with its fields and `reworded` (see [`SharedSkill::reworded`]).
#[derive(Debug, Clone)]
pub struct SharedSkill<'c> {
    /// The canonical skill id, or `None` when the phrases are equal but
    /// not in the taxonomy.
    pub id: Option<&'c str>,
    /// The canonical name.
    pub name: &'c str,
    /// The first career's phrases for it.
    pub a_phrases: Phrases<'c>,
    /// The second career's phrases for it.
    pub b_phrases: Phrases<'c>,
    /// O*NET hot technology on either side.
    pub hot: bool,
    /// O*NET in demand on either side.
    pub in_demand: bool,
    /// Whether `name` is lower-cased inside a sentence.
    pub(crate) common_noun: bool,
}

impl SharedSkill<'_> {
    /// Whether either career words it other than as `name` alone: then a
    /// page shows each side's phrases. Decided when asked (pages show a
    /// dozen shared skills; a comparison finds them all).
    pub fn reworded(&self) -> bool {
        let just_name = |p: &Phrases<'_>| p.len() == 1 && p.iter().eq([self.name]);
        !just_name(&self.a_phrases) || !just_name(&self.b_phrases)
    }
}

impl Serialize for SharedSkill<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("SharedSkill", 7)?;
        s.serialize_field("id", &self.id)?;
        s.serialize_field("name", &self.name)?;
        s.serialize_field("a_phrases", &self.a_phrases)?;
        s.serialize_field("b_phrases", &self.b_phrases)?;
        s.serialize_field("hot", &self.hot)?;
        s.serialize_field("in_demand", &self.in_demand)?;
        s.serialize_field("reworded", &self.reworded())?;
        s.end()
    }
}

/// Two different phrases that mean nearly the same thing.
#[derive(Debug, Clone, Serialize)]
pub struct RelatedSkills<'c> {
    /// The first career's phrase.
    pub a: &'c str,
    /// The second career's phrase.
    pub b: &'c str,
    /// Text similarity, 0 to 1.
    pub score: f64,
}

/// The skills of two careers, split.
#[derive(Debug, Clone, Serialize)]
pub struct SkillOverlap<'c> {
    /// Phrases only the first career has, most useful first.
    pub only_a: SkillList<'c>,
    /// Skills both have.
    pub shared: Vec<SharedSkill<'c>>,
    /// Phrases only the second career has, most useful first.
    pub only_b: SkillList<'c>,
    /// Close but different phrases, one from each side.
    pub related: Vec<RelatedSkills<'c>>,
    /// Shared skills as a whole percentage of all distinct skills of both.
    pub overlap_percent: u32,
    /// How many distinct skills the two have together.
    pub distinct: usize,
    /// What the two lists hold, as sentences name it.
    pub listed: Listed,
}

/// What two careers' lists hold: writers' skills for hand-written careers,
/// O*NET's technologies for imported ones. Serialised as [`Listed::plural`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Listed {
    /// Both lists are writers' skills.
    Skills,
    /// Both lists are O*NET technologies.
    Technologies,
    /// One of each.
    Both,
}

impl Listed {
    /// What the lists of `a` and `b` hold.
    pub fn of(a: &careerdiff_model::Career, b: &careerdiff_model::Career) -> Self {
        match (a.onet.is_some(), b.onet.is_some()) {
            (true, true) => Listed::Technologies,
            (false, false) => Listed::Skills,
            _ => Listed::Both,
        }
    }

    /// "technologies", "skills", "skills and technologies".
    pub fn plural(self) -> &'static str {
        match self {
            Listed::Skills => "skills",
            Listed::Technologies => "technologies",
            Listed::Both => "skills and technologies",
        }
    }

    /// "Technologies", "Skills", "Skills and technologies".
    pub fn heading(self) -> &'static str {
        match self {
            Listed::Skills => "Skills",
            Listed::Technologies => "Technologies",
            Listed::Both => "Skills and technologies",
        }
    }

    /// "technology", "skill", "skill or technology".
    pub fn singular(self) -> &'static str {
        match self {
            Listed::Skills => "skill",
            Listed::Technologies => "technology",
            Listed::Both => "skill or technology",
        }
    }
}

impl Serialize for Listed {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.plural())
    }
}

/// Moving from one career to the other.
#[derive(Debug, Clone, Serialize)]
pub struct Transition<'c> {
    /// Slug of the career moved from.
    pub from: &'c str,
    /// Slug of the career moved to.
    pub to: &'c str,
    /// Title of the career moved to.
    pub to_title: &'c str,
    /// Skills to learn first, most useful first: at most
    /// [`crate::LEARN_FIRST`] of those only the target lists; serialised
    /// as their names.
    #[serde(serialize_with = "SkillList::serialize_names")]
    pub learn: SkillList<'c>,
    /// Skills and knowledge areas the target needs at a higher level (O*NET
    /// ratings), largest importance × gap first; empty without ratings.
    pub gaps: Vec<crate::Gap<'c>>,
    /// When only the career moved to has ratings (so no gap can be
    /// measured): what it needs most, by importance × level.
    pub needs: Vec<crate::Need<'c>>,
    /// "easy", "moderate" or "hard".
    pub difficulty: &'static str,
    /// One sentence saying why.
    pub reason: String,
}

/// Everything known about one pair of careers. It borrows the careers'
/// text and their prepared values from the `Comparer`, so comparing
/// allocates little beyond index lists and the sentences it writes.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison<'c> {
    /// The first career.
    pub a: Side<'c>,
    /// The second career.
    pub b: Side<'c>,
    /// Similarity, 0 to 1.
    pub similarity: f64,
    /// Attributes side by side.
    pub glance: Vec<GlanceRow<'c>>,
    /// The skills, split.
    pub skills: SkillOverlap<'c>,
    /// O*NET skill and knowledge ratings side by side (empty unless both
    /// careers have them).
    pub profile: crate::Profile<'c>,
    /// A→B and B→A.
    pub transitions: [Transition<'c>; 2],
    /// "Choose A if you…" reasons.
    pub choose_a: Sentences,
    /// "Choose B if you…" reasons.
    pub choose_b: Sentences,
    /// The conclusion, one sentence per item.
    pub conclusion: Sentences,
}

#[cfg(test)]
mod tests {
    use super::Verdict;

    #[test]
    fn verdict_names_are_their_serialised_form() {
        for v in [Verdict::A, Verdict::B, Verdict::Tie, Verdict::Unknown, Verdict::Neutral] {
            assert_eq!(serde_json::to_value(v).unwrap(), v.name(), "{v:?}");
        }
    }
}
