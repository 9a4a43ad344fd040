//! Loading a content folder: site.toml, skills.toml and careers/*.md.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostic::sort_diagnostics;
use crate::input::{
    CAREER_FILE_LIMIT, COLLECTION_FILE_LIMIT, InputError, SITE_FILE_LIMIT, SKILLS_FILE_LIMIT, is_loop, read_input,
    resolve_inside,
};
use crate::locate::{Step, locate};
use crate::parse::{Checked, check_career_file, parse_collection, parse_site, parse_skills};
use crate::warnings::duplicate_titles;
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
    /// Likely mistakes that do not stop the build (a fraction where a
    /// percent is meant, two careers with one title), root causes first
    /// as in [`ContentErrors`]; the CLI prints them once.
    pub warnings: Vec<Diagnostic>,
}

const SLUG_RULE: &str = "a file name of lowercase letters, digits and single hyphens, ending in .md";

/// Loads and validates the content folder at `root`, reporting every
/// problem in every file at once: the root causes first, and nothing that
/// follows from them (a broken `skills.toml` is one error, not also one
/// "unknown skill id" per tag that uses it).
///
/// Every file is read with [`read_input`]: it must lie inside `root` once
/// symbolic links are followed, be a regular file and stay under its
/// size limit ([`CAREER_FILE_LIMIT`] and the like). Folders are walked in
/// file-name order, and a symbolic link that loops is reported.
pub fn load_content(root: &Path) -> Result<Content, ContentErrors> {
    load_content_with(root, &mut LoadCache::default())
}

/// What one load keeps for the next, so that loading the same folder again
/// (as `careerdiff serve` does after every change) parses only the files
/// whose text changed: `skills.toml` and each career file, with a hash of
/// the text each was parsed from. Every file is still read, and every
/// check across files (skill tags against the taxonomy among them) runs
/// again.
#[derive(Debug, Default)]
pub struct LoadCache {
    skills: Option<(u64, Checked<Taxonomy>)>,
    careers: HashMap<PathBuf, (u64, Checked<Career>)>,
}

/// [`load_content`], parsing only what `cache` does not hold from an
/// earlier load, and leaving in it what this load parsed.
pub fn load_content_with(root: &Path, cache: &mut LoadCache) -> Result<Content, ContentErrors> {
    let mut diagnostics = Vec::new();
    let site = load_file(root, "site.toml", SITE_FILE_LIMIT, parse_site, &mut diagnostics).unwrap_or_default();
    // skills.toml is parsed while the career files are (it is one large
    // file, parsed on one thread); the careers' tags are checked against
    // it once both are done.
    let (skills, careers) = (&mut cache.skills, &mut cache.careers);
    let parse_skills_once = |path: &Path, text: &str| -> Checked<Taxonomy> {
        let hash = text_hash(text);
        match skills.as_ref().filter(|(h, _)| *h == hash) {
            Some((_, checked)) => checked.clone(),
            None => skills.insert((hash, parse_skills(path, text))).1.clone(),
        }
    };
    let load_skills = || {
        let mut diagnostics = Vec::new();
        let taxonomy = load_file(root, "skills.toml", SKILLS_FILE_LIMIT, parse_skills_once, &mut diagnostics);
        (taxonomy, diagnostics)
    };
    let ((taxonomy, skill_problems), parsed) = rayon::join(load_skills, || parse_careers(root, careers));
    diagnostics.extend(skill_problems);
    let careers = check_careers(root, parsed, taxonomy.as_ref(), &mut diagnostics);
    let collections = load_collections(root, &mut diagnostics);
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(ContentErrors::sorted(root, diagnostics));
    }
    sort_diagnostics(root, &mut diagnostics);
    let taxonomy = taxonomy.unwrap_or_default();
    Ok(Content { root: root.to_owned(), site, taxonomy, careers, collections, warnings: diagnostics })
}

