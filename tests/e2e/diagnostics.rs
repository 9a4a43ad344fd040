//! Diagnostics as a compiler gives them: the root cause first and nothing
//! that follows from it, every error of a file, "did you mean", plain words
//! for wrong shapes and types, and warnings that do not stop a build.
//! Each test checks what a user reads — the message, the file, line and
//! column, the suggestion — not whole outputs.

use crate::{careerdiff, fixture, stderr, stdout};

/// `careerdiff check` on a fixture: the exit code and what it prints on
/// stderr, one block a diagnostic (the summary last), with the fixture's
/// folder written `$C`.
fn check(case: &str) -> (Option<i32>, Vec<String>) {
    let content = fixture(case);
    let output = careerdiff(&["check", "--content", content.to_str().unwrap()]);
    let text = stderr(&output).replace(content.to_str().unwrap(), "$C");
    (output.status.code(), text.trim_end().split("\n\n").map(str::to_owned).collect())
}

/// The one block that starts with `first_line`, which must hold each of `parts`.
fn assert_block(blocks: &[String], first_line: &str, parts: &[&str]) {
    let found: Vec<&String> = blocks.iter().filter(|b| b.starts_with(first_line)).collect();
    assert_eq!(found.len(), 1, "one block starting `{first_line}` in {blocks:#?}");
    for part in parts {
        assert!(found[0].contains(part), "`{part}` in:\n{}", found[0]);
    }
}

#[test]
fn a_broken_taxonomy_is_one_error_not_one_per_tag() {
    let (code, blocks) = check("err/taxonomy");
    assert_eq!(code, Some(1));
    assert_eq!(blocks.len(), 2, "{blocks:#?}");
    assert!(blocks[0].contains("--> $C/skills.toml:4:12"), "{}", blocks[0]);
    assert_eq!(blocks[1], "1 content error");
}

#[test]
fn every_error_of_a_file_is_reported_with_its_likely_fix() {
    let (code, blocks) = check("err/mistakes");
    assert_eq!(code, Some(1));
    let at = |line_col: &str| format!("--> $C/careers/data-analyst.md:{line_col}");
    assert_block(&blocks, "error: unknown field `salery`\n", &[&at("3:1"), "= help: did you mean `salary`?"]);
    assert_block(
        &blocks,
        "error: `difficulty` cannot be \"expret\"",
        &[&at("4:14"), "= expected: one of \"beginner\", ", "= help: did you mean \"expert\"?"],
    );
    assert_block(
        &blocks,
        "error: `remote_friendly` must be true or false, not text (\"true\")",
        &[&at("5:19"), "= help: write true, without quotes"],
    );
    assert_block(
        &blocks,
        "error: unknown field `nmae` in item 2 of `skills`",
        &[&at("6:20"), "= help: did you mean `name`?"],
    );
    assert_block(
        &blocks,
        "error: `tags` must be a list, not text (\"excel\")",
        &[&at("6:65"), "= expected: a list of skill ids from skills.toml", "= help: write tags = [\"excel\"]"],
    );
    assert_block(&blocks, "error: unknown skill id `pyhton`", &[&at("6:103"), "= help: did you mean `python`?"]);
    assert_block(&blocks, "error: `demand_score` is 11, outside 0 to 10", &[&at("7:16")]);
    assert_block(
        &blocks,
        "error: `min` must be a number, not text (\"85k\")",
        &[&at("10:7"), "= expected: a number of dollars, e.g. 85000", "= help: write 85000, without quotes"],
    );
    // The misspelled `nmae` is not also a missing `name`.
    assert!(!blocks.iter().any(|b| b.contains("has no `name`")), "{blocks:#?}");
    assert_eq!(blocks.last().unwrap(), "8 content errors");
}

#[test]
fn settings_and_collections_get_suggestions_and_root_files_come_first() {
    let (code, blocks) = check("err/settings");
    assert_eq!(code, Some(1));
    assert_block(&blocks, "error: unknown field `titel`", &[" --> $C/site.toml:1:1", "did you mean `title`?"]);
    assert_block(&blocks, "error: `policy` cannot be \"simlar\"", &["$C/site.toml:5:", "did you mean \"similar\"?"]);
    assert_block(
        &blocks,
        "error: `limit` must be a whole number, not text (\"10\")",
        &["$C/collections/paid.toml:2:9", "= help: write 10, without quotes"],
    );
    assert_block(
        &blocks,
        "error: `by` cannot be \"median_salery\"",
        &["$C/collections/paid.toml:5:6", "did you mean \"median_salary\"?"],
    );
    assert!(blocks[0].contains("$C/site.toml") && blocks[1].contains("$C/site.toml"), "{blocks:#?}");
}

#[test]
fn warnings_are_printed_once_and_do_not_fail_the_build() {
    let content = fixture("ok/warnings");
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    let output = careerdiff(&["build", "--content", content.to_str().unwrap(), "--out", public.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let err = stderr(&output).replace(content.to_str().unwrap(), "$C");
    let blocks: Vec<String> = err.trim_end().split("\n\n").map(str::to_owned).collect();
    assert_block(
        &blocks,
        "warning: `ai_risk` is 0.2, which means 0.2 percent, not 20 percent",
        &["--> $C/careers/data-scientist.md:3:11", "= help: if 0.2 is a fraction, write ai_risk = 20"],
    );
    assert_block(
        &blocks,
        "warning: career title \"Data  scientist\" is also the title of $C/careers/data-scientist.md",
        &["--> $C/careers/data-scientist-ii.md:2:9"],
    );
    assert!(err.contains("\n2 content warnings\n"), "{err}");
    assert!(public.join("careers/data-scientist.html").exists());
}

#[test]
fn json_messages_carry_the_level_and_the_help() {
    let content = fixture("err/mistakes");
    let output = careerdiff(&["check", "--content", content.to_str().unwrap(), "--message-format", "json"]);
    let out = stdout(&output);
    let salery = out.lines().find(|l| l.contains("unknown field `salery`")).expect("the typo is reported");
    assert!(salery.starts_with("{\"level\":\"error\",\"path\":"), "{salery}");
    assert!(salery.ends_with(",\"help\":\"did you mean `salary`?\"}"), "{salery}");
    let warnings =
        careerdiff(&["check", "--content", fixture("ok/warnings").to_str().unwrap(), "--message-format", "json"]);
    assert!(warnings.status.success());
    assert_eq!(stdout(&warnings).lines().filter(|l| l.starts_with("{\"level\":\"warning\"")).count(), 2);
}
