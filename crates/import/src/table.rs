//! The publishers' tables: tab-separated O*NET files and the CSV files of
//! BLS and the researchers, with columns looked up by name so that a
//! changed layout is caught rather than misread, and the code formats
//! they are keyed by.

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

/// One CSV file, read whole with a real CSV parser (names are quoted when
/// they hold commas) and checked for the columns the caller needs.
pub(crate) struct CsvFile {
    pub path: PathBuf,
    columns: Vec<String>,
    records: Vec<(usize, csv::StringRecord)>,
}

/// One data row of a [`CsvFile`], with its 1-based line number.
pub(crate) struct CsvRow<'a> {
    pub line: usize,
    file: &'a CsvFile,
    record: &'a csv::StringRecord,
}

impl CsvFile {
    /// Reads `path` and checks that it has every column in `required`;
    /// `layout` names the expected file in the error, e.g. "the BLS
    /// crosswalk layout".
    pub(crate) fn read(path: &Path, required: &[&str], layout: &str) -> Result<Self, ImportError> {
        let mut reader = csv::ReaderBuilder::new().from_path(path).map_err(|e| csv_error(path, e))?;
        // Spreadsheet programs that save "CSV UTF-8" start it with a byte
        // order mark, which is no part of the first column's name.
        let headers = reader.headers().map_err(|e| csv_error(path, e))?;
        let columns: Vec<String> = headers.iter().map(|c| c.trim_start_matches('\u{feff}').trim().to_owned()).collect();
        let mut records = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| csv_error(path, e))?;
            let line = record.position().map_or(0, |p| p.line() as usize);
            if record.iter().any(|field| !field.trim().is_empty()) {
                records.push((line, record));
            }
        }
        let file = CsvFile { path: path.to_owned(), columns, records };
        for column in required {
            file.require(column, layout)?;
        }
        Ok(file)
    }

    /// An error unless the file has `column`.
    pub(crate) fn require(&self, column: &str, layout: &str) -> Result<(), ImportError> {
        if self.columns.iter().any(|c| c == column) {
            return Ok(());
        }
        Err(ImportError::new(
            &self.path,
            Some(1),
            format!("missing column `{column}` (found: {}); expected {layout}", self.columns.join(", ")),
        ))
    }

    /// The column names, trimmed, in file order.
    pub(crate) fn columns(&self) -> &[String] {
        &self.columns
    }

    /// The data rows; blank rows are skipped.
    pub(crate) fn rows(&self) -> impl Iterator<Item = CsvRow<'_>> {
        self.records.iter().map(move |(line, record)| CsvRow { line: *line, file: self, record })
    }
}

impl<'a> CsvRow<'a> {
    /// The trimmed value of a column checked by [`CsvFile::read`] or
    /// [`CsvFile::require`].
    pub(crate) fn get(&self, column: &str) -> &'a str {
        let index = self.file.columns.iter().position(|c| c == column).unwrap_or(usize::MAX);
        self.record.get(index).unwrap_or("").trim()
    }

    /// An error on this row's line.
    pub(crate) fn error(&self, message: impl Into<String>) -> ImportError {
        ImportError::new(&self.file.path, Some(self.line), message)
    }

    /// An error saying that `column` holds something other than `expected`.
    pub(crate) fn unexpected(&self, column: &str, expected: &str) -> ImportError {
        self.error(format!("`{column}` is `{}`, expected {expected}", self.get(column)))
    }
}

/// A csv crate error as an import error on the file and line at fault.
pub(crate) fn csv_error(path: &Path, error: csv::Error) -> ImportError {
    let line = error.position().map(|p| p.line() as usize);
    match error.into_kind() {
        csv::ErrorKind::Io(e) => ImportError::io(path, e),
        csv::ErrorKind::Utf8 { .. } => ImportError::new(path, line, "not valid UTF-8 text"),
        csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
            ImportError::new(path, line, format!("malformed row: {len} fields, expected {expected_len}"))
        }
        kind => ImportError::new(path, line, format!("malformed CSV: {kind:?}")),
    }
}

/// Whether `code` is a 2018 SOC or BLS NEM code: `15-1252`.
pub(crate) fn is_soc_code(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 7 && b.iter().enumerate().all(|(i, c)| if i == 2 { *c == b'-' } else { c.is_ascii_digit() })
}

/// Whether `code` is an O*NET-SOC code: `15-1252.00`.
pub(crate) fn is_onet_code(code: &str) -> bool {
    let b = code.as_bytes();
    b.len() == 10 && code.get(..7).is_some_and(is_soc_code) && b[7] == b'.' && b[8..].iter().all(u8::is_ascii_digit)
}
