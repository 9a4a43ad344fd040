//! Which URLs from content may become a link or an image on a page: an
//! allow-list of schemes, checked the way a browser reads the URL, so that
//! `javascript:` cannot hide behind case, spaces, control characters or
//! character references.

/// Where a URL is used: images may also embed raster pictures as `data:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum UrlUse {
    /// The target of `<a href>`.
    Link,
    /// The source of `<img src>`.
    Image,
}

/// Whether `url` is safe to publish as `usage`: relative, `http`, `https`
/// or `mailto` (and, for images, `data:image/` of a raster type).
///
/// The URL is read as a browser's URL parser would before it looks at the
/// scheme: leading and trailing spaces and control characters are dropped
/// and tabs and line breaks anywhere are removed, so ` javascript:` and
/// `jav\tascript:` are seen as `javascript:`. Markdown has already turned
/// character references such as `&#x09;` into the characters they name.
/// Any other control character makes the URL unsafe outright.
pub(crate) fn is_safe_url(url: &str, usage: UrlUse) -> bool {
    let trimmed = url.trim_matches(|c: char| c <= ' ');
    let cleaned: String = trimmed.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    if cleaned.chars().any(|c| c.is_control()) {
        return false;
    }
    let Some(scheme) = scheme_of(&cleaned) else { return true };
    match scheme.to_ascii_lowercase().as_str() {
        "http" | "https" | "mailto" => true,
        "data" => usage == UrlUse::Image && is_raster_data_url(&cleaned),
        _ => false,
    }
}

/// The scheme of an absolute URL: the letters before the first `:`, when
/// that colon comes before any `/`, `?` or `#` (otherwise the URL is
/// relative, like `guide/a:b` or `?x=1:2`).
fn scheme_of(url: &str) -> Option<&str> {
    let colon = url.find(':')?;
    let before = &url[..colon];
    if before.contains(['/', '?', '#']) {
        return None;
    }
    Some(before)
}

/// `data:image/png`, `jpeg`, `gif`, `webp` or `avif`: pictures that cannot
/// carry script (SVG can, so it is not on the list).
fn is_raster_data_url(url: &str) -> bool {
    let Some(rest) = url.get("data:".len()..) else { return false };
    let media_type = rest.split([';', ',']).next().unwrap_or_default().trim().to_ascii_lowercase();
    matches!(media_type.as_str(), "image/png" | "image/jpeg" | "image/jpg" | "image/gif" | "image/webp" | "image/avif")
}

#[cfg(test)]
mod tests {
    use super::{UrlUse, is_safe_url};

    fn check(url: &str, usage: UrlUse, expected: bool) {
        assert_eq!(is_safe_url(url, usage), expected, "{url:?} as {usage:?}");
    }

    #[test]
    fn web_mail_and_relative_urls_are_kept() {
        for url in [
            "https://www.bls.gov/ooh/",
            "HTTP://example.org",
            "mailto:team@example.org",
            "../careers/actuaries.html",
            "/skills/python.html",
            "#roadmap",
            "?a=1:2",
            "guide/a:b",
            "",
        ] {
            check(url, UrlUse::Link, true);
        }
    }

    #[test]
    fn script_schemes_are_refused_in_every_disguise() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " javascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "jav\tascript:alert(1)",
            "java\nscript:alert(1)",
            "javascript\r:alert(1)",
            "vbscript:msgbox(1)",
            "file:///etc/passwd",
            "java\u{0}script:alert(1)",
        ] {
            check(url, UrlUse::Link, false);
            check(url, UrlUse::Image, false);
        }
    }

    #[test]
    fn data_urls_only_as_raster_images() {
        check("data:text/html,<script>alert(1)</script>", UrlUse::Link, false);
        check("data:image/png;base64,iVBORw0KGgo=", UrlUse::Link, false);
        check("data:image/png;base64,iVBORw0KGgo=", UrlUse::Image, true);
        check("DATA:image/JPEG;base64,/9j/", UrlUse::Image, true);
        check("data:image/svg+xml,<svg onload=alert(1)>", UrlUse::Image, false);
        check("data:text/html;base64,PHNjcmlwdD4=", UrlUse::Image, false);
    }
}
