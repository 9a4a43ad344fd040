//! Content diagnostics: one problem in one file, located to line and column.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::inert::escape_text;

/// The widest source line a diagnostic quotes, in characters: a longer
/// line is cut around the column, so that an error never prints a whole
/// file that happens to have no line breaks.
pub const SOURCE_WIDTH: usize = 120;

/// One problem in one content file: an error, or a warning about a likely
/// mistake that does not stop the build.
///
/// Displayed the way compilers do it, so editors and terminals can jump to
/// it: `error: <message>` (or `warning:`), then ` --> path:line:col`, the
/// offending source line with a caret, `= expected: …` and, when there is
/// a likely fix, `= help: …` ("did you mean `salary`?"). Every text in it that comes
/// from content or file names is escaped when displayed (see
/// [`crate::escape_text`]), so printing a diagnostic cannot move the
/// cursor, set the clipboard or start a line a CI runner reads as a
/// command.
///
/// Serialised (for `--message-format json`) with the same fields, as they
/// are: the JSON writer escapes control characters itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Whether the problem stops the build.
    pub level: Level,
    /// The file, as the user named it (content folder joined with the
    /// relative path).
    #[serde(serialize_with = "lossy_path")]
    pub path: PathBuf,
    /// 1-based line number.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// What was expected instead.
    pub expected: String,
    /// The source line the problem is on, when there is one to show; at
    /// most [`SOURCE_WIDTH`] characters around the column, with `…` where
    /// it was cut.
    pub source_line: Option<String>,
    /// The 1-based column of the caret in `source_line` (differs from
    /// `column` when the line was cut).
    #[serde(skip)]
    pub source_column: usize,
    /// The likely fix, when there is one: "did you mean `salary`?", "write
    /// 85000, without quotes".
    pub help: Option<String>,
}

/// How serious a [`Diagnostic`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// The content cannot be built as it is.
    Error,
    /// Likely a mistake (a fraction where a percent is meant, two careers
    /// with one title); printed once, and the build goes on.
    Warning,
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
        let (source_line, source_column) = cut_line(text[line_start..line_end].trim_end_matches('\r'), column);
        Diagnostic {
            level: Level::Error,
            path: path.to_owned(),
            line,
            column,
            message: message.into(),
            expected: expected.into(),
            source_line: Some(source_line),
            source_column,
            help: None,
        }
    }

    /// A diagnostic about a whole file (it cannot be read, it is not UTF-8 …).
    pub fn whole_file(path: &Path, message: impl Into<String>, expected: impl Into<String>) -> Self {
        Diagnostic {
            level: Level::Error,
            path: path.to_owned(),
            line: 1,
            column: 1,
            message: message.into(),
            expected: expected.into(),
            source_line: None,
            source_column: 1,
            help: None,
        }
    }

    /// The same problem as a warning.
    pub fn warning(self) -> Self {
        Diagnostic { level: Level::Warning, ..self }
    }

    /// The same problem with a likely fix (none when `help` is empty).
    pub fn with_help(self, help: impl Into<String>) -> Self {
        let help = help.into();
        Diagnostic { help: (!help.is_empty()).then_some(help), ..self }
    }

    /// Whether the problem stops the build.
    pub fn is_error(&self) -> bool {
        self.level == Level::Error
    }
}

/// A path as text even when it is not UTF-8 (a file name from any disk).
fn lossy_path<S: serde::Serializer>(path: &Path, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&path.to_string_lossy())
}

