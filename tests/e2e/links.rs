//! Walks every page of the built default site: links and assets resolve,
//! every page has a title, a canonical URL and one h1, the sitemap files
//! stay within the protocol's limit, and JSON-LD parses.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::{build_site, repo};

/// The values of `attr="…"` in `html`.
fn attributes<'h>(html: &'h str, attr: &str) -> Vec<&'h str> {
    let needle = format!("{attr}=\"");
    html.match_indices(&needle).filter_map(|(i, _)| html[i + needle.len()..].split('"').next()).collect()
}

/// `target` relative to the page at `from`, with `..` resolved.
fn resolve(root: &Path, from: &Path, target: &str) -> PathBuf {
    let target = target.split(['#', '?']).next().unwrap_or("").replace("&amp;", "&");
    let mut path: PathBuf = from.parent().unwrap_or(root).to_owned();
    for part in Path::new(&target).components() {
        match part {
            Component::ParentDir => {
                path.pop();
            }
            Component::Normal(p) => path.push(p),
            _ => {}
        }
    }
    path
}

#[test]
fn every_link_and_asset_of_the_default_site_resolves() {
    let out = build_site(&repo().join("content"), &[]);
    let root = out.path().join("public");
    let pages: Vec<PathBuf> = walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    assert!(pages.len() > 4000, "{} pages", pages.len());
    let mut broken = BTreeSet::new();
    for page in &pages {
        let html = fs::read_to_string(page).unwrap();
        let name = page.strip_prefix(&root).unwrap().display().to_string();
        assert_eq!(html.matches("<h1").count(), 1, "{name}: one h1");
        assert!(html.contains("<title>") && html.contains("<link rel=\"canonical\" href=\"https://"), "{name}");
        assert!(html.contains("<meta property=\"og:title\""), "{name}: Open Graph");
        // The 404 page is served at any depth; its links are root-relative.
        if name == "404.html" {
            continue;
        }
        for target in attributes(&html, "href").into_iter().chain(attributes(&html, "src")) {
            if target.starts_with("http") || target.starts_with('#') || target.starts_with("mailto:") {
                continue;
            }
            let path = resolve(&root, page, target);
            let path = if path.is_dir() { path.join("index.html") } else { path };
            if !path.is_file() {
                broken.insert(format!("{name} → {target}"));
            }
        }
        for block in html.split("<script type=\"application/ld+json\">").skip(1) {
            let json = block.split("</script>").next().unwrap();
            let value: serde_json::Value =
                serde_json::from_str(json).unwrap_or_else(|e| panic!("{name}: JSON-LD: {e}"));
            assert_eq!(value["@type"], "Occupation", "{name}");
        }
    }
    let broken: Vec<_> = broken.into_iter().take(20).collect();
    assert!(broken.is_empty(), "broken links: {broken:#?}");

    let developers = fs::read_to_string(root.join("careers/software-developers.html")).unwrap();
    assert!(developers.contains("\"occupationalCategory\":\"15-1252.00\""), "JSON-LD carries the O*NET-SOC code");
    assert!(developers.contains("\"@type\":\"MonetaryAmountDistribution\""));

    let index = fs::read_to_string(root.join("sitemap.xml")).unwrap();
    let mut listed = 0;
    for file in attributes(&index.replace("<loc>", "loc=\"").replace("</loc>", "\""), "loc") {
        let name = file.rsplit('/').next().unwrap();
        let sitemap = fs::read_to_string(root.join(name)).unwrap();
        let urls = sitemap.matches("<url>").count();
        assert!(urls <= 50_000, "{name} lists {urls} URLs");
        listed += urls;
    }
    assert_eq!(listed, pages.len() - 1, "every page but 404 is in the sitemap");
}
