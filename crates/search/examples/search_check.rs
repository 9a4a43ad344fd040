//! Our own check of search by skill: queries whose right answers follow
//! from the O*NET data by written rules, asked of the terminal
//! (`careerdiff search --json`) and of the published site's own search.js
//! (run by Node), each scored by precision at 5 and whether a best career
//! is in the first three. Run by `cargo xtask search-check`.
//!
//! The rules, by kind of query (a career whose title or an alternate title
//! holds the query's words is always relevant: the query names it):
//! - a skill or knowledge area, by name or everyday word: relevant when
//!   O*NET rates it Important (importance ≥ 3, with a level); best are the
//!   five highest by importance × level;
//! - a technology: relevant when the career lists a technology holding the
//!   query's words in order; best are those that list it as in demand
//!   (all relevant ones when none does);
//! - a task or tool word: relevant when a task statement or tool holds
//!   the words in order; best are the five with the most such statements.
//!
//!     search_check --content DIR --site DIR --bin CAREERDIFF [--node-script FILE]

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

use careerdiff_model::{Career, ItemKind, WORKER_ITEMS, load_content};
use careerdiff_search::terms;

/// (query, kind): `item:<name>` (knowledge items say `knowledge:`),
/// `tech`, `work` (task or tool).
const QUERIES: &[(&str, &str)] = &[
    ("programming", "skill:Programming"),
    ("coding", "skill:Programming"),
    ("negotiation", "skill:Negotiation"),
    ("bargaining", "skill:Negotiation"),
    ("repairing", "skill:Repairing"),
    ("fixing machines", "skill:Repairing"),
    ("troubleshooting", "skill:Troubleshooting"),
    ("social perceptiveness", "skill:Social Perceptiveness"),
    ("active listening", "skill:Active Listening"),
    ("persuasion", "skill:Persuasion"),
    ("instructing", "skill:Instructing"),
    ("science", "skill:Science"),
    ("medicine and dentistry", "knowledge:Medicine and Dentistry"),
    ("law", "knowledge:Law and Government"),
    ("accounting", "knowledge:Economics and Accounting"),
    ("chemistry", "knowledge:Chemistry"),
    ("biology", "knowledge:Biology"),
    ("psychology", "knowledge:Psychology"),
    ("building and construction", "knowledge:Building and Construction"),
    ("foreign languages", "knowledge:Foreign Language"),
    ("sap", "tech"),
    ("excel", "tech"),
    ("python", "tech"),
    ("autocad", "tech"),
    ("salesforce", "tech"),
    ("quickbooks", "tech"),
    ("tableau", "tech"),
    ("java", "tech"),
    ("first aid", "work"),
    ("wiring", "work"),
    ("forklift", "work"),
    ("stethoscope", "work"),
    ("welding", "work"),
    ("oil wells", "work"),
    ("blood pressure", "work"),
    ("livestock", "work"),
];

struct Expected {
    relevant: Vec<String>,
    best: Vec<String>,
}

fn holds(text: &str, query: &[String]) -> bool {
    terms(text).windows(query.len()).any(|w| w == query)
}

fn names_it(career: &Career, query: &[String]) -> bool {
    holds(&career.title, query) || career.alternate_titles.iter().any(|t| holds(t, query))
}

/// The `n` highest by `key`, and every career tied with the last of them.
fn top_with_ties(mut scored: Vec<(f64, String)>, n: usize) -> Vec<String> {
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let cut = scored.get(n.saturating_sub(1)).map_or(f64::MIN, |s| s.0);
    scored.into_iter().filter(|s| s.0 >= cut && s.0 > 0.0).map(|s| s.1).collect()
}

