//! Ranking tests on small in-RAM indexes.

use std::path::Path;

use careerdiff_model::{Career, Content, SkillRef, load_content};

use crate::SearchIndex;

fn career(slug: &str, title: &str, skills: &[&str], alternate_titles: &[&str]) -> Career {
    Career {
        slug: slug.into(),
        title: title.into(),
        skills: skills.iter().map(|s| SkillRef { name: (*s).into(), ..SkillRef::default() }).collect(),
        alternate_titles: alternate_titles.iter().map(|s| (*s).into()).collect(),
        ..Career::default()
    }
}

fn slugs(index: &SearchIndex, query: &str) -> Vec<String> {
    index.search(query, 10).expect("search runs").into_iter().map(|h| h.slug).collect()
}

#[test]
fn title_outranks_alternate_title_outranks_skill() {
    let careers = vec![
        career("a-skill", "Gardener", &["Python scripting for irrigation"], &[]),
        career("b-alt", "Snake Keeper", &[], &["Python handler"]),
        career("c-title", "Python Developer", &[], &[]),
    ];
    let content = Content { careers, ..Content::default() };
    let index = SearchIndex::build_in_ram(&content).unwrap();
    assert_eq!(slugs(&index, "python"), ["c-title", "b-alt", "a-skill"]);
}

#[test]
fn stemming_and_matched_skills() {
    let careers = vec![career("x", "X", &["Vector databases", "Welding"], &[])];
    let content = Content { careers, ..Content::default() };
    let index = SearchIndex::build_in_ram(&content).unwrap();
    let hits = index.search("vector database", 5).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].matched_skills, ["Vector databases"]);
    assert!(index.search("", 5).unwrap().is_empty());
    assert!(index.search("title:(unbalanced", 5).is_ok());
}

#[test]
fn default_content_ranks_the_caching_role_first_for_semantic_caching() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let content = load_content(&root).unwrap();
    let index = SearchIndex::build_in_ram(&content).unwrap();
    let both = slugs(&index, "vector database");
    assert!(
        both.contains(&"ai-middleware-engineer".to_owned()) && both.contains(&"ai-model-routing-engineer".to_owned())
    );
    assert_eq!(slugs(&index, "semantic caching").first().map(String::as_str), Some("ai-middleware-engineer"));
}

/// The static index's score for `word` in each career, by slug.
fn static_scores(content: &Content, word: &str) -> Vec<(String, u64)> {
    let files = crate::static_index(content);
    let careers: Vec<Vec<String>> = serde_json::from_slice(&files[0].bytes).unwrap();
    let slug = |entry: &Vec<String>| entry.get(1).cloned().unwrap_or_else(|| crate::plain_slug(&entry[0]));
    let shard = files.iter().find(|f| f.path == format!("search/w/{}.json", crate::shard_key(word))).unwrap();
    let words: std::collections::BTreeMap<String, Vec<(usize, u64)>> = serde_json::from_slice(&shard.bytes).unwrap();
    words[word].iter().map(|&(c, score)| (slug(&careers[c]), score)).collect()
}

#[test]
fn static_index_ranks_titles_over_alternate_titles_over_skills_over_summaries() {
    let mut summary_only = career("d-summary", "Gardener", &[], &[]);
    summary_only.summary = Some("Sometimes writes python scripts.".into());
    let careers = vec![
        career("a-skill", "Zookeeper", &["Python scripting"], &[]),
        career("b-alt", "Snake Keeper", &[], &["Python handler"]),
        career("c-title", "Python Developer", &[], &[]),
        summary_only,
    ];
    let content = Content { careers, ..Content::default() };
    let ranked: Vec<String> = static_scores(&content, "python").into_iter().map(|(slug, _)| slug).collect();
    assert_eq!(ranked, ["c-title", "b-alt", "a-skill", "d-summary"]);
    let files = crate::static_index(&content);
    assert_eq!(files[0].path, "search/careers.json");
    assert!(files.iter().all(|f| f.path == "search/careers.json" || f.path.starts_with("search/w/")));
}

#[test]
fn careers_list_leaves_out_slugs_the_browser_can_derive() {
    assert_eq!(crate::plain_slug("Software Developers"), "software-developers");
    assert_eq!(crate::plain_slug("  C++ & C# Engineers!"), "c-c-engineers");
    assert_eq!(crate::plain_slug("Café Owners"), "caf-owners");
    let careers =
        vec![career("software-developers", "Software Developers", &[], &[]), career("c-plus-plus", "C++", &[], &[])];
    let content = Content { careers, ..Content::default() };
    let list = String::from_utf8(crate::static_index(&content)[0].bytes.clone()).unwrap();
    assert_eq!(list, r#"[["Software Developers"],["C++","c-plus-plus"]]"#);
}
