//! Repository invariants, checked by plain `cargo test`.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap().map(Result::unwrap) {
        let path = entry.path();
        let name = entry.file_name();
        if path.is_dir() && name != "target" && name != "node_modules" && !name.to_string_lossy().starts_with('.') {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_rust_file_starts_with_a_doc_line() {
    let root = super::project_root();
    let mut files = Vec::new();
    for dir in ["crates", "xtask", "tests", "fuzz"] {
        rust_files(&root.join(dir), &mut files);
    }
    let undocumented: Vec<String> = files
        .iter()
        .filter(|f| !fs::read_to_string(f).unwrap().starts_with("//!"))
        .map(|f| f.strip_prefix(&root).unwrap().display().to_string())
        .collect();
    assert!(undocumented.is_empty(), "files without a leading //! line: {undocumented:?}");
}

#[test]
fn readme_starts_with_the_two_commands() {
    let readme = fs::read_to_string(super::project_root().join("README.md")).unwrap();
    let first_commands: Vec<&str> = readme.lines().filter(|l| l.starts_with("cargo ")).take(2).collect();
    assert_eq!(first_commands, ["cargo xtask build", "cargo test --workspace"]);
}
