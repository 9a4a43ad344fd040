//! What the import says about one career: every front-matter key it owns,
//! with its value (or none) and where it came from, gathered from the
//! sources given. [`crate::career_file`] writes them into the file.

use careerdiff_model::Wage;
use toml_edit::{InlineTable, Item, Table, Value};

use crate::ai_exposure::AiExposure;
use crate::career_file::multiline;
use crate::mapping::{entry_barrier, learning_months, requires_coding, singular, wages_are_a_groups};
use crate::oews::{Figures, Wages};
use crate::onet::{Database, Occupation};
use crate::projections::Projections;
use crate::ratings::{OccupationRatings, Rated};
use crate::telework::{Remote, Telework};

/// Every key the importer can own, in the order a new file gets them.
/// The O*NET and OEWS keys are always owned; `projected_growth`,
/// `annual_openings`, `projections_group`, `entry_education`,
/// `entry_experience`, `entry_training` and `outlook_url` only with
/// projections; `ai_exposure` only with the exposure file;
/// `remote_friendly` only with the telework files; `ratings` only when the
/// O*NET folder has `Skills.txt` or `Knowledge.txt`, `interests` and
/// `work_values` only when it has `Interests.txt` or `Work Values.txt`;
/// and `singular` unless
/// a writer set it (see [`Owner`]). A key that is not owned is left as it
/// is.
pub const KEYS: &[&str] = &[
    "title",
    "singular",
    "summary",
    "category",
    "employment",
    "projected_growth",
    "annual_openings",
    "projections_group",
    "ai_exposure",
    "remote_friendly",
    "learning_months",
    "entry_barrier",
    "requires_coding",
    "education",
    "entry_education",
    "entry_experience",
    "entry_training",
    "outlook_url",
    "alternate_titles",
    "tasks",
    "tools",
    "skills",
    "salary",
    "onet",
    "ratings",
    "interests",
    "work_values",
];

/// The data an import reads: O*NET and OEWS always, the others when given.
#[derive(Debug, Clone, Copy)]
pub struct Sources<'a> {
    /// The O*NET database (with its skill and knowledge ratings, if any).
    pub db: &'a Database,
    /// The OEWS wages.
    pub wages: &'a Wages,
    /// BLS Employment Projections and their crosswalk.
    pub projections: Option<&'a Projections>,
    /// LLM exposure (Eloundou et al.).
    pub ai_exposure: Option<&'a AiExposure>,
    /// Work at home (Dingel and Neiman) and its crosswalk.
    pub telework: Option<&'a Telework>,
}

/// Whose a key is in a file that exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Owner {
    /// The importer's: replaced or removed on every import.
    Importer,
    /// The importer's unless the file has the key and no provenance for it:
    /// then a writer set it, and it is kept.
    UnlessWriterSet,
}

/// One owned key.
pub(crate) struct Field {
    pub key: &'static str,
    /// `None`: the data has no value; the key is removed.
    pub value: Option<Item>,
    /// Where the value came from, or why there is none; `None` removes the
    /// key's provenance.
    pub source: Option<String>,
    pub owner: Owner,
}

/// What the import says about one career, as TOML items with their sources.
pub struct Imported {
    /// Owned keys in [`KEYS`] order.
    pub(crate) fields: Vec<Field>,
    /// Names of the imported skills, to tell them from hand-added ones.
    pub(crate) skill_names: Vec<String>,
}

/// The fields gathered so far.
#[derive(Default)]
struct Fields(Vec<Field>);

impl Fields {
    /// An owned key: its value and, when it has one, its source.
    fn set(&mut self, key: &'static str, value: Option<Item>, source: String) {
        let source = value.is_some().then_some(source);
        self.0.push(Field { key, value, source, owner: Owner::Importer });
    }

    /// An owned key without a value, with the reason in its provenance.
    fn unknown(&mut self, key: &'static str, reason: String) {
        self.0.push(Field { key, value: None, source: Some(reason), owner: Owner::Importer });
    }
}

fn value(v: impl Into<Value>) -> Option<Item> {
    Some(Item::Value(v.into()))
}