/// `line` cut to at most [`SOURCE_WIDTH`] characters around `column`,
/// and the caret's column in what is kept.
fn cut_line(line: &str, column: usize) -> (String, usize) {
    let n_chars = line.chars().count();
    if n_chars <= SOURCE_WIDTH {
        return (line.to_owned(), column);
    }
    let start = column.saturating_sub(1 + SOURCE_WIDTH / 2).min(n_chars - SOURCE_WIDTH);
    let end = start + SOURCE_WIDTH;
    let mut cut = String::with_capacity(SOURCE_WIDTH * 2);
    if start > 0 {
        cut.push('…');
    }
    cut.extend(line.chars().skip(start).take(SOURCE_WIDTH));
    if end < n_chars {
        cut.push('…');
    }
    (cut, column - start + usize::from(start > 0))
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.level {
            Level::Error => "error",
            Level::Warning => "warning",
        };
        writeln!(f, "{level}: {}", escape_text(&self.message))?;
        let path = self.path.display().to_string();
        write!(f, "  --> {}:{}:{}", escape_text(&path), self.line, self.column)?;
        if let Some(source) = &self.source_line {
            let gutter = self.line.to_string();
            let pad = " ".repeat(gutter.len());
            // Tabs stay (they are harmless and keep the caret aligned);
            // every other control character is escaped, and the caret
            // moves past the escapes.
            let shown =
                |text: &str| text.split('\t').map(|part| escape_text(part).into_owned()).collect::<Vec<_>>().join("\t");
            let before: String = source.chars().take(self.source_column.saturating_sub(1)).collect();
            let caret_pad: String = shown(&before).chars().map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
            write!(f, "\n{pad} |\n{gutter} | {}\n{pad} | {caret_pad}^", shown(source))?;
        }
        if !self.expected.is_empty() {
            write!(f, "\n  = expected: {}", escape_text(&self.expected))?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  = help: {}", escape_text(help))?;
        }
        Ok(())
    }
}

/// Every problem found in a content folder, errors and warnings, root
/// causes first: the files of the content folder itself (`site.toml`,
/// `skills.toml`), which the others depend on, then every other file;
/// each group by file, line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentErrors(pub Vec<Diagnostic>);

impl ContentErrors {
    pub(crate) fn sorted(root: &Path, mut diagnostics: Vec<Diagnostic>) -> Self {
        sort_diagnostics(root, &mut diagnostics);
        ContentErrors(diagnostics)
    }
}

/// Sorts diagnostics as [`ContentErrors`] holds them.
pub(crate) fn sort_diagnostics(root: &Path, diagnostics: &mut [Diagnostic]) {
    let depth = |d: &Diagnostic| d.path.strip_prefix(root).map_or(usize::MAX, |rel| rel.components().count().min(2));
    diagnostics.sort_by(|a, b| (depth(a), &a.path, a.line, a.column).cmp(&(depth(b), &b.path, b.line, b.column)));
}

impl fmt::Display for ContentErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in &self.0 {
            writeln!(f, "{diagnostic}\n")?;
        }
        let errors = self.0.iter().filter(|d| d.is_error()).count();
        let warnings = self.0.len() - errors;
        write!(f, "{errors} content error{}", if errors == 1 { "" } else { "s" })?;
        if warnings > 0 {
            write!(f, ", {warnings} warning{}", if warnings == 1 { "" } else { "s" })?;
        }
        Ok(())
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
    fn control_characters_in_every_part_are_escaped() {
        let text = "tags = [\"\u{1b}]52;c;aGk=\u{7}\"]\t# x\n";
        let d = Diagnostic::at_offset(Path::new("c/\u{1b}[2J.md"), text, 8, "unknown `\u{1b}[31m`\n::error::x", "");
        assert_eq!(
            d.to_string(),
            "error: unknown `\\u{1b}[31m`\\u{a}::error::x\n  --> c/\\u{1b}[2J.md:1:9\n  |\n\
             1 | tags = [\"\\u{1b}]52;c;aGk=\\u{7}\"]\t# x\n  |         ^"
        );
    }

    #[test]
    fn a_long_line_is_cut_around_the_column() {
        let line = format!("{}X{}", "a".repeat(500), "b".repeat(500));
        let d = Diagnostic::at_offset(Path::new("x"), &line, 500, "m", "");
        let source = d.source_line.as_deref().unwrap();
        assert_eq!(source.chars().count(), SOURCE_WIDTH + 2, "{source}");
        assert!(source.starts_with('…') && source.ends_with('…'));
        assert_eq!(source.chars().nth(d.source_column - 1), Some('X'));
        assert_eq!(d.column, 501);
        let shown = d.to_string();
        let caret_line = shown.lines().nth(4).unwrap();
        assert_eq!(
            caret_line.chars().position(|c| c == '^'),
            shown.lines().nth(3).unwrap().chars().position(|c| c == 'X')
        );
        let start = Diagnostic::at_offset(Path::new("x"), &line, 3, "m", "");
        assert!(!start.source_line.as_deref().unwrap().starts_with('…'));
        assert_eq!(start.source_column, 4);
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let d = Diagnostic::at_offset(Path::new("x"), "é = ü", 5, "m", "");
        assert_eq!((d.line, d.column), (1, 5));
    }
}
