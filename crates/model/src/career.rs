//! The career file format: the TOML front matter of `careers/<slug>.md`.
//!
//! Every field but `title` may be left out; a missing value means "no data"
//! and is shown as such, never guessed.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use serde::de::value::MapAccessDeserializer;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::preferences::{Interests, WorkValues};

/// One career: the front matter of its file plus where it came from.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Career {
    /// URL and file name of the career: the file name without `.md`.
    #[serde(skip)]
    pub slug: String,
    /// The file this career was read from.
    #[serde(skip)]
    pub source: PathBuf,
    /// The Markdown body after the front matter (overview, `## Roadmap`).
    #[serde(skip)]
    pub body: String,

    /// The career's name as people say it, e.g. "Data Scientist". Required.
    #[serde(default)]
    pub title: String,
    /// What one person in the career is called, for sentences ("Actuary"
    /// for the O*NET title "Actuaries"); the title when left out.
    pub singular: Option<String>,
    /// The field it belongs to, e.g. "AI Engineering" or an SOC major group.
    pub category: Option<String>,
    /// One or two sentences on what the work is.
    pub summary: Option<String>,
    /// Pay: an advertised range and/or wage percentiles.
    pub salary: Option<Salary>,
    /// Number of people employed in the career (e.g. BLS OEWS `TOT_EMP`).
    /// This is jobs held now, not openings.
    pub employment: Option<u64>,
    /// Projected change in employment over the projection decade, in
    /// percent, -100 to 1000 (BLS Employment Projections 2024–34: +15.8 for
    /// Software Developers). More growth is better.
    pub projected_growth: Option<f64>,
    /// Average openings a year over the projection decade, from growth and
    /// from people leaving the work (BLS: 115,200 for Software Developers).
    pub annual_openings: Option<u64>,
    /// The wider group whose projections these are, when the publisher
    /// projects this career only as part of one (e.g. "Buyers and
    /// purchasing agents"); left out when the figures are the career's own.
    pub projections_group: Option<String>,
    /// AI exposure, in percent, 0 to 100 (Eloundou et al. 2024, human-rated
    /// β: the share of tasks whose time an LLM could cut by half, those
    /// that need software built on one counted at half weight). Exposure
    /// is not replacement risk; it is never compared with `ai_risk`.
    pub ai_exposure: Option<f64>,
    /// Future market demand, 0 to 10 (higher is more demand).
    pub demand_score: Option<f64>,
    /// Risk that AI replaces the role, in percent, 0 to 100 (lower is safer).
    pub ai_risk: Option<f64>,
    /// Typical months of study to become employable, 0 to 600.
    pub learning_months: Option<u32>,
    /// How hard the work is to learn.
    pub difficulty: Option<Difficulty>,
    /// How hard it is to get a first job.
    pub entry_barrier: Option<EntryBarrier>,
    /// Whether the work can usually be done from home (for imported careers,
    /// Dingel & Neiman's classification; absent when unknown).
    pub remote_friendly: Option<bool>,
    /// Whether the work involves writing code.
    pub requires_coding: Option<bool>,
    /// Typical education, in words ("Bachelor's degree").
    pub education: Option<String>,
    /// The education usually needed to enter the work, in BLS's words
    /// ("Bachelor's degree").
    pub entry_education: Option<String>,
    /// Work experience in a related occupation usually needed to enter, in
    /// BLS's words ("None", "5 years or more").
    pub entry_experience: Option<String>,
    /// On-the-job training usually needed to become competent, in BLS's
    /// words ("Moderate-term on-the-job training").
    pub entry_training: Option<String>,
    /// A page with more about the career, e.g. its BLS Occupational
    /// Outlook Handbook profile. An `http` or `https` URL.
    pub outlook_url: Option<String>,
    /// Skills the career uses: plain phrases, or tables with canonical
    /// skill ids from `skills.toml` in `tags`.
    #[serde(default)]
    pub skills: Vec<SkillRef>,
    /// What people in the career do, one sentence each.
    #[serde(default)]
    pub tasks: Vec<String>,
    /// Tools and equipment used.
    #[serde(default)]
    pub tools: Vec<String>,
    /// Other titles people use for the career; searched, not displayed first.
    #[serde(default)]
    pub alternate_titles: Vec<String>,
    /// O*NET identification, for imported careers.
    pub onet: Option<Onet>,
    /// How important each skill and knowledge area is to the work and what
    /// level it needs, on O*NET's scales (see [`Ratings`]).
    pub ratings: Option<Ratings>,
    /// Which of six interests the work suits, on O*NET's scale (see
    /// [`Interests`]).
    pub interests: Option<Interests>,
    /// What the work offers of six work values, on O*NET's scale (see
    /// [`WorkValues`]).
    pub work_values: Option<WorkValues>,
    /// Where each imported value came from: field name to source and release,
    /// e.g. `salary = "BLS OEWS May 2025"`.
    #[serde(default)]
    pub provenance: BTreeMap<String, String>,
}

