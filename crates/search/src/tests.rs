//! Ranking tests on small in-RAM indexes.

use std::collections::BTreeMap;
use std::path::Path;

use careerdiff_model::{Career, Content, Rating, Ratings, SkillRef, load_content};

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

fn rated(mut career: Career, skill: &str, importance: f64, level: f64) -> Career {
    let rating = Rating { importance, level: Some(level) };
    career.ratings = Some(Ratings { skills: BTreeMap::from([(skill.to_owned(), rating)]), ..Ratings::default() });
    career
}

fn index(careers: Vec<Career>) -> SearchIndex {
    SearchIndex::build_in_ram(&Content { careers, ..Content::default() }).expect("indexes")
}

fn slugs(index: &SearchIndex, query: &str) -> Vec<String> {
    index.search(query, 10).expect("search runs").into_iter().map(|h| h.slug).collect()
}

#[test]
fn title_outranks_alternate_title_outranks_technology_outranks_description() {
    let mut described = career("d-summary", "Gardener", &[], &[]);
    described.summary = Some("Sometimes writes python scripts.".into());
    let index = index(vec![
        career("a-tech", "Zookeeper", &["Python scripting"], &[]),
        career("b-alt", "Snake Keeper", &[], &["Python handler"]),
        career("c-title", "Python Developer", &[], &[]),
        described,
    ]);
    assert_eq!(slugs(&index, "python"), ["c-title", "b-alt", "a-tech", "d-summary"]);
}

#[test]
fn names_match_as_whole_words_and_plurals_fold() {
    let index = index(vec![
        career("gems", "Gem Cutters", &[], &["Sapphire Polisher"]),
        career("lawn", "Groundskeepers", &[], &["Lawn Care Worker"]),
        career("sap", "Buyers", &["SAP software", "Microsoft Excel"], &[]),
        career("excel", "Quality Inspectors", &[], &["Excellence Coordinator"]),
        career("db", "Engineers", &["Vector databases"], &[]),
    ]);
    assert_eq!(slugs(&index, "sap"), ["sap"]);
    assert!(slugs(&index, "law").is_empty());
    assert_eq!(slugs(&index, "excel"), ["sap"]);
    assert_eq!(slugs(&index, "vector database"), ["db"]);
}

#[test]
fn a_rated_skill_outranks_a_title_word() {
    let index = index(vec![
        rated(career("media", "Media Programming Directors", &[], &[]), "Programming", 1.5, 1.0),
        rated(career("coder", "Computer Programmers", &[], &[]), "Programming", 4.6, 5.4),
        rated(career("analyst", "Data Analysts", &[], &[]), "Programming", 3.2, 3.0),
        rated(career("nurse", "Nurses", &[], &[]), "Programming", 1.0, 0.0),
    ]);
    let hits = index.search("programming", 10).unwrap();
    let order: Vec<&str> = hits.iter().map(|h| h.slug.as_str()).collect();
    assert_eq!(order, ["coder", "analyst", "media"], "a career rated below Important matches only by its title");
    assert_eq!(hits[0].reasons, ["rated very important on Programming (4.6 of 5; level 5.4 of 7)"]);
    assert_eq!(slugs(&index, "coding"), ["coder", "analyst"], "everyday words name the skill");
}

#[test]
fn careers_matching_more_words_come_first_then_partial_matches() {
    let mut petroleum = career("petroleum", "Petroleum Engineers", &[], &[]);
    petroleum.tasks = vec!["Design oil wells and supervise drilling.".into()];
    let mut chef = career("chef", "Chefs", &[], &[]);
    chef.tasks = vec!["Cook with olive oil.".into()];
    let index = index(vec![chef, petroleum]);
    assert_eq!(slugs(&index, "oil wells"), ["petroleum", "chef"]);
    assert_eq!(slugs(&index, "oil wells unicorn"), ["petroleum", "chef"], "no career matches every word");
    let hit = &index.search("oil wells", 1).unwrap()[0];
    assert_eq!(
        (hit.matched_terms, hit.reasons.as_slice()),
        (2, &["task: Design oil wells and supervise drilling.".to_owned()][..])
    );
    assert_eq!(index.search_counted("oil", 1).unwrap().1, 2);
}

#[test]
fn a_query_that_is_the_title_comes_first() {
    let index = index(vec![
        career("lpn", "Licensed Practical Nurses", &[], &["Nurse", "Charge Nurse", "Staff Nurse"]),
        career("rn", "Registered Nurses", &[], &[]),
    ]);
    assert_eq!(slugs(&index, "registered nurse").first().map(String::as_str), Some("rn"));
    assert!(index.search("", 5).unwrap().is_empty());
    assert!(index.search("title:(unbalanced", 5).is_ok());
}

