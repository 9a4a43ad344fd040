//! Broken content: every problem reported in one run, located, and the
//! published folder left alone.

use std::fs;

use crate::{careerdiff, fixture, stderr, stdout};

/// What `careerdiff` must say about `tests/fixtures/err/many`, one
/// diagnostic per broken file, sorted by path. `$C` is the content folder.
const EXPECTED: &str = r#"error: `Bad_Name.md` is not a valid career file name
  --> $C/careers/Bad_Name.md:1:1
  = expected: a file name of lowercase letters, digits and single hyphens, ending in .md

error: invalid basic string, expected `"`
  --> $C/careers/bad-toml.md:2:18
  |
2 | title = "Bad TOML
  |                  ^
  = expected: front matter in the career format (see the README's "Content format")

error: the file is empty
  --> $C/careers/empty.md:1:1
  |
1 | 
  | ^
  = expected: `+++` on the first line, TOML front matter, `+++`, then Markdown

error: invalid UTF-8 at byte 16
  --> $C/careers/latin1.md:2:13
  |
2 | title = "Caf
  |             ^
  = expected: text encoded as UTF-8

error: salary `min` (250000) is above `max` (210000)
  --> $C/careers/min-max.md:5:7
  |
5 | min = 250000
  |       ^
  = expected: `min` less than or equal to `max`

error: missing `title`
  --> $C/careers/no-title.md:2:1
  |
2 | category = "Things"
  | ^
  = expected: a line `title = "Career name"` in the front matter

error: `demand_score` is 11, outside 0 to 10
  --> $C/careers/ranges.md:3:16
  |
3 | demand_score = 11
  |                ^
  = expected: a number from 0 to 10

error: unknown skill id `pyton`
  --> $C/careers/ranges.md:4:34
  |
4 | skills = [{ name = "Py", tags = ["pyton"] }]
  |                                  ^
  = expected: a skill id defined in skills.toml
  = help: did you mean `python`?

error: duplicate slug `dup`: $C/careers/dup.md has the same file name
  --> $C/careers/sub/dup.md:1:1
  = expected: one file per slug across all folders under careers/

error: unknown field `salery`
  --> $C/careers/typo.md:3:1
  |
3 | salery = 5
  | ^
  = expected: one of `title`, `singular`, `category`, `summary`, `salary`, `employment`, `projected_growth`, `annual_openings`, `projections_group`, `ai_exposure`, `demand_score`, `ai_risk`, `learning_months`, `difficulty`, `entry_barrier`, `remote_friendly`, `requires_coding`, `education`, `entry_education`, `entry_experience`, `entry_training`, `outlook_url`, `skills`, `tasks`, `tools`, `alternate_titles`, `onet`, `ratings`, `interests`, `work_values`, `provenance`
  = help: did you mean `salary`?

10 content errors
"#;

#[test]
fn every_broken_file_is_reported_in_one_run() {
    let content = fixture("err/many");
    let output = careerdiff(&["check", "--content", content.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr(&output).replace(content.to_str().unwrap(), "$C"), EXPECTED);
}

#[test]
fn failed_build_leaves_the_published_folder_untouched() {
    let content = fixture("err/many");
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    fs::create_dir(&public).unwrap();
    fs::write(public.join("index.html"), "old site").unwrap();
    let output = careerdiff(&["build", "--content", content.to_str().unwrap(), "--out", public.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).is_empty());
    assert_eq!(fs::read_to_string(public.join("index.html")).unwrap(), "old site");
    let leftovers: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(leftovers, ["public"], "no staging folder is left behind");
}

#[test]
fn missing_content_folder_is_a_usage_error() {
    let output = careerdiff(&["check", "--content", "no/such/folder"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stderr(&output), "error: content folder no/such/folder not found (pass --content DIR)\n");
}

/// A theme whose career page cannot render fails the build with the
/// template's name, even though pair pages render alongside career pages,
/// and leaves the published folder and no staging folder behind.
#[test]
fn a_broken_site_template_fails_the_build_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_dir(&fixture("ok/escaping"), &content);
    let templates = dir.path().join("themes/default/templates");
    fs::create_dir_all(&templates).unwrap();
    fs::write(
        templates.join("career.html"),
        "{% extends \"base.html\" %}{% block main %}{{ no_such_value }}{% endblock %}",
    )
    .unwrap();
    let public = dir.path().join("public");
    fs::create_dir(&public).unwrap();
    fs::write(public.join("index.html"), "old site").unwrap();
    fs::write(public.join(crate::MARKER), "").unwrap();
    let output = careerdiff(&["build", "--content", content.to_str().unwrap(), "--out", public.to_str().unwrap()]);
    // Exit code 2: not a content error but a broken theme.
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(stderr(&output).contains("undefined value (in career.html:1)"), "{}", stderr(&output));
    assert_eq!(fs::read_to_string(public.join("index.html")).unwrap(), "old site");
    assert_eq!(crate::entries_but_locks(dir.path()), ["content", "public", "themes"], "no staging folder is left");
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}
