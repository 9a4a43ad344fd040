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
    for path in paths {
        let _ = writeln!(file, "<url><loc>{}</loc></url>", xml_escape(&format!("{base_url}{path}")));
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
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}
