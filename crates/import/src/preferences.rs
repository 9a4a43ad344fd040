//! Reading whom the work suits: O*NET's occupational interests
//! (`Interests.txt`, Holland's six RIASEC types on scale OI, 1–7) and work
//! values (`Work Values.txt`, six values on scale EX, 1–7). The high-point
//! rows (scales IH and VH) repeat what the scores say and are skipped.

use std::collections::BTreeMap;
use std::path::Path;

use careerdiff_model::{Interests, SCORE_RANGE, WorkValues};

use crate::ImportError;
use crate::table::TabFile;

/// The profiles of a database folder.
#[derive(Debug, Clone, Default)]
pub struct Preferences {
    /// Whether the folder has `Interests.txt`.
    pub has_interests: bool,
    /// Whether the folder has `Work Values.txt`.
    pub has_work_values: bool,
    /// Interests by O*NET-SOC code, for occupations scored on all six.
    pub interests: BTreeMap<String, Interests>,
    /// Work values by O*NET-SOC code, for occupations scored on all six.
    pub work_values: BTreeMap<String, WorkValues>,
}

const COLUMNS: [&str; 5] = ["O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value"];

/// Reads `Interests.txt` and `Work Values.txt` from `dir`, those present.
pub fn read(dir: &Path) -> Result<Preferences, ImportError> {
    let mut preferences = Preferences::default();
    if let Some(scores) = read_file(dir, "Interests.txt", "OI", Interests::NAMES)? {
        preferences.has_interests = true;
        preferences.interests = scores.into_iter().map(|(code, v)| (code, Interests::from_values(v))).collect();
    }
    if let Some(scores) = read_file(dir, "Work Values.txt", "EX", WorkValues::NAMES)? {
        preferences.has_work_values = true;
        preferences.work_values = scores.into_iter().map(|(code, v)| (code, WorkValues::from_values(v))).collect();
    }
    Ok(preferences)
}

/// The `scale` rows of `dir/name`, if the file is there: per occupation
/// scored on every one of `names`, its scores in that order. A row of an
/// element not in `names` is an error (a changed content model would
/// otherwise be misread).
fn read_file(
    dir: &Path,
    name: &str,
    scale: &str,
    names: [&str; 6],
) -> Result<Option<BTreeMap<String, [f64; 6]>>, ImportError> {
    if !dir.join(name).is_file() {
        return Ok(None);
    }
    let file = TabFile::read(dir, name, &COLUMNS)?;
    let [code, _, element, scale_id, value] = COLUMNS.map(|c| file.column(c));
    let mut partial: BTreeMap<String, [Option<f64>; 6]> = BTreeMap::new();
    for row in file.rows() {
        let (line, f) = row?;
        if f[scale_id].trim() != scale {
            continue;
        }
        let error = |column: &str, expected: String| {
            let cell = f[file.column(column)];
            ImportError::new(&file.path, Some(line), format!("`{column}` is `{cell}`, expected {expected}"))
        };
        let at = names
            .iter()
            .position(|n| *n == f[element].trim())
            .ok_or_else(|| error("Element Name", format!("one of {}", names.join(", "))))?;
        let (min, max) = SCORE_RANGE;
        let number = f[value]
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|v| (min..=max).contains(v))
            .ok_or_else(|| error("Data Value", format!("a number from {min} to {max}")))?;
        partial.entry(f[code].trim().to_owned()).or_default()[at] = Some((number * 100.0).round() / 100.0);
    }
    Ok(Some(
        partial
            .into_iter()
            .filter_map(|(code, scores)| {
                let mut all = [0.0; 6];
                for (slot, score) in all.iter_mut().zip(scores) {
                    *slot = score?;
                }
                Some((code, all))
            })
            .collect(),
    ))
}
