//! Import errors: which file, which line, what was expected.

use std::fmt;
use std::path::{Path, PathBuf};

/// Why an import stopped. Nothing is written when one occurs.
#[derive(Debug)]
pub struct ImportError {
    /// The file at fault.
    pub path: PathBuf,
    /// The 1-based line, when the problem is on one.
    pub line: Option<usize>,
    /// What is wrong and what was expected.
    pub message: String,
    /// Whether a file or folder could not be read or written at all (the
    /// CLI's exit code 2), rather than holding unexpected data (exit 1).
    pub io: bool,
}

impl ImportError {
    pub(crate) fn new(path: &Path, line: Option<usize>, message: impl Into<String>) -> Self {
        ImportError { path: path.to_owned(), line, message: message.into(), io: false }
    }

    /// A file or folder that is missing or cannot be read or written.
    pub(crate) fn unreadable(path: &Path, message: impl Into<String>) -> Self {
        ImportError { io: true, ..ImportError::new(path, None, message) }
    }

    pub(crate) fn io(path: &Path, error: std::io::Error) -> Self {
        let message = match error.kind() {
            std::io::ErrorKind::NotFound => "file not found".to_owned(),
            _ => error.to_string(),
        };
        ImportError::unreadable(path, message)
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

impl std::error::Error for ImportError {}
