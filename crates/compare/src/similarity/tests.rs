//! Tests of the every-signal similarity score on small hand-made careers,
//! and of its lists on the default content.

use std::collections::BTreeMap;
use std::path::Path;

use careerdiff_model::{Career, Content, Onet, Rating, Ratings, SkillRef, Taxonomy, load_content};

use crate::Comparer;
use crate::prepare::Prepared;
use crate::similarity::{SimilarityModel, score};

fn career(slug: &str, title: &str) -> Career {
    Career { slug: slug.into(), title: title.into(), ..Career::default() }
}

fn skills(names: &[&str]) -> Vec<SkillRef> {
    names.iter().map(|&name| SkillRef { name: name.into(), ..SkillRef::default() }).collect()
}

fn content(mut careers: Vec<Career>) -> Content {
    careers.sort_by(|a, b| a.slug.cmp(&b.slug));
    Content { taxonomy: Taxonomy::new(Vec::new()).0, careers, ..Content::default() }
}

/// The every-signal score of the careers with slugs `a` and `b`.
fn similarity(content: &Content, a: &str, b: &str) -> f64 {
    let index = |slug: &str| content.careers.iter().position(|c| c.slug == slug).expect("career exists");
    score(&Prepared::new(content), content, SimilarityModel::Signals, index(a), index(b))
}

/// Ratings of two knowledge areas; `level` doubles as importance.
fn ratings(areas: &[(&str, f64)]) -> Option<Ratings> {
    let knowledge: BTreeMap<String, Rating> = areas
        .iter()
        .map(|&(name, level)| (name.to_owned(), Rating { importance: level.min(5.0), level: Some(level) }))
        .collect();
    Some(Ratings { knowledge, ..Ratings::default() })
}

/// Careers that use Microsoft Excel and one tool of their own each, so that
/// Excel is common and their own tools are rare.
fn office_workers(n: usize) -> Vec<Career> {
    (0..n)
        .map(|i| {
            let mut filler = career(&format!("filler-{i}"), &format!("Clerk number{i}"));
            filler.skills = skills(&["Microsoft Excel", &format!("Ledger tool {i}")]);
            filler
        })
        .collect()
}

#[test]
fn a_shared_rare_technology_outweighs_a_shared_common_one() {
    let (mut analyst, mut streamer, mut bookkeeper) =
        (career("analyst", "Analyst"), career("streamer", "Streamer"), career("bookkeeper", "Bookkeeper"));
    analyst.skills = skills(&["Microsoft Excel", "Apache Kafka"]);
    streamer.skills = skills(&["Apache Kafka", "Lathe software"]);
    bookkeeper.skills = skills(&["Microsoft Excel", "Lathe software"]);
    let mut careers = vec![analyst, streamer, bookkeeper];
    careers.extend(office_workers(8));
    let content = content(careers);
    let rare = similarity(&content, "analyst", "streamer");
    let common = similarity(&content, "analyst", "bookkeeper");
    assert!(rare > 2.0 * common, "sharing Kafka ({rare}) should count far more than sharing Excel ({common})");
}

#[test]
fn a_rating_every_career_shares_counts_for_nothing() {
    // Everyone reads at the same level; the three differ only in
    // mathematics, where the analyst and the statistician stand out together.
    let mut careers: Vec<Career> = (0..6)
        .map(|i| {
            let mut c = career(&format!("other-{i}"), &format!("Other{i}"));
            c.ratings = ratings(&[("Reading", 4.0), ("Mathematics", 1.0 + f64::from(i) * 0.2)]);
            c
        })
        .collect();
    for (slug, maths) in [("analyst", 6.0), ("statistician", 6.0), ("clerk", 1.0)] {
        let mut c = career(slug, slug);
        c.ratings = ratings(&[("Reading", 4.0), ("Mathematics", maths)]);
        careers.push(c);
    }
    let content = content(careers);
    // Titles are the only other signal, and no two titles share a word.
    let alike = similarity(&content, "analyst", "statistician");
    let unlike = similarity(&content, "analyst", "clerk");
    assert!(alike > 0.4, "{alike}");
    assert_eq!(unlike, 0.0, "reading, the same for all, must not make the clerk alike");
}

