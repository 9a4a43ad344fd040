//! Loading a content folder: site.toml, skills.toml and careers/*.md.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use crate::control::{CONTROL_RULE, control_in_toml, control_message, first_control};
use crate::frontmatter::{SplitError, split};
use crate::input::{
    CAREER_FILE_LIMIT, COLLECTION_FILE_LIMIT, InputError, SITE_FILE_LIMIT, SKILLS_FILE_LIMIT, is_loop, read_input,
    resolve_inside,
};
use crate::locate::{Step, locate};
use crate::site_config::check_site;
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
///
/// Every file is read with [`read_input`]: it must lie inside `root` once
/// symbolic links are followed, be a regular file and stay under its
/// size limit ([`CAREER_FILE_LIMIT`] and the like). Folders are walked in
/// file-name order, and a symbolic link that loops is reported.
pub fn load_content(root: &Path) -> Result<Content, ContentErrors> {
    let mut diagnostics = Vec::new();
    let site = load_site(root, &mut diagnostics);
    let taxonomy = load_taxonomy(root, &mut diagnostics);
    let careers = load_careers(root, &taxonomy, &mut diagnostics);
    let collections = load_collections(root, &mut diagnostics);
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
    if let Some((offset, c)) = first_control(text) {
        return Err(vec![Diagnostic::at_offset(path, text, offset, control_message(c), CONTROL_RULE)]);
    }
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
    if let Some((at, c)) = control_in_toml(parts.front) {
        let problem = Problem { at, message: control_message(c), expected: CONTROL_RULE.to_owned() };
        return Err(vec![locate_problem(path, text, parts.front, parts.front_offset, problem)]);
    }
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

/// A diagnostic for a file or folder that was not read.
fn refused(path: &Path, e: &InputError) -> Diagnostic {
    Diagnostic::whole_file(path, e.to_string(), e.expected())
}

/// Reads a UTF-8 file of the content folder `root` (see [`read_input`]),
/// or records why it could not be. Raw control characters are the
/// caller's to check: a career's are found by [`parse_career`].
fn read_text(root: &Path, path: &Path, limit: u64, diagnostics: &mut Vec<Diagnostic>) -> Option<String> {
    let bytes = match read_input(root, path, limit) {
        Ok(bytes) => bytes,
        Err(e) => {
            diagnostics.push(refused(path, &e));
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

/// Whether `path` is there at all: a symbolic link counts even when what
/// it points to is not, so that a broken or refused link is reported.
fn is_present(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

/// Reads and parses an optional TOML file of the content folder, and
/// returns it with its text (for locating later problems).
fn load_toml_file<T: DeserializeOwned>(
    root: &Path,
    path: &Path,
    limit: u64,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(T, String)> {
    if !is_present(path) {
        return None;
    }
    let text = read_text(root, path, limit, diagnostics)?;
    if let Some((offset, c)) = first_control(&text) {
        diagnostics.push(Diagnostic::at_offset(path, &text, offset, control_message(c), CONTROL_RULE));
        return None;
    }
    let value = match toml::from_str(&text) {
        Ok(value) => value,
        Err(e) => {
            let offset = e.span().map_or(0, |s| s.start);
            diagnostics.push(Diagnostic::at_offset(
                path,
                &text,
                offset,
                toml_message(&e),
                "valid TOML in the documented format",
            ));
            return None;
        }
    };
    if let Some((at, c)) = control_in_toml(&text) {
        let problem = Problem { at, message: control_message(c), expected: CONTROL_RULE.to_owned() };
        diagnostics.push(locate_problem(path, &text, &text, 0, problem));
        return None;
    }
    Some((value, text))
}

fn load_site(root: &Path, diagnostics: &mut Vec<Diagnostic>) -> SiteConfig {
    let path = root.join("site.toml");
    let Some((mut site, text)) = load_toml_file::<SiteConfig>(root, &path, SITE_FILE_LIMIT, diagnostics) else {
        return SiteConfig::default();
    };
    for problem in check_site(&mut site) {
        diagnostics.push(locate_problem(&path, &text, &text, 0, problem));
    }
    site
}

fn load_taxonomy(root: &Path, diagnostics: &mut Vec<Diagnostic>) -> Taxonomy {
    let path = &root.join("skills.toml");
    let Some((file, text)) = load_toml_file::<SkillsFile>(root, path, SKILLS_FILE_LIMIT, diagnostics) else {
        return Taxonomy::default();
    };
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

/// Why a career slug would make pair page paths ambiguous, or `None`.
///
/// A pair page is `compare/<a>-vs-<b>.html`. When no slug contains
/// `-vs-`, starts with `vs-` or ends with `-vs`, the only `-vs-` in that
/// name is the separator, so two different pairs never share a file
/// (`aa-vs` + `ab` and `aa` + `vs-ab` would both give `aa-vs-vs-ab`).
pub fn pair_slug_problem(slug: &str) -> Option<&'static str> {
    if slug.contains("-vs-") {
        Some("contains `-vs-`")
    } else if slug.starts_with("vs-") {
        Some("starts with `vs-`")
    } else if slug.ends_with("-vs") {
        Some("ends with `-vs`")
    } else {
        None
    }
}

fn load_careers(root: &Path, taxonomy: &Taxonomy, diagnostics: &mut Vec<Diagnostic>) -> Vec<Career> {
    let dir = &root.join("careers");
    if !dir.is_dir() && !is_present(dir) {
        diagnostics.push(Diagnostic::whole_file(
            dir,
            "no careers folder",
            "a folder `careers/` with one <slug>.md file per career",
        ));
        return Vec::new();
    }
    if let Err(e) = resolve_inside(root, dir) {
        diagnostics.push(refused(dir, &e));
        return Vec::new();
    }
    let mut careers = Vec::new();
    let mut paths = Vec::new();
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    // Links are followed (a career may be a link to a file elsewhere in
    // the content folder), but a linked folder is entered only when it
    // stays inside; walkdir reports a link back to an ancestor as a loop.
    let mut outside = Vec::new();
    let entries = WalkDir::new(dir).follow_links(true).sort_by_file_name().into_iter().filter_entry(|entry| {
        if entry.depth() == 0 || !entry.path_is_symlink() || !entry.file_type().is_dir() {
            return true;
        }
        let inside = resolve_inside(root, entry.path());
        if let Err(e) = &inside {
            outside.push(refused(entry.path(), e));
        }
        inside.is_ok()
    });
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_owned();
                let loop_rule = "symbolic links that end at a file or a folder that is not their own ancestor";
                let (message, expected) = match e.loop_ancestor() {
                    Some(ancestor) => (
                        format!("symbolic links loop: {} leads back to {}", path.display(), ancestor.display()),
                        loop_rule,
                    ),
                    None if e.io_error().is_some_and(is_loop) => {
                        (format!("symbolic links loop at {}", path.display()), loop_rule)
                    }
                    None => (format!("cannot read: {e}"), "a readable folder"),
                };
                diagnostics.push(Diagnostic::whole_file(&path, message, expected));
                continue;
            }
        };
        let path = entry.path();
        let name = entry.file_name().to_string_lossy();
        // Anything that is not a folder is read, so that a FIFO or device
        // named `x.md` is refused by name rather than skipped.
        if entry.file_type().is_dir() || name.starts_with('.') || !name.ends_with(".md") {
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
        if let Some(problem) = pair_slug_problem(slug) {
            diagnostics.push(Diagnostic::whole_file(
                path,
                format!("career file name `{name}` {problem}, so pair page names could clash"),
                "a name that does not contain `-vs-`, start with `vs-` or end with `-vs`: pair pages are \
                 compare/<a>-vs-<b>.html, and `-vs-` must only ever be the separator",
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
    diagnostics.append(&mut outside);
    // Reading and parsing run in parallel; problems are reported in file
    // order whatever the thread count.
    let parsed: Vec<Result<Career, Vec<Diagnostic>>> = paths
        .par_iter()
        .map(|path| {
            let mut problems = Vec::new();
            let text = read_text(root, path, CAREER_FILE_LIMIT, &mut problems).ok_or(problems)?;
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

/// Reads `collections/*.toml` (the folder is optional), in file-name order.
fn load_collections(root: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<Collection> {
    let dir = &root.join("collections");
    if !is_present(dir) {
        return Vec::new();
    }
    if let Err(e) = resolve_inside(root, dir) {
        diagnostics.push(refused(dir, &e));
        return Vec::new();
    }
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            diagnostics.push(Diagnostic::whole_file(dir, format!("cannot read: {e}"), "a readable folder"));
            return Vec::new();
        }
    };
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
        if let Some((mut collection, _)) = load_toml_file::<Collection>(root, &path, COLLECTION_FILE_LIMIT, diagnostics)
        {
            collection.slug = slug;
            collections.push(collection);
        }
    }
    collections
}

#[cfg(test)]
mod tests;
