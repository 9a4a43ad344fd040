//! `careerdiff build`: the pages it writes and what they say.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use crate::{build_site, fixture, repo};

/// Every file under `root`, sorted.
fn files(root: &Path) -> Vec<std::path::PathBuf> {
    let walk = walkdir::WalkDir::new(root).sort_by_file_name().into_iter();
    walk.filter_map(Result::ok).filter(|e| e.file_type().is_file()).map(|e| e.into_path()).collect()
}

fn read_all(root: &Path) -> BTreeMap<String, Vec<u8>> {
    files(root)
        .into_iter()
        .map(|p| (p.strip_prefix(root).unwrap().to_string_lossy().into_owned(), fs::read(&p).unwrap()))
        .collect()
}

const PAIR: &str = "compare/ai-middleware-engineer-vs-ai-model-routing-engineer.html";

#[test]
fn default_site_has_home_career_and_pair_pages() {
    let out = build_site(&repo().join("content"), &[]);
    let public = out.path().join("public");
    for page in [
        "index.html",
        "404.html",
        "careers/ai-middleware-engineer.html",
        "careers/ai-model-routing-engineer.html",
        PAIR,
        "sitemap.xml",
        "robots.txt",
        "style.css",
        "favicon.svg",
    ] {
        assert!(public.join(page).is_file(), "{page} missing");
    }
    let pair = fs::read_to_string(public.join(PAIR)).unwrap();
    assert!(pair.contains("<h1>AI Middleware Engineer <span class=\"vs\">vs</span> AI Model Routing Engineer</h1>"));
    for shared in ["Prompt engineering", "Observability and monitoring", "Vector databases"] {
        assert!(pair.contains(&format!("<strong>{shared}</strong>")), "{shared} not listed as shared");
    }
    let row = |label: &str| {
        let start = pair.find(&format!("<th scope=\"row\">{label}</th>")).unwrap_or_else(|| panic!("{label} row"));
        pair[start..start + pair[start..].find("</tr>").unwrap()].to_owned()
    };
    assert!(row("Salary ceiling (range given)").contains("<td>Even</td>"), "{}", row("Salary ceiling (range given)"));
    assert!(row("AI replacement risk (estimate)").contains("<td>Even</td>"));
    assert!(row("Demand score").contains("AI Middleware Engineer (higher)"));
    assert!(row("Entry barrier").contains("AI Middleware Engineer (lower)"));
    assert!(!pair.contains("higher salary ceiling"), "a tie must not be called an advantage");
    // Hand-written careers list their writers' skills; imported ones, O*NET's technologies.
    assert!(pair.contains("<h2 id=\"skills-h\">Skills</h2>"));
    let imported = fs::read_to_string(public.join("compare/data-scientists-vs-statisticians.html")).unwrap();
    assert!(imported.contains("<h2 id=\"skills-h\">Technologies</h2>") && imported.contains("distinct technologies"));
    let home = fs::read_to_string(public.join("index.html")).unwrap();
    let popular: Vec<&str> = home
        .split("href=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .filter(|h| h.starts_with("compare/"))
        .collect();
    assert!(!popular.is_empty(), "the home page features comparisons");
    for link in popular {
        assert!(public.join(link).is_file(), "{link} is linked from the home page but missing");
    }
    assert!(home.contains("<link rel=\"canonical\" href=\"https://careerdiff.example.org/\">"));
}

#[test]
fn every_page_has_one_h1_a_title_and_a_canonical_url() {
    let out = build_site(&repo().join("content"), &[]);
    for path in files(&out.path().join("public")).into_iter().filter(|p| p.extension().is_some_and(|e| e == "html")) {
        let html = fs::read_to_string(&path).unwrap();
        assert_eq!(html.matches("<h1").count(), 1, "{}", path.display());
        assert!(html.contains("<title>") && html.contains("rel=\"canonical\""), "{}", path.display());
    }
}

#[test]
fn content_text_is_escaped_everywhere() {
    let out = build_site(&fixture("ok/escaping"), &[]);
    let pages = read_all(&out.path().join("public"));
    for (name, bytes) in &pages {
        let text = String::from_utf8_lossy(bytes);
        for raw in ["<script>alert", "<script>bad", "<img src=x", "<b>Bold", "</title><"] {
            assert!(!text.contains(raw), "{raw} unescaped in {name}");
        }
    }
    let career = String::from_utf8_lossy(&pages["careers/evil.html"]).into_owned();
    assert!(career.contains("&lt;script&gt;alert("), "title is shown escaped");
    assert!(career.contains("&lt;img src=x onerror=alert(1)&gt; scripting"), "skill is shown escaped");
    assert!(career.contains("\"name\":\"\\u003cscript\\u003ealert("), "JSON-LD escapes markup");
    let careers = String::from_utf8_lossy(&pages["search/careers.json"]).into_owned();
    assert!(careers.contains("\\u003cscript\\u003ealert("), "search data escapes markup: {careers}");
    // Links from the Markdown body: none that could run script is published.
    for (name, bytes) in &pages {
        let lower = String::from_utf8_lossy(bytes).to_ascii_lowercase();
        for attr in ["href=\"javascript", "src=\"javascript", "href=\"jav", "href=\"data:", "href=\" javascript"] {
            assert!(!lower.contains(attr), "{attr} published in {name}");
        }
    }
    assert!(career.contains("click me") && career.contains(r#"<a href="https://www.bls.gov/ooh/">BLS</a>"#));
}

#[test]
fn output_is_identical_for_one_thread_and_many() {
    let one = build_site(&repo().join("content"), &["--jobs", "1"]);
    let many = build_site(&repo().join("content"), &["--jobs", "4"]);
    assert_eq!(read_all(&one.path().join("public")), read_all(&many.path().join("public")));
}

#[test]
fn shards_together_equal_the_whole_site() {
    let whole = build_site(&repo().join("content"), &[]);
    let mut expected = read_all(&whole.path().join("public"));
    // Only a whole build records a manifest for later incremental builds.
    assert!(expected.remove(crate::MANIFEST).is_some(), "a whole build writes its manifest");
    assert!(expected.remove(crate::PAGE_LIST).is_some(), "and the paths it lists");
    assert!(expected.remove(crate::SEARCH_CACHE).is_some(), "and keeps its search side");
    let mut merged = BTreeMap::new();
    for k in 1..=3 {
        let shard = build_site(&repo().join("content"), &["--shard", &format!("{k}/3")]);
        let files = read_all(&shard.path().join("public"));
        assert!(!files.contains_key(crate::MANIFEST), "shard {k} claims the whole site in a manifest");
        assert!(!files.contains_key(crate::PAGE_LIST), "shard {k} lists the whole site's paths");
        assert!(!files.contains_key(crate::SEARCH_CACHE), "shard {k} keeps a search side for the whole site");
        for (name, bytes) in files {
            // Every shard carries the same output marker; pages come from one shard each.
            let previous = merged.insert(name.clone(), bytes.clone());
            assert!(
                previous.is_none() || (name == crate::MARKER && previous == Some(bytes)),
                "{name} is built by two shards"
            );
        }
    }
    assert_eq!(merged.len(), expected.len());
    assert!(merged == expected, "the union of the shards differs from the single build");
}

#[test]
fn bad_shard_is_a_usage_error() {
    let output = crate::careerdiff(&["build", "--shard", "4/3"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(crate::stderr(&output).contains("shard 4/3: K must be between 1 and N"), "{}", crate::stderr(&output));
}

#[test]
fn render_only_writes_nothing_and_counts_the_same_pages() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("public");
    let output = crate::careerdiff(&["build", "--render-only", "--out", out.to_str().unwrap()]);
    assert!(output.status.success());
    assert!(!out.exists(), "render-only must not write");
    let whole = build_site(&repo().join("content"), &[]);
    let pages =
        files(&whole.path().join("public")).iter().filter(|p| p.extension().is_some_and(|e| e == "html")).count();
    assert!(crate::stdout(&output).starts_with(&format!("built {pages} pages")), "{}", crate::stdout(&output));
}

#[test]
fn killing_a_build_leaves_the_old_site() {
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    fs::create_dir(&public).unwrap();
    fs::write(public.join("index.html"), "old site").unwrap();
    fs::write(public.join(crate::MARKER), "").unwrap();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_careerdiff"))
        .args(["build", "--jobs", "1", "--out", public.to_str().unwrap()])
        .current_dir(repo())
        .spawn()
        .unwrap();
    let staging = dir.path().join(format!(".public.staging-{}", child.id()));
    // Wait until pair pages are being written, then kill the build.
    let started = std::time::Instant::now();
    while fs::read_dir(staging.join("compare")).map_or(0, |d| d.count()) < 20 {
        assert!(started.elapsed().as_secs() < 60, "the build never started writing pair pages");
        assert!(child.try_wait().unwrap().is_none(), "the build finished before it could be killed");
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(fs::read_to_string(public.join("index.html")).unwrap(), "old site");
    // The next build replaces the site and clears the abandoned staging
    // folder; the replaced site is deleted in the background.
    crate::careerdiff(&["build", "--out", public.to_str().unwrap()]);
    assert_ne!(fs::read_to_string(public.join("index.html")).unwrap(), "old site");
    let leftovers = || crate::entries_but_locks(dir.path());
    let started = std::time::Instant::now();
    while leftovers() != ["public"] && started.elapsed().as_secs() < 30 {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(leftovers(), ["public"]);
}

/// Copies the default content into `dir` with `[pairs] policy = "similar"`
/// and `per_career` as given.
fn similar_policy_content(dir: &Path, per_career: usize) -> std::path::PathBuf {
    let content = dir.join("content");
    for file in files(&repo().join("content")) {
        let rel = file.strip_prefix(repo().join("content")).unwrap();
        fs::create_dir_all(content.join(rel).parent().unwrap()).unwrap();
        fs::copy(&file, content.join(rel)).unwrap();
    }
    let site = fs::read_to_string(content.join("site.toml")).unwrap();
    let site = site
        .lines()
        .filter(|line| !line.starts_with("policy =") && !line.starts_with("per_career ="))
        .map(|line| {
            if line == "[pairs]" {
                format!("[pairs]\npolicy = \"similar\"\nper_career = {per_career}\n")
            } else {
                format!("{line}\n")
            }
        })
        .collect::<String>();
    fs::write(content.join("site.toml"), site).unwrap();
    content
}

#[test]
fn similar_policy_builds_fewer_pairs_and_tool_data_from_the_comparer() {
    let dir = tempfile::tempdir().unwrap();
    let content = similar_policy_content(dir.path(), 3);
    let out = build_site(&content, &[]);
    let public = out.path().join("public");
    let pairs = fs::read_dir(public.join("compare")).unwrap().filter(|e| e.as_ref().unwrap().path().is_file()).count();
    let careers = fs::read_dir(content.join("careers")).unwrap().count();
    assert!((careers * 3 / 2..=careers * 3).contains(&pairs), "{pairs} pair pages");
    assert!(
        public.join("compare/computer-programmers-vs-software-developers.html").is_file(),
        "a most-similar pair has its page"
    );
    assert!(!public.join("compare/civil-engineers-vs-software-developers.html").exists());

    let data: serde_json::Value =
        serde_json::from_slice(&fs::read(public.join("compare/data/software-developers.json")).unwrap()).unwrap();
    let entry = &data["pairs"]["civil-engineers"];
    assert_eq!(entry["page"], false);
    let output = crate::careerdiff(&["compare", "software-developers", "civil-engineers", "--json"]);
    let comparison: serde_json::Value = serde_json::from_str(&crate::stdout(&output)).unwrap();
    let letters: String = comparison["glance"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| match row["verdict"].as_str().unwrap() {
            "a" => 'a',
            "b" => 'b',
            "tie" => 't',
            "unknown" => 'u',
            _ => '-',
        })
        .collect();
    // The tool's data has a letter for every attribute, `n` where neither
    // career has data; the comparison leaves those rows out.
    let tool_letters: String = entry["verdicts"].as_str().unwrap().chars().filter(|&c| c != 'n').collect();
    assert_eq!(tool_letters, letters, "the tool shows the comparer's verdicts");
    assert_eq!(entry["shared"], comparison["skills"]["shared"].as_array().unwrap().len());
}

#[test]
fn back_to_back_builds_replace_the_site_each_time() {
    // The replaced site is deleted in the background; the next build must
    // not trip over a deletion still in progress.
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    for _ in 0..3 {
        let output = crate::careerdiff(&["build", "--out", public.to_str().unwrap()]);
        assert!(output.status.success(), "{}", crate::stderr(&output));
        assert!(public.join("index.html").is_file());
    }
}