#[test]
fn default_content_finds_the_ai_careers_by_their_skills() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let content = load_content(&root).unwrap();
    let index = SearchIndex::build_in_ram(&content).unwrap();
    let both = slugs(&index, "vector database");
    assert!(
        both.contains(&"ai-middleware-engineer".to_owned()) && both.contains(&"ai-model-routing-engineer".to_owned())
    );
    assert_eq!(slugs(&index, "semantic caching").first().map(String::as_str), Some("ai-middleware-engineer"));
}

/// A subject finds the career named for practising it first, as a
/// visitor expects: before the careers rated highest on the knowledge
/// area the subject belongs to, and without careers whose title only
/// ends alike ("physics" is not the physicians' subject).
#[test]
fn default_content_finds_a_subjects_practitioners_first() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let index = SearchIndex::build_in_ram(&load_content(&root).unwrap()).unwrap();
    for (query, first) in [
        ("statistics", "statisticians"),
        ("physics", "physicists"),
        ("astronomy", "astronomers"),
        ("history", "historians"),
        ("physical therapy", "physical-therapists"),
    ] {
        let found = slugs(&index, query);
        assert_eq!(found.first().map(String::as_str), Some(first), "{query}: {found:?}");
    }
    let physics = slugs(&index, "physics");
    assert!(!physics.iter().any(|slug| slug.contains("physician")), "{physics:?}");
    // Every kind of psychologist (Psychology rated very important; their
    // tasks say "psychological") before Art Therapists, whose tasks cite
    // psychology.
    let psychology = slugs(&index, "psychology");
    assert!(psychology[..3].iter().all(|slug| slug.ends_with("-psychologists")), "{psychology:?}");
    let therapy = slugs(&index, "therapy");
    assert!(therapy[..5].iter().all(|slug| slug.ends_with("-therapists")), "{therapy:?}");
}

/// A batch ranker, which looks each term up once, ranks every query as
/// the index does one at a time, whatever order the queries come in.
#[test]
fn a_batch_ranker_ranks_as_the_index_does() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    let content = load_content(&root).unwrap();
    let index = std::sync::Arc::new(SearchIndex::build_in_ram(&content).unwrap());
    let batch = index.batch_ranker();
    let queries =
        ["python", "microsoft excel", "excel", "data analysis software", "python", "first aid", "nursing care"];
    for query in queries.iter().chain(queries.iter().rev()) {
        let (one, many) = (index.rank(query, 50).unwrap(), batch.rank(query, 50).unwrap());
        assert!(!one.is_empty(), "{query} finds careers");
        assert_eq!(one, many, "{query}");
    }
}

/// The static index adds up to the terminal's points: for each query, the
/// sum of its terms' points in the shards equals each hit's score.
#[test]
fn static_shards_carry_the_terminal_points() {
    let mut described = career("d", "Gardener", &[], &[]);
    described.summary = Some("Grows python food for snakes.".into());
    let index = index(vec![
        career("a", "Zookeeper", &["Python scripting", "Snake tongs"], &[]),
        career("b", "Snake Keeper", &[], &["Python handler"]),
        described,
    ]);
    let files = crate::static_index(&index).unwrap();
    let shard = |term: &str| shard_of(&files, term);
    for query in ["python", "snake", "python snake"] {
        for hit in index.search(query, 10).unwrap() {
            let career = index.listings.iter().position(|l| l.slug == hit.slug).unwrap();
            let points: i64 = crate::terms(query)
                .iter()
                .filter_map(|t| shard(t).get(t).and_then(|v| v.as_array().cloned()))
                .flatten()
                .filter(|p| p[0] == career)
                .map(|p| p[1].as_i64().unwrap())
                .sum();
            assert_eq!(points as f64 / 100.0, hit.score, "{query}: {}", hit.slug);
        }
    }
}

/// The shard holding `term`, found as `search.js` finds it: by three
/// letters, then one more while the shard says it is split.
fn shard_of(files: &[crate::StaticFile], term: &str) -> BTreeMap<String, serde_json::Value> {
    let mut len = crate::SHARD_KEY_LEN;
    loop {
        let path = format!("search/w/{}.json", crate::shard_key(term, len));
        let file = files.iter().find(|f| f.path == path).expect("shard");
        let shard: BTreeMap<String, serde_json::Value> = serde_json::from_slice(&file.bytes).unwrap();
        if !shard.contains_key("") || term.split(' ').next().unwrap_or(term).len() <= len {
            return shard;
        }
        len += 1;
    }
}

