//! Content diagnostics: one problem in one file, located to line and column.

use std::fmt;
use std::path::{Path, PathBuf};

/// One problem in one content file.
///
/// Displayed the way compilers do it, so editors and terminals can jump to
/// it: `error: <message>`, then ` --> path:line:col`, the offending source
/// line with a caret, and `= expected: …`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, as the user named it (content folder joined with the
    /// relative path).
    pub path: PathBuf,
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// What was expected instead.
    pub expected: String,
    /// The source line the problem is on, when there is one to show.
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// A diagnostic at byte `offset` of `text`, the content of `path`.
    pub fn at_offset(
        path: &Path,
        text: &str,
        offset: usize,
        message: impl Into<String>,
        expected: impl Into<String>,
    ) -> Self {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = text[line_start..offset].chars().count() + 1;
        let line_end = text[line_start..].find('\n').map_or(text.len(), |i| line_start + i);
        let source_line = text[line_start..line_end].trim_end_matches('\r').to_owned();
        Diagnostic {
            path: path.to_owned(),
            line,
            column,
            message: message.into(),
            expected: expected.into(),
            source_line: Some(source_line),
        }
    }

    /// A diagnostic about a whole file (it cannot be read, it is not UTF-8 …).
    pub fn whole_file(path: &Path, message: impl Into<String>, expected: impl Into<String>) -> Self {
        Diagnostic {
            path: path.to_owned(),
            line: 1,
            column: 1,
            message: message.into(),
            expected: expected.into(),
            source_line: None,
        }
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "error: {}", self.message)?;
        write!(f, "  --> {}:{}:{}", self.path.display(), self.line, self.column)?;
        if let Some(source) = &self.source_line {
            let gutter = self.line.to_string();
            let pad = " ".repeat(gutter.len());
            let caret_pad: String =
                source.chars().take(self.column - 1).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
            write!(f, "\n{pad} |\n{gutter} | {source}\n{pad} | {caret_pad}^")?;
        }
        if !self.expected.is_empty() {
            write!(f, "\n  = expected: {}", self.expected)?;
        }
        Ok(())
    }
}

/// Every problem found in a content folder, sorted by file, line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentErrors(pub Vec<Diagnostic>);

impl ContentErrors {
    pub(crate) fn sorted(mut diagnostics: Vec<Diagnostic>) -> Self {
        diagnostics.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
        ContentErrors(diagnostics)
    }
}

impl fmt::Display for ContentErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in &self.0 {
            writeln!(f, "{diagnostic}\n")?;
        }
        let n = self.0.len();
        write!(f, "{n} content error{}", if n == 1 { "" } else { "s" })
    }
}

impl std::error::Error for ContentErrors {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_location_source_and_caret() {
        let text = "a = 1\nsalary = 'x'\n";
        let d = Diagnostic::at_offset(Path::new("c/x.md"), text, 15, "bad salary", "a table");
        assert_eq!(
            d.to_string(),
            "error: bad salary\n  --> c/x.md:2:10\n  |\n2 | salary = 'x'\n  |          ^\n  = expected: a table"
        );
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let d = Diagnostic::at_offset(Path::new("x"), "é = ü", 5, "m", "");
        assert_eq!((d.line, d.column), (1, 5));
    }
}