impl Career {
    /// The name for sentences about one person in the career: `singular`,
    /// else the title.
    pub fn singular_name(&self) -> &str {
        self.singular.as_deref().unwrap_or(&self.title)
    }

    /// `learning_months` when a writer gave it; `None` when an import
    /// derived it from the job zone alone (its provenance says "derived"),
    /// since that is the zone's typical preparation, not this career's
    /// learning curve.
    pub fn own_learning_months(&self) -> Option<u32> {
        let derived = self.provenance.get("learning_months").is_some_and(|p| p.starts_with("derived"));
        self.learning_months.filter(|_| !derived)
    }
}

/// Pay for a career. A range (`min`, `max`) is what job ads advertise;
/// percentiles are what wage surveys measure. Either or both may be given.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Salary {
    /// Bottom of the advertised range; at least 0 and at most `max`.
    pub min: Option<f64>,
    /// Top of the advertised range.
    pub max: Option<f64>,
    /// ISO 4217 currency code; `USD` when left out.
    #[serde(default = "default_currency")]
    pub currency: String,
    /// What one amount pays for; `year` when left out.
    #[serde(default)]
    pub period: Period,
    /// 10th percentile wage.
    pub p10: Option<Wage>,
    /// 25th percentile wage.
    pub p25: Option<Wage>,
    /// Median wage.
    pub median: Option<Wage>,
    /// 75th percentile wage.
    pub p75: Option<Wage>,
    /// 90th percentile wage.
    pub p90: Option<Wage>,
    /// Mean wage.
    pub mean: Option<Wage>,
    /// Where the figures come from, e.g. "BLS OEWS May 2025".
    pub source: Option<String>,
    /// The wider group the figures are for, when the publisher gives them
    /// only for a group that this career shares with others (e.g.
    /// "Engineers, All Other"); left out when they are the career's own.
    pub group: Option<String>,
}

fn default_currency() -> String {
    "USD".to_owned()
}

impl Salary {
    /// The lowest figure that describes the pay: the range's floor, else the
    /// 10th percentile.
    pub fn floor(&self) -> Option<f64> {
        self.min.or(self.p10.map(Wage::amount))
    }

    /// The highest figure: the range's ceiling, else the 90th percentile.
    pub fn ceiling(&self) -> Option<f64> {
        self.max.or(self.p90.map(Wage::amount))
    }

    /// Every figure by its key in the file, in order: `min`, `p10`, `p25`,
    /// `median`, `p75`, `p90`, `mean`, `max` (the range's ends as exact wages).
    pub fn figures(&self) -> [(&'static str, Option<Wage>); 8] {
        [
            ("min", self.min.map(Wage::Exact)),
            ("p10", self.p10),
            ("p25", self.p25),
            ("median", self.median),
            ("p75", self.p75),
            ("p90", self.p90),
            ("mean", self.mean),
            ("max", self.max.map(Wage::Exact)),
        ]
    }

    /// The currency symbol or code to print before an amount.
    pub fn currency_prefix(&self) -> String {
        match self.currency.as_str() {
            "USD" => "$".to_owned(),
            "EUR" => "€".to_owned(),
            "GBP" => "£".to_owned(),
            other => format!("{other} "),
        }
    }
}

/// A wage figure: exact, or "at least" when the publisher only says it is
/// at or above the top of its published range (BLS's `#` marker).
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq)]
#[serde(untagged)]
pub enum Wage {
    /// A published amount.
    Exact(f64),
    /// At or above this amount, written `{ at_least = 239200 }`.
    AtLeast {
        /// The top of the published range.
        at_least: f64,
    },
}

impl Wage {
    /// The amount, or the lower bound for `AtLeast`.
    pub fn amount(self) -> f64 {
        match self {
            Wage::Exact(a) | Wage::AtLeast { at_least: a } => a,
        }
    }

    /// Whether the amount is only a lower bound.
    pub fn is_at_least(self) -> bool {
        matches!(self, Wage::AtLeast { .. })
    }
}

/// What a salary amount pays for.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// Per year.
    #[default]
    Year,
    /// Per month.
    Month,
    /// Per hour.
    Hour,
}

