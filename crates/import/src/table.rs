//! Tab-separated O*NET files: a header row, CRLF line ends, columns looked
//! up by name so that a changed layout is caught rather than misread.

use std::path::{Path, PathBuf};

use crate::ImportError;

/// One O*NET text file, read whole.
pub(crate) struct TabFile {
    pub path: PathBuf,
    text: String,
    columns: Vec<String>,
}

impl TabFile {
    /// Reads `dir/name` and checks that it has every column in `required`.
    pub(crate) fn read(dir: &Path, name: &str, required: &[&str]) -> Result<Self, ImportError> {
        let path = dir.join(name);
        let bytes = std::fs::read(&path).map_err(|e| ImportError::io(&path, e))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let line = e.as_bytes()[..e.utf8_error().valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
            ImportError::new(&path, Some(line), "not valid UTF-8 text")
        })?;
        let header = text.lines().next().unwrap_or("");
        let columns: Vec<String> = header.split('\t').map(|c| c.trim().to_owned()).collect();
        let file = TabFile { path, text, columns };
        for column in required {
            if !file.columns.iter().any(|c| c == column) {
                return Err(ImportError::new(
                    &file.path,
                    Some(1),
                    format!(
                        "missing column `{column}` (found: {}); this importer reads the O*NET 29.x text layout",
                        file.columns.join(", ")
                    ),
                ));
            }
        }
        Ok(file)
    }

    /// The index of a column checked by [`TabFile::read`].
    pub(crate) fn column(&self, name: &str) -> usize {
        self.columns.iter().position(|c| c == name).unwrap_or(usize::MAX)
    }

    /// Data rows with their 1-based line numbers. A row with fewer fields
    /// than the header is an error.
    pub(crate) fn rows(&self) -> impl Iterator<Item = Result<(usize, Vec<&str>), ImportError>> + '_ {
        self.text.lines().enumerate().skip(1).filter(|(_, l)| !l.trim().is_empty()).map(move |(i, line)| {
            let fields: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
            if fields.len() < self.columns.len() {
                return Err(ImportError::new(
                    &self.path,
                    Some(i + 1),
                    format!(
                        "malformed row: {} fields, expected {} ({})",
                        fields.len(),
                        self.columns.len(),
                        self.columns.join(", ")
                    ),
                ));
            }
            Ok((i + 1, fields))
        })
    }
}
