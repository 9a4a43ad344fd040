//! Whole-page snapshots of a small site (tests/fixtures/ok/small: two
//! hand-written careers, two imported from O*NET and BLS, every pair).
//! They lock what the build writes: any change to a page shows as a diff
//! to review (`cargo insta review`), and the list of files catches pages
//! that appear or go.

use std::path::Path;

use crate::{build_site, fixture};

/// The pages snapshotted whole: every kind of page once or more. The
/// search shards and static assets are checked by their own tests.
fn snapshotted(rel: &str) -> bool {
    let kind = rel.split('/').next().unwrap_or_default();
    match kind {
        "careers" | "roadmaps" | "compare" | "collections" => rel.ends_with(".html"),
        "skills" => ["skills/index.html", "skills/negotiation.html", "skills/python.html"].contains(&rel),
        _ => rel.ends_with(".html") || rel.ends_with(".xml") || rel == "robots.txt",
    }
}

fn files(root: &Path) -> Vec<String> {
    let walk = walkdir::WalkDir::new(root).sort_by_file_name().into_iter().filter_map(Result::ok);
    walk.filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/"))
        .collect()
}

#[test]
fn small_site_pages_match_their_snapshots() {
    let out = build_site(&fixture("ok/small"), &[]);
    let public = out.path().join("public");
    let all = files(&public);
    // Every file but the search shards by name (their names follow the
    // words of the content), the shards counted.
    let listing: Vec<&str> = all.iter().map(String::as_str).filter(|f| !f.starts_with("search/")).collect();
    let shards = all.len() - listing.len();
    insta::assert_snapshot!("files", format!("{}\n{shards} files under search/\n", listing.join("\n")));
    for rel in all.iter().filter(|rel| snapshotted(rel)) {
        let text = std::fs::read_to_string(public.join(rel)).unwrap();
        insta::assert_snapshot!(rel.replace('/', "__"), text);
    }
}