/// Reads and parses `name`, a file of the content folder itself. `Some`
/// when it has no errors, or is not there at all (its defaults hold);
/// `None` when it is there but broken.
fn load_file<T: Default>(
    root: &Path,
    name: &str,
    limit: u64,
    parse: impl FnOnce(&Path, &str) -> Checked<T>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<T> {
    let path = root.join(name);
    if !is_present(&path) {
        return Some(T::default());
    }
    let text = read_text(root, &path, limit, diagnostics)?;
    let checked = parse(&path, &text);
    diagnostics.extend(checked.diagnostics);
    checked.value
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

/// The hash a [`LoadCache`] keeps of a file's text.
fn text_hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// The career files of `careers/`, each parsed without the taxonomy, and
/// the problems of the folder itself.
struct ParsedCareers {
    files: Vec<(PathBuf, Checked<Career>)>,
    problems: Vec<Diagnostic>,
}

/// Walks `careers/` and parses every career file (those whose text
/// `cache` holds are not parsed again), in parallel; skill tags are left
/// for [`check_careers`].
fn parse_careers(root: &Path, cache: &mut HashMap<PathBuf, (u64, Checked<Career>)>) -> ParsedCareers {
    let mut diagnostics = Vec::new();
    let paths = career_paths(root, &mut diagnostics);
    // Reading and parsing run in parallel; problems are reported in file
    // order whatever the thread count.
    let earlier = &*cache;
    let parsed: Vec<(Checked<Career>, Option<u64>)> = paths
        .par_iter()
        .map(|path| {
            let mut problems = Vec::new();
            let Some(text) = read_text(root, path, CAREER_FILE_LIMIT, &mut problems) else {
                return (Checked { value: None, diagnostics: problems }, None);
            };
            let hash = text_hash(&text);
            match earlier.get(path).filter(|(h, _)| *h == hash) {
                Some((_, checked)) => (checked.clone(), None),
                None => (check_career_file(path, &text, None), Some(hash)),
            }
        })
        .collect();
    let listed: std::collections::HashSet<&PathBuf> = paths.iter().collect();
    cache.retain(|path, _| listed.contains(path));
    let mut files = Vec::with_capacity(paths.len());
    for (path, (checked, hash)) in paths.into_iter().zip(parsed) {
        if let Some(hash) = hash {
            cache.insert(path.clone(), (hash, checked.clone()));
        }
        files.push((path, checked));
    }
    ParsedCareers { files, problems: diagnostics }
}

/// The careers of `parsed`, sorted by slug, with their problems and those
/// across careers in `diagnostics`. A career with a skill tag that
/// `taxonomy` lacks (unless skills.toml is broken: `None`) is checked
/// again with it, which places each unknown tag in its file.
fn check_careers(
    root: &Path,
    parsed: ParsedCareers,
    taxonomy: Option<&Taxonomy>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Career> {
    diagnostics.extend(parsed.problems);
    let mut careers = Vec::with_capacity(parsed.files.len());
    for (path, mut checked) in parsed.files {
        // A file with errors has no career to look at: it is checked again
        // too (errors are rare), so that its unknown tags are reported
        // with them, as one check would. A file that could not be read
        // keeps its error.
        let again = taxonomy.filter(|t| checked.value.as_ref().is_none_or(|career| !t.knows_every_tag(career)));
        if let Some(taxonomy) = again
            && let Some(text) = read_text(root, &path, CAREER_FILE_LIMIT, &mut Vec::new())
        {
            checked = check_career_file(&path, &text, Some(taxonomy));
        }
        careers.extend(checked.value);
        diagnostics.extend(checked.diagnostics);
    }
    let dir = root.join("careers");
    if careers.is_empty() && !diagnostics.iter().any(Diagnostic::is_error) {
        diagnostics.push(Diagnostic::whole_file(&dir, "no career files", "at least one careers/<slug>.md file"));
    }
    careers.sort_by(|a, b| a.slug.cmp(&b.slug));
    for (later, first) in duplicate_titles(&careers) {
        diagnostics.push(duplicate_title(root, &careers[later], &careers[first]));
    }
    careers
}

/// The career files of `careers/` (every `.md` file under it, links
/// followed while they stay inside `root`), in file-name order, with the
/// problems of names and folders in `diagnostics`.
fn career_paths(root: &Path, diagnostics: &mut Vec<Diagnostic>) -> Vec<PathBuf> {
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
    paths
}

/// A warning at `career`'s title, which `first` already has. The file is
/// read again, which only happens in this rare case.
fn duplicate_title(root: &Path, career: &Career, first: &Career) -> Diagnostic {
    let message = format!("career title \"{}\" is also the title of {}", career.title, first.source.display());
    let expected = "a title of its own, so that readers can tell the careers apart in lists and comparisons";
    let text = read_input(root, &career.source, CAREER_FILE_LIMIT).ok().and_then(|b| String::from_utf8(b).ok());
    let at = text.as_deref().and_then(|text| {
        let front = crate::frontmatter::split(text).ok()?;
        Some(front.front_offset + locate(front.front, &[Step::Key("title")])?.start)
    });
    match (text, at) {
        (Some(text), Some(at)) => Diagnostic::at_offset(&career.source, &text, at, message, expected),
        _ => Diagnostic::whole_file(&career.source, message, expected),
    }
    .warning()
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
        if let Some(text) = read_text(root, &path, COLLECTION_FILE_LIMIT, diagnostics) {
            let checked = parse_collection(&path, &text);
            collections.extend(checked.value);
            diagnostics.extend(checked.diagnostics);
        }
    }
    collections
}

#[cfg(test)]
mod tests;
