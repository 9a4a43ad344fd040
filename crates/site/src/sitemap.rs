//! sitemap.xml (an index over files of at most 50,000 URLs each, as the
//! sitemap protocol requires) and robots.txt.

use std::fmt::Write;

use crate::output::Destination;
use crate::{BuildReport, SiteError};

/// The most URLs one sitemap file may list.
pub(crate) const MAX_URLS_PER_FILE: usize = 50_000;

pub(crate) fn write(out: &Destination, base_url: &str, paths: &[String]) -> Result<BuildReport, SiteError> {
    let mut report = BuildReport::default();
    let mut index = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for (n, chunk) in paths.chunks(MAX_URLS_PER_FILE).enumerate() {
        let name = format!("sitemap-{}.xml", n + 1);
        let mut file = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for path in chunk {
            let _ = writeln!(file, "<url><loc>{}</loc></url>", xml_escape(&format!("{base_url}{path}")));
        }
        file.push_str("</urlset>\n");
        add(&mut report, out.write(&name, file.as_bytes())?);
        let _ = writeln!(index, "<sitemap><loc>{}</loc></sitemap>", xml_escape(&format!("{base_url}{name}")));
    }
    index.push_str("</sitemapindex>\n");
    add(&mut report, out.write("sitemap.xml", index.as_bytes())?);
    let robots = format!("User-agent: *\nAllow: /\nSitemap: {base_url}sitemap.xml\n");
    add(&mut report, out.write("robots.txt", robots.as_bytes())?);
    Ok(report)
}

fn add(total: &mut BuildReport, one: BuildReport) {
    total.files += one.files;
    total.bytes += one.bytes;
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&apos;")
}
