//! The theme: minijinja templates and static assets. The default theme is
//! compiled into the binary; a theme folder overrides it file by file.

use std::fs;
use std::path::{Path, PathBuf};

use minijinja::{AutoEscape, Environment, Error, Output, State, UndefinedBehavior, Value, escape_formatter};
use walkdir::WalkDir;

use crate::{SiteError, io_error};

#[cfg(test)]
mod contract;

/// The built-in default theme, as (path in the theme folder, contents):
/// every file of `themes/default`, listed by `build.rs`.
const DEFAULT_FILES: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));

/// A loaded theme: a template environment plus the static files to copy.
pub struct Theme {
    env: Environment<'static>,
    /// Static files: path under `static/` and contents.
    statics: Vec<(String, Vec<u8>)>,
}

impl Theme {
    /// The default theme with every file of `dir` (if given) laid over it.
    pub fn load(dir: Option<&Path>) -> Result<Self, SiteError> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_debug(true);
        env.set_trim_blocks(true);
        env.set_lstrip_blocks(true);
        env.set_formatter(html_formatter);
        env.add_function("salary_chart", crate::chart::salary_chart);
        // A career's page and the page comparing two careers, by their
        // slugs: urls.rs's rules, so a theme never writes them again (the
        // search forms and the comparison tool take their URL patterns
        // from here).
        env.add_function("career_url", |slug: &str| crate::urls::career_path(slug));
        env.add_function("pair_url", |a: &str, b: &str| crate::urls::pair_path(a, b));
        // Where the comparison tool's data lives (tool_data.rs).
        env.add_function("tool_data_url", |slug: &str| crate::tool_data::data_path(slug));
        env.add_function("tool_glance_url", || crate::tool_data::GLANCE_PATH);
        let mut statics = Vec::new();
        for &(path, text) in DEFAULT_FILES {
            // Anything there is read, so that a link out of the theme, a
            // FIFO or a device is refused by name, not skipped.
            let overridden = dir.map(|d| d.join(path)).filter(|p| fs::symlink_metadata(p).is_ok());
            let bytes = match (dir, &overridden) {
                (Some(dir), Some(p)) => read_theme_file(dir, p)?,
                _ => text.to_vec(),
            };
            add(&mut env, &mut statics, path, bytes)?;
        }
        if let Some(dir) = dir {
            for (rel, path) in extra_files(dir) {
                if !DEFAULT_FILES.iter().any(|(p, _)| *p == rel) {
                    let bytes = read_theme_file(dir, &path)?;
                    add(&mut env, &mut statics, &rel, bytes)?;
                }
            }
        }
        Ok(Theme { env, statics })
    }

    /// Renders the template `name` with `context`.
    pub fn render(&self, name: &str, context: minijinja::Value) -> Result<String, SiteError> {
        #[cfg(test)]
        contract::record(name, &context);
        Ok(self.env.get_template(name)?.render(context)?)
    }

    /// Calls macro `name` of template `template` once for each argument
    /// list of `calls` and returns what each call wrote, as safe strings:
    /// for fragments that many pages show, rendered once. The macros see
    /// only their arguments (the template is evaluated without a page), so
    /// a fragment that links anywhere takes the page's root as one.
    pub(crate) fn call_macro<A: AsRef<[Value]>>(
        &self,
        (template, name): (&str, &str),
        calls: impl IntoIterator<Item = A>,
    ) -> Result<Vec<Value>, SiteError> {
        let defined = self.env.get_template(template)?.render_captured(())?;
        let state = defined.state();
        if state.lookup(name).is_none() {
            let detail = format!("{template} defines no macro `{name}`, which pages use");
            return Err(Error::new(minijinja::ErrorKind::UnknownFunction, detail).into());
        }
        calls.into_iter().map(|args| Ok(Value::from_safe_string(state.call_macro(name, args.as_ref())?))).collect()
    }

    /// Every template, as (name, source).
    pub(crate) fn templates(&self) -> impl Iterator<Item = (&str, String)> {
        self.env.templates().map(|(name, template)| (name, template.source().to_owned()))
    }

    /// The static files, as (path in the output, bytes).
    pub(crate) fn statics(&self) -> &[(String, Vec<u8>)] {
        &self.statics
    }
}

