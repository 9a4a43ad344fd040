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
