//! `cargo xtask similar-check`: how well each similarity model finds a
//! career's relatives. Imports every O*NET occupation (or reads a content
//! folder), ranks every career's ten most similar under each model, and
//! prints recall@10 against two relations that no model reads: careers that
//! share a BLS Occupational Outlook Handbook profile, and careers of the
//! same SOC broad group (the first six characters of the O*NET code); and
//! against two harder parts of the first: the relatives outside the
//! career's broad group, and those without O*NET ratings (which a score
//! must not push down for lacking them). Then it prints a few careers'
//! lists to read. A report, not a test: it exits non-zero only on errors.
//!
//!     similar_check --datasets DIR [--hand-written DIR] [--content DIR]
//!
//! `--datasets` holds `onet-29.2/`, `oews-2025/` and `bls-ep-2024/`;
//! `--hand-written` is a content folder whose careers without an `[onet]`
//! table (and its skills) join the import; `--content` measures that folder
//! instead of importing.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use careerdiff_compare::{Comparer, Similar, SimilarityModel};
use careerdiff_model::{Content, load_content};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// How many of its most similar careers are checked for each career.
const K: usize = 10;

/// The models measured, with the names the report gives them.
const MODELS: [(SimilarityModel, &str); 3] = [
    (SimilarityModel::Signals, "every signal (site default)"),
    (SimilarityModel::Legacy, "legacy (the score before)"),
    (SimilarityModel::TaskText, "baseline: task text tf-idf"),
];

/// Careers whose lists are printed, when the content has them.
const SHOWN: [&str; 4] = ["data-scientists", "electricians", "ai-middleware-engineer", "ai-model-routing-engineer"];

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("similar_check: {message}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().collect();
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).map(PathBuf::from);
    let datasets =
        value("--datasets").ok_or("usage: similar_check --datasets DIR [--hand-written DIR] [--content DIR]")?;
    let crosswalk = datasets.join("bls-ep-2024/nem-onet-to-soc-crosswalk.csv");
    let profiles = read_profiles(&crosswalk)?;
    let (content, from) = match value("--content") {
        Some(dir) => (load(&dir)?, dir.display().to_string()),
        None => {
            let work = std::env::temp_dir().join(format!("careerdiff-similar-check-{}", std::process::id()));
            let content = import(&datasets, value("--hand-written").as_deref(), &work);
            let _ = fs::remove_dir_all(&work);
            (content?, format!("an import of {}", datasets.join("onet-29.2").display()))
        }
    };
    let relations = Relations::new(&content, &profiles);
    println!(
        "similar-check: {} careers ({} from O*NET) from {from}",
        content.careers.len(),
        relations.codes.iter().flatten().count()
    );
    println!(
        "expected relatives: the careers with the same OOH profile ({} careers have some) or the same SOC broad group ({})",
        relations.with_relatives(&relations.profile),
        relations.with_relatives(&relations.broad_group),
    );
    let started = Instant::now();
    let comparer = Comparer::new(content.clone());
    println!("prepared in {:.2} s\n", started.elapsed().as_secs_f64());
    println!(
        "{:<28} {:>12} {:>16} {:>8} {:>9} {:>14}",
        "model", "OOH profile", "SOC broad group", "cross", "unrated", "all pairs (s)"
    );
    for (model, name) in MODELS {
        let started = Instant::now();
        let lists = comparer.all_similar_by(model, K);
        let secs = started.elapsed().as_secs_f64();
        let profile = relations.recall(&lists, &relations.profile);
        let broad = relations.recall(&lists, &relations.broad_group);
        let cross = relations.recall_cross(&lists);
        let unrated = relations.recall_unrated(&lists);
        println!("{name:<28} {profile:>12.3} {broad:>16.3} {cross:>8.3} {unrated:>9.3} {secs:>14.2}");
    }
    println!(
        "\nrecall@{K}: the mean, over careers with an expected relative, of the share of them (out of at most {K}) among its {K} most similar.\n\
         cross: the careers with the same OOH profile outside the career's SOC broad group, a harder relation.\n\
         unrated: the careers with the same OOH profile that have no O*NET ratings, which must not be pushed down for it."
    );
    for slug in SHOWN {
        let Some(idx) = comparer.index_of(slug) else { continue };
        println!("\n{slug}:");
        for similar in comparer.similar(idx, K) {
            let mark = if relations.related(idx, similar.index) { "  (expected)" } else { "" };
            println!("  {:.4}  {}{mark}", similar.score, similar.slug);
        }
    }
    Ok(())
}

fn load(dir: &Path) -> Result<Content, String> {
    load_content(dir).map_err(|e| format!("{}: {e}", dir.display()))
}