impl Imported {
    /// Gathers the career fields for `occupation`.
    pub fn new(occupation: &Occupation, sources: &Sources<'_>) -> Self {
        let (db, wages) = (sources.db, sources.wages);
        let onet = format!("O*NET {}", db.release);
        let code = occupation.code.as_str();
        // OEWS publishes some occupations only as a combined code (31-1120
        // for home health and personal care aides, 29-2010 for clinical
        // laboratory technologists and technicians): the code the
        // projections link the occupation to. Its figures are then the
        // combined occupation's, said so, and its employment is not shown.
        let own_row = wages.detailed.get(&code[..code.len().min(7)]);
        let combined_row = || {
            let (link, _) = sources.projections?.get(code)?;
            wages.detailed.get(&link.nem_code)
        };
        let wage_row = own_row.or_else(combined_row);
        let combined = own_row.is_none() && wage_row.is_some();
        let soc = wage_row.map_or(&code[..code.len().min(7)], |row| row.code.as_str());
        let specialised = !code.ends_with(".00");
        let bls = "BLS OEWS May 2025";
        let mut fields = Fields::default();
        fields.set("title", value(&occupation.title), format!("{onet} Occupation Data"));
        let singular = singular(&occupation.title, &occupation.alternate_titles);
        let singular_source = match &singular {
            Some(s) if s.from_alternate_title => format!("{onet} Alternate Titles (the singular of its title)"),
            _ => format!("derived from {onet} Occupation Data title (made singular)"),
        };
        fields.0.push(Field {
            key: "singular",
            source: singular.is_some().then_some(singular_source),
            value: singular.and_then(|s| value(s.name)),
            owner: Owner::UnlessWriterSet,
        });
        fields.set("summary", value(&occupation.description), format!("{onet} Occupation Data"));
        let category = wages.major_groups.get(&code[..2]);
        fields.set("category", category.and_then(value), format!("{bls} SOC major group {}-0000", &code[..2]));
        let employment = wage_row.and_then(|r| r.employment).filter(|_| !specialised && !combined);
        fields.set("employment", employment.and_then(|e| value(e as i64)), format!("{bls}, SOC {soc}"));
        let zone = occupation.job_zone;
        let derived = |what: &str| format!("derived from {onet} job zone {} ({what})", zone.unwrap_or(0));
        fields.set(
            "learning_months",
            zone.and_then(|z| value(i64::from(learning_months(z)))),
            derived("the top of its preparation range; zones 1 to 5 give 3, 12, 24, 48, 60 months"),
        );
        fields.set(
            "entry_barrier",
            zone.and_then(|z| value(entry_barrier(z).to_string().to_lowercase())),
            derived("zones 1–2 low, 3–4 medium, 5 high"),
        );
        let programming = db.ratings.by_code.get(code).and_then(|r| r.skills.iter().find(|s| s.name == "Programming"));
        let (coding, coding_source) = requires_coding(&occupation.technology, programming.map(|p| p.importance), &onet);
        fields.set("requires_coding", value(coding), coding_source);
        fields.set(
            "education",
            occupation.education.as_ref().and_then(value),
            format!("{onet} Education, Training, and Experience (most common required level)"),
        );
        fields.set("alternate_titles", list(&occupation.alternate_titles), format!("{onet} Alternate Titles"));
        fields.set("tasks", list(&occupation.core_tasks), format!("{onet} Task Statements (core tasks)"));
        fields.set("tools", list(&occupation.tools), format!("{onet} Tools Used"));
        let skills = occupation.technology.iter().map(|t| {
            let mut skill = InlineTable::new();
            skill.insert("name", t.name.as_str().into());
            if t.hot {
                skill.insert("hot", true.into());
            }
            if t.in_demand {
                skill.insert("in_demand", true.into());
            }
            Value::InlineTable(skill)
        });
        fields.set("skills", value(multiline(skills)), format!("{onet} Technology Skills"));
        let salary_source = match (wage_row, specialised) {
            (Some(row), _) if combined => {
                format!("{bls}, SOC {soc} ({}), the combined occupation OEWS publishes this one in", row.title)
            }
            (Some(row), true) => {
                format!("{bls}, SOC {soc} ({}), the occupation that includes this O*NET specialty", row.title)
            }
            _ => format!("{bls}, SOC {soc}"),
        };
        let group = wage_row.filter(|_| combined || wages_are_a_groups(code)).map(|r| r.title.as_str());
        fields.set("salary", wage_row.and_then(|r| salary(&r.annual, &r.hourly, bls, group)), salary_source);
        fields.set("onet", Some(onet_table(occupation, db)), onet.clone());
        if !db.ratings.files.is_empty() {
            let ratings = db.ratings.by_code.get(code).filter(|r| !r.is_empty());
            let source = format!("{onet} {} (importance IM 1–5, level LV 0–7)", db.ratings.files.join(" and "));
            fields.set("ratings", ratings.map(ratings_table), source);
        }
        let preferences = &db.preferences;
        if preferences.has_interests {
            let source = format!("{onet} Interests (occupational interest profile, Holland's RIASEC types, OI 1–7)");
            fields.set("interests", preferences.interests.get(code).map(|i| scores_table(&i.scores())), source);
        }
        if preferences.has_work_values {
            let source = format!("{onet} Work Values (extent EX 1–7)");
            fields.set("work_values", preferences.work_values.get(code).map(|v| scores_table(&v.scores())), source);
        }
        if let Some(projections) = sources.projections {
            projection_fields(&mut fields, code, projections);
        }
        if let Some(exposure) = sources.ai_exposure {
            let source = "Eloundou et al. 2024 (GPTs are GPTs), human-rated β: share of tasks a language model could speed up by half, those that need software built on one counted at half weight";
            fields.set("ai_exposure", exposure.percent(code).and_then(value), source.to_owned());
        }
        if let Some(telework) = sources.telework {
            remote_field(&mut fields, telework.remote(code));
        }
        let mut fields = fields.0;
        fields.sort_by_key(|f| KEYS.iter().position(|k| *k == f.key));
        Imported { fields, skill_names: occupation.technology.iter().map(|t| t.name.clone()).collect() }
    }