/// A theme file, read only inside the theme folder `dir`, only if it is a
/// regular file and at most the model's theme file limit.
fn read_theme_file(dir: &Path, path: &Path) -> Result<Vec<u8>, SiteError> {
    careerdiff_model::read_input(dir, path, careerdiff_model::THEME_FILE_LIMIT)
        .map_err(|e| io_error("reading", path)(e.into()))
}

fn add(
    env: &mut Environment<'static>,
    statics: &mut Vec<(String, Vec<u8>)>,
    path: &str,
    bytes: Vec<u8>,
) -> Result<(), SiteError> {
    if let Some(name) = path.strip_prefix("templates/") {
        let text = String::from_utf8(bytes).map_err(|e| SiteError::Io {
            action: "reading",
            path: PathBuf::from(path),
            source: std::io::Error::new(std::io::ErrorKind::InvalidData, e),
        })?;
        env.add_template_owned(name.to_owned(), unindent(&text))?;
    } else if let Some(name) = path.strip_prefix("static/") {
        statics.push((name.to_owned(), bytes));
    }
    Ok(())
}

/// A template without the indentation at the start of its lines. The
/// indentation is for the template's reader; pages, pair pages above all,
/// are smaller without it, and no page carries preformatted template text
/// (a career's own text is a value, not template source, and keeps its
/// layout). Line numbers stay the same for error messages.
fn unindent(template: &str) -> String {
    template.split_inclusive('\n').map(|line| line.trim_start_matches([' ', '\t'])).collect()
}

/// Every file under `dir/templates` and `dir/static`, as (relative path, path).
fn extra_files(dir: &Path) -> Vec<(String, PathBuf)> {
    WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        // Links are not followed but listed, for `read_theme_file` to check.
        .filter(|e| !e.file_type().is_dir())
        .filter_map(|e| {
            let rel = e.path().strip_prefix(dir).ok()?.to_string_lossy().replace('\\', "/");
            (rel.starts_with("templates/") || rel.starts_with("static/")).then(|| (rel, e.path().to_owned()))
        })
        .collect()
}

/// Escapes `& < > " '` in HTML templates, like minijinja's default, but
/// leaves `/` alone: URLs stay readable and pages smaller, and `/` cannot
/// end an attribute or open a tag on its own.
fn html_formatter(out: &mut Output, state: &State, value: &Value) -> Result<(), Error> {
    let plain_string = value.as_str().filter(|_| !value.is_safe() && state.auto_escape() == AutoEscape::Html);
    let Some(text) = plain_string else { return escape_formatter(out, state, value) };
    out.write_str(&escape_html(text)).map_err(Error::from)
}

/// `text` with `& < > " '` replaced by entities (borrowed when there is
/// nothing to replace, as for most titles and URLs).
pub(crate) fn escape_html(text: &str) -> std::borrow::Cow<'_, str> {
    if !has_special(text.as_bytes()) {
        return text.into();
    }
    let mut escaped = String::with_capacity(text.len() + 16);
    let mut last = 0;
    for (i, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#x27;",
            _ => continue,
        };
        escaped.push_str(&text[last..i]);
        escaped.push_str(entity);
        last = i + 1;
    }
    escaped.push_str(&text[last..]);
    escaped.into()
}

/// Whether `bytes` hold any of `& < > " '`. Fixed-size chunks without an
/// early exit compile to vector compares: pages escape every title, URL
/// and sentence they show, and most need nothing.
fn has_special(bytes: &[u8]) -> bool {
    let special = |b: u8| u8::from((b == b'&') | (b == b'<') | (b == b'>') | (b == b'"') | (b == b'\''));
    let any = |chunk: &[u8]| chunk.iter().fold(0, |acc, &b| acc | special(b));
    let mut chunks = bytes.chunks_exact(32);
    let mut found = 0;
    for chunk in &mut chunks {
        found |= any(chunk);
    }
    found | any(chunks.remainder()) != 0
}

