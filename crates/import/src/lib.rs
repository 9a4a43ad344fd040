//! The careerdiff importer: reads the O*NET text database, the BLS OEWS
//! national wage file and, when given, BLS Employment Projections, LLM
//! exposure (Eloundou et al.) and work-at-home (Dingel and Neiman) files,
//! and writes career content files and the skill taxonomy they use.
//!
//! [`import_onet`] reads everything first ([`onet::Database`] with its
//! [`ratings`] and [`preferences`], [`oews::Wages`], [`projections::Projections`],
//! [`ai_exposure::AiExposure`], [`telework::Telework`]), checking releases
//! and every file's columns and values, gathers each career's owned keys
//! ([`fields`]), then writes `careers/<slug>.md` files ([`career_file`]),
//! merges `skills.toml` ([`skills_file`]) and writes a default `site.toml`
//! when there is none. A file a writer has edited keeps its Markdown body
//! and every field the importer does not own; re-running an import gives
//! byte-identical files. On any error nothing is written.

pub mod ai_exposure;
pub mod career_file;
mod error;
pub mod fields;
pub mod mapping;
pub mod oews;
pub mod onet;
pub mod preferences;
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
    /// BLS Employment Projections; without them the projection keys of
    /// existing files are left as they are.
    pub projections: Option<ProjectionFiles>,
    /// Eloundou et al.'s `occ_level.csv`; without it `ai_exposure` is left
    /// as it is.
    pub ai_exposure: Option<PathBuf>,
    /// Dingel and Neiman's classification; without it `remote_friendly` is
    /// left as it is.
    pub telework: Option<TeleworkFiles>,
}

/// The two files of the BLS Employment Projections, read together.
#[derive(Debug, Clone)]
pub struct ProjectionFiles {
    /// Table 1.2 as CSV (`table_1_2_occupation_projections.csv`).
    pub table: PathBuf,
    /// The O*NET-SOC to NEM crosswalk as CSV (`nem-onet-to-soc-crosswalk.csv`).
    pub crosswalk: PathBuf,
}

/// The two files of the work-at-home classification, read together.
#[derive(Debug, Clone)]
pub struct TeleworkFiles {
    /// `occupations_workathome.csv`, keyed by O*NET-SOC 2010 codes.
    pub values: PathBuf,
    /// `2010_to_2019_Crosswalk.csv`.
    pub crosswalk: PathBuf,
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
    /// Whether a default `site.toml` was written (the folder had none).
    pub wrote_site_config: bool,
    /// Careers the import gave a value, by key (keys of [`fields::KEYS`]).
    pub with_value: BTreeMap<&'static str, usize>,
    /// Careers whose key the import owns but has no value for, with the
    /// reason in their provenance, by key (e.g. `remote_friendly`).
    pub unknown: BTreeMap<&'static str, usize>,
}

/// Imports every selected occupation that has technology skills.
pub fn import_onet(options: &ImportOptions) -> Result<ImportReport, ImportError> {
    let db = onet::Database::read(&options.onet_dir)?;
    let wages = oews::Wages::read(&options.oews_file)?;
    let projections =
        options.projections.as_ref().map(|p| projections::Projections::read(&p.table, &p.crosswalk)).transpose()?;
    let ai_exposure = options.ai_exposure.as_deref().map(ai_exposure::AiExposure::read).transpose()?;
    let telework = options.telework.as_ref().map(|t| telework::Telework::read(&t.values, &t.crosswalk)).transpose()?;
    let sources = fields::Sources {
        db: &db,
        wages: &wages,
        projections: projections.as_ref(),
        ai_exposure: ai_exposure.as_ref(),
        telework: telework.as_ref(),
    };
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
    let mut report = ImportReport { release: db.release.clone(), skills: skills.count, ..ImportReport::default() };
    for occupation in &selected {
        let path = options.out.join("careers").join(format!("{}.md", slugs[&occupation.code]));
        let imported = fields::Imported::new(occupation, &sources);
        for key in fields::KEYS {
            if imported.has(key) {
                *report.with_value.entry(key).or_default() += 1;
            } else if imported.is_unknown(key) {
                *report.unknown.entry(key).or_default() += 1;
            }
        }
        let existing = read_optional(&path)?;
        let text = career_file::render(&imported, existing.as_deref(), &path)?;
        files.insert(path, text);
    }
    report.careers = files.len();
    let site_path = options.out.join("site.toml");
    let site_exists = site_path.try_exists().map_err(|e| ImportError::io(&site_path, e))?;

    // Everything is read and checked; only now is anything written.
    if !site_exists {
        write_if_changed(&site_path, DEFAULT_SITE_CONFIG)?;
        report.wrote_site_config = true;
    }
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

/// The `site.toml` a fresh import writes: a site of every imported career
/// with a page per career and its ten most similar (all pairs of 923
/// careers would be 425,503 pages).
pub const DEFAULT_SITE_CONFIG: &str = r#"# Site-wide settings. Written by `careerdiff import onet` because the folder
# had none; yours to edit: the importer never changes an existing site.toml.
title = "Careers compared"
description = "Compare careers side by side: pay, projected growth, skills and the way in, from public labour-market data."
# Set this to the address the site will be published at (it must end in /):
# canonical links, social cards and the sitemap are built on it.
base_url = "https://careers.example.org/"
theme = "default"

# A comparison page for each career with each of its 10 most similar.
[pairs]
policy = "similar"
per_career = 10
"#;

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
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    fs::write(&tmp, text).map_err(|e| ImportError::io(&tmp, e))?;
    fs::rename(&tmp, path).map_err(|e| ImportError::io(path, e))?;
    Ok(true)
}

#[cfg(test)]
mod tests;
