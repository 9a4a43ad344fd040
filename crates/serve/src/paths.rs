//! From a request's path to a path inside the site, or nothing. Nothing is
//! read from disk while serving (every page and file is in memory), so a
//! path can only name a page of the site; still, every form that would
//! climb out of a folder on a file server is refused here, before any
//! lookup, so that no later change can make one reach a file.

/// The longest request path looked up; no page's path comes near it.
const MAX_PATH: usize = 1024;

/// The site path (no leading `/`, `index.html` for a folder) that the raw,
/// still percent-encoded request path names, or `None` when it is not a
/// plain path: a `.` or `..` segment, an empty segment (`//`), a backslash,
/// a colon, NUL or any control character, a `%` left after decoding once
/// (a double-encoded path), an invalid escape or invalid UTF-8.
pub(crate) fn site_path(raw: &str) -> Option<String> {
    if raw.len() > MAX_PATH {
        return None;
    }
    let decoded = percent_decode(raw)?;
    let relative = decoded.strip_prefix('/')?;
    if relative.chars().any(|c| c.is_control() || matches!(c, '\\' | '%' | ':')) {
        return None;
    }
    let mut segments: Vec<&str> = relative.split('/').collect();
    let folder = segments.last() == Some(&"");
    if folder {
        segments.pop();
    }
    if segments.iter().any(|s| s.is_empty() || *s == "." || *s == "..") {
        return None;
    }
    let mut path = segments.join("/");
    if folder {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str("index.html");
    }
    Some(path)
}

/// Decodes `%XX` escapes once; `None` for a bad escape or bytes that are
/// not UTF-8.
fn percent_decode(raw: &str) -> Option<String> {
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let text = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(text, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::site_path;

    #[test]
    fn plain_paths_name_site_files() {
        assert_eq!(site_path("/").as_deref(), Some("index.html"));
        assert_eq!(site_path("/careers/actors.html").as_deref(), Some("careers/actors.html"));
        assert_eq!(site_path("/skills/").as_deref(), Some("skills/index.html"));
        assert_eq!(site_path("/compare/a-vs-b.html").as_deref(), Some("compare/a-vs-b.html"));
        assert_eq!(site_path("/style%2Ecss").as_deref(), Some("style.css"));
    }

    #[test]
    fn every_way_out_is_refused() {
        for raw in [
            "/../etc/passwd",
            "/careers/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/%252e%252e/etc/passwd",
            "/..%5cetc%5cpasswd",
            "/..\\etc\\passwd",
            "//etc/passwd",
            "/%2Fetc%2Fpasswd",
            "/C:/Windows/win.ini",
            "/index.html%00.css",
            "/./index.html",
            "/careers/%",
            "/%ff",
            "relative",
        ] {
            assert_eq!(site_path(raw), None, "{raw}");
        }
    }
}
