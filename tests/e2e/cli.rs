//! `careerdiff compare`, `search` and `check` as a user runs them.

use serde_json::Value;

use crate::{careerdiff, stdout};

fn verdict(json: &Value, key: &str) -> String {
    let rows = json["glance"].as_array().unwrap();
    let row = rows.iter().find(|r| r["key"] == key).unwrap();
    row["verdict"].as_str().unwrap().to_owned()
}

#[test]
fn compare_states_ties_and_real_advantages() {
    let output = careerdiff(&["compare", "ai-middleware-engineer", "ai-model-routing-engineer", "--json"]);
    assert!(output.status.success());
    let json: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(verdict(&json, "salary_ceiling"), "tie");
    assert_eq!(verdict(&json, "ai_risk"), "tie");
    assert_eq!(verdict(&json, "demand_score"), "a");
    assert_eq!(verdict(&json, "entry_barrier"), "a");
    let shared: Vec<&str> =
        json["skills"]["shared"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    for id in ["prompt-engineering", "observability", "vector-databases"] {
        assert!(shared.contains(&id), "{id} missing from {shared:?}");
    }
}

#[test]
fn compare_terminal_view_names_the_tie_and_the_values() {
    let output = careerdiff(&["compare", "ai-middleware-engineer", "ai-model-routing-engineer"]);
    let text = stdout(&output);
    let ceiling = text.lines().find(|l| l.starts_with("Salary ceiling")).unwrap();
    assert!(ceiling.contains("$210,000/yr") && ceiling.trim_end().ends_with("tie"), "{ceiling}");
    let demand = text.lines().find(|l| l.starts_with("Demand score")).unwrap();
    assert!(demand.contains("9.2/10") && demand.contains("9.0/10"), "{demand}");
}

#[test]
fn compare_unknown_slug_is_a_usage_error() {
    let output = careerdiff(&["compare", "ai-middleware", "nobody"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        crate::stderr(&output).contains("no career with slug `ai-middleware` (did you mean ai-middleware-engineer?)")
    );
}

#[test]
fn search_finds_careers_by_skill() {
    let both = stdout(&careerdiff(&["search", "vector database"]));
    assert!(both.contains("[ai-middleware-engineer]") && both.contains("[ai-model-routing-engineer]"), "{both}");
    let output = careerdiff(&["search", "semantic caching", "--json"]);
    let hits: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(hits[0]["slug"], "ai-middleware-engineer");
    let reasons = hits[0]["reasons"].as_array().unwrap();
    assert!(reasons.iter().any(|s| s.as_str().unwrap().to_lowercase().contains("semantic caching")), "{reasons:?}");
    let text = stdout(&careerdiff(&["search", "programming", "--limit", "3"]));
    assert!(text.contains("careers match \"programming\", the best 3 shown"), "an honest count: {text}");
    assert!(text.contains("rated very important on Programming ("), "each result says why: {text}");
}

#[test]
fn check_passes_on_default_content() {
    let output = careerdiff(&["check"]);
    assert!(output.status.success(), "{}", crate::stderr(&output));
    assert!(stdout(&output).contains("no errors"));
}

/// Exit codes as documented: 2 when an input cannot be read at all, 1 when
/// it holds data that is not what was expected; nothing is written either way.
#[test]
fn import_exit_codes_tell_missing_files_from_bad_data() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("content");
    let missing = dir.path().join("no-such-onet");
    let oews = dir.path().join("oews.csv");
    std::fs::write(&oews, "not,a,wage,file\n").unwrap();
    let run = |onet: &std::path::Path| {
        careerdiff(&[
            "import",
            "onet",
            "--all",
            "--onet",
            onet.to_str().unwrap(),
            "--oews",
            oews.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
    };
    let output = run(&missing);
    assert_eq!(output.status.code(), Some(2), "{}", crate::stderr(&output));
    assert!(crate::stderr(&output).contains("O*NET folder not found"), "{}", crate::stderr(&output));
    let onet = dir.path().join("onet");
    std::fs::create_dir(&onet).unwrap();
    std::fs::write(onet.join("Read Me.txt"), "This is not an O*NET release notice.\n").unwrap();
    let output = run(&onet);
    assert_eq!(output.status.code(), Some(1), "{}", crate::stderr(&output));
    assert!(!out.exists(), "nothing was written");
}

/// `careerdiff similar --json | head`: a reader that closes the pipe ends
/// the command quietly, with success, not a panic.
#[test]
fn a_closed_pipe_ends_output_quietly() {
    for args in [&["similar", "data-scientists", "--json"][..], &["search", "python", "--limit", "20"]] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_careerdiff"))
            .args(args)
            .current_dir(crate::repo())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Closed before the command has loaded the content and printed.
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let stderr = crate::stderr(&output);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(output.status.code(), Some(0), "{args:?}: {stderr}");
    }
}
