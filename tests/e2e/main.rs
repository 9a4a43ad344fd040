//! End-to-end tests: the real `careerdiff` binary on the default content
//! and on fixture content folders, checking files, stdout and stderr.

mod build;
mod cli;
mod diagnostics;
mod errors;
mod faults;
mod incremental;
mod items;
mod links;
mod output_guard;
mod serve;
mod snapshots;
mod trust;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The file a build leaves in its output so that the next build may replace it.
const MARKER: &str = ".careerdiff-output";
const MANIFEST: &str = ".careerdiff-manifest";
const PAGE_LIST: &str = ".careerdiff-pages";
/// The search side a whole build keeps for the next.
const SEARCH_CACHE: &str = ".careerdiff-search";

/// The repository root.
fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("repo root")
}

fn fixture(rel: &str) -> PathBuf {
    repo().join("tests/fixtures").join(rel)
}

/// Runs `careerdiff` with `args` from the repository root.
fn careerdiff(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_careerdiff")).args(args).current_dir(repo()).output().expect("careerdiff runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The names in `dir` but the lock files builds keep beside their output.
fn entries_but_locks(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.ends_with(".careerdiff-lock"))
        .collect();
    names.sort();
    names
}

/// Builds `content` into a new temporary folder and returns it.
fn build_site(content: &Path, extra: &[&str]) -> tempfile::TempDir {
    let out = tempfile::tempdir().expect("temp dir");
    let public = out.path().join("public");
    let mut args = vec!["build", "--content", content.to_str().unwrap(), "--out", public.to_str().unwrap()];
    args.extend_from_slice(extra);
    let output = careerdiff(&args);
    assert!(output.status.success(), "build failed: {}", stderr(&output));
    out
}