    /// Whether the import gives `key` a value.
    pub fn has(&self, key: &str) -> bool {
        self.fields.iter().any(|f| f.key == key && f.value.is_some())
    }

    /// Whether the import owns `key` but has no value for it, and says why
    /// in the provenance ("unknown: …").
    pub fn is_unknown(&self, key: &str) -> bool {
        self.fields.iter().any(|f| f.key == key && f.value.is_none() && f.source.is_some())
    }
}

/// Growth, openings and entry requirements of the NEM row the crosswalk
/// puts the occupation in, and its Occupational Outlook Handbook link.
/// The row is a group's when its code is not the occupation's SOC code
/// (13-1021.00 → 13-1020 Buyers and purchasing agents) or when the
/// occupation is an O*NET specialty of it (15-2051.01 → 15-2051).
fn projection_fields(fields: &mut Fields, code: &str, projections: &Projections) {
    let found = projections.get(code);
    let ep = format!("BLS Employment Projections {}", projections.vintage);
    let (link, row) = match found {
        Some(found) => found,
        None => {
            // Not in the crosswalk: the keys are removed.
            for key in [
                "projected_growth",
                "annual_openings",
                "projections_group",
                "entry_education",
                "entry_experience",
                "entry_training",
                "outlook_url",
            ] {
                fields.set(key, None, String::new());
            }
            return;
        }
    };
    let nem = &link.nem_code;
    let own_code = nem.as_str() == &code[..7];
    let source = if !own_code {
        format!("{ep}, NEM {nem} ({}), the group this occupation is projected in", row.title)
    } else if !code.ends_with(".00") {
        format!("{ep}, NEM {nem} ({}), the occupation that includes this O*NET specialty", row.title)
    } else {
        format!("{ep}, NEM {nem}")
    };
    let group = (!own_code || !code.ends_with(".00")).then_some(row.title.as_str());
    fields.set("projected_growth", row.growth_percent.and_then(value), source.clone());
    fields.set("annual_openings", row.annual_openings.and_then(|o| value(o as i64)), source.clone());
    fields.set("projections_group", group.and_then(value), source.clone());
    fields.set("entry_education", row.education.as_ref().and_then(value), source.clone());
    fields.set("entry_experience", row.experience.as_ref().and_then(value), source.clone());
    fields.set("entry_training", row.training.as_ref().and_then(value), source);
    let outlook = format!(
        "BLS O*NET-SOC to NEM crosswalk, Occupational Outlook Handbook profile ({})",
        link.outlook_title.as_deref().unwrap_or("untitled")
    );
    fields.set("outlook_url", link.outlook_url.as_ref().and_then(value), outlook);
}