fn expected(careers: &[Career], query: &str, kind: &str) -> Expected {
    let q = terms(query);
    let mut relevant = Vec::new();
    let mut scored = Vec::new();
    for career in careers {
        let (is_relevant, score) = match kind.split_once(':') {
            Some((item_kind, name)) => {
                let kind = if item_kind == "skill" { ItemKind::Skill } else { ItemKind::Knowledge };
                let item = WORKER_ITEMS.iter().find(|i| i.kind == kind && i.name == name).expect("a known item");
                let rating = career.ratings.as_ref().and_then(|r| match kind {
                    ItemKind::Skill => r.skills.get(item.name),
                    ItemKind::Knowledge => r.knowledge.get(item.name),
                });
                match rating.and_then(|r| r.level.map(|level| (r.importance, level))) {
                    Some((importance, level)) => (importance >= 3.0, importance * level),
                    None => (false, 0.0),
                }
            }
            None if kind == "tech" => {
                let listed: Vec<_> = career.skills.iter().filter(|s| holds(&s.name, &q)).collect();
                (
                    !listed.is_empty(),
                    if listed.iter().any(|s| s.in_demand) { 2.0 } else { f64::from(!listed.is_empty()) },
                )
            }
            None => {
                let statements = career.tasks.iter().chain(&career.tools).filter(|t| holds(t, &q)).count();
                (statements > 0, statements as f64)
            }
        };
        if is_relevant || names_it(career, &q) {
            relevant.push(career.slug.clone());
        }
        if is_relevant {
            scored.push((score, career.slug.clone()));
        }
    }
    let best = match kind {
        "tech" => {
            let in_demand: Vec<String> = scored.iter().filter(|s| s.0 >= 2.0).map(|s| s.1.clone()).collect();
            if in_demand.is_empty() { scored.into_iter().map(|s| s.1).collect() } else { in_demand }
        }
        _ => top_with_ties(scored, 5),
    };
    Expected { relevant, best }
}

/// Precision at 5 and whether a best career is in the first three.
fn score(answer: &[String], expected: &Expected) -> (f64, bool) {
    let top: Vec<&String> = answer.iter().take(5).collect();
    let precision = if top.is_empty() {
        0.0
    } else {
        top.iter().filter(|s| expected.relevant.contains(s)).count() as f64 / top.len() as f64
    };
    (precision, answer.iter().take(3).any(|s| expected.best.contains(s)))
}

fn terminal(bin: &str, content: &str, query: &str) -> Vec<String> {
    let out = Command::new(bin)
        .args(["search", "--content", content, "--json", "--limit", "5", query])
        .output()
        .expect("careerdiff runs");
    let hits: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap_or_default();
    hits.iter().filter_map(|h| h["slug"].as_str().map(str::to_owned)).collect()
}

fn main() {
    let mut options: BTreeMap<String, String> = BTreeMap::new();
    let mut args = std::env::args().skip(1);
    while let (Some(flag), Some(value)) = (args.next(), args.next()) {
        options.insert(flag.trim_start_matches('-').to_owned(), value);
    }
    let get = |key: &str, default: &str| options.get(key).cloned().unwrap_or_else(|| default.to_owned());
    let content = get("content", "content");
    let site = get("site", "public");
    let bin = get("bin", "target/release/careerdiff");
    let script = get("node-script", "tests/browser/search-run.mjs");
    let careers = load_content(&PathBuf::from(&content)).expect("content loads").careers;
    let mut node = Command::new("node");
    node.args([script.as_str(), site.as_str(), "5"]).args(QUERIES.iter().map(|(q, _)| *q));
    let out = node.output().expect("node runs");
    let site_answers: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("search-run.mjs printed no JSON ({e}): {}", String::from_utf8_lossy(&out.stderr)));
    println!("{:<26} {:>9} {:>7} {:>9} {:>7}", "query", "P@5 term", "best≤3", "P@5 site", "best≤3");
    let (mut sums, mut bytes) = ([0.0f64; 4], Vec::new());
    for ((query, kind), site_answer) in QUERIES.iter().zip(&site_answers) {
        let expected = expected(&careers, query, kind);
        let (tp, tb) = score(&terminal(&bin, &content, query), &expected);
        let site_slugs: Vec<String> = site_answer["slugs"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|s| s.as_str().map(str::to_owned))
            .collect();
        let (sp, sb) = score(&site_slugs, &expected);
        bytes.push(site_answer["gzipped"].as_u64().unwrap_or(0));
        println!(
            "{query:<26} {tp:>9.2} {:>7} {sp:>9.2} {:>7}",
            if tb { "yes" } else { "no" },
            if sb { "yes" } else { "no" }
        );
        for (sum, value) in sums.iter_mut().zip([tp, f64::from(u8::from(tb)), sp, f64::from(u8::from(sb))]) {
            *sum += value;
        }
    }
    let n = QUERIES.len() as f64;
    println!(
        "mean over {} queries: terminal P@5 {:.3}, best in first 3 {:.0} %; site P@5 {:.3}, best in first 3 {:.0} %",
        QUERIES.len(),
        sums[0] / n,
        sums[1] / n * 100.0,
        sums[2] / n,
        sums[3] / n * 100.0
    );
    bytes.sort_unstable();
    println!(
        "site download per query (gzipped): median {} bytes, worst {} bytes",
        bytes[bytes.len() / 2],
        bytes.last().copied().unwrap_or(0)
    );
}
