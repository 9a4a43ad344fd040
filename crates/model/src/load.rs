//! Loading a content folder: site.toml, skills.toml and careers/*.md.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use crate::frontmatter::{SplitError, split};
use crate::locate::{Step, locate};
use crate::taxonomy::SkillsFile;
use crate::validate::{Problem, check_career};
use crate::{Career, Collection, ContentErrors, Diagnostic, SiteConfig, Taxonomy, is_valid_slug};

/// A whole, valid content folder.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// The folder it was loaded from.
    pub root: PathBuf,
    /// `site.toml`, or the defaults when there is none.
    pub site: SiteConfig,
    /// `skills.toml`, or an empty taxonomy when there is none.
    pub taxonomy: Taxonomy,
    /// Every career, sorted by slug.
    pub careers: Vec<Career>,
    /// Every collection of `collections/`, sorted by slug.
    pub collections: Vec<Collection>,
}

const SLUG_RULE: &str = "a file name of lowercase letters, digits and single hyphens, ending in .md";

/// Loads and validates the content folder at `root`, reporting every
/// problem in every file at once.
pub fn load_content(root: &Path) -> Result<Content, ContentErrors> {
    let mut diagnostics = Vec::new();
    let site = load_toml_file::<SiteConfig>(&root.join("site.toml"), &mut diagnostics).unwrap_or_default();
    let taxonomy = load_taxonomy(&root.join("skills.toml"), &mut diagnostics);
    let careers = load_careers(&root.join("careers"), &taxonomy, &mut diagnostics);
    let collections = load_collections(&root.join("collections"), &mut diagnostics);
    if diagnostics.is_empty() {
        Ok(Content { root: root.to_owned(), site, taxonomy, careers, collections })
    } else {
        Err(ContentErrors::sorted(diagnostics))
    }
}

/// Parses one career file. `path` is only used in diagnostics and to
/// derive the slug from the file name; nothing is read from disk.
pub fn parse_career(path: &Path, text: &str, taxonomy: &Taxonomy) -> Result<Career, Vec<Diagnostic>> {
    let expected_layout = "`+++` on the first line, TOML front matter, `+++`, then Markdown";
    let parts = split(text).map_err(|e| {
        let (offset, message) = match e {
            SplitError::Empty => (0, "the file is empty"),
            SplitError::NoOpeningFence => (0, "the file does not start with `+++`"),
            SplitError::NoClosingFence(at) => (at, "the front matter is never closed with `+++`"),
        };
        vec![Diagnostic::at_offset(path, text, offset, message, expected_layout)]
    })?;
    let in_file = |span_start: usize| parts.front_offset + span_start;
    let mut career: Career = toml::from_str(parts.front).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        vec![Diagnostic::at_offset(
            path,
            text,
            in_file(offset),
            toml_message(&e),
            "front matter in the career format (see the README's \"Content format\")",
        )]
    })?;
    career.slug = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    career.source = path.to_owned();
    career.body = parts.body.to_owned();
    let problems = check_career(&career, taxonomy);
    if problems.is_empty() {
        Ok(career)
    } else {
        Err(problems.into_iter().map(|p| locate_problem(path, text, parts.front, parts.front_offset, p)).collect())
    }
}

fn locate_problem(path: &Path, text: &str, front: &str, front_offset: usize, p: Problem) -> Diagnostic {
    let offset = locate(front, &p.at).map_or(0, |r| r.start);
    Diagnostic::at_offset(path, text, front_offset + offset, p.message, p.expected)
}

fn toml_message(e: &toml::de::Error) -> String {
    e.message().trim().replace('\n', "; ")
}

/// Reads a UTF-8 file, or records why it could not be.
fn read_text(path: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            diagnostics.push(Diagnostic::whole_file(path, format!("cannot read the file: {e}"), "a readable file"));
            return None;
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => Some(text),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
            diagnostics.push(Diagnostic::at_offset(
                path,
                &text,
                valid,
                format!("invalid UTF-8 at byte {valid}"),
                "text encoded as UTF-8",
            ));
            None
        }
    }
}

fn load_toml_file<T: DeserializeOwned>(path: &Path, diagnostics: &mut Vec<Diagnostic>) -> Option<T> {
    if !path.exists() {
        return None;
    }
    let text = read_text(path, diagnostics)?;
    match toml::from_str(&text) {
        Ok(value) => Some(value),
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            diagnostics.push(Diagnostic::at_offset(
                path,
                &text,
                offset,
                toml_message(&e),
                "valid TOML in the documented format",
            ));
            None
        }
    }
}

