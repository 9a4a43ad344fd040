//! Benchmark: compares every pair of careers of a content folder, or of N
//! synthetic careers built from that folder's real skill vocabulary, and
//! prints careers, pairs, wall seconds, pairs per second and peak memory,
//! and the seconds of the similar-careers pass (every career's ten most
//! similar, each pair scored once).
//! Run by `cargo xtask bench`; nothing is kept, so memory stays flat.
//! With `--digest`, it prints instead one hash of every comparison's Debug
//! and JSON text, in pair order: equal digests before and after a change
//! mean the change left every comparison as it was.
//!
//!     all_pairs --content DIR [--synthetic N] [--digest]

use std::time::Instant;

use careerdiff_compare::Comparer;
use careerdiff_model::{Career, Content, Salary, SkillRef, Wage, load_content};
use rayon::prelude::*;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    let Some(dir) = value("--content") else {
        eprintln!("usage: all_pairs --content DIR [--synthetic N] [--digest]");
        std::process::exit(2);
    };
    let mut content = load_content(std::path::Path::new(&dir)).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    if let Some(n) = value("--synthetic") {
        content.careers = synthetic(&content, n.parse().expect("--synthetic takes a number"));
    }
    if args.iter().any(|a| a == "--digest") {
        println!("digest careers={} {:016x}", content.careers.len(), digest(&Comparer::new(content.clone())));
        return;
    }
    // The content is handed over, not copied: copying it is no part of
    // comparing (a build shares it through an `Arc`).
    let started = Instant::now();
    let comparer = Comparer::new(content);
    let prepared = started.elapsed().as_secs_f64();
    let similar_started = Instant::now();
    let similar_lists = comparer.all_similar(10);
    let similar_s = similar_started.elapsed().as_secs_f64();
    let n = comparer.content().careers.len() as u32;
    // Pairs are generated per first career, so the list of 12.5 million
    // pairs is never held.
    let checksum: usize = (0..n)
        .into_par_iter()
        .map(|i| {
            let pairs: Vec<(u32, u32)> = (i + 1..n).map(|j| (i, j)).collect();
            comparer.par_comparisons(&pairs).map(|c| c.conclusion.len() + c.skills.shared.len()).sum::<usize>()
        })
        .sum();
    let secs = started.elapsed().as_secs_f64() - similar_s;
    let pairs = u64::from(n) * u64::from(n.saturating_sub(1)) / 2;
    println!(
        "compare careers={n} pairs={pairs} prepare_s={prepared:.3} wall_s={secs:.2} pairs_per_s={:.0} peak_rss_mib={:.0} checksum={checksum} similar_s={similar_s:.3} similar_listed={}",
        pairs as f64 / secs,
        peak_rss_kib() as f64 / 1024.0,
        similar_lists.iter().map(Vec::len).sum::<usize>()
    );
}

/// A hash of every pair's comparison, as Debug text (every field) and as
/// JSON (what pages see), combined in pair order.
fn digest(comparer: &Comparer) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let n = comparer.content().careers.len() as u32;
    let rows: Vec<u64> = (0..n)
        .into_par_iter()
        .map(|i| {
            let pairs: Vec<(u32, u32)> = (i + 1..n).map(|j| (i, j)).collect();
            let hashes: Vec<u64> = comparer
                .par_comparisons(&pairs)
                .map(|c| {
                    let mut hasher = DefaultHasher::new();
                    format!("{c:?}").hash(&mut hasher);
                    serde_json::to_string(&c).expect("comparisons serialise").hash(&mut hasher);
                    hasher.finish()
                })
                .collect();
            let mut hasher = DefaultHasher::new();
            hashes.hash(&mut hasher);
            hasher.finish()
        })
        .collect();
    let mut hasher = DefaultHasher::new();
    rows.hash(&mut hasher);
    hasher.finish()
}

/// `n` careers whose skills, categories and pay are drawn (with a fixed
/// seed) from the real careers of `content`.
fn synthetic(content: &Content, n: usize) -> Vec<Career> {
    let mut rng = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move |bound: usize| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng % bound as u64) as usize
    };
    let vocabulary: Vec<&SkillRef> = content.careers.iter().flat_map(|c| &c.skills).collect();
    (0..n)
        .map(|k| {
            let model = &content.careers[next(content.careers.len())];
            let n_skills = 10 + next(50);
            let mut skills: Vec<SkillRef> = (0..n_skills).map(|_| vocabulary[next(vocabulary.len())].clone()).collect();
            skills.sort_by(|a, b| a.name.cmp(&b.name));
            skills.dedup_by(|a, b| a.name == b.name);
            let median = 30_000.0 + next(170_000) as f64;
            Career {
                slug: format!("synthetic-{k:05}"),
                title: format!("Synthetic Career {k}"),
                category: model.category.clone(),
                summary: model.summary.clone(),
                tasks: model.tasks.clone(),
                onet: model.onet.clone(),
                learning_months: model.learning_months,
                entry_barrier: model.entry_barrier,
                requires_coding: model.requires_coding,
                salary: Some(Salary {
                    p10: Some(Wage::Exact(median * 0.6)),
                    median: Some(Wage::Exact(median)),
                    p90: Some(Wage::Exact(median * 1.6)),
                    currency: "USD".into(),
                    ..Salary::default()
                }),
                skills,
                ..Career::default()
            }
        })
        .collect()
}

/// The process's peak resident set size, from /proc (0 where there is none).
fn peak_rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}
