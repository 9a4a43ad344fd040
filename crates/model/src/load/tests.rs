//! Tests of loading whole content folders: slug rules, control characters,
//! site settings and linked folders, each checked by its displayed diagnostic.

use std::collections::HashSet;
use std::fs;

use super::*;

/// Loads a content folder made of `files` (path, text) and returns the
/// diagnostics as displayed, with the folder written `$C`.
fn check(files: &[(&str, &str)]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("c");
    for (path, text) in files {
        let path = root.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    match load_content(&root) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.0.iter().map(|d| d.to_string().replace(root.to_str().unwrap(), "$C")).collect(),
    }
}

const CAREER: &str = "+++\ntitle = \"T\"\n+++\nBody.\n";

#[test]
fn a_plain_folder_loads() {
    assert_eq!(check(&[("careers/a.md", CAREER)]), Vec::<String>::new());
}

#[test]
fn errors_on_slugs_that_make_pair_paths_ambiguous() {
    let errors = check(&[("careers/aa-vs.md", CAREER), ("careers/vs-ab.md", CAREER), ("careers/a-vs-b.md", CAREER)]);
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert!(
        errors[0].starts_with("error: career file name `a-vs-b.md` contains `-vs-`, so pair page names could clash")
    );
    assert!(errors[1].contains("`aa-vs.md` ends with `-vs`") && errors[1].contains("--> $C/careers/aa-vs.md:1:1"));
    assert!(errors[2].contains("`vs-ab.md` starts with `vs-`"));
    // `vs` alone and words that merely contain the letters are fine.
    assert_eq!(check(&[("careers/vs.md", CAREER), ("careers/canvas-vsx.md", CAREER)]), Vec::<String>::new());
}

/// Every pair of slugs the rule allows, over an alphabet that can spell
/// `-vs-`, has its own pair path.
#[test]
fn allowed_slugs_never_share_a_pair_path() {
    let mut slugs = vec![String::new()];
    let mut all = Vec::new();
    for _ in 0..5 {
        slugs = slugs.iter().flat_map(|s| ["a", "v", "s", "-"].map(|c| format!("{s}{c}"))).collect();
        all.extend(slugs.iter().filter(|s| is_valid_slug(s) && pair_slug_problem(s).is_none()).cloned());
    }
    let mut paths = HashSet::new();
    for (i, a) in all.iter().enumerate() {
        for b in &all[i + 1..] {
            let (first, second) = if a <= b { (a, b) } else { (b, a) };
            assert!(paths.insert(format!("{first}-vs-{second}")), "{first} + {second}");
        }
    }
    assert!(paths.len() > 10_000, "{}", paths.len());
}

#[test]
fn errors_on_control_characters_in_text_with_file_and_line() {
    let errors = check(&[("careers/a.md", "+++\ntitle = \"T\"\n+++\nBody\0 with NUL.\n")]);
    assert_eq!(
        errors,
        [
            "error: control character `\\u{0}` in the text\n  --> $C/careers/a.md:4:5\n  |\n4 | Body\\u{0} with NUL.\n  |     ^\n  = expected: text without control characters (only tab and newline are allowed; remove it or write it out in words)"
        ]
    );
    let escaped = check(&[("careers/a.md", "+++\ntitle = \"T\\u001b[2J\"\n+++\n")]);
    assert_eq!(escaped.len(), 1);
    assert!(
        escaped[0].starts_with("error: control character `\\u{1b}` in the text\n  --> $C/careers/a.md:2:9"),
        "{}",
        escaped[0]
    );
    let in_skills = check(&[("careers/a.md", CAREER), ("skills.toml", "[skills.x]\nname = \"X\\u0000\"\n")]);
    assert!(in_skills[0].contains("--> $C/skills.toml:2:8"), "{in_skills:?}");
    let raw_in_site = check(&[("careers/a.md", CAREER), ("site.toml", "title = \"a\u{7}\"\n")]);
    assert!(raw_in_site[0].contains("--> $C/site.toml:1:11"), "{raw_in_site:?}");
    // A Windows line ending is not a control character out of place.
    assert_eq!(check(&[("careers/a.md", "+++\r\ntitle = \"T\"\r\n+++\r\nBody.\r\n")]), Vec::<String>::new());
}

#[test]
fn site_settings_are_checked_and_located() {
    let site = "title = \"x\"\nbase_url = \"javascript:alert(1)//\"\n[pairs]\npolicy = \"similar\"\nper_career = 0\n";
    let errors = check(&[("careers/a.md", CAREER), ("site.toml", site)]);
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(
        errors[0].starts_with(
            "error: `base_url` is neither an http(s) address nor a path from the root of the host: \"javascript:alert(1)//\"\n  --> $C/site.toml:2:12"
        ),
        "{}",
        errors[0]
    );
    assert!(errors[0].ends_with("or a path from the root of the host starting with a single `/`, such as `/careers/`"));
    assert!(
        errors[1].starts_with("error: `per_career` is 0") && errors[1].contains("$C/site.toml:5:14"),
        "{}",
        errors[1]
    );
}

