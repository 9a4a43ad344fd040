//! Content from a pull request nobody has reviewed yet: files may not be
//! read from outside the content or theme folder, nor be FIFOs, devices or
//! huge; diagnostics reach the terminal and CI logs inert; settings and
//! slugs that would publish something else are errors. Each refused build
//! leaves the content and the previous output as they were.

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{MARKER, careerdiff, fixture, stderr, stdout};

/// A content folder `c` (a copy of the escaping fixture) beside a
/// previous build in `public`, in a temporary folder `$T`.
struct Case {
    dir: tempfile::TempDir,
    content: PathBuf,
    public: PathBuf,
}

impl Case {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let content = dir.path().join("c");
        let source = fixture("ok/escaping");
        for entry in walkdir::WalkDir::new(&source).sort_by_file_name() {
            let entry = entry.expect("walk");
            let target = content.join(entry.path().strip_prefix(&source).expect("inside"));
            if entry.file_type().is_dir() {
                fs::create_dir_all(&target).expect("mkdir");
            } else {
                fs::copy(entry.path(), &target).expect("copy");
            }
        }
        let public = dir.path().join("public");
        fs::create_dir(&public).expect("mkdir");
        fs::write(public.join("index.html"), "old site").expect("write");
        fs::write(public.join(MARKER), "").expect("write");
        Case { dir, content, public }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Builds with `env` set, checks the exit code, that the content and
    /// the previous output are unchanged and that nothing was printed on
    /// stdout, and returns stderr with the temporary folder written `$T`.
    fn refused(&self, code: i32, env: &[(&str, &str)]) -> String {
        let before = snapshot(&self.content);
        let mut command = Command::new(env!("CARGO_BIN_EXE_careerdiff"));
        command.args(["build", "--content"]).arg(&self.content).arg("--out").arg(&self.public);
        command.envs(env.iter().copied());
        let output = command.output().expect("careerdiff runs");
        let err = stderr(&output).replace(self.dir.path().to_str().unwrap(), "$T");
        assert_eq!(output.status.code(), Some(code), "{err}");
        assert!(stdout(&output).is_empty(), "{}", stdout(&output));
        assert_eq!(snapshot(&self.content), before, "the content changed");
        assert_eq!(fs::read_to_string(self.public.join("index.html")).unwrap(), "old site");
        let mut left: Vec<_> = fs::read_dir(&self.public).unwrap().map(|e| e.unwrap().file_name()).collect();
        left.sort();
        assert_eq!(left, [MARKER, "index.html"], "the previous output changed");
        assert_no_terminal_control(&err);
        err
    }
}

/// Every regular file and link under `root` (links not followed), with
/// its bytes or target.
fn snapshot(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter_map(|e| {
            let bytes = if e.path_is_symlink() {
                fs::read_link(e.path()).unwrap().into_os_string().into_encoded_bytes()
            } else if e.file_type().is_file() {
                fs::read(e.path()).unwrap()
            } else {
                return None;
            };
            Some((e.path().to_owned(), bytes))
        })
        .collect()
}

/// No control character but newline reaches the terminal, and no line
/// starts with a CI runner's command.
fn assert_no_terminal_control(text: &str) {
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text:?}");
    for line in text.lines() {
        let line = line.trim_start();
        assert!(!line.starts_with("::") && !line.starts_with("##"), "a command line: {line}");
    }
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().expect("mkfifo runs");
    assert!(made.success());
}

#[test]
fn a_careers_folder_linked_out_of_the_content_is_refused() {
    let case = Case::new();
    let elsewhere = case.path("elsewhere");
    fs::rename(case.content.join("careers"), &elsewhere).unwrap();
    symlink(&elsewhere, case.content.join("careers")).unwrap();
    assert_eq!(
        case.refused(1, &[]),
        "error: $T/c/careers is a symbolic link to $T/elsewhere, which is outside $T/c; it was not read\n  \
         --> $T/c/careers:1:1\n  = expected: files inside the folder; a symbolic link may point only within it\n\n\
         1 content error\n"
    );
}