#[test]
fn a_missing_signal_is_not_counted_as_unlikeness() {
    let tasks = vec!["Design statistical models of survey data.".to_owned()];
    let mut careers = Vec::new();
    for (slug, rated) in [("rated", true), ("unrated", false), ("query", false)] {
        let mut c = career(slug, "Survey Statistician");
        c.tasks = tasks.clone();
        c.onet = Some(Onet { job_zone: Some(4), ..Onet::default() });
        if rated {
            c.ratings = ratings(&[("Mathematics", 6.0), ("Reading", 3.0)]);
        }
        careers.push(c);
    }
    // Careers of other work, so that the shared words are rare, and more
    // ratings, so that ratings vary.
    for i in 0..4 {
        let mut c = career(&format!("other-{i}"), &format!("Welder number{i}"));
        c.tasks = vec![format!("Weld joints of type {i} with torches.")];
        c.onet = Some(Onet { job_zone: Some(2), ..Onet::default() });
        c.ratings = ratings(&[("Mathematics", 1.0 + f64::from(i)), ("Reading", 2.0)]);
        careers.push(c);
    }
    let content = content(careers);
    // The query career has no ratings: beside the rated career it is scored
    // on what both have, and that is all alike.
    assert_eq!(similarity(&content, "query", "rated"), 1.0);
    assert_eq!(similarity(&content, "query", "rated"), similarity(&content, "query", "unrated"));
    // The legacy score counted a missing signal (here: skills) as unlike.
    let prepared = Prepared::new(&content);
    let index = |slug: &str| content.careers.iter().position(|c| c.slug == slug).unwrap();
    assert!(score(&prepared, &content, SimilarityModel::Legacy, index("query"), index("rated")) < 0.5);
}

fn default_content() -> Content {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    load_content(&root).expect("the default content loads")
}

#[test]
fn the_score_is_symmetric_for_every_model() {
    let content = default_content();
    let prepared = Prepared::new(&content);
    let n = content.careers.len();
    for model in [SimilarityModel::Signals, SimilarityModel::Legacy, SimilarityModel::TaskText] {
        for (a, b) in (0..n).flat_map(|a| (a + 1..n).map(move |b| (a, b))) {
            let (ab, ba) = (score(&prepared, &content, model, a, b), score(&prepared, &content, model, b, a));
            assert_eq!(
                ab.to_bits(),
                ba.to_bits(),
                "{model:?} {} / {}",
                content.careers[a].slug,
                content.careers[b].slug
            );
            assert!((0.0..=1.0).contains(&ab), "{ab}");
        }
    }
}

#[test]
fn similar_lists_are_the_same_for_one_thread_and_many() {
    let content = default_content();
    let lists = |threads| {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool");
        pool.install(|| {
            let comparer = Comparer::new(content.clone());
            let scored = |lists: Vec<Vec<crate::Similar>>| -> Vec<Vec<(usize, u64)>> {
                lists.iter().map(|l| l.iter().map(|s| (s.index, s.score.to_bits())).collect()).collect()
            };
            (
                scored(comparer.all_similar(10)),
                scored((0..content.careers.len()).map(|i| comparer.similar(i, 10)).collect()),
            )
        })
    };
    let (one, many) = (lists(1), lists(3));
    assert!(one == many, "1 thread and 3 threads disagree");
    assert!(one.0 == one.1, "all_similar and similar disagree");
}

/// Slugs of the `k` careers most similar to `slug` in the default content.
fn most_similar(comparer: &Comparer, slug: &str, k: usize) -> Vec<String> {
    comparer.similar(comparer.index_of(slug).expect("career exists"), k).into_iter().map(|s| s.slug).collect()
}

#[test]
fn statisticians_are_most_like_data_scientists() {
    let content = default_content();
    let comparer = Comparer::new(content.clone());
    let similar = most_similar(&comparer, "data-scientists", 10);
    assert_eq!(similar[0], "statisticians", "{similar:?}");
}

