//! `cargo xtask search-check`: builds the CLI and the search crate's
//! `search_check` example, builds the site from `content/` into a scratch
//! folder, and reports precision at 5 and best-in-first-3 for a set of
//! skill queries whose answers follow from the O*NET data by written rules,
//! for the terminal and for the site's own search.js (run by Node). A
//! report, not a test: it fails only on errors.

use std::path::{Path, PathBuf};

use anyhow::Context;

pub(crate) fn run(root: &Path) -> anyhow::Result<()> {
    crate::run(root, "cargo", &["build", "--release", "-p", "careerdiff-cli"])?;
    crate::run(root, "cargo", &["build", "--release", "-p", "careerdiff-search", "--example", "search_check"])?;
    let target = crate::target_dir(root);
    let path = |p: PathBuf| p.to_str().map(str::to_owned).context("non-UTF-8 path");
    let bin = path(target.join("release/careerdiff"))?;
    let site = path(target.join("search-check-site"))?;
    crate::run(root, &bin, &["build", "--content", "content", "--out", &site, "--force"])?;
    let example = path(target.join("release/examples/search_check"))?;
    crate::run(root, &example, &["--content", "content", "--site", &site, "--bin", &bin])
}
