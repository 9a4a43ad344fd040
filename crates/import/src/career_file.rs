//! Writing a career file from imported data, or merging imported data into
//! a file a writer has edited. The importer owns the fields in
//! [`OWNED`]; everything else in the front matter (demand score, AI risk,
//! remote friendliness, hand-added skills, comments) and the Markdown body
//! are kept as they are.

use std::path::Path;

use careerdiff_model::Wage;
use toml_edit::{Array, DocumentMut, InlineTable, Item, Table, Value};

use crate::ImportError;
use crate::mapping::{entry_barrier, learning_months, programming_languages};
use crate::oews::{Figures, Wages};
use crate::onet::{Database, Occupation};

/// The front-matter keys the importer writes, in the order new files get
/// them. `skills` is merged: skills a writer added are kept.
pub const OWNED: &[&str] = &[
    "title",
    "summary",
    "category",
    "employment",
    "learning_months",
    "entry_barrier",
    "requires_coding",
    "education",
    "alternate_titles",
    "tasks",
    "tools",
    "skills",
    "salary",
    "onet",
];

/// What the import says about one career, as TOML items with their sources.
pub struct Imported {
    /// Owned key → value (`None`: the data has no value, the key is removed).
    fields: Vec<(&'static str, Option<Item>)>,
    /// Owned key → where the value came from.
    provenance: Vec<(&'static str, String)>,
    /// Names of the imported skills, to tell them from hand-added ones.
    skill_names: Vec<String>,
}

impl Imported {
    /// Gathers the career fields for `occupation`.
    pub fn new(occupation: &Occupation, db: &Database, wages: &Wages) -> Self {
        let onet = format!("O*NET {}", db.release);
        let soc = &occupation.code[..occupation.code.len().min(7)];
        let wage_row = wages.detailed.get(soc);
        let specialised = !occupation.code.ends_with(".00");
        let bls = "BLS OEWS May 2025";
        let mut fields: Vec<(&'static str, Option<Item>)> = Vec::new();
        let mut provenance: Vec<(&'static str, String)> = Vec::new();
        let mut set = |key: &'static str, item: Option<Item>, source: String| {
            if item.is_some() {
                provenance.push((key, source));
            }
            fields.push((key, item));
        };
        set("title", Some(toml_edit::value(&occupation.title)), format!("{onet} Occupation Data"));
        set("summary", Some(toml_edit::value(&occupation.description)), format!("{onet} Occupation Data"));
        let category = wages.major_groups.get(&occupation.code[..2]);
        set(
            "category",
            category.map(toml_edit::value),
            format!("{bls} SOC major group {}-0000", &occupation.code[..2]),
        );
        let employment = wage_row.and_then(|r| r.employment).filter(|_| !specialised);
        set("employment", employment.map(|e| toml_edit::value(e as i64)), format!("{bls}, SOC {soc}"));
        let zone = occupation.job_zone;
        let derived = |what: &str| {
            format!("derived from {onet} job zone {} ({what}; see careerdiff-import mapping.rs)", zone.unwrap_or(0))
        };
        set(
            "learning_months",
            zone.map(|z| toml_edit::value(i64::from(learning_months(z)))),
            derived("top of its SVP range"),
        );
        set(
            "entry_barrier",
            zone.map(|z| toml_edit::value(entry_barrier(z).to_string().to_lowercase())),
            derived("zones 1-2 low, 3-4 medium, 5 high"),
        );
        let languages = programming_languages(&occupation.technology);
        let coding_source = if languages.is_empty() {
            format!(
                "derived from {onet} Technology Skills: none of its {} technologies is a programming language",
                occupation.technology.len()
            )
        } else {
            format!("derived from {onet} Technology Skills: lists {}", languages.join(", "))
        };
        set("requires_coding", Some(toml_edit::value(!languages.is_empty())), coding_source);
        set(
            "education",
            occupation.education.as_ref().map(toml_edit::value),
            format!("{onet} Education, Training, and Experience (most common required level)"),
        );
        set("alternate_titles", list(&occupation.alternate_titles), format!("{onet} Alternate Titles"));
        set("tasks", list(&occupation.core_tasks), format!("{onet} Task Statements (core tasks)"));
        set("tools", list(&occupation.tools), format!("{onet} Tools Used"));
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
        set("skills", Some(Item::Value(Value::Array(multiline(skills)))), format!("{onet} Technology Skills"));
        let salary_source = match (wage_row, specialised) {
            (Some(row), true) => {
                format!("{bls}, SOC {soc} ({}), the occupation that includes this O*NET specialty", row.title)
            }
            _ => format!("{bls}, SOC {soc}"),
        };
        set("salary", wage_row.and_then(|r| salary(&r.annual, &r.hourly, bls)), salary_source);
        set("onet", Some(onet_table(occupation, db)), onet.clone());
        Imported { fields, provenance, skill_names: occupation.technology.iter().map(|t| t.name.clone()).collect() }
    }
}

/// The career file text: `existing` (if any) with the owned fields
/// replaced, or a new file.
pub fn render(imported: &Imported, existing: Option<&str>, path: &Path) -> Result<String, ImportError> {
    let (mut doc, body) = match existing {
        Some(text) => {
            let (front, body) = careerdiff_model::split_front_matter(text).ok_or_else(|| {
                ImportError::new(
                    path,
                    Some(1),
                    "cannot merge into this file: it has no `+++` front matter; fix or remove it",
                )
            })?;
            let doc: DocumentMut = front.parse().map_err(|e: toml_edit::TomlError| {
                let line = e.span().map_or(0, |s| front[..s.start].matches('\n').count()) + 2;
                ImportError::new(path, Some(line), format!("cannot merge into this file: {}", e.message()))
            })?;
            (doc, body.to_owned())
        }
        None => (DocumentMut::new(), String::new()),
    };
    for (key, item) in &imported.fields {
        let item = match (*key, item) {
            ("skills", Some(Item::Value(Value::Array(skills)))) => {
                Some(Item::Value(Value::Array(merge_skills(skills, doc.get("skills"), &imported.skill_names))))
            }
            _ => item.clone(),
        };
        match item {
            Some(item) => doc[key] = item,
            None => {
                doc.remove(key);
            }
        }
    }
    let provenance = doc.entry("provenance").or_insert(Item::Table(Table::new()));
    if let Some(table) = provenance.as_table_mut() {
        for key in OWNED {
            table.remove(key);
        }
        for (key, source) in &imported.provenance {
            table[key] = toml_edit::value(source);
        }
    }
    let front = doc.to_string();
    let newline = if front.ends_with('\n') { "" } else { "\n" };
    Ok(format!("+++\n{front}{newline}+++\n{body}"))
}

/// The imported skills followed by those of `existing` that a writer
/// added (whose names are not among the imported ones).
fn merge_skills(imported: &Array, existing: Option<&Item>, imported_names: &[String]) -> Array {
    let mut kept: Vec<Value> = Vec::new();
    let name_of = |v: &Value| -> Option<String> {
        match v {
            Value::String(s) => Some(s.value().clone()),
            Value::InlineTable(t) => t.get("name").and_then(Value::as_str).map(str::to_owned),
            _ => None,
        }
    };
    match existing {
        Some(Item::Value(Value::Array(array))) => kept.extend(array.iter().cloned()),
        Some(Item::ArrayOfTables(tables)) => {
            kept.extend(tables.iter().map(|t| Value::InlineTable(t.clone().into_inline_table())))
        }
        _ => {}
    }
    kept.retain(|v| name_of(v).is_some_and(|name| !imported_names.contains(&name)));
    multiline(imported.iter().cloned().chain(kept))
}

/// An array with one element per line, as writers would lay it out.
fn multiline(values: impl Iterator<Item = Value>) -> Array {
    let mut array = Array::new();
    for mut value in values {
        value.decor_mut().set_prefix("\n  ");
        value.decor_mut().set_suffix("");
        array.push_formatted(value);
    }
    array.set_trailing("\n");
    array.set_trailing_comma(true);
    array
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

/// The salary table: annual figures when BLS publishes them, else hourly.
fn salary(annual: &Figures, hourly: &Figures, source: &str) -> Option<Item> {
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
