//! Splits a content file into its TOML front matter and Markdown body.

/// A content file cut at its `+++` fences. Offsets are byte offsets into the
/// whole file, so diagnostics can point at the original line.
pub(crate) struct Split<'a> {
    pub front: &'a str,
    pub front_offset: usize,
    pub body: &'a str,
}

/// Why a file could not be split, with the byte offset of the problem.
pub(crate) enum SplitError {
    Empty,
    NoOpeningFence,
    NoClosingFence(usize),
}

/// Cuts `text` into front matter and body. The first line must be `+++`
/// (a UTF-8 byte order mark before it is allowed); the front matter ends at
/// the next line that is exactly `+++`.
pub(crate) fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    if rest.trim().is_empty() {
        return Err(SplitError::Empty);
    }
    let Some(after_open) = strip_fence_line(rest) else {
        return Err(SplitError::NoOpeningFence);
    };
    let front_offset = start + (rest.len() - after_open.len());
    let mut pos = 0;
    for line in after_open.split_inclusive('\n') {
        if line.trim_end_matches(['\r', '\n']) == "+++" {
            let front = &after_open[..pos];
            let body = &after_open[pos + line.len()..];
            return Ok(Split { front, front_offset, body });
        }
        pos += line.len();
    }
    Err(SplitError::NoClosingFence(front_offset))
}

fn strip_fence_line(text: &str) -> Option<&str> {
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    let first = text[..first_line_end].trim_end_matches(['\r', '\n']);
    (first.trim_end() == "+++").then(|| &text[first_line_end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_body_with_crlf() {
        let text = "+++\r\ntitle = \"A\"\r\n+++\r\nBody\r\n";
        let Ok(split) = split(text) else { panic!("should split") };
        assert_eq!(split.front, "title = \"A\"\r\n");
        assert_eq!(split.front_offset, 5);
        assert_eq!(split.body, "Body\r\n");
    }

    #[test]
    fn missing_closing_fence_is_an_error() {
        assert!(matches!(split("+++\ntitle = 1\n"), Err(SplitError::NoClosingFence(4))));
        assert!(matches!(split("title = 1\n"), Err(SplitError::NoOpeningFence)));
        assert!(matches!(split(" \n\n"), Err(SplitError::Empty)));
    }
}
