//! Parsing content files from their text, with no IO: a career,
//! `site.toml`, `skills.toml` and a collection. Each reports every
//! problem it finds, errors and warnings, located in the file.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::control::{CONTROL_RULE, control_in_toml, control_message, first_control};
use crate::explain::Format;
use crate::frontmatter::{SplitError, split};
use crate::locate::{Step, locate};
use crate::site_config::check_site;
use crate::taxonomy::SkillsFile;
use crate::tolerant::{self, Parsed};
use crate::validate::{Problem, check_career, problem};
use crate::warnings::career_warnings;
use crate::{Career, Collection, Diagnostic, SiteConfig, Taxonomy, is_valid_slug};

/// A parsed content file: its value when it has no errors, and every
/// diagnostic about it (warnings too, which leave the value usable).
#[derive(Debug, Clone)]
pub struct Checked<T> {
    /// The value; `None` when any diagnostic is an error.
    pub value: Option<T>,
    /// Every error and warning, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl<T> Checked<T> {
    fn new(value: Option<T>, mut diagnostics: Vec<Diagnostic>) -> Self {
        // Serde meets fields in the order of the struct, not of the file.
        diagnostics.sort_by_key(|d| (d.line, d.column));
        let value = value.filter(|_| !diagnostics.iter().any(Diagnostic::is_error));
        Checked { value, diagnostics }
    }
}

/// A TOML document inside a file: the file's text and where the document starts.
struct Source<'a> {
    path: &'a Path,
    text: &'a str,
    toml: &'a str,
    offset: usize,
}

impl Source<'_> {
    /// A diagnostic at byte `at` of the document.
    fn at(&self, at: usize, p: Problem) -> Diagnostic {
        Diagnostic::at_offset(self.path, self.text, self.offset + at, p.message, p.expected).with_help(p.help)
    }

    /// A diagnostic at the key or value `p` is about.
    fn locate(&self, p: Problem) -> Diagnostic {
        self.at(locate(self.toml, &p.at).map_or(0, |r| r.start), p)
    }

    /// Deserialises the document, recording every error in `out`; `None`
    /// when the TOML itself does not parse.
    fn deserialize<T: DeserializeOwned>(
        &self,
        format: Format,
        syntax_rule: &str,
        out: &mut Vec<Diagnostic>,
    ) -> Option<Parsed<T>> {
        let mut parsed = match tolerant::parse::<T>(self.toml, format) {
            Ok(parsed) => parsed,
            Err(e) => {
                let at = e.span().map_or(0, |s| s.start);
                out.push(self.at(at, problem(Vec::new(), e.message().trim().replace('\n', "; "), syntax_rule)));
                return None;
            }
        };
        out.extend(std::mem::take(&mut parsed.errors).into_iter().map(|(at, p)| self.at(at, p)));
        if let Some((at, c)) = control_in_toml(self.toml) {
            out.push(self.locate(problem(at, control_message(c), CONTROL_RULE)));
        }
        Some(parsed)
    }

    /// Records the problems of later checks, but none about an entry whose
    /// error was already reported.
    fn report<T>(&self, parsed: &Parsed<T>, problems: Vec<Problem>, out: &mut Vec<Diagnostic>) {
        out.extend(problems.into_iter().filter(|p| !parsed.covers(&p.at)).map(|p| self.locate(p)));
    }
}

/// The first raw control character of `text`, as an error.
fn raw_control(path: &Path, text: &str) -> Option<Diagnostic> {
    let (offset, c) = first_control(text)?;
    Some(Diagnostic::at_offset(path, text, offset, control_message(c), CONTROL_RULE))
}

const TOML_RULE: &str = "valid TOML in the documented format";

/// Parses one career file. `path` is only used in diagnostics and to
/// derive the slug from the file name; nothing is read from disk. Returns
/// the career, or every error in the file.
pub fn parse_career(path: &Path, text: &str, taxonomy: &Taxonomy) -> Result<Career, Vec<Diagnostic>> {
    let checked = check_career_file(path, text, Some(taxonomy));
    checked.value.ok_or_else(|| checked.diagnostics.into_iter().filter(Diagnostic::is_error).collect())
}

