//! `cargo xtask similar-check`: builds and runs the compare crate's
//! `similar_check` example, which imports every O*NET occupation from
//! `../shared/datasets` (with the hand-written careers of `content/`) and
//! reports recall@10 of each similarity model against two relations no
//! model reads: a shared BLS Occupational Outlook Handbook profile and a
//! shared SOC broad group. A report, not a test: it fails only on errors.
//!
//!     cargo xtask similar-check [--datasets DIR] [--content DIR]

use std::path::Path;

use anyhow::{Context, bail};

pub(crate) fn run(root: &Path, args: &[String]) -> anyhow::Result<()> {
    let mut datasets = root.join("../shared/datasets");
    let mut content = None;
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        let value = args.next().with_context(|| format!("{flag} takes a folder"))?;
        match flag.as_str() {
            "--datasets" => datasets = value.into(),
            "--content" => content = Some(value.clone()),
            _ => bail!("unknown option {flag}; similar-check takes --datasets DIR and --content DIR"),
        }
    }
    if !datasets.join("bls-ep-2024").is_dir() || (content.is_none() && !datasets.join("onet-29.2").is_dir()) {
        bail!("{} not found: similar-check reads O*NET, OEWS and the BLS crosswalk from there", datasets.display());
    }
    crate::run(root, "cargo", &["build", "--release", "-p", "careerdiff-compare", "--example", "similar_check"])?;
    let example = crate::target_dir(root).join("release/examples/similar_check");
    let datasets = datasets.to_str().context("non-UTF-8 path")?;
    let mut example_args = vec!["--datasets", datasets];
    match &content {
        Some(dir) => example_args.extend(["--content", dir.as_str()]),
        None => example_args.extend(["--hand-written", "content"]),
    }
    crate::run(root, example.to_str().context("non-UTF-8 path")?, &example_args)
}
