//! Parsing each kind of file from its text: every error of a file in plain
//! words with its likely fix, no error that follows from another, and
//! warnings. Each case checks what a user reads, by message and help.

use std::path::Path;

use super::*;
use crate::Skill;

/// Each diagnostic of `checked` as `line:column message [help]`.
fn shown<T>(checked: &Checked<T>) -> Vec<String> {
    checked
        .diagnostics
        .iter()
        .map(|d| {
            let help = d.help.as_deref().map(|h| format!(" [{h}]")).unwrap_or_default();
            format!("{}:{} {}{help}", d.line, d.column, d.message)
        })
        .collect()
}

fn career(front: &str) -> Vec<String> {
    let taxonomy = Taxonomy::new(vec![Skill::new("python", "Python", &[])]).0;
    shown(&check_career_file(Path::new("careers/x.md"), &format!("+++\n{front}\n+++\nBody.\n"), Some(&taxonomy)))
}

#[test]
fn wrong_value_types_are_named_in_the_formats_words() {
    assert_eq!(
        career("title = \"T\"\nemployment = \"lots\"\ntasks = \"one\"\nskills = [5]"),
        [
            "3:14 `employment` must be a whole number, not text (\"lots\")",
            "4:9 `tasks` must be a list, not text (\"one\") [write tasks = [\"one\"]]",
            "5:11 item 1 of `skills` must be a skill phrase or table, not the number 5",
        ]
    );
    assert_eq!(
        career("title = \"T\"\n[salary]\ncurrency = \"EUR\"\nmedian = \"€85,000\""),
        ["5:10 `median` must be a number, not text (\"€85,000\") [write 85000, without quotes]"]
    );
    let eur = check_career_file(
        Path::new("x.md"),
        "+++\ntitle = \"T\"\n[salary]\ncurrency = \"EUR\"\nmax = \"1\"\n+++\n",
        None,
    );
    assert_eq!(eur.diagnostics[0].expected, "a number of euros, e.g. 85000");
}

#[test]
fn an_entry_in_error_is_not_checked_again() {
    // A title of the wrong type is not also a missing title; a misspelled
    // key in a skill table is not also a missing name.
    assert_eq!(
        career("title = 5\nskills = [{ nmae = \"X\", tags = [\"pyton\"] }]"),
        [
            "2:9 `title` must be text in quotes, not the number 5 [put it in quotes]",
            "3:13 unknown field `nmae` in item 1 of `skills` [did you mean `name`?]",
        ]
    );
}

#[test]
fn tags_are_not_checked_against_a_broken_taxonomy() {
    let text = "+++\ntitle = \"T\"\nskills = [{ name = \"X\", tags = [\"nope\"] }]\n+++\n";
    assert!(check_career_file(Path::new("x.md"), text, None).diagnostics.is_empty());
    let known = Taxonomy::default();
    assert_eq!(parse_career(Path::new("x.md"), text, &known).unwrap_err()[0].message, "unknown skill id `nope`");
}

#[test]
fn a_warning_leaves_the_career_usable() {
    let checked = check_career_file(Path::new("x.md"), "+++\ntitle = \"T\"\nai_exposure = 0.45\n+++\n", None);
    assert!(checked.value.is_some());
    assert_eq!(
        shown(&checked),
        [
            "3:15 `ai_exposure` is 0.45, which means 0.45 percent, not 45 percent [if 0.45 is a fraction, write ai_exposure = 45]"
        ]
    );
    assert!(!checked.diagnostics[0].is_error());
}

#[test]
fn skills_sites_and_collections_report_every_error() {
    let skills = parse_skills(Path::new("skills.toml"), "[skills.py]\nnmae = \"Python\"\naliases = \"py\"\n");
    assert!(skills.value.is_none());
    assert_eq!(
        shown(&skills),
        [
            "2:1 unknown field `nmae` in `py` [did you mean `name`?]",
            "3:11 `aliases` must be a list, not text (\"py\") [write aliases = [\"py\"]]",
        ]
    );
    let site = parse_site(Path::new("site.toml"), "[pairs]\npolicy = \"similar\"\nper_career = \"5\"\n");
    assert_eq!(shown(&site), ["3:14 `per_career` must be a whole number, not text (\"5\") [write 5, without quotes]"]);
    let collection =
        parse_collection(Path::new("collections/c.toml"), "title = \"C\"\n[filter]\nmax_entry_barrier = \"Low\"\n");
    assert_eq!(shown(&collection), ["3:21 `max_entry_barrier` cannot be \"Low\" [did you mean \"low\"?]"]);
    assert_eq!(shown(&parse_collection(Path::new("c.toml"), "description = \"d\"\n")), ["1:1 the file has no `title`"]);
}

/// Inputs that once crashed or hung a fuzz target (`cargo xtask fuzz`),
/// kept under `tests/fixtures/fuzz/<target>/`: each must parse to values
/// or diagnostics, and its diagnostics must display.
#[test]
fn fuzz_findings_parse_without_panicking() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/fuzz");
    let taxonomy = Taxonomy::new(vec![Skill::new("python", "Python", &["py"])]).0;
    let mut n_inputs = 0;
    for target in ["career", "skills", "collection", "site"] {
        let Ok(entries) = std::fs::read_dir(root.join(target)) else { continue };
        for entry in entries {
            let path = entry.unwrap().path();
            let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
            let diagnostics = match target {
                "career" => check_career_file(&path, &text, Some(&taxonomy)).diagnostics,
                "skills" => parse_skills(&path, &text).diagnostics,
                "collection" => parse_collection(&path, &text).diagnostics,
                _ => parse_site(&path, &text).diagnostics,
            };
            diagnostics.iter().for_each(|d| drop(d.to_string()));
            n_inputs += 1;
        }
    }
    eprintln!("{n_inputs} fuzz findings replayed");
}

#[test]
fn interests_and_work_values_are_checked_on_o_net_s_scale() {
    let six = "realistic = 2.0\ninvestigative = 6.5\nartistic = 1.5\nsocial = 1.0\nenterprising = 1.8";
    assert_eq!(career(&format!("title = \"T\"\n[interests]\n{six}\nconventional = 7.0")), Vec::<String>::new());
    assert_eq!(
        career(&format!("title = \"T\"\n[interests]\n{six}\nconventional = 8.5")),
        ["9:16 `conventional` is 8.5, outside 1 to 7"]
    );
    let shown = career(&format!("title = \"T\"\n[interests]\n{six}\nconventional = \"high\""));
    assert_eq!(shown, ["9:16 `conventional` must be a number, not text (\"high\")"]);
    let missing = career("title = \"T\"\n[work_values]\nachievement = 5.0");
    assert!(missing[0].contains("working_conditions"), "{missing:?}");
}
