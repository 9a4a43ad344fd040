//! sitemap.xml (an index over files of at most 50,000 URLs each, as the
//! sitemap protocol requires) and robots.txt.

use std::fmt::Write;

/// The most URLs one sitemap file may list.
pub(crate) const MAX_URLS_PER_FILE: usize = 50_000;

/// One sitemap file listing `paths` (relative to the base URL).
pub(crate) fn file(base_url: &str, paths: impl Iterator<Item = String>) -> String {
    let mut file = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    // Written in place: a site of all pairs lists 400,000 URLs.
    let base = xml_escape(base_url);
    for path in paths {
        file.push_str("<url><loc>");
        file.push_str(&base);
        push_xml_escaped(&mut file, &path);
        file.push_str("</loc></url>\n");
    }
    file.push_str("</urlset>\n");
    file
}

/// The sitemap index over `files` sitemap files.
pub(crate) fn index(base_url: &str, files: u32) -> String {
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for n in 1..=files {
        let _ = writeln!(index, "<sitemap><loc>{}</loc></sitemap>", xml_escape(&format!("{base_url}sitemap-{n}.xml")));
    }
    index.push_str("</sitemapindex>\n");
    index
}

pub(crate) fn robots(base_url: &str) -> String {
    format!("User-agent: *\nAllow: /\nSitemap: {base_url}sitemap.xml\n")
}

fn xml_escape(s: &str) -> String {
    let mut escaped = String::with_capacity(s.len());
    push_xml_escaped(&mut escaped, s);
    escaped
}

/// Appends `s` to `out`, escaped for XML text and attributes.
fn push_xml_escaped(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
        out.push_str(&rest[..at]);
        out.push_str(match rest.as_bytes()[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            _ => "&apos;",
        });
        rest = &rest[at + 1..];
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    #[test]
    fn urls_are_escaped_for_xml() {
        let file = super::file("https://x.org/a&b/", ["q<1>'\"&.html".to_owned()].into_iter());
        assert!(
            file.contains("<url><loc>https://x.org/a&amp;b/q&lt;1&gt;&apos;&quot;&amp;.html</loc></url>\n"),
            "{file}"
        );
        assert_eq!(super::xml_escape("plain/path.html"), "plain/path.html");
    }
}