#[test]
fn a_linked_skills_file_out_of_the_content_is_refused_unread() {
    let case = Case::new();
    fs::write(case.path("secret.toml"), "[skills.secret]\nname = \"TOPSECRET\"\n").unwrap();
    fs::remove_file(case.content.join("skills.toml")).unwrap();
    symlink("../secret.toml", case.content.join("skills.toml")).unwrap();
    let err = case.refused(1, &[]);
    assert!(
        err.contains("error: $T/c/skills.toml is a symbolic link to ../secret.toml, which is outside $T/c"),
        "{err}"
    );
    assert!(!err.contains("TOPSECRET"), "{err}");
}

#[test]
fn a_collection_linked_to_dev_zero_is_refused_unread() {
    let case = Case::new();
    fs::create_dir(case.content.join("collections")).unwrap();
    symlink("/dev/zero", case.content.join("collections/zero.toml")).unwrap();
    let err = case.refused(1, &[]);
    assert!(
        err.starts_with("error: $T/c/collections/zero.toml is a symbolic link to /dev/zero, which is outside $T/c"),
        "{err}"
    );
}

#[test]
fn a_fifo_named_like_a_career_is_refused_without_waiting() {
    let case = Case::new();
    mkfifo(&case.content.join("careers/pipe.md"));
    let err = case.refused(1, &[]);
    assert!(
        err.starts_with(
            "error: $T/c/careers/pipe.md is a FIFO (named pipe), not a regular file; it was not read\n  \
             --> $T/c/careers/pipe.md:1:1\n  = expected: a regular file"
        ),
        "{err}"
    );
}

#[test]
fn a_site_config_linked_to_the_environment_prints_no_secret() {
    let case = Case::new();
    fs::remove_file(case.content.join("site.toml")).unwrap();
    symlink("/proc/self/environ", case.content.join("site.toml")).unwrap();
    let secret = "careerdiff-test-secret-0c9f";
    let err = case.refused(1, &[("CAREERDIFF_TEST_SECRET", secret)]);
    assert!(
        err.starts_with("error: $T/c/site.toml is a symbolic link to /proc/self/environ, which is outside $T/c"),
        "{err}"
    );
    assert!(!err.contains(secret) && !err.contains("PATH="), "{err}");
}

#[test]
fn a_theme_static_file_linked_out_of_the_theme_is_refused() {
    let case = Case::new();
    fs::write(case.path("secret.txt"), "TOPSECRET").unwrap();
    fs::create_dir_all(case.path("themes/default/static")).unwrap();
    symlink(case.path("secret.txt"), case.path("themes/default/static/leak.txt")).unwrap();
    // Exit code 2: a broken theme, not a content error.
    let err = case.refused(2, &[]);
    assert!(
        err.contains(
            "$T/themes/default/static/leak.txt is a symbolic link to $T/secret.txt, which is outside $T/themes/default"
        ),
        "{err}"
    );
    assert!(!err.contains("TOPSECRET"), "{err}");
}

#[test]
fn links_that_loop_are_reported_not_followed_forever() {
    let case = Case::new();
    fs::create_dir(case.content.join("careers/sub")).unwrap();
    symlink("..", case.content.join("careers/sub/up")).unwrap();
    symlink("b.md", case.content.join("careers/a.md")).unwrap();
    symlink("a.md", case.content.join("careers/b.md")).unwrap();
    let err = case.refused(1, &[]);
    assert!(err.contains("error: symbolic links loop at $T/c/careers/a.md\n  --> $T/c/careers/a.md:1:1"), "{err}");
    assert!(err.contains("error: symbolic links loop: $T/c/careers/sub/up leads back to $T/c/careers\n"), "{err}");
    assert!(err.ends_with("3 content errors\n"), "{err}");
}

