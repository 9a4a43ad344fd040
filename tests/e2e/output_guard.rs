//! `careerdiff build` never replaces the content it builds from, nor a
//! folder that no build wrote.

use std::fs;
use std::path::Path;

use crate::{careerdiff, fixture, stderr};

/// A copy of the escaping fixture in a temp dir, so that refused builds can
/// be checked against an untouched original.
fn content_copy(dir: &Path) -> std::path::PathBuf {
    let content = dir.join("c");
    let source = fixture("ok/escaping");
    for entry in walkdir::WalkDir::new(&source).sort_by_file_name() {
        let entry = entry.expect("walk");
        let target = content.join(entry.path().strip_prefix(&source).expect("inside"));
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).expect("mkdir");
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
    content
}

fn snapshot(root: &Path) -> Vec<(String, Vec<u8>)> {
    walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(root).unwrap().display().to_string(), fs::read(e.path()).unwrap()))
        .collect()
}

#[test]
fn content_survives_every_refused_output_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let content = content_copy(dir.path());
    let before = snapshot(&content);
    let c = content.to_str().unwrap();
    let cases = [
        (c.to_owned(), "is the content folder"),
        (format!("{c}/careers"), "lies inside the content folder"),
        (format!("{c}/careers/.."), "is the content folder"),
        (dir.path().to_str().unwrap().to_owned(), "contains the content folder"),
    ];
    for (out, expected) in &cases {
        let output = careerdiff(&["build", "--content", c, "--out", out, "--force"]);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(2), "--out {out}: {err}");
        assert!(err.contains(&format!("refusing to build into {out}")) && err.contains(expected), "{err}");
        assert_eq!(snapshot(&content), before, "--out {out} changed the content");
    }
    let entries: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(entries, ["c"], "no staging folder is left beside the content");
}

#[test]
fn a_folder_no_build_wrote_needs_force() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    fs::create_dir(&out).expect("mkdir");
    fs::write(out.join("notes.txt"), "mine").expect("write");
    let content = fixture("ok/escaping");
    let args = ["build", "--content", content.to_str().unwrap(), "--out", out.to_str().unwrap()];
    let refused = careerdiff(&args);
    assert_eq!(refused.status.code(), Some(2));
    assert!(stderr(&refused).contains("pass --force"), "{}", stderr(&refused));
    assert_eq!(fs::read_to_string(out.join("notes.txt")).unwrap(), "mine");

    let forced = careerdiff(&[&args[..], &["--force"]].concat());
    assert!(forced.status.success(), "{}", stderr(&forced));
    assert!(!out.join("notes.txt").exists() && out.join("index.html").is_file());
    // The site it wrote carries the marker, so the next build needs no --force.
    let again = careerdiff(&args);
    assert!(again.status.success(), "{}", stderr(&again));
}