/// Imports every O*NET occupation with OEWS pay into `work`, beside the
/// hand-written careers and skills of `hand_written`, and loads the result.
fn import(datasets: &Path, hand_written: Option<&Path>, work: &Path) -> Result<Content, String> {
    let io = |path: &Path, e: std::io::Error| format!("{}: {e}", path.display());
    fs::create_dir_all(work.join("careers")).map_err(|e| io(work, e))?;
    if let Some(dir) = hand_written {
        let skills = dir.join("skills.toml");
        fs::copy(&skills, work.join("skills.toml")).map_err(|e| io(&skills, e))?;
        let careers = dir.join("careers");
        for entry in fs::read_dir(&careers).map_err(|e| io(&careers, e))? {
            let path = entry.map_err(|e| io(&careers, e))?.path();
            let text = fs::read_to_string(&path).map_err(|e| io(&path, e))?;
            if path.extension().is_some_and(|e| e == "md") && !text.contains("\n[onet]") {
                let name = path.file_name().ok_or("a career file without a name")?;
                fs::write(work.join("careers").join(name), text).map_err(|e| io(work, e))?;
            }
        }
    }
    let options = careerdiff_import::ImportOptions {
        onet_dir: datasets.join("onet-29.2"),
        oews_file: datasets.join("oews-2025/national_M2025.csv"),
        major_groups: None,
        out: work.to_owned(),
        projections: None,
        ai_exposure: None,
        telework: None,
    };
    careerdiff_import::import_onet(&options).map_err(|e| format!("import: {e}"))?;
    load(work)
}

/// O*NET-SOC code → OOH profile code, from the BLS crosswalk (`—`, no
/// profile, is left out).
fn read_profiles(path: &Path) -> Result<HashMap<String, String>, String> {
    let error = |e: csv::Error| format!("{}: {e}", path.display());
    let mut reader = csv::Reader::from_path(path).map_err(error)?;
    let headers = reader.headers().map_err(error)?.clone();
    let column = |name: &str| {
        headers.iter().position(|h| h == name).ok_or_else(|| format!("{}: no column {name:?}", path.display()))
    };
    let (code, profile) = (column("O*NET-SOC Code")?, column("OOH Profile Code")?);
    let mut profiles = HashMap::new();
    for record in reader.records() {
        let record = record.map_err(error)?;
        let (Some(code), Some(profile)) = (record.get(code), record.get(profile)) else { continue };
        if !profile.is_empty() && profile != "—" {
            profiles.insert(code.to_owned(), profile.to_owned());
        }
    }
    Ok(profiles)
}

/// The two relations a career's list is checked against, by career index.
struct Relations {
    /// Each career's O*NET code, if it has one.
    codes: Vec<Option<String>>,
    /// Each career's OOH profile code.
    profile: Vec<Option<String>>,
    /// Each career's SOC broad group (`15-125`).
    broad_group: Vec<Option<String>>,
    /// Whether each career has ratings.
    rated: Vec<bool>,
}

impl Relations {
    fn new(content: &Content, profiles: &HashMap<String, String>) -> Self {
        let codes: Vec<Option<String>> =
            content.careers.iter().map(|c| c.onet.as_ref().map(|o| o.code.clone())).collect();
        let profile = codes.iter().map(|c| c.as_ref().and_then(|c| profiles.get(c).cloned())).collect();
        let broad_group = codes.iter().map(|c| c.as_ref().and_then(|c| c.get(..6)).map(str::to_owned)).collect();
        let rated = content.careers.iter().map(|c| c.ratings.is_some()).collect();
        Relations { codes, profile, broad_group, rated }
    }

    /// The careers other than `idx` with the same key.
    fn expected(keys: &[Option<String>], idx: usize) -> Vec<usize> {
        let Some(key) = &keys[idx] else { return Vec::new() };
        (0..keys.len()).filter(|&j| j != idx && keys[j].as_ref() == Some(key)).collect()
    }

    fn with_relatives(&self, keys: &[Option<String>]) -> usize {
        (0..keys.len()).filter(|&i| !Self::expected(keys, i).is_empty()).count()
    }

    /// Whether `b` is an expected relative of `a` under either relation.
    fn related(&self, a: usize, b: usize) -> bool {
        [&self.profile, &self.broad_group].iter().any(|keys| keys[a].is_some() && keys[a] == keys[b])
    }

    /// Recall@K of `lists` against the relation that `keys` defines.
    fn recall(&self, lists: &[Vec<Similar>], keys: &[Option<String>]) -> f64 {
        Self::recall_of(lists, |idx| Self::expected(keys, idx))
    }

    fn recall_cross(&self, lists: &[Vec<Similar>]) -> f64 {
        Self::recall_of(lists, |idx| {
            let mut e = Self::expected(&self.profile, idx);
            e.retain(|&j| self.broad_group[j] != self.broad_group[idx]);
            e
        })
    }

    fn recall_unrated(&self, lists: &[Vec<Similar>]) -> f64 {
        Self::recall_of(lists, |idx| {
            let mut e = Self::expected(&self.profile, idx);
            e.retain(|&j| !self.rated[j]);
            e
        })
    }

    fn recall_of(lists: &[Vec<Similar>], expected: impl Fn(usize) -> Vec<usize>) -> f64 {
        let (mut sum, mut careers) = (0.0, 0usize);
        for (idx, list) in lists.iter().enumerate() {
            let expected = expected(idx);
            if expected.is_empty() {
                continue;
            }
            let found = list.iter().take(K).filter(|s| expected.contains(&s.index)).count();
            sum += found as f64 / expected.len().min(K) as f64;
            careers += 1;
        }
        if careers == 0 { 0.0 } else { sum / careers as f64 }
    }
}