#[test]
fn a_career_file_over_its_size_limit_is_refused() {
    let case = Case::new();
    let huge = format!("+++\ntitle = \"Huge\"\n+++\n{}", "x".repeat(1 << 20));
    fs::write(case.content.join("careers/huge.md"), huge).unwrap();
    let err = case.refused(1, &[]);
    assert!(
        err.starts_with(
            "error: $T/c/careers/huge.md is larger than 1 MiB, the limit for this file\n  --> $T/c/careers/huge.md:1:1\n  \
             = expected: a file of at most 1 MiB"
        ),
        "{err}"
    );
}

#[test]
fn an_error_quotes_at_most_a_cut_line() {
    let case = Case::new();
    let long = format!("+++\ntitle = \"Long\"\ndemand_score = 99 # {}\n+++\n", "y".repeat(100_000));
    fs::write(case.content.join("careers/long.md"), long).unwrap();
    let err = case.refused(1, &[]);
    assert!(err.contains("3 | demand_score = 99 # yyy"), "{err}");
    assert!(err.lines().all(|line| line.chars().count() < 200), "{err}");
    assert!(err.lines().any(|line| line.starts_with("3 | ") && line.ends_with('…')), "{err}");
}

#[test]
fn file_names_and_text_reach_the_terminal_escaped() {
    let case = Case::new();
    let careers = case.content.join("careers");
    fs::write(careers.join("\u{1b}]52;c;aGk=\u{7}.md"), "+++\ntitle = \"x\"\n+++\n").unwrap();
    fs::write(careers.join("::error::x.md"), "+++\ntitle = \"x\"\n+++\n").unwrap();
    let tag = "+++\ntitle = \"T\"\nskills = [{ name = \"S\", tags = [\"\u{1b}[2J\"] }]\n+++\n";
    fs::write(careers.join("tag.md"), tag).unwrap();
    let err = case.refused(1, &[]);
    assert!(err.contains("error: `\\u{1b}]52;c;aGk=\\u{7}.md` is not a valid career file name"), "{err}");
    assert!(err.contains("error: `::error::x.md` is not a valid career file name\n  --> $T/c/careers/::error::x.md"));
    assert!(
        err.contains(
            "3 | skills = [{ name = \"S\", tags = [\"\\u{1b}[2J\"] }]\n  |                                  ^"
        ),
        "{err}"
    );
}

#[test]
fn terminal_views_of_content_are_inert() {
    let case = Case::new();
    let pwned = "+++\ntitle = \"::error::Pwned\"\nskills = [\"Scripting\"]\n+++\n";
    fs::write(case.content.join("careers/pwned.md"), pwned).unwrap();
    let c = case.content.to_str().unwrap();
    for args in [&["compare", "--content", c, "pwned", "plain"][..], &["search", "--content", c, "pwned"]] {
        let output = careerdiff(args);
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
        let out = stdout(&output);
        assert_no_terminal_control(&out);
        if args[0] == "compare" {
            // The first line starts with the first career's title.
            assert!(out.starts_with("\\u{3a}:error::Pwned vs Plain Engineer\n"), "{out}");
        } else {
            assert!(out.contains(" 1. ::error::Pwned  [pwned]"), "{out}");
        }
    }
}

