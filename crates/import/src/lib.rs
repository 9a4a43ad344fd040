//! The careerdiff importer: reads the O*NET text database and the BLS OEWS
//! national wage file and writes career content files and the skill
//! taxonomy they use. It can also read BLS Employment Projections
//! ([`projections`]), LLM exposure ([`ai_exposure`]), work at home
//! ([`telework`]) and O*NET's skill and knowledge ratings ([`ratings`]).
//!
//! [`import_onet`] reads everything first ([`onet::Database`],
//! [`oews::Wages`]), checking the O*NET release and every file's columns,
//! then writes `careers/<slug>.md` files ([`career_file`]) and merges
//! `skills.toml` ([`skills_file`]). A file a writer has edited keeps its
//! Markdown body and every field the importer does not own; re-running an
//! import gives byte-identical files. On any error nothing is written.

pub mod ai_exposure;
pub mod career_file;
mod error;
pub mod mapping;
pub mod oews;
pub mod onet;
pub mod projections;
pub mod ratings;
pub mod skills_file;
mod table;
pub mod telework;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

pub use error::ImportError;

/// What to import and where to.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The O*NET text database folder (with `Read Me.txt`).
    pub onet_dir: PathBuf,
    /// The OEWS national CSV file.
    pub oews_file: PathBuf,
    /// SOC major groups to import (e.g. `["15", "17"]`); `None` for all.
    pub major_groups: Option<Vec<String>>,
    /// The content folder to write into.
    pub out: PathBuf,
}

/// What an import wrote.
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    /// The O*NET release read, e.g. "29.2".
    pub release: String,
    /// Career files written (new or changed).
    pub written: usize,
    /// Career files already up to date.
    pub unchanged: usize,
    /// Careers imported in all.
    pub careers: usize,
    /// Canonical skills in the merged taxonomy.
    pub skills: usize,
}

/// Imports every selected occupation that has technology skills.
pub fn import_onet(options: &ImportOptions) -> Result<ImportReport, ImportError> {
    let db = onet::Database::read(&options.onet_dir)?;
    let wages = oews::Wages::read(&options.oews_file)?;
    let selected: Vec<&onet::Occupation> = db
        .occupations
        .values()
        .filter(|o| !o.technology.is_empty())
        .filter(|o| {
            options
                .major_groups
                .as_ref()
                .is_none_or(|groups| groups.iter().any(|g| o.code.starts_with(&format!("{g}-"))))
        })
        .collect();

    let skills_path = options.out.join("skills.toml");
    let existing_skills = read_optional(&skills_path)?;
    let skills = skills_file::merge(existing_skills.as_deref(), &skills_path, &selected, &db.release)?;

    let slugs = mapping::slugs(&selected);
    let mut files: BTreeMap<PathBuf, String> = BTreeMap::new();
    for occupation in &selected {
        let path = options.out.join("careers").join(format!("{}.md", slugs[&occupation.code]));
        let imported = career_file::Imported::new(occupation, &db, &wages);
        let existing = read_optional(&path)?;
        let text = career_file::render(&imported, existing.as_deref(), &path)?;
        files.insert(path, text);
    }

    // Everything is read and checked; only now is anything written.
    let mut report = ImportReport {
        release: db.release.clone(),
        careers: files.len(),
        skills: skills.count,
        ..ImportReport::default()
    };
    write_if_changed(&skills_path, &skills.text)?;
    for (path, text) in &files {
        if write_if_changed(path, text)? {
            report.written += 1;
        } else {
            report.unchanged += 1;
        }
    }
    Ok(report)
}

fn read_optional(path: &Path) -> Result<Option<String>, ImportError> {
    match fs::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(ImportError::io(path, e)),
    }
}

/// Writes `text` to `path` through a temporary file and a rename, unless
/// the file already holds exactly that. Returns whether it wrote.
fn write_if_changed(path: &Path, text: &str) -> Result<bool, ImportError> {
    if fs::read_to_string(path).is_ok_and(|old| old == text) {
        return Ok(false);
    }
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| ImportError::io(parent, e))?;
    }
    let tmp = path.with_extension("md.tmp");
    fs::write(&tmp, text).map_err(|e| ImportError::io(&tmp, e))?;
    fs::rename(&tmp, path).map_err(|e| ImportError::io(path, e))?;
    Ok(true)
}

#[cfg(test)]
mod tests;
