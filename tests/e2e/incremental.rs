//! Incremental builds: a rebuild in place rewrites only the pages whose
//! inputs changed and ends with exactly what a fresh `--full` build of the
//! same content writes.

use std::collections::BTreeMap;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use crate::{MANIFEST, PAGE_LIST, SEARCH_CACHE, careerdiff, fixture, stderr, stdout};

/// A copy of the small fixture site (`content/`) with an empty theme
/// folder beside it (`themes/default/`), and its output (`public/`).
struct Project {
    dir: tempfile::TempDir,
}

impl Project {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&fixture("ok/small"), &dir.path().join("content"));
        fs::create_dir_all(dir.path().join("themes/default/templates")).unwrap();
        Project { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Builds into `out` (relative to the project) and returns stdout.
    fn build(&self, out: &str, extra: &[&str]) -> String {
        let (content, out) = (self.path("content"), self.path(out));
        let mut args = vec!["build", "--content", content.to_str().unwrap(), "--out", out.to_str().unwrap()];
        args.extend_from_slice(extra);
        let output = careerdiff(&args);
        assert!(output.status.success(), "build failed: {}", stderr(&output));
        stdout(&output)
    }

    /// Rebuilds `public/` in place, checks that it now holds what a fresh
    /// full build writes, and returns how many pages the rebuild rewrote.
    fn rebuild_matches_a_full_build(&self) -> usize {
        let said = self.build("public", &[]);
        assert!(said.starts_with("updated "), "the rebuild is incremental: {said}");
        self.assert_matches_a_full_build();
        rewritten(&said)
    }

    /// Asserts that `public/` is what a fresh `--full` build writes.
    fn assert_matches_a_full_build(&self) {
        let fresh = self.path("fresh");
        if fresh.exists() {
            fs::remove_dir_all(&fresh).unwrap();
        }
        self.build("fresh", &["--full"]);
        let (rebuilt, full) = (read_all(&self.path("public")), read_all(&fresh));
        let names = |files: &BTreeMap<String, Vec<u8>>| files.keys().cloned().collect::<Vec<_>>();
        assert_eq!(names(&rebuilt), names(&full), "the rebuilt site has other files than a full build");
        for (name, bytes) in &full {
            assert!(rebuilt[name] == *bytes, "{name} differs from a full build's");
        }
    }

    fn edit(&self, rel: &str, from: &str, to: &str) {
        let path = self.path(rel);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{rel} holds {from:?}");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }

    /// Each output file's inode: a page rewritten whole (temp file and
    /// rename) gets a new one.
    fn inodes(&self) -> BTreeMap<String, u64> {
        files(&self.path("public")).into_iter().map(|(rel, path)| (rel, fs::metadata(path).unwrap().ino())).collect()
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().map(Result::unwrap) {
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

fn files(root: &Path) -> Vec<(String, PathBuf)> {
    let walk = walkdir::WalkDir::new(root).sort_by_file_name().into_iter().map(Result::unwrap);
    walk.filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(root).unwrap().to_string_lossy().into_owned(), e.into_path()))
        .collect()
}

fn read_all(root: &Path) -> BTreeMap<String, Vec<u8>> {
    files(root).into_iter().map(|(rel, path)| (rel, fs::read(path).unwrap())).collect()
}

/// The number of pages an incremental build's summary says it rewrote.
fn rewritten(summary: &str) -> usize {
    let (_, after) = summary.split_once("in place: ").expect("an incremental summary");
    after.split(' ').next().unwrap().parse().expect("a page count")
}

/// The pages whose inode changed between `before` and `after`, and those
/// that appeared.
fn changed(before: &BTreeMap<String, u64>, after: &BTreeMap<String, u64>) -> Vec<String> {
    after.iter().filter(|(rel, ino)| before.get(*rel) != Some(ino)).map(|(rel, _)| rel.clone()).collect()
}

#[test]
fn an_unchanged_site_is_up_to_date_without_loading() {
    let project = Project::new();
    assert!(project.build("public", &[]).starts_with("built "));
    let before = project.inodes();
    let said = project.build("public", &[]);
    assert!(said.contains("is up to date") && said.contains("0 pages rewritten"), "{said}");
    assert_eq!(project.inodes(), before, "nothing was rewritten");
}

#[test]
fn editing_a_career_rewrites_its_pages_and_not_the_others() {
    let project = Project::new();
    project.build("public", &[]);
    let before = project.inodes();
    project.edit("content/careers/statisticians.md", "Develop or apply", "Design or apply");
    let rewrote = project.rebuild_matches_a_full_build();
    let changed = changed(&before, &project.inodes());
    // The rewritten pages, the search files and the manifest.
    assert!(rewrote > 0 && rewrote < before.len() / 2, "{rewrote} of {} pages rewritten", before.len());
    assert!(changed.contains(&"careers/statisticians.html".to_owned()), "{changed:?}");
    // (The manifest is removed, then written anew: its inode may be reused.)
    assert!(project.path("public").join(MANIFEST).is_file(), "the manifest is written");
    assert!(!changed.contains(&PAGE_LIST.to_owned()), "the same page list is not written again");
    for untouched in
        ["roadmaps/ai-middleware-engineer.html", "compare/ai-middleware-engineer-vs-ai-model-routing-engineer.html"]
    {
        assert!(!changed.contains(&untouched.to_owned()), "{untouched} does not show the summary: {changed:?}");
    }
}

/// The digest line of the search cache in `public/`.
fn search_digest(project: &Project) -> String {
    let cache = fs::read_to_string(project.path("public").join(SEARCH_CACHE)).expect("a build keeps its search side");
    cache.lines().find(|line| line.starts_with("digest ")).expect("a digest line").to_owned()
}

#[test]
fn the_search_side_is_kept_while_its_inputs_stay_the_same() {
    let project = Project::new();
    project.build("public", &[]);
    let first = search_digest(&project);
    // Demand is no search input: the kept search side is reused, and the
    // site still ends as a full build writes it.
    project.edit("content/careers/ai-middleware-engineer.md", "demand_score = 9.2", "demand_score = 9.4");
    assert!(project.rebuild_matches_a_full_build() > 0);
    assert_eq!(search_digest(&project), first, "same search inputs");
    // A description is one: the search side is made again, and matches too.
    project.edit("content/careers/statisticians.md", "Develop or apply", "Design or apply");
    project.rebuild_matches_a_full_build();
    assert_ne!(search_digest(&project), first, "a description is searched");
}

/// A rebuild with the same search inputs leaves the static search files
/// alone; a full build that keeps the search side (the manifest was lost)
/// copies them from the site it replaces.
#[test]
fn kept_search_files_stay_in_place_and_move_into_a_full_build() {
    let project = Project::new();
    project.build("public", &[]);
    let search_files = |inodes: BTreeMap<String, u64>| -> BTreeMap<String, u64> {
        inodes.into_iter().filter(|(path, _)| path.starts_with("search/")).collect()
    };
    let before = search_files(project.inodes());
    assert!(before.len() > 2, "a static search index: {before:?}");
    project.edit("content/careers/ai-middleware-engineer.md", "demand_score = 9.2", "demand_score = 9.4");
    project.rebuild_matches_a_full_build();
    assert_eq!(search_files(project.inodes()), before, "no search file is written again");

    let first = search_digest(&project);
    fs::remove_file(project.path("public").join(MANIFEST)).unwrap();
    project.edit("content/careers/ai-middleware-engineer.md", "demand_score = 9.4", "demand_score = 9.6");
    let said = project.build("public", &[]);
    assert!(said.starts_with("built "), "without a manifest the build is a full one: {said}");
    assert_eq!(search_digest(&project), first, "with the same search side");
    project.assert_matches_a_full_build();
}

#[test]
fn adding_and_deleting_careers_match_a_full_build() {
    let project = Project::new();
    project.build("public", &[]);
    let statisticians = fs::read_to_string(project.path("content/careers/statisticians.md")).unwrap();
    let added = statisticians.replacen("title = \"Statisticians\"", "title = \"Biostatisticians\"", 1);
    fs::write(project.path("content/careers/biostatisticians.md"), added).unwrap();
    project.rebuild_matches_a_full_build();
    assert!(project.path("public/compare/biostatisticians-vs-statisticians.html").is_file());

    fs::remove_file(project.path("content/careers/data-scientists.md")).unwrap();
    project.rebuild_matches_a_full_build();
    assert!(!project.path("public/careers/data-scientists.html").exists(), "a deleted career's page is deleted");
    assert!(!project.path("public/compare/data-scientists-vs-statisticians.html").exists());
}

/// The path list is read only when the page list changed: without it, an
/// edit is still incremental, and a new career makes the build a full one
/// (it could not tell which pages are gone).
#[test]
fn a_lost_path_list_costs_a_full_build_only_when_the_page_list_changes() {
    let project = Project::new();
    project.build("public", &[]);
    fs::remove_file(project.path("public").join(PAGE_LIST)).unwrap();
    project.edit("content/careers/statisticians.md", "Develop or apply", "Design or apply");
    let said = project.build("public", &[]);
    assert!(said.starts_with("updated ") && rewritten(&said) > 0, "the same page list needs no paths: {said}");
    let statisticians = fs::read_to_string(project.path("content/careers/statisticians.md")).unwrap();
    let added = statisticians.replacen("title = \"Statisticians\"", "title = \"Biostatisticians\"", 1);
    fs::write(project.path("content/careers/biostatisticians.md"), added).unwrap();
    let said = project.build("public", &[]);
    assert!(said.starts_with("built "), "a new page list without the old one is built in full: {said}");
    assert!(project.path("public").join(PAGE_LIST).is_file(), "a full build writes the path list");
    fs::remove_file(project.path("content/careers/biostatisticians.md")).unwrap();
    project.rebuild_matches_a_full_build();
    assert!(!project.path("public/careers/biostatisticians.html").exists(), "its pages are deleted");
}

#[test]
fn editing_a_template_rewrites_the_pages_it_renders() {
    let project = Project::new();
    project.build("public", &[]);
    let before = project.inodes();
    let repo_template = crate::repo().join("themes/default/templates/roadmap.html");
    let template = fs::read_to_string(repo_template).unwrap();
    let edited = template.replacen("{% block main %}", "{% block main %}<!-- edited -->", 1);
    assert_ne!(edited, template, "roadmap.html has a main block");
    fs::write(project.path("themes/default/templates/roadmap.html"), edited).unwrap();
    project.rebuild_matches_a_full_build();
    let changed = changed(&before, &project.inodes());
    let pages: Vec<&String> = changed.iter().filter(|rel| rel.ends_with(".html")).collect();
    assert!(!pages.is_empty() && pages.iter().all(|rel| rel.starts_with("roadmaps/")), "{pages:?}");
    assert_eq!(pages.len(), 4, "one roadmap per career: {pages:?}");
}

/// A template edit that changes no page's bytes (text outside the blocks
/// of a child template) re-renders the pages but writes none.
#[test]
fn an_edit_that_changes_no_bytes_writes_no_page() {
    let project = Project::new();
    project.build("public", &[]);
    let before = project.inodes();
    let template = fs::read_to_string(crate::repo().join("themes/default/templates/roadmap.html")).unwrap();
    fs::write(project.path("themes/default/templates/roadmap.html"), format!("{template}\n<!-- unseen -->\n")).unwrap();
    assert_eq!(project.rebuild_matches_a_full_build(), 0);
    let kept = |p: &String| p != MANIFEST && p != SEARCH_CACHE;
    let changed: Vec<String> = changed(&before, &project.inodes()).into_iter().filter(kept).collect();
    assert!(changed.is_empty(), "only the manifest and the search cache are written: {changed:?}");
    assert!(project.path("public").join(MANIFEST).is_file());
}

#[test]
fn changing_site_toml_matches_a_full_build() {
    let project = Project::new();
    project.build("public", &[]);
    project.edit("content/site.toml", "title = \"careerdiff\"", "title = \"Career paths\"");
    project.rebuild_matches_a_full_build();
    let home = fs::read_to_string(project.path("public/index.html")).unwrap();
    assert!(home.contains("Career paths"));
}

/// A rebuild that stops part-way leaves no manifest, so the next build
/// starts over in full and repairs the site.
#[test]
fn a_failed_rebuild_leaves_no_manifest_and_the_next_build_repairs_the_site() {
    let project = Project::new();
    project.build("public", &[]);
    project.edit("content/careers/statisticians.md", "Develop or apply", "Design or apply");
    // A folder where the page goes: writing the page fails.
    let page = project.path("public/careers/statisticians.html");
    fs::remove_file(&page).unwrap();
    fs::create_dir_all(page.join("in-the-way")).unwrap();
    let (content, out) = (project.path("content"), project.path("public"));
    let output = careerdiff(&["build", "--content", content.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(!output.status.success(), "the rebuild cannot write the page");
    assert!(stderr(&output).contains("statisticians.html"), "the error names the page: {}", stderr(&output));
    assert!(!project.path("public").join(MANIFEST).exists(), "no manifest claims the unwritten page");
    assert!(!project.path("public").join(SEARCH_CACHE).exists(), "nor a search cache");

    fs::remove_dir_all(&page).unwrap();
    let said = project.build("public", &[]);
    assert!(said.starts_with("built "), "without a manifest the build is full: {said}");
    project.build("fresh", &["--full"]);
    assert!(read_all(&project.path("public")) == read_all(&project.path("fresh")), "the site is repaired");
}