#[test]
fn message_format_json_prints_one_object_per_diagnostic() {
    let content = fixture("err/many");
    let c = content.to_str().unwrap();
    let human = careerdiff(&["check", "--content", c]);
    let json = careerdiff(&["check", "--content", c, "--message-format", "json"]);
    assert_eq!(json.status.code(), Some(1));
    assert!(stderr(&json).is_empty(), "{}", stderr(&json));
    let lines: Vec<String> = stdout(&json).lines().map(str::to_owned).collect();
    assert_eq!(lines.len(), 10, "{lines:#?}");
    assert_eq!(
        lines[0].replace(c, "$C"),
        r#"{"level":"error","path":"$C/careers/Bad_Name.md","line":1,"column":1,"message":"`Bad_Name.md` is not a valid career file name","expected":"a file name of lowercase letters, digits and single hyphens, ending in .md","source_line":null,"help":null}"#
    );
    // The same diagnostics, in the same order, as the human format.
    let located = |text: &str| -> Vec<String> {
        text.lines().filter_map(|l| l.strip_prefix("  --> ")).map(str::to_owned).collect()
    };
    let from_json: Vec<String> = lines
        .iter()
        .map(|line| {
            let field = |key: &str| {
                let start = line.find(&format!("\"{key}\":")).unwrap() + key.len() + 3;
                line[start..].split([',', '"']).next().unwrap().to_owned()
            };
            let path_start = line.find("\"path\":\"").unwrap() + 8;
            let path = &line[path_start..path_start + line[path_start..].find('"').unwrap()];
            format!("{path}:{}:{}", field("line"), field("column"))
        })
        .collect();
    assert_eq!(from_json, located(&stderr(&human)));
}

/// What `careerdiff check` says about `tests/fixtures/err/unsafe`: the
/// content folder's own files first, as root causes.
const UNSAFE: &str = r#"error: `base_url` starts with `//`, which browsers read as the address of another host: "//evil.example/"
  --> $C/site.toml:2:12
  |
2 | base_url = "//evil.example/"
  |            ^
  = expected: an absolute http:// or https:// address with a host, such as `https://careers.example.org/`, or a path from the root of the host starting with a single `/`, such as `/careers/`

error: `per_career` is 0, so no career would get a pair page
  --> $C/site.toml:6:14
  |
6 | per_career = 0
  |              ^
  = expected: a number of similar careers per career of at least 1

error: career file name `aa-vs.md` ends with `-vs`, so pair page names could clash
  --> $C/careers/aa-vs.md:1:1
  = expected: a name that does not contain `-vs-`, start with `vs-` or end with `-vs`: pair pages are compare/<a>-vs-<b>.html, and `-vs-` must only ever be the separator

error: control character `\u{1b}` in the text
  --> $C/careers/escape.md:3:42
  |
3 | skills = [{ name = "Clipboard", tags = ["\u{1b}]52;c;aGk=\u{7}"] }]
  |                                          ^
  = expected: text without control characters (only tab and newline are allowed; remove it or write it out in words)

error: control character `\u{0}` in the text
  --> $C/careers/nul.md:4:18
  |
4 | A body with a NUL\u{0} byte.
  |                  ^
  = expected: text without control characters (only tab and newline are allowed; remove it or write it out in words)

error: control character `\u{0}` in the text
  --> $C/careers/toml-escape.md:3:11
  |
3 | summary = "Looks plain \u0000 but is not"
  |           ^
  = expected: text without control characters (only tab and newline are allowed; remove it or write it out in words)

error: career file name `vs-ab.md` starts with `vs-`, so pair page names could clash
  --> $C/careers/vs-ab.md:1:1
  = expected: a name that does not contain `-vs-`, start with `vs-` or end with `-vs`: pair pages are compare/<a>-vs-<b>.html, and `-vs-` must only ever be the separator

7 content errors
"#;

#[test]
fn unsafe_settings_slugs_and_text_are_located_errors() {
    let content = fixture("err/unsafe");
    let output = careerdiff(&["check", "--content", content.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr(&output).replace(content.to_str().unwrap(), "$C"), UNSAFE);
}

#[test]
fn the_theme_is_found_beside_the_real_content_folder() {
    let case = Case::new();
    fs::create_dir_all(case.path("themes/default/static")).unwrap();
    fs::write(case.path("themes/default/static/extra.txt"), "from the theme").unwrap();
    let content = format!("{}/careers/..", case.content.display());
    let output = careerdiff(&["build", "--content", &content, "--out", case.public.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(fs::read_to_string(case.public.join("extra.txt")).unwrap(), "from the theme");
}
