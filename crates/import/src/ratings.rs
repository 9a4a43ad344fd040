//! Reading O*NET's skill and knowledge ratings (`Skills.txt`,
//! `Knowledge.txt`): how important each element is to an occupation (scale
//! IM, 1–5) and what level it needs (scale LV, 0–7).

use std::collections::BTreeMap;
use std::path::Path;

use crate::ImportError;
use crate::table::TabFile;

/// One rated skill or knowledge area of an occupation.
#[derive(Debug, Clone, PartialEq)]
pub struct Rated {
    /// O*NET's element name, e.g. "Reading Comprehension".
    pub name: String,
    /// Importance, 1 to 5.
    pub importance: f64,
    /// Level, 0 to 7; `None` when O*NET recommends suppressing it or
    /// rates the element not relevant to the work.
    pub level: Option<f64>,
}

/// An occupation's ratings, in O*NET's element order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OccupationRatings {
    /// From `Skills.txt`.
    pub skills: Vec<Rated>,
    /// From `Knowledge.txt`.
    pub knowledge: Vec<Rated>,
}

impl OccupationRatings {
    /// Whether nothing is rated.
    pub fn is_empty(&self) -> bool {
        self.skills.is_empty() && self.knowledge.is_empty()
    }
}

/// The ratings files of a database folder.
#[derive(Debug, Clone, Default)]
pub struct Ratings {
    /// The files read, as O*NET names them ("Skills", "Knowledge"); empty
    /// when the folder has neither.
    pub files: Vec<&'static str>,
    /// Ratings by O*NET-SOC code; occupations without any are absent.
    pub by_code: BTreeMap<String, OccupationRatings>,
}

const FILES: [(&str, &str); 2] = [("Skills", "Skills.txt"), ("Knowledge", "Knowledge.txt")];
const COLUMNS: [&str; 7] =
    ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", "Recommend Suppress", "Not Relevant"];

/// An element's two ratings while they are read.
struct Partial {
    id: String,
    name: String,
    importance: Option<f64>,
    level: Option<f64>,
}

/// Reads `Skills.txt` and `Knowledge.txt` from `dir`, those present.
pub fn read(dir: &Path) -> Result<Ratings, ImportError> {
    let mut ratings = Ratings::default();
    for (kind, name) in FILES {
        if !dir.join(name).is_file() {
            continue;
        }
        ratings.files.push(kind);
        let file = TabFile::read(dir, name, &COLUMNS)?;
        let [code, id, element, scale, value, suppress, not_relevant] = COLUMNS.map(|c| file.column(c));
        let mut by_code: BTreeMap<String, Vec<Partial>> = BTreeMap::new();
        for row in file.rows() {
            let (line, f) = row?;
            let error = |column: &str, expected: &str| {
                let cell = f[file.column(column)];
                ImportError::new(&file.path, Some(line), format!("`{column}` is `{cell}`, expected {expected}"))
            };
            let flag = |column: &str, index: usize| match f[index].trim() {
                "Y" => Ok(true),
                "N" | "n/a" => Ok(false),
                _ => Err(error(column, "Y, N or n/a")),
            };
            let (is_importance, min, max) = match f[scale].trim() {
                "IM" => (true, 1.0, 5.0),
                "LV" => (false, 0.0, 7.0),
                _ => return Err(error("Scale ID", "IM (importance) or LV (level)")),
            };
            let number = f[value]
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|v| (min..=max).contains(v))
                .ok_or_else(|| error("Data Value", &format!("a number from {min} to {max}")))?;
            let suppressed = flag("Recommend Suppress", suppress)?;
            let irrelevant = flag("Not Relevant", not_relevant)?;
            let elements = by_code.entry(f[code].trim().to_owned()).or_default();
            let at = match elements.iter().position(|e| e.id == f[id].trim()) {
                Some(at) => at,
                None => {
                    let name = f[element].trim().to_owned();
                    elements.push(Partial { id: f[id].trim().to_owned(), name, importance: None, level: None });
                    elements.len() - 1
                }
            };
            // Suppressed values are unreliable (a large standard error or
            // few respondents); a level rated not relevant is no level.
            let kept = Some(round2(number)).filter(|_| !suppressed);
            if is_importance {
                elements[at].importance = kept;
            } else {
                elements[at].level = kept.filter(|_| !irrelevant);
            }
        }
        for (code, elements) in by_code {
            let rated: Vec<Rated> = elements
                .into_iter()
                .filter_map(|e| e.importance.map(|importance| Rated { name: e.name, importance, level: e.level }))
                .collect();
            if rated.is_empty() {
                continue;
            }
            let occupation = ratings.by_code.entry(code).or_default();
            match kind {
                "Skills" => occupation.skills = rated,
                _ => occupation.knowledge = rated,
            }
        }
    }
    Ok(ratings)
}

/// Rounds to two decimals, as O*NET publishes the values.
fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}
