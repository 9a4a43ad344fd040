//! Project tasks: `cargo xtask build | test | ci | bench | bench-serve | similar-check | search-check | fuzz`. Commands are echoed
//! before they run; the first failure stops the task.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};

mod bench;
mod bench_serve;
mod fuzz;
mod search_check;
mod similar;
#[cfg(test)]
mod tidy;

const USAGE: &str = "usage: cargo xtask <build|test|ci|bench|bench-serve|similar-check|search-check|fuzz>
  build          release build of the CLI, then the site from content/ into public/
  bench          the large-site benchmark: 923 careers, 425,000 pair pages (needs ../shared/datasets)
  bench-serve    only its careerdiff serve load test (wrk on loopback, installed with apt-get if missing)
  similar-check  recall@10 of the similar-careers lists against BLS relations (needs ../shared/datasets);
                 [--datasets DIR] [--content DIR: measure that folder instead of importing]
  search-check   precision@5 and best-in-first-3 of search by skill, terminal and site, on rule-derived answers
  fuzz           every cargo-fuzz target of fuzz/ for a bounded time (needs nightly; installs cargo-fuzz);
                 [--seconds N: per target, default 60] [TARGET…]
  test           the test suite (cargo test --workspace)
  ci             rustfmt check, clippy with warnings denied, then the tests";

fn main() -> anyhow::Result<()> {
    let task = std::env::args().nth(1).unwrap_or_default();
    let root = project_root();
    match task.as_str() {
        "build" => build(&root),
        "test" => run(&root, "cargo", &["test", "--workspace"]),
        "bench" => bench::run(&root),
        "bench-serve" => bench_serve::run(&root),
        "similar-check" => similar::run(&root, &std::env::args().skip(2).collect::<Vec<_>>()),
        "search-check" => search_check::run(&root),
        "fuzz" => fuzz::run_all(&root, &std::env::args().skip(2).collect::<Vec<_>>()),
        "ci" => {
            run(&root, "cargo", &["fmt", "--all", "--", "--check"])?;
            run(&root, "cargo", &["clippy", "--workspace", "--all-targets", "--", "-D", "warnings"])?;
            run(&root, "cargo", &["test", "--workspace"])
        }
        _ => {
            eprintln!("{USAGE}");
            bail!("unknown task {task:?}")
        }
    }
}

fn build(root: &Path) -> anyhow::Result<()> {
    run(root, "cargo", &["build", "--release", "--package", "careerdiff-cli"])?;
    let bin = target_dir(root).join("release/careerdiff");
    run(root, bin.to_str().context("non-UTF-8 path")?, &["build", "--content", "content", "--out", "public"])
}

/// Runs a command in `dir`, echoing it first, and fails if it fails.
pub(crate) fn run(dir: &Path, program: &str, args: &[&str]) -> anyhow::Result<()> {
    eprintln!("$ {program} {}", args.join(" "));
    let status =
        Command::new(program).args(args).current_dir(dir).status().with_context(|| format!("running {program}"))?;
    if !status.success() {
        bail!("{program} {} failed with {status}", args.join(" "));
    }
    Ok(())
}

/// Where cargo builds: CARGO_TARGET_DIR when it is set (relative to the
/// directory cargo runs in, here the root), else target/.
pub(crate) fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), |dir| root.join(dir))
}

fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("xtask is one level below the root").to_owned()
}