#[test]
fn careers_list_leaves_out_slugs_the_browser_can_derive() {
    assert_eq!(crate::plain_slug("Software Developers"), "software-developers");
    assert_eq!(crate::plain_slug("  C++ & C# Engineers!"), "c-c-engineers");
    assert_eq!(crate::plain_slug("Café Owners"), "caf-owners");
    let mut developers = career("software-developers", "Software Developers", &[], &[]);
    developers.category = Some("Computer".into());
    let mut cpp = career("c-plus-plus", "C++", &[], &[]);
    cpp.employment = Some(5);
    let index = index(vec![developers, cpp]);
    let list = String::from_utf8(crate::static_index(&index).unwrap()[0].bytes.clone()).unwrap();
    assert_eq!(
        list,
        r#"{"careers":[["Software Developers",0],["C++",-1,"c-plus-plus"]],"categories":["Computer"],"prominence":[1,0]}"#
    );
}

#[test]
fn equal_points_go_to_the_career_more_people_do() {
    let mut careers: Vec<Career> =
        ["a-few", "b-none", "c-many"].iter().map(|slug| career(slug, slug, &["Python"], &[])).collect();
    (careers[0].employment, careers[2].employment) = (Some(1_000), Some(90_000));
    assert_eq!(slugs(&index(careers), "python"), ["c-many", "a-few", "b-none"]);
}

#[test]
fn a_word_rare_in_a_minor_field_does_not_outrank_it_in_a_title() {
    // Dozens of careers are also called a nurse; one farm job lists "Nurse
    // tanks" among its tools. How rare a word is counts across careers,
    // not within the tools alone.
    let mut careers: Vec<Career> = (0..30)
        .map(|i| career(&format!("nurse-{i:02}"), &format!("Care Role {i}"), &[], &[&format!("Nurse grade {i}")]))
        .collect();
    let mut farm = career("farm", "Equipment Operators", &[], &[]);
    farm.tools = vec!["Nurse tanks".into()];
    careers.push(farm);
    let aide = career("aide", "Home Health Aides", &[], &["Certified Nurses Aide"]);
    careers.push(aide);
    let hits = index(careers).search("nurse", 50).expect("search runs");
    let found: Vec<String> = hits.into_iter().map(|h| h.slug).collect();
    let (aide, farm) = (found.iter().position(|s| s == "aide"), found.iter().position(|s| s == "farm"));
    assert!(aide.is_some() && (farm.is_none() || aide < farm), "{found:?}");
}

#[test]
fn a_word_named_twice_in_one_career_counts_once() {
    // Both list Python as in demand; one also lists a Python add-in among
    // its technologies. Its best field is as good as the other's.
    let mut careers = vec![
        career("a-twice", "Solar Engineer", &["Python", "Python Tools for Visual Studio"], &[]),
        career("b-once", "Data Scientist", &["Python"], &[]),
    ];
    careers[1].employment = Some(200_000);
    for career in &mut careers {
        career.skills[0].in_demand = true;
    }
    let found = index(careers).search("python", 2).expect("search runs");
    assert_eq!(found[0].score, found[1].score, "{found:?}");
    assert_eq!(found[0].slug, "b-once", "equal points go to the career more people do");
}

#[test]
fn the_input_digest_follows_what_is_indexed_and_nothing_else() {
    let digest = |careers: Vec<Career>| crate::input_digest(&Content { careers, ..Content::default() });
    let base = || vec![career("a", "Nurse", &["Epic Systems"], &[]), career("b", "Welder", &["MIG welding"], &[])];
    let first = digest(base());
    let mut careers = base();
    careers[0].demand_score = Some(9.0);
    careers[1].ai_risk = Some(12.0);
    assert_eq!(digest(careers), first, "demand and risk are not searched");
    let changes: [fn(&mut Career); 5] = [
        |c| c.skills.push(SkillRef { name: "Python".into(), ..SkillRef::default() }),
        |c| c.tasks.push("Dress wounds".into()),
        |c| c.employment = Some(1000),
        |c| c.title = "Registered Nurse".into(),
        |c| *c = rated(c.clone(), "Writing", 3.0, 4.0),
    ];
    for change in changes {
        let mut careers = base();
        change(&mut careers[0]);
        assert_ne!(digest(careers), first, "a searched input changed");
    }
}

#[test]
fn careers_tied_on_points_come_first_with_their_reason() {
    // More careers list Python than carry a reason per term; the one
    // most people do is last in content order, and first among equals.
    let mut careers: Vec<Career> = (0..crate::query::REASONED_POSTINGS + 5)
        .map(|k| career(&format!("c{k:02}"), "Analyst", &["Python"], &[]))
        .collect();
    careers.last_mut().unwrap().employment = Some(1_000_000);
    let last = careers.last().unwrap().slug.clone();
    let hits = index(careers).search("python", 3).expect("search runs");
    assert_eq!(hits[0].slug, last);
    assert_eq!(hits[0].reasons, ["technology: Python"], "{hits:?}");
}