#[cfg(test)]
mod tests {
    use minijinja::{Value, context};

    use super::Theme;

    #[test]
    fn call_macro_renders_each_argument_list_as_a_safe_string() {
        let theme = Theme::load(None).unwrap();
        let item = context! { name => "R & D", hot => true, in_demand => false, url => "skills/r-d.html" };
        let html = theme.call_macro(("macros.html", "skill"), [[item, Value::from("../")]]).unwrap();
        assert_eq!(html.len(), 1);
        let text = html[0].as_str().unwrap();
        assert!(html[0].is_safe(), "pages insert it unescaped");
        assert!(text.contains(r#"<a href="../skills/r-d.html">R &amp; D</a>"#), "{text}");
        assert!(text.contains("hot") && !text.contains("in demand"), "{text}");
    }

    #[test]
    fn skill_macro_links_from_the_root_it_is_given() {
        let theme = Theme::load(None).unwrap();
        let item = context! { name => "Negotiation", hot => false, in_demand => false, url => "skills/x.html" };
        let unlinked = context! { name => "Chalk", hot => false, in_demand => false, url => () };
        let calls = [[item.clone(), Value::from("")], [item, Value::from("../../")], [unlinked, Value::from("../")]];
        let html = theme.call_macro(("macros.html", "skill"), calls).unwrap();
        let html: Vec<&str> = html.iter().map(|h| h.as_str().unwrap()).collect();
        assert_eq!(
            html,
            [
                r#"<li><a href="skills/x.html">Negotiation</a></li>"#,
                r#"<li><a href="../../skills/x.html">Negotiation</a></li>"#,
                "<li>Chalk</li>",
            ]
        );
    }

    /// The embedded theme is the folder: a file added to themes/default
    /// is embedded with the same bytes, and nothing else is.
    #[test]
    fn embedded_theme_is_every_file_of_themes_default() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../themes/default");
        let on_disk: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(&dir)
            .sort_by_file_name()
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(&dir).unwrap().to_string_lossy().replace('\\', "/");
                (rel, std::fs::read(e.path()).unwrap())
            })
            .collect();
        let mut embedded: Vec<(String, Vec<u8>)> =
            super::DEFAULT_FILES.iter().map(|&(rel, bytes)| (rel.to_owned(), bytes.to_vec())).collect();
        embedded.sort();
        let names = |files: &[(String, Vec<u8>)]| files.iter().map(|(rel, _)| rel.clone()).collect::<Vec<_>>();
        assert_eq!(names(&embedded), names(&on_disk), "embedded files vs themes/default");
        assert!(embedded == on_disk, "an embedded file differs from its themes/default copy");
        assert!(names(&embedded).contains(&"templates/pair.html".to_owned()));
    }

    #[test]
    fn escape_html_replaces_the_five_specials_and_borrows_plain_text() {
        let plain = "Data Scientists vs Statisticians/compare.html";
        assert!(matches!(super::escape_html(plain), std::borrow::Cow::Borrowed(p) if p == plain));
        assert_eq!(super::escape_html(r#"R&D <"x"> 'y'/z"#), "R&amp;D &lt;&quot;x&quot;&gt; &#x27;y&#x27;/z");
        assert_eq!(super::escape_html("tail&"), "tail&amp;");
        let long = format!("{}'{}", "x".repeat(40), "y".repeat(40));
        assert_eq!(super::escape_html(&long), long.replace('\'', "&#x27;"), "a special past the first chunk");
    }

    #[test]
    fn call_macro_names_a_missing_macro_and_its_template() {
        let theme = Theme::load(None).unwrap();
        let err = theme.call_macro(("macros.html", "no_such"), [[Value::from(1)]]).unwrap_err().to_string();
        assert!(err.contains("macros.html") && err.contains("no_such"), "{err}");
    }
}