/// `remote_friendly` from Dingel and Neiman: a value only when every
/// O*NET-SOC 2010 code with one agrees; otherwise the reason.
fn remote_field(fields: &mut Fields, remote: Remote) {
    const KEY: &str = "remote_friendly";
    let codes = |codes: &[String]| match codes {
        [one] => format!("code {one}"),
        many => format!("codes {}", many.join(", ")),
    };
    match remote {
        Remote::Known { value: at_home, codes: from } => fields.set(
            KEY,
            value(at_home),
            format!("Dingel & Neiman 2020 (can the work be done at home), from its O*NET-SOC 2010 {}", codes(&from)),
        ),
        Remote::Conflicting(values) => {
            let listed: Vec<String> =
                values.iter().map(|(code, v)| format!("{code} ({})", if *v { "yes" } else { "no" })).collect();
            fields.unknown(
                KEY,
                format!(
                    "unknown: Dingel & Neiman 2020 give conflicting values for its O*NET-SOC 2010 codes {}",
                    listed.join(", ")
                ),
            );
        }
        Remote::Unknown(from) if from.is_empty() => fields.unknown(
            KEY,
            "unknown: no Dingel & Neiman 2020 value, as the O*NET-SOC 2010 to 2019 crosswalk gives it no 2010 code"
                .to_owned(),
        ),
        Remote::Unknown(from) => fields
            .unknown(KEY, format!("unknown: no Dingel & Neiman 2020 value for its O*NET-SOC 2010 {}", codes(&from))),
    }
}

fn list(items: &[String]) -> Option<Item> {
    (!items.is_empty()).then(|| Item::Value(Value::Array(multiline(items.iter().map(|s| Value::from(s.as_str()))))))
}

/// A wage as TOML: whole amounts as integers, cents as decimals, and
/// `{ at_least = N }` for BLS's "at or above" marker.
fn wage_value(wage: Wage) -> Value {
    let number = |x: f64| if x.fract() == 0.0 { Value::from(x as i64) } else { Value::from(x) };
    match wage {
        Wage::Exact(x) => number(x),
        Wage::AtLeast { at_least } => {
            let mut table = InlineTable::new();
            table.insert("at_least", number(at_least));
            Value::InlineTable(table)
        }
    }
}

/// The salary table: annual figures when BLS publishes them, else hourly;
/// `group` names the OEWS occupation when its figures are a group's.
fn salary(annual: &Figures, hourly: &Figures, source: &str, group: Option<&str>) -> Option<Item> {
    let (figures, period) = if annual.any() {
        (annual, "year")
    } else if hourly.any() {
        (hourly, "hour")
    } else {
        return None;
    };
    let mut table = Table::new();
    let entries = [
        ("p10", figures.p10),
        ("p25", figures.p25),
        ("median", figures.median),
        ("p75", figures.p75),
        ("p90", figures.p90),
        ("mean", figures.mean),
    ];
    for (key, wage) in entries {
        if let Some(wage) = wage {
            table[key] = Item::Value(wage_value(wage));
        }
    }
    table["currency"] = toml_edit::value("USD");
    table["period"] = toml_edit::value(period);
    table["source"] = toml_edit::value(source);
    if let Some(group) = group {
        table["group"] = toml_edit::value(group);
    }
    Some(Item::Table(table))
}

fn onet_table(occupation: &Occupation, db: &Database) -> Item {
    let mut table = Table::new();
    table["code"] = toml_edit::value(&occupation.code);
    if let Some(zone) = occupation.job_zone {
        table["job_zone"] = toml_edit::value(i64::from(zone));
        if let Some(info) = db.job_zones.get(&zone) {
            table["job_zone_name"] = toml_edit::value(&info.name);
            table["experience"] = toml_edit::value(&info.experience);
            table["training"] = toml_edit::value(&info.training);
        }
    }
    Item::Table(table)
}

/// `[interests]` or `[work_values]`: a key per score, in O*NET's order.
fn scores_table(scores: &[careerdiff_model::Score]) -> Item {
    let mut table = Table::new();
    for score in scores {
        table.insert(score.key, toml_edit::value(score.value));
    }
    Item::Table(table)
}

/// `[ratings.skills]` and `[ratings.knowledge]`: one inline table per
/// element, `{ importance = 4.12, level = 4.62 }`, in O*NET's order.
fn ratings_table(ratings: &OccupationRatings) -> Item {
    let mut table = Table::new();
    table.set_implicit(true);
    for (key, items) in [("skills", &ratings.skills), ("knowledge", &ratings.knowledge)] {
        if items.is_empty() {
            continue;
        }
        let mut inner = Table::new();
        for Rated { name, importance, level } in items {
            let mut rating = InlineTable::new();
            rating.insert("importance", (*importance).into());
            if let Some(level) = level {
                rating.insert("level", (*level).into());
            }
            inner.insert(name, Item::Value(Value::InlineTable(rating)));
        }
        table.insert(key, Item::Table(inner));
    }
    Item::Table(table)
}