/// Parses one career file, with warnings; skill tags are checked against
/// `taxonomy` unless it is `None`.
pub(crate) fn check_career_file(path: &Path, text: &str, taxonomy: Option<&Taxonomy>) -> Checked<Career> {
    if let Some(control) = raw_control(path, text) {
        return Checked::new(None, vec![control]);
    }
    let parts = match split(text) {
        Ok(parts) => parts,
        Err(e) => {
            let (offset, message) = match e {
                SplitError::Empty => (0, "the file is empty"),
                SplitError::NoOpeningFence => (0, "the file does not start with `+++`"),
                SplitError::NoClosingFence(at) => (at, "the front matter is never closed with `+++`"),
            };
            let layout = "`+++` on the first line, TOML front matter, `+++`, then Markdown";
            return Checked::new(None, vec![Diagnostic::at_offset(path, text, offset, message, layout)]);
        }
    };
    let source = Source { path, text, toml: parts.front, offset: parts.front_offset };
    let mut out = Vec::new();
    let rule = "front matter in the career format (see the README's \"Content format\")";
    let Some(mut parsed) = source.deserialize::<Career>(Format::Career, rule, &mut out) else {
        return Checked::new(None, out);
    };
    let Some(mut career) = parsed.value.take() else { return Checked::new(None, out) };
    career.slug = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    career.source = path.to_owned();
    career.body = parts.body.to_owned();
    source.report(&parsed, check_career(&career, taxonomy), &mut out);
    let warnings: Vec<Diagnostic> = career_warnings(&career)
        .into_iter()
        .filter(|p| !parsed.covers(&p.at))
        .map(|p| source.locate(p).warning())
        .collect();
    out.extend(warnings);
    Checked::new(Some(career), out)
}

/// Parses `site.toml` and checks its settings (`base_url`, `theme`, `per_career`).
pub fn parse_site(path: &Path, text: &str) -> Checked<SiteConfig> {
    parse_toml(path, text, Format::Site, |config: &mut SiteConfig| check_site(config))
}

/// Parses a collection file, `collections/<slug>.toml`; the slug is the file name.
pub fn parse_collection(path: &Path, text: &str) -> Checked<Collection> {
    let slug = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    parse_toml(path, text, Format::Collection, |collection: &mut Collection| {
        collection.slug = slug;
        Vec::new()
    })
}

/// Parses `skills.toml` into the taxonomy, checking that every id can be a
/// URL and that no name or alias belongs to two skills.
pub fn parse_skills(path: &Path, text: &str) -> Checked<Taxonomy> {
    let mut taxonomy = None;
    let checked = parse_toml(path, text, Format::Skills, |file: &mut SkillsFile| {
        let mut problems = Vec::new();
        let skills = std::mem::take(&mut file.skills);
        for id in skills.keys().filter(|id| !is_valid_slug(id)) {
            problems.push(problem(
                vec![Step::Key("skills"), Step::Owned(id.clone())],
                format!("skill id `{id}` cannot be used in a URL"),
                "an id of lowercase letters, digits and single hyphens",
            ));
        }
        let skills = skills.into_iter().map(|(id, skill)| crate::Skill { id, ..skill }).collect();
        let (built, clashes) = Taxonomy::new(skills);
        for (id, phrase, other) in clashes {
            problems.push(problem(
                vec![Step::Key("skills"), Step::Owned(id.clone())],
                format!("skill `{id}`: \"{phrase}\" already names skill `{other}`"),
                "each name and alias to belong to one skill",
            ));
        }
        taxonomy = Some(built);
        problems
    });
    Checked::new(taxonomy, checked.diagnostics)
}

/// Parses a TOML content file and runs `check` on what it holds.
fn parse_toml<T: DeserializeOwned>(
    path: &Path,
    text: &str,
    format: Format,
    check: impl FnOnce(&mut T) -> Vec<Problem>,
) -> Checked<T> {
    if let Some(control) = raw_control(path, text) {
        return Checked::new(None, vec![control]);
    }
    let source = Source { path, text, toml: text, offset: 0 };
    let mut out = Vec::new();
    let Some(mut parsed) = source.deserialize::<T>(format, TOML_RULE, &mut out) else {
        return Checked::new(None, out);
    };
    let mut value = parsed.value.take();
    if let Some(value) = &mut value {
        let problems = check(value);
        source.report(&parsed, problems, &mut out);
    }
    Checked::new(value, out)
}

#[cfg(test)]
mod tests;
