//! Why a reload failed, as the browser shows it: each problem with its
//! file and line, in a box at the top of every page until a rebuild
//! succeeds. Text from content is escaped, as in every page.

use std::fmt::Write;

use careerdiff_model::{ContentErrors, Diagnostic};
use careerdiff_site::SiteError;

/// One problem: where, and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file, when the problem is in one.
    pub path: Option<String>,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// What is wrong (and what was expected).
    pub message: String,
    /// The source line, when there is one to show.
    pub source_line: Option<String>,
}

impl Problem {
    /// A content error.
    pub fn from_diagnostic(d: &Diagnostic) -> Self {
        let expected = if d.expected.is_empty() { String::new() } else { format!(" (expected {})", d.expected) };
        Problem {
            path: Some(d.path.display().to_string()),
            line: Some(d.line).filter(|&l| l > 0),
            column: Some(d.column).filter(|&c| c > 0),
            message: format!("{}{expected}", d.message),
            source_line: d.source_line.clone(),
        }
    }

    /// A theme or render error; a template error names its template and
    /// line (under `theme_dir`'s `templates/` when a theme folder is used).
    pub fn from_site_error(error: &SiteError, theme_dir: Option<&std::path::Path>) -> Self {
        match error {
            SiteError::Template(e) => {
                let path = e.name().map(|name| {
                    let file = theme_dir.map(|dir| dir.join("templates").join(name)).filter(|f| f.is_file());
                    file.map_or_else(|| format!("templates/{name} (built-in theme)"), |f| f.display().to_string())
                });
                Problem { path, line: e.line(), column: None, message: format!("{e:#}"), source_line: None }
            }
            SiteError::Io { path, .. } => Problem {
                path: Some(path.display().to_string()),
                line: None,
                column: None,
                message: error.to_string(),
                source_line: None,
            },
            other => Problem::message(other.to_string()),
        }
    }

    /// A problem that is in no one file.
    pub fn message(message: impl Into<String>) -> Self {
        Problem { path: None, line: None, column: None, message: message.into(), source_line: None }
    }

    /// `path:line:column`, as much of it as is known.
    pub fn location(&self) -> String {
        let mut out = self.path.clone().unwrap_or_default();
        if let Some(line) = self.line {
            let _ = write!(out, ":{line}");
            if let Some(column) = self.column {
                let _ = write!(out, ":{column}");
            }
        }
        out
    }
}

/// Why a site could not be loaded: every problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadFailure {
    /// The problems, in the order they were found.
    pub problems: Vec<Problem>,
}

impl From<&ContentErrors> for LoadFailure {
    fn from(errors: &ContentErrors) -> Self {
        LoadFailure { problems: errors.0.iter().map(Problem::from_diagnostic).collect() }
    }
}

impl From<Problem> for LoadFailure {
    fn from(problem: Problem) -> Self {
        LoadFailure { problems: vec![problem] }
    }
}

impl LoadFailure {
    /// The box shown at the top of every page while the failure lasts.
    pub(crate) fn html(&self) -> String {
        let mut out = String::from(
            "<div id=\"careerdiff-problem\" role=\"alert\" style=\"all:initial;display:block;box-sizing:border-box;\
             position:relative;z-index:2147483647;margin:0;padding:1rem 1.25rem;background:#fff4f4;color:#5c0000;\
             border-bottom:3px solid #c00;font:15px/1.45 system-ui,sans-serif\">\
             <strong style=\"display:block;margin-bottom:.4rem\">The site could not be rebuilt; this is the last good \
             version. Fix the file and save: the page reloads.</strong><ul style=\"margin:0;padding-left:1.2rem\">",
        );
        for problem in &self.problems {
            out.push_str("<li style=\"margin:.3rem 0\"><code class=\"careerdiff-problem-location\">");
            escape_into(&mut out, &problem.location());
            out.push_str("</code>: ");
            escape_into(&mut out, &problem.message);
            if let Some(source) = &problem.source_line {
                out.push_str("<pre style=\"margin:.25rem 0 0;white-space:pre-wrap\">");
                escape_into(&mut out, source);
                out.push_str("</pre>");
            }
            out.push_str("</li>");
        }
        out.push_str("</ul></div>");
        out
    }
}

/// A whole page for an error that left no page to show.
pub(crate) fn error_page(failure: &LoadFailure) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>careerdiff: error</title></head>\
         <body>{}</body></html>",
        failure.html()
    )
}

/// Appends `text` HTML-escaped (for text and attribute values alike).
pub(crate) fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_box_names_file_and_line_and_escapes_content() {
        let failure = LoadFailure::from(Problem {
            path: Some("content/careers/x.md".into()),
            line: Some(3),
            column: Some(9),
            message: "expected a number, found <script>".into(),
            source_line: Some("demand_score = \"<b>\"".into()),
        });
        let html = failure.html();
        assert!(html.contains("content/careers/x.md:3:9"), "{html}");
        assert!(html.contains("found &lt;script&gt;") && !html.contains("<script>"), "{html}");
        assert!(html.contains("&quot;&lt;b&gt;&quot;"), "{html}");
    }
}