fn load_taxonomy(path: &Path, diagnostics: &mut Vec<Diagnostic>) -> Taxonomy {
    let Some(file) = load_toml_file::<SkillsFile>(path, diagnostics) else {
        return Taxonomy::default();
    };
    let text = fs::read_to_string(path).unwrap_or_default();
    let at = |steps: &[Step<'_>]| locate(&text, steps).map_or(0, |r| r.start);
    let mut skills = Vec::with_capacity(file.skills.len());
    for (id, mut skill) in file.skills {
        if !is_valid_slug(&id) {
            let offset = at(&[Step::Key("skills"), Step::Key(&id)]);
            diagnostics.push(Diagnostic::at_offset(
                path,
                &text,
                offset,
                format!("skill id `{id}` cannot be used in a URL"),
                "an id of lowercase letters, digits and single hyphens",
            ));
        }
        skill.id = id;
        skills.push(skill);
    }
    let (taxonomy, clashes) = Taxonomy::new(skills);
    for (id, phrase, other) in clashes {
        diagnostics.push(Diagnostic::at_offset(
            path,
            &text,
            at(&[Step::Key("skills"), Step::Key(&id)]),
            format!("skill `{id}`: \"{phrase}\" already names skill `{other}`"),
            "each name and alias to belong to one skill",
        ));
    }
    taxonomy
}

fn load_careers(dir: &Path, taxonomy: &Taxonomy, diagnostics: &mut Vec<Diagnostic>) -> Vec<Career> {
    if !dir.is_dir() {
        diagnostics.push(Diagnostic::whole_file(
            dir,
            "no careers folder",
            "a folder `careers/` with one <slug>.md file per career",
        ));
        return Vec::new();
    }
    let mut careers = Vec::new();
    let mut paths = Vec::new();
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    let entries = WalkDir::new(dir).sort_by_file_name().into_iter();
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_owned();
                diagnostics.push(Diagnostic::whole_file(&path, format!("cannot read: {e}"), "a readable folder"));
                continue;
            }
        };
        let path = entry.path();
        let name = entry.file_name().to_string_lossy();
        if !entry.file_type().is_file() || name.starts_with('.') || !name.ends_with(".md") {
            continue;
        }
        let slug = name.trim_end_matches(".md");
        if !is_valid_slug(slug) {
            diagnostics.push(Diagnostic::whole_file(
                path,
                format!("`{name}` is not a valid career file name"),
                SLUG_RULE,
            ));
            continue;
        }
        if slug.contains("-vs-") {
            diagnostics.push(Diagnostic::whole_file(
                path,
                format!("career file name `{name}` contains `-vs-`"),
                "a name without `-vs-`, which pair page URLs (<a>-vs-<b>.html) reserve",
            ));
            continue;
        }
        if let Some(first) = seen.get(slug) {
            diagnostics.push(Diagnostic::whole_file(
                path,
                format!("duplicate slug `{slug}`: {} has the same file name", first.display()),
                "one file per slug across all folders under careers/",
            ));
            continue;
        }
        seen.insert(slug.to_owned(), path.to_owned());
        paths.push(path.to_owned());
    }
    // Reading and parsing run in parallel; problems are reported in file
    // order whatever the thread count.
    let parsed: Vec<Result<Career, Vec<Diagnostic>>> = paths
        .par_iter()
        .map(|path| {
            let mut problems = Vec::new();
            let text = read_text(path, &mut problems).ok_or(problems)?;
            parse_career(path, &text, taxonomy)
        })
        .collect();
    for result in parsed {
        match result {
            Ok(career) => careers.push(career),
            Err(errors) => diagnostics.extend(errors),
        }
    }
    if careers.is_empty() && diagnostics.is_empty() {
        diagnostics.push(Diagnostic::whole_file(dir, "no career files", "at least one careers/<slug>.md file"));
    }
    careers.sort_by(|a, b| a.slug.cmp(&b.slug));
    careers
}

/// Reads `collections/*.toml` (the folder is optional).
fn load_collections(dir: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<Collection> {
    let Ok(entries) = fs::read_dir(dir) else { return Vec::new() };
    let mut paths: Vec<PathBuf> =
        entries.flatten().map(|e| e.path()).filter(|p| p.extension().is_some_and(|e| e == "toml")).collect();
    paths.sort();
    let mut collections = Vec::new();
    for path in paths {
        let slug = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        if !is_valid_slug(&slug) {
            diagnostics.push(Diagnostic::whole_file(
                &path,
                format!("`{slug}.toml` is not a valid collection file name"),
                "lowercase letters, digits and single hyphens, ending in .toml",
            ));
            continue;
        }
        if let Some(mut collection) = load_toml_file::<Collection>(&path, diagnostics) {
            collection.slug = slug;
            collections.push(collection);
        }
    }
    collections
}