#[cfg(unix)]
#[test]
fn a_linked_careers_folder_out_of_the_content_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("c");
    let elsewhere = dir.path().join("elsewhere");
    fs::create_dir_all(&root).unwrap();
    fs::create_dir_all(&elsewhere).unwrap();
    fs::write(elsewhere.join("a.md"), CAREER).unwrap();
    std::os::unix::fs::symlink(&elsewhere, root.join("careers")).unwrap();
    let errors = load_content(&root).unwrap_err().0;
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].path, root.join("careers"));
    assert!(errors[0].message.contains(elsewhere.to_str().unwrap()), "{}", errors[0].message);
}

#[test]
fn a_cached_load_gives_what_a_fresh_load_gives_after_every_kind_of_edit() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("c");
    let write = |path: &str, text: &str| {
        fs::create_dir_all(root.join(path).parent().unwrap()).unwrap();
        fs::write(root.join(path), text).unwrap();
    };
    let tagged =
        |title: &str| format!("+++\ntitle = \"{title}\"\nskills = [{{ name = \"Py\", tags = [\"py\"] }}]\n+++\n");
    let same = |cached: &Result<Content, ContentErrors>, fresh: &Result<Content, ContentErrors>| match (cached, fresh) {
        // The taxonomy's lookups are hash maps, whose Debug order varies.
        (Ok(a), Ok(b)) => {
            format!("{:?}", (&a.careers, &a.warnings, a.taxonomy.skills()))
                == format!("{:?}", (&b.careers, &b.warnings, b.taxonomy.skills()))
        }
        (Err(a), Err(b)) => format!("{a}") == format!("{b}"),
        _ => false,
    };
    write("skills.toml", "[skills.py]\nname = \"Python\"\n");
    write("careers/a.md", &tagged("A"));
    write("careers/b.md", CAREER);
    let mut cache = LoadCache::default();
    let first = load_content_with(&root, &mut cache);
    assert!(first.is_ok() && same(&first, &load_content(&root)));
    assert_eq!(cache.careers.len(), 2);

    // An edited career is parsed again; the other comes from the cache.
    write("careers/b.md", &CAREER.replace("\"T\"", "\"Edited\""));
    let edited = load_content_with(&root, &mut cache);
    assert_eq!(edited.as_ref().unwrap().careers[1].title, "Edited");
    assert!(same(&edited, &load_content(&root)));

    // A taxonomy that loses the tag makes the unchanged career an error.
    write("skills.toml", "[skills.sql]\nname = \"SQL\"\n");
    let untagged = load_content_with(&root, &mut cache);
    assert!(format!("{}", untagged.as_ref().unwrap_err()).contains("unknown skill id `py`"));
    assert!(same(&untagged, &load_content(&root)));

    // Without skills.toml its defaults hold, an empty taxonomy: the tag
    // is still unknown, though the career's text did not change.
    write("skills.toml", "[skills.py]\nname = \"Python\"\n");
    assert!(load_content_with(&root, &mut cache).is_ok());
    fs::remove_file(root.join("skills.toml")).unwrap();
    let no_skills = load_content_with(&root, &mut cache);
    assert!(format!("{}", no_skills.as_ref().unwrap_err()).contains("unknown skill id `py`"));
    assert!(same(&no_skills, &load_content(&root)));

    // A deleted career is gone, and so is its cached parse.
    fs::remove_file(root.join("careers/a.md")).unwrap();
    let deleted = load_content_with(&root, &mut cache);
    assert_eq!(deleted.as_ref().unwrap().careers.len(), 1);
    assert!(same(&deleted, &load_content(&root)));
    assert_eq!(cache.careers.len(), 1);
}

/// Careers are parsed while skills.toml is, and their tags checked after:
/// a file with an unknown tag and another error still reports each once,
/// at its own line, and a broken skills.toml leaves tags unchecked.
#[test]
fn unknown_tags_are_placed_in_their_file_beside_its_other_errors() {
    let career = "+++\ntitle = \"T\"\ndemand_score = 11\nskills = [{ name = \"Py\", tags = [\"pyy\"] }]\n+++\n";
    let skills = "[skills.py]\nname = \"Python\"\n";
    let errors = check(&[("skills.toml", skills), ("careers/a.md", career)]);
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(errors[0].contains("`demand_score` is 11") && errors[0].contains("$C/careers/a.md:3:"), "{errors:#?}");
    let tag = &errors[1];
    assert!(tag.contains("unknown skill id `pyy`") && tag.contains("did you mean `py`?"), "{errors:#?}");
    assert!(tag.contains("$C/careers/a.md:4:"), "{errors:#?}");

    let errors = check(&[("skills.toml", "[skills.py\n"), ("careers/a.md", career)]);
    assert!(errors.iter().all(|e| !e.contains("unknown skill id")), "{errors:#?}");
    assert!(errors.iter().any(|e| e.contains("$C/skills.toml")), "{errors:#?}");
}