impl Period {
    /// The suffix printed after an amount, e.g. `/yr`.
    pub fn suffix(self) -> &'static str {
        match self {
            Period::Year => "/yr",
            Period::Month => "/mo",
            Period::Hour => "/hr",
        }
    }
}

/// How hard a career is to learn, from easiest to hardest.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Difficulty {
    /// Learnable without prior background.
    Beginner,
    /// Needs some background.
    Intermediate,
    /// Needs solid experience.
    Advanced,
    /// Needs deep specialist experience.
    Expert,
}

/// How hard it is to get a first job, from lowest to highest.
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum EntryBarrier {
    /// Open to career changers.
    Low,
    /// Some credentials or portfolio expected.
    Medium,
    /// Degrees, licences or years of experience expected.
    High,
}

impl fmt::Display for Difficulty {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Difficulty::Beginner => "Beginner",
            Difficulty::Intermediate => "Intermediate",
            Difficulty::Advanced => "Advanced",
            Difficulty::Expert => "Expert",
        })
    }
}

impl fmt::Display for EntryBarrier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EntryBarrier::Low => "Low",
            EntryBarrier::Medium => "Medium",
            EntryBarrier::High => "High",
        })
    }
}

/// One skill a career uses, as written in its file.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(from = "SkillEntry")]
pub struct SkillRef {
    /// The phrase shown on the page.
    pub name: String,
    /// Canonical skill ids from `skills.toml` that this phrase covers.
    pub tags: Vec<String>,
    /// O*NET "hot technology": frequently named in job postings.
    pub hot: bool,
    /// O*NET "in demand": growing in job postings.
    pub in_demand: bool,
}

/// A skill as a writer may write it: just the phrase, or a table.
///
/// Not `#[serde(untagged)]`: that says only "data did not match any
/// variant" and hides the table's own error (`nmae`, `tags = "x"`).
enum SkillEntry {
    Phrase(String),
    Table(SkillTable),
}

impl<'de> Deserialize<'de> for SkillEntry {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entry;
        impl<'de> Visitor<'de> for Entry {
            type Value = SkillEntry;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a skill phrase or table")
            }

            fn visit_str<E: serde::de::Error>(self, phrase: &str) -> Result<SkillEntry, E> {
                Ok(SkillEntry::Phrase(phrase.to_owned()))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<SkillEntry, A::Error> {
                SkillTable::deserialize(MapAccessDeserializer::new(map)).map(SkillEntry::Table)
            }
        }
        deserializer.deserialize_any(Entry)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SkillTable {
    name: String,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    hot: bool,
    #[serde(default)]
    in_demand: bool,
}

impl From<SkillEntry> for SkillRef {
    fn from(entry: SkillEntry) -> Self {
        match entry {
            SkillEntry::Phrase(name) => SkillRef { name, ..SkillRef::default() },
            SkillEntry::Table(t) => SkillRef { name: t.name, tags: t.tags, hot: t.hot, in_demand: t.in_demand },
        }
    }
}

/// O*NET identification of an imported career.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Onet {
    /// O*NET-SOC code, e.g. `15-1252.00`.
    pub code: String,
    /// Job zone 1 (little preparation) to 5 (extensive preparation).
    pub job_zone: Option<u8>,
    /// The job zone's name, e.g. "Job Zone Four: Considerable Preparation Needed".
    pub job_zone_name: Option<String>,
    /// What the job zone means for prior experience.
    pub experience: Option<String>,
    /// What the job zone means for on-the-job training.
    pub training: Option<String>,
}

/// Ratings of the skills and knowledge a career needs, by O*NET element
/// name ("Active Listening", "Mathematics"). A career without ratings has
/// none, never zeros.
///
/// ```toml
/// [ratings.skills]
/// "Active Listening" = { importance = 4.0, level = 4.5 }
/// [ratings.knowledge]
/// "Mathematics" = { importance = 3.25, level = 3.9 }
/// ```
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Ratings {
    /// Skills (O*NET's 35 basic and cross-functional skills).
    #[serde(default)]
    pub skills: BTreeMap<String, Rating>,
    /// Knowledge areas (O*NET's 33).
    #[serde(default)]
    pub knowledge: BTreeMap<String, Rating>,
}

/// One rated skill or knowledge area.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// How important it is to the work: 1 (not important) to 5 (extremely).
    pub importance: f64,
    /// The level the work needs: 0 to 7 (O*NET's level scale). Absent when
    /// the publisher suppressed it or rated the item not relevant.
    pub level: Option<f64>,
}