#[test]
fn hand_written_ai_careers_have_computing_neighbours() {
    let content = default_content();
    let comparer = Comparer::new(content.clone());
    for (slug, other) in [
        ("ai-middleware-engineer", "ai-model-routing-engineer"),
        ("ai-model-routing-engineer", "ai-middleware-engineer"),
    ] {
        // The first three. Without O*NET ratings (no one has rated this
        // work, and borrowed ratings would be shown as if they were its
        // own) the lists rest on tasks, titles and technologies.
        let similar = most_similar(&comparer, slug, 3);
        assert_eq!(similar[0], other);
        for neighbour in &similar[1..] {
            let category = content.careers[comparer.index_of(neighbour).unwrap()].category.as_deref();
            assert_eq!(category, Some("Computer and Mathematical"), "{slug}: {neighbour} in {similar:?}");
        }
    }
}

#[test]
fn hand_written_ai_careers_are_not_like_fashion_models() {
    // "Model" in "AI Model Routing Engineer" is not the one in "Models":
    // the O*NET occupation of fashion and art models shares the title
    // word and nothing of the work, and must not be in the top ten.
    let content = default_content();
    let comparer = Comparer::new(content.clone());
    for slug in ["ai-model-routing-engineer", "ai-middleware-engineer"] {
        let similar = most_similar(&comparer, slug, 10);
        assert!(!similar.iter().any(|s| s == "models"), "{slug}: {similar:?}");
        assert!(similar.iter().any(|s| s == "data-scientists"), "{slug}: {similar:?}");
        let computing = similar
            .iter()
            .filter(|s| {
                let category = content.careers[comparer.index_of(s).unwrap()].category.as_deref();
                matches!(category, Some("Computer and Mathematical" | "AI Engineering"))
            })
            .count();
        assert!(computing >= 3, "{slug}: {similar:?}");
    }
    let similar = most_similar(&comparer, "ai-middleware-engineer", 10);
    assert!(similar.iter().any(|s| s == "software-developers"), "{similar:?}");
}

#[test]
fn a_shared_title_word_counts_only_as_far_as_the_tasks_agree() {
    // Two careers whose one-word titles match ("Models" and "AI Model
    // Engineer" share "model") but whose tasks share nothing are less
    // alike than two whose tasks agree and whose titles share nothing.
    let mut engineer = career("ai-model-engineer", "AI Model Engineer");
    engineer.tasks = vec!["Evaluate language model providers on latency and cost.".into()];
    let mut models = career("models", "Models");
    models.tasks = vec!["Pose for photographs and fashion shows wearing garments.".into()];
    let mut evaluator = career("benchmark-analyst", "Benchmark Analyst");
    evaluator.tasks = vec!["Evaluate providers on latency and cost of requests.".into()];
    let mut careers = vec![engineer, models, evaluator];
    careers.extend(office_workers(6));
    let content = content(careers);
    let unrelated = similarity(&content, "ai-model-engineer", "models");
    let related = similarity(&content, "ai-model-engineer", "benchmark-analyst");
    assert!(unrelated < related, "models {unrelated} vs analyst {related}");
    assert_eq!(unrelated, 0.0, "the title alone counts for nothing when no task word is shared");
}

#[test]
fn the_most_similar_pairs_keep_their_pages() {
    // The similar pair policy at three per career, as the end-to-end test
    // builds it: programmers and developers get a page, civil engineers
    // and developers do not.
    let content = default_content();
    let comparer = Comparer::new(content.clone());
    let pairs = comparer.pairs(&careerdiff_model::PairPolicy::Similar { per_career: 3 });
    let pair = |a: &str, b: &str| (comparer.index_of(a).unwrap() as u32, comparer.index_of(b).unwrap() as u32);
    assert!(pairs.contains(&pair("computer-programmers", "software-developers")));
    assert!(!pairs.contains(&pair("civil-engineers", "software-developers")));
}
