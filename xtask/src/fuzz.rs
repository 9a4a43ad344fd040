//! `cargo xtask fuzz [--seconds N] [TARGET…]`: runs every cargo-fuzz target
//! of `fuzz/` (or the ones named) for a bounded time each, seeded from
//! `content/` and `tests/fixtures/`, and ends with a summary. Installs
//! cargo-fuzz when it is missing; needs the nightly toolchain.

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, bail};

use crate::run;

/// The targets, in `fuzz/Cargo.toml`'s order.
/// Request paths for `serve_path`: pages, folders and the forms that try
/// to climb out of the site.
const REQUEST_PATHS: [&str; 8] = [
    "/",
    "/index.html",
    "/compare/data-scientists-vs-statisticians.html",
    "/careers/",
    "/../../etc/passwd",
    "/%2e%2e/%2e%2e/etc/passwd",
    "/%252e%252e/etc/passwd",
    "/..%5c..%5cwindows",
];

const TARGETS: [&str; 7] = ["career", "skills", "collection", "site", "markdown", "search", "serve_path"];

/// Seconds per target when `--seconds` is not given.
const DEFAULT_SECONDS: u64 = 60;

/// Search queries to start from, beside the fixture careers' titles.
const QUERIES: [&str; 6] = ["vector database", "python sql", "first aid", "\"data\" -x", "ÉCOLE naïve", "c++ c# .net"];

/// Largest seed taken from a content file, in bytes: libFuzzer's inputs
/// grow from the seeds, and smaller ones run faster.
const SEED_LIMIT: usize = 16 << 10;

pub(crate) fn run_all(root: &Path, args: &[String]) -> anyhow::Result<()> {
    let (seconds, targets) = parse_args(args)?;
    if !Command::new("cargo").args(["fuzz", "--version"]).stdout(Stdio::null()).status().is_ok_and(|s| s.success()) {
        run(root, "cargo", &["install", "cargo-fuzz"])?;
    }
    run(root, "cargo", &["+nightly", "fuzz", "build"])?;
    let mut summary = Vec::new();
    for target in &targets {
        let seeds = root.join("fuzz/seeds").join(target);
        write_seeds(root, target, &seeds)?;
        summary.push((target.clone(), fuzz(root, target, &seeds, seconds)?));
    }
    eprintln!("\nfuzz summary ({seconds} s per target):");
    for (target, outcome) in &summary {
        eprintln!("  {target:<11} {outcome}");
    }
    if summary.iter().any(|(_, outcome)| !outcome.starts_with("ok")) {
        bail!("a target failed: its input is in fuzz/artifacts/<target>/; make it a fixture test, then fix it");
    }
    Ok(())
}

fn parse_args(args: &[String]) -> anyhow::Result<(u64, Vec<String>)> {
    let mut seconds = DEFAULT_SECONDS;
    let mut targets = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--seconds" {
            seconds = args.next().context("--seconds takes a number")?.parse().context("--seconds takes a number")?;
        } else if TARGETS.contains(&arg.as_str()) {
            targets.push(arg.clone());
        } else {
            bail!("unknown fuzz argument {arg:?}: the targets are {}", TARGETS.join(", "));
        }
    }
    if targets.is_empty() {
        targets = TARGETS.map(str::to_owned).to_vec();
    }
    Ok((seconds, targets))
}

/// Runs one target for `seconds`; returns "ok, N runs" or what went wrong.
/// libFuzzer's own output goes to `fuzz/logs/<target>.log`.
fn fuzz(root: &Path, target: &str, seeds: &Path, seconds: u64) -> anyhow::Result<String> {
    let corpus = root.join("fuzz/corpus").join(target);
    let logs = root.join("fuzz/logs");
    fs::create_dir_all(&corpus)?;
    fs::create_dir_all(&logs)?;
    let (corpus, seeds) = (corpus.to_string_lossy().into_owned(), seeds.to_string_lossy().into_owned());
    let time = format!("-max_total_time={seconds}");
    let args = ["+nightly", "fuzz", "run", target, &corpus, &seeds, "--", &time, "-timeout=10", "-rss_limit_mb=2048"];
    eprintln!("$ cargo {}", args.join(" "));
    let mut child = Command::new("cargo").args(args).current_dir(root).stderr(Stdio::piped()).spawn()?;
    let log_path = logs.join(format!("{target}.log"));
    let mut log = String::new();
    let mut runs = None;
    for line in BufReader::new(child.stderr.take().context("libFuzzer's output")?).lines() {
        let line = line?;
        if let Some(rest) = line.strip_prefix("Done ") {
            runs = rest.split_whitespace().next().map(str::to_owned);
        }
        if line.contains("ERROR") || line.contains("SUMMARY") || line.contains("Test unit written") {
            eprintln!("  {line}");
        }
        log.push_str(&line);
        log.push('\n');
    }
    let status = child.wait()?;
    fs::write(&log_path, log)?;
    Ok(if status.success() {
        format!("ok, {} runs", runs.as_deref().unwrap_or("?"))
    } else {
        format!("FAILED ({status}); see {}", log_path.display())
    })
}

/// Writes the seeds of `target` into `dir`: the content and fixture files
/// it reads (or, for search, queries), each cut to [`SEED_LIMIT`].
fn write_seeds(root: &Path, target: &str, dir: &Path) -> anyhow::Result<()> {
    fs::create_dir_all(dir)?;
    let mut files = Vec::new();
    let folders = [root.join("content"), root.join("tests/fixtures")];
    for folder in &folders {
        collect(folder, &mut files)?;
    }
    let wanted = |path: &Path| {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        let parent = path.parent().and_then(|p| p.file_name()).and_then(|n| n.to_str()).unwrap_or_default();
        match target {
            "career" | "markdown" => name.ends_with(".md") && path.components().any(|c| c.as_os_str() == "careers"),
            "skills" => name == "skills.toml",
            "site" => name == "site.toml",
            "collection" => parent == "collections" && name.ends_with(".toml"),
            _ => false,
        }
    };
    let mut seeds: Vec<Vec<u8>> = Vec::new();
    for path in files.iter().filter(|p| wanted(p)) {
        let mut bytes = fs::read(path)?;
        if bytes.len() > SEED_LIMIT {
            // Imported careers are long; the start of a few is enough.
            if seeds.len() > 64 {
                continue;
            }
            bytes.truncate(SEED_LIMIT);
        }
        seeds.push(bytes);
    }
    if target == "search" {
        seeds.extend(QUERIES.iter().map(|q| q.as_bytes().to_vec()));
    }
    if target == "serve_path" {
        seeds.extend(REQUEST_PATHS.iter().map(|p| p.as_bytes().to_vec()));
    }
    for (i, seed) in seeds.iter().enumerate() {
        fs::write(dir.join(format!("seed-{i:04}")), seed)?;
    }
    Ok(())
}

/// Every file under `dir`, in name order.
fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        let kind = fs::symlink_metadata(&path)?.file_type();
        if kind.is_dir() {
            collect(&path, out)?;
        } else if kind.is_file() {
            out.push(path);
        }
    }
    Ok(())
}
