//! Tests of verdicts, skill matching and advice on small hand-made careers,
//! and on the two careers of the default content.

use std::path::Path;

use careerdiff_model::{
    Career, Content, EntryBarrier, Interests, Period, Salary, Skill, SkillRef, Taxonomy, Wage, load_content,
};

use crate::{Comparer, Comparison, Verdict};

fn career(slug: &str) -> Career {
    Career { slug: slug.into(), title: slug.to_uppercase(), ..Career::default() }
}

fn content(careers: Vec<Career>, skills: &[(&str, &str, &[&str])]) -> Content {
    let skills = skills.iter().map(|(id, name, aliases)| Skill::new(id, name, aliases)).collect();
    let mut careers = careers;
    careers.sort_by(|a, b| a.slug.cmp(&b.slug));
    Content { taxonomy: Taxonomy::new(skills).0, careers, ..Content::default() }
}

/// Compares two hand-made careers. The comparer is leaked so that the
/// comparison, which borrows it, can be returned; tests are short-lived.
fn compare(a: Career, b: Career) -> Comparison<'static> {
    Box::leak(Box::new(Comparer::new(content(vec![a, b], &[])))).compare(0, 1)
}

fn verdict(c: &Comparison, key: &str) -> Verdict {
    c.glance.iter().find(|r| r.key == key).map(|r| r.verdict).expect("row exists")
}

fn salary(min: f64, max: f64) -> Option<Salary> {
    Some(Salary { min: Some(min), max: Some(max), currency: "USD".into(), ..Salary::default() })
}

#[test]
fn higher_salary_and_demand_win_lower_risk_and_barrier_win() {
    let mut a = career("a");
    let mut b = career("b");
    (a.salary, b.salary) = (salary(100.0, 300.0), salary(150.0, 200.0));
    (a.demand_score, b.demand_score) = (Some(9.2), Some(9.0));
    (a.ai_risk, b.ai_risk) = (Some(40.0), Some(10.0));
    (a.entry_barrier, b.entry_barrier) = (Some(EntryBarrier::Medium), Some(EntryBarrier::High));
    (a.learning_months, b.learning_months) = (Some(12), Some(6));
    let c = compare(a, b);
    assert_eq!(verdict(&c, "salary_floor"), Verdict::B);
    assert_eq!(verdict(&c, "salary_ceiling"), Verdict::A);
    assert_eq!(verdict(&c, "demand_score"), Verdict::A);
    assert_eq!(verdict(&c, "ai_risk"), Verdict::B);
    assert_eq!(verdict(&c, "entry_barrier"), Verdict::A);
    assert_eq!(verdict(&c, "learning_months"), Verdict::B);
}

#[test]
fn values_that_show_the_same_are_a_tie() {
    let (mut a, mut b) = (career("a"), career("b"));
    (a.demand_score, b.demand_score) = (Some(9.21), Some(9.19));
    (a.salary, b.salary) = (salary(1000.2, 2000.0), salary(999.8, 2000.4));
    let c = compare(a, b);
    assert_eq!(verdict(&c, "demand_score"), Verdict::Tie);
    assert_eq!(verdict(&c, "salary_floor"), Verdict::Tie);
    assert_eq!(verdict(&c, "salary_ceiling"), Verdict::Tie);
}

#[test]
fn missing_values_are_unknown_not_a_loss() {
    let (mut a, b) = (career("a"), career("b"));
    a.demand_score = Some(5.0);
    let c = compare(a, b);
    assert_eq!(verdict(&c, "demand_score"), Verdict::Unknown);
    assert!(c.choose_a.iter().all(|r| !r.contains("demand")));
}

#[test]
fn different_currencies_are_not_compared() {
    let (mut a, mut b) = (career("a"), career("b"));
    (a.salary, b.salary) = (salary(10.0, 20.0), salary(30.0, 40.0));
    b.salary.as_mut().unwrap().currency = "EUR".into();
    assert_eq!(verdict(&compare(a, b), "salary_ceiling"), Verdict::Unknown);
}

#[test]
fn at_least_wage_beats_only_lower_exact_figures() {
    let (mut a, mut b) = (career("a"), career("b"));
    let top = |p90| Some(Salary { p90: Some(p90), currency: "USD".into(), ..Salary::default() });
    (a.salary, b.salary) = (top(Wage::AtLeast { at_least: 239200.0 }), top(Wage::Exact(200000.0)));
    assert_eq!(verdict(&compare(a.clone(), b), "pay_p90"), Verdict::A);
    let c = career("c");
    let mut c = c;
    c.salary = top(Wage::Exact(250000.0));
    assert_eq!(verdict(&compare(a, c), "pay_p90"), Verdict::Unknown);
}

#[test]
fn requires_coding_is_never_an_advantage() {
    let (mut a, mut b) = (career("a"), career("b"));
    (a.requires_coding, b.requires_coding) = (Some(true), Some(false));
    let c = compare(a, b);
    assert_eq!(verdict(&c, "requires_coding"), Verdict::Neutral);
    assert!(c.choose_a.contains("enjoy writing and debugging code"));
    assert!(c.choose_b.contains("would rather not write code every day"));
}

fn skill(name: &str, tags: &[&str]) -> SkillRef {
    SkillRef { name: name.into(), tags: tags.iter().map(|t| (*t).into()).collect(), ..SkillRef::default() }
}

#[test]
fn shared_skills_are_found_through_tags_aliases_and_normalisation() {
    let (mut a, mut b) = (career("a"), career("b"));
    a.skills = vec![
        skill("Python", &[]),
        skill("Vector DBs", &[]),
        skill("Prompt craft", &["prompts"]),
        skill("Welding", &[]),
    ];
    b.skills = vec![
        skill("python", &[]),
        skill("vector database tuning", &[]),
        skill("Prompt engineering", &[]),
        skill("Sewing", &[]),
    ];
    let content = content(
        vec![a, b],
        &[
            ("python", "Python", &[]),
            ("vector-databases", "Vector databases", &[]),
            ("prompts", "Prompt engineering", &[]),
        ],
    );
    let comparer = Comparer::new(content.clone());
    let c = comparer.compare(0, 1);
    let mut shared: Vec<_> = c.skills.shared.iter().filter_map(|s| s.id).collect();
    shared.sort();
    assert_eq!(shared, ["prompts", "python", "vector-databases"]);
    assert_eq!(c.skills.only_a.iter().map(|s| s.name).collect::<Vec<_>>(), ["Welding"]);
    assert_eq!(c.skills.only_b.iter().map(|s| s.name).collect::<Vec<_>>(), ["Sewing"]);
    assert_eq!(c.skills.overlap_percent, 60);
}

#[test]
fn related_phrases_are_paired_apart_from_shared() {
    let (mut a, mut b) = (career("a"), career("b"));
    a.skills = vec![skill("LLM orchestration frameworks (LangChain, LlamaIndex)", &[]), skill("Welding", &[])];
    b.skills = vec![skill("LLM orchestration and chaining across providers (OpenAI)", &[])];
    let c = compare(a, b);
    assert_eq!(c.skills.related.len(), 1);
    assert!(c.skills.shared.is_empty());
    assert_eq!(c.skills.only_a.len(), 1);
    assert!(c.skills.only_b.is_empty());
}

fn default_content() -> Content {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    load_content(&root).expect("the default content loads")
}

/// The two careers of the seed page, compared in that order.
fn seed_pair<'s>(comparer: &'s Comparer) -> Comparison<'s> {
    let slug = |s: &str| comparer.index_of(s).expect("seed career exists");
    comparer.compare(slug("ai-middleware-engineer"), slug("ai-model-routing-engineer"))
}

#[test]
fn seed_pair_shares_prompting_observability_and_vector_databases() {
    let content = default_content();
    let comparer = Comparer::new(content.clone());
    let c = seed_pair(&comparer);
    let shared: Vec<&str> = c.skills.shared.iter().filter_map(|s| s.id).collect();
    for id in ["prompt-engineering", "observability", "vector-databases"] {
        assert!(shared.contains(&id), "{id} should be shared, got {shared:?}");
    }
    assert_eq!(verdict(&c, "salary_ceiling"), Verdict::Tie);
    assert_eq!(verdict(&c, "ai_risk"), Verdict::Tie);
    assert_eq!(verdict(&c, "demand_score"), Verdict::A);
    assert_eq!(verdict(&c, "entry_barrier"), Verdict::A);
    assert_eq!(verdict(&c, "salary_floor"), Verdict::B);
}

#[test]
fn tie_is_not_called_an_advantage() {
    let content = default_content();
    let comparer = Comparer::new(content.clone());
    let c = seed_pair(&comparer);
    let tied: Vec<String> =
        c.glance.iter().filter(|r| r.verdict == Verdict::Tie).map(|r| r.label.to_lowercase()).collect();
    assert!(!tied.is_empty());
    let claims = c
        .choose_a
        .iter()
        .chain(c.choose_b.iter())
        .chain(c.conclusion.iter().filter(|s| !s.starts_with("They are tied")));
    for sentence in claims {
        for label in &tied {
            assert!(!sentence.to_lowercase().contains(label.as_str()), "{sentence:?} mentions tied {label}");
        }
    }
    assert!(c.conclusion.iter().any(|s| s.starts_with("They are tied") && s.contains("salary ceiling ($210,000/yr)")));
}

#[test]
fn transition_is_directional() {
    let content = default_content();
    let comparer = Comparer::new(content.clone());
    let c = seed_pair(&comparer);
    let [to_b, to_a] = &c.transitions;
    assert_eq!(to_b.learn.len(), c.skills.only_b.len());
    assert_eq!(to_a.learn.len(), c.skills.only_a.len());
    // The routing role has the higher entry barrier, so moving to it is harder.
    assert!(to_b.reason.contains("entry barrier rises"), "{}", to_b.reason);
    assert!(!to_a.reason.contains("entry barrier rises"), "{}", to_a.reason);
}

fn in_pool<T: Send>(threads: usize, work: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("thread pool").install(work)
}

#[test]
fn results_do_not_depend_on_the_thread_count() {
    let content = default_content();
    let comparer = Comparer::new(content.clone());
    // The pairs among the first 200 careers (of 925): each comparison kept
    // as a hash of its full Debug text, so that memory stays small.
    let pairs: Vec<(u32, u32)> =
        comparer.pairs(&careerdiff_model::PairPolicy::All).into_iter().filter(|&(_, j)| j < 200).collect();
    let all = |threads| {
        in_pool(threads, || {
            use rayon::prelude::*;
            use std::hash::{Hash, Hasher};
            let hash = |c: crate::Comparison<'_>| {
                let mut hasher = std::collections::hash_map::DefaultHasher::new();
                format!("{c:?}").hash(&mut hasher);
                hasher.finish()
            };
            let json: Vec<u64> = comparer.par_comparisons(&pairs).map(hash).collect();
            let similar = comparer.pairs(&careerdiff_model::PairPolicy::Similar { per_career: 5 });
            (json, similar)
        })
    };
    let (one, many) = (all(1), all(3));
    assert_eq!(one.0.len(), 200 * 199 / 2);
    assert!(one == many, "1 thread and 3 threads disagree");
}

fn compare_slugs<'s>(comparer: &'s Comparer, a: &str, b: &str) -> Comparison<'s> {
    comparer.compare(comparer.index_of(a).unwrap(), comparer.index_of(b).unwrap())
}

fn shared_names<'c>(c: &Comparison<'c>) -> Vec<&'c str> {
    c.skills.shared.iter().map(|s| s.name).collect()
}

#[test]
fn developers_and_programmers_overlap_a_lot() {
    let content = default_content();
    let comparer = Comparer::new(content.clone());
    let c = compare_slugs(&comparer, "software-developers", "computer-programmers");
    assert!(c.skills.overlap_percent >= 40, "overlap {}", c.skills.overlap_percent);
    for skill in ["Python", "Oracle Java", "C++", "Structured query language SQL"] {
        assert!(shared_names(&c).contains(&skill), "{skill} should be shared");
    }
    assert!(c.transitions.iter().all(|t| t.difficulty != "hard"), "{:?}", c.transitions);
}

#[test]
fn developers_and_civil_engineers_are_far_apart() {
    let content = default_content();
    let comparer = Comparer::new(content.clone());
    let c = compare_slugs(&comparer, "software-developers", "civil-engineers");
    assert!(c.skills.overlap_percent < 15, "overlap {}", c.skills.overlap_percent);
    assert!(c.transitions.iter().all(|t| t.difficulty == "hard"), "{:?}", c.transitions);
    let shared =
        format!("They share {} of the {} distinct listed technologies (", c.skills.shared.len(), c.skills.distinct);
    assert!(c.transitions[0].reason.starts_with(&shared), "{}", c.transitions[0].reason);
    let learn_first: Vec<&str> = c.transitions[0].learn.iter().take(3).map(|s| s.name).collect();
    assert_eq!(learn_first.len(), 3);
    let in_demand: Vec<&str> = c.skills.only_b.iter().filter(|s| s.in_demand).map(|s| s.name).collect();
    assert!(learn_first.iter().all(|s| in_demand.contains(s)), "in-demand skills come first: {learn_first:?}");
}

#[test]
fn most_similar_to_developers_are_software_jobs() {
    let content = default_content();
    let comparer = Comparer::new(content.clone());
    let similar = comparer.similar(comparer.index_of("software-developers").unwrap(), 10);
    let slugs: Vec<&str> = similar.iter().map(|s| s.slug.as_str()).collect();
    for expected in [
        "computer-programmers",
        "web-developers",
        "software-quality-assurance-analysts-and-testers",
        "computer-systems-analysts",
    ] {
        assert!(slugs.contains(&expected), "{expected} should be among the first ten: {slugs:?}");
    }
    for s in &similar {
        let category = content.careers[s.index].category.as_deref();
        assert_eq!(category, Some("Computer and Mathematical"), "{} is not a computing career", s.slug);
    }
    for unrelated in ["civil-engineers", "surveyors", "mining-and-geological-engineers-including-mining-safety"] {
        assert!(!slugs.contains(&unrelated), "{unrelated} is not like software development: {slugs:?}");
    }
    assert!(similar.windows(2).all(|w| w[0].score >= w[1].score), "ordered by score");
}

#[test]
fn sentences_keep_their_boundaries() {
    let mut s = crate::Sentences::default();
    s.push(&["They share ", "3", " skills."]);
    s.end(); // nothing written since: no empty sentence
    s.text().push_str("Second.");
    s.end();
    assert_eq!(s.iter().collect::<Vec<_>>(), ["They share 3 skills.", "Second."]);
    assert_eq!(s.len(), 2);
    assert!(s.contains("Second.") && !s.contains("Second"));
}

#[test]
fn labels_read_the_same_inside_sentences() {
    let (mut a, mut b) = (career("a"), career("b"));
    (a.salary, b.salary) = (salary(10.0, 20.0), salary(10.0, 20.0));
    a.ai_risk = Some(5.0);
    let c = compare(a, b);
    for row in &c.glance {
        // The label may add a qualifier in brackets; a statement label
        // ("Can usually be done from home") names its noun differently.
        let label = row.label.split(" (").next().unwrap_or(row.label);
        if row.key == "remote_friendly" {
            continue;
        }
        assert!(row.noun.eq_ignore_ascii_case(label), "{} / {}", row.noun, row.label);
        let acronym = label.split(' ').next().unwrap().chars().filter(char::is_ascii_uppercase).count() > 1;
        assert_eq!(row.noun == label, acronym, "only acronyms keep their capitals: {}", row.label);
    }
    let tied = c.conclusion.iter().find(|s| s.starts_with("They are tied")).expect("a tie sentence");
    assert!(tied.contains("salary floor (") && tied.contains("salary ceiling ("), "{tied}");
    let unknown = c.conclusion.iter().find(|s| s.starts_with("There is not enough data")).expect("unknowns");
    assert!(unknown.contains("AI replacement risk"), "{unknown}");
}

#[test]
fn each_phrase_is_related_at_most_once_and_to_its_closest() {
    let (mut a, mut b) = (career("a"), career("b"));
    a.skills = vec![skill("Cloud data storage design", &[]), skill("Cloud data warehouse", &[])];
    b.skills = vec![skill("Cloud data warehouse tuning", &[])];
    let c = compare(a, b);
    let related: Vec<(&str, &str)> = c.skills.related.iter().map(|r| (r.a, r.b)).collect();
    assert_eq!(related, [("Cloud data warehouse", "Cloud data warehouse tuning")]);
    assert_eq!(c.skills.only_a.iter().map(|s| s.name).collect::<Vec<_>>(), ["Cloud data storage design"]);
}

#[test]
fn all_similar_lists_equal_the_lists_one_by_one() {
    let content = default_content();
    let comparer = Comparer::new(content.clone());
    let all = comparer.all_similar(8);
    assert_eq!(all.len(), content.careers.len());
    for (i, list) in all.iter().enumerate() {
        let one: Vec<(usize, f64)> = comparer.similar(i, 8).iter().map(|s| (s.index, s.score)).collect();
        let from_all: Vec<(usize, f64)> = list.iter().map(|s| (s.index, s.score)).collect();
        assert_eq!(from_all, one, "career {i}");
    }
}

#[test]
fn comparisons_read_the_same_similarity_as_the_score_of_the_pair() {
    let content = default_content();
    let comparer = Comparer::new(content.clone());
    let prepared = crate::prepare::Prepared::new(&content);
    for (a, b) in [(0, 1), (1, 0), (17, 400), (400, 17), (924, 3), (100, 101)] {
        let direct = crate::similarity::score(&prepared, &content, crate::SimilarityModel::default(), a, b);
        assert_eq!(comparer.compare(a, b).similarity.to_bits(), direct.to_bits(), "{a} vs {b}");
    }
}

/// `reworded` is true exactly when a side has other phrases than the
/// shared skill's name alone, and it serialises with the skill.
#[test]
fn shared_skills_are_reworded_when_a_side_words_them_otherwise() {
    let content = default_content();
    let comparer = Comparer::new(content.clone());
    let (mut plain, mut reworded) = (0, 0);
    // The hand-written careers word skills their own way; O*NET careers
    // name products alike.
    let hand_written = ["ai-middleware-engineer", "ai-model-routing-engineer"].map(|s| comparer.index_of(s).unwrap());
    let with_hand_written =
        hand_written.into_iter().flat_map(|i| (0..40).filter(move |&j| j != i).map(move |j| (i, j)));
    let among_onet = (0..20).flat_map(|i| (i + 1..20).map(move |j| (i, j)));
    for (i, j) in with_hand_written.chain(among_onet) {
        for s in &comparer.compare(i, j).skills.shared {
            let alone = |p: &crate::Phrases<'_>| p.iter().collect::<Vec<_>>() == [s.name];
            assert_eq!(s.reworded(), !(alone(&s.a_phrases) && alone(&s.b_phrases)), "{}", s.name);
            assert_eq!(serde_json::to_value(s).unwrap()["reworded"], s.reworded());
            if s.reworded() { reworded += 1 } else { plain += 1 }
        }
    }
    assert!(plain > 0 && reworded > 0, "both kinds occur: {plain} plain, {reworded} reworded");
}

#[test]
fn a_clearly_higher_interest_is_a_reason_only_where_the_work_has_it() {
    // Appraisers of property against credit analysts: Artistic 2.0 against
    // 1.0 is a clear difference, and no reason to choose for self-expression.
    let (mut a, mut b) = (career("a"), career("b"));
    a.interests = Some(Interests::from_values([2.5, 4.6, 2.0, 2.2, 4.9, 6.5]));
    b.interests = Some(Interests::from_values([1.2, 3.3, 1.0, 1.5, 3.6, 6.8]));
    let c = compare(a, b);
    let interests: Vec<&str> = c.choose_a.iter().filter(|s| s.contains(" interest ")).collect();
    assert!(interests.iter().all(|s| !s.contains("Artistic")), "{interests:?}");
    let enterprising = interests.iter().find(|s| s.contains("Enterprising")).expect("4.9 against 3.6 is a reason");
    assert!(enterprising.contains("4.9 of 7 against 3.6"), "{enterprising}");
}

#[test]
fn a_reason_from_a_wider_occupations_figure_says_whose_it_is() {
    // Clinical research coordinators (pay of Natural Sciences Managers)
    // against clinical data managers (pay of Data Scientists).
    let (mut a, mut b) = (career("a"), career("b"));
    let pay = |median, group: &str| {
        let median = Some(Wage::Exact(median));
        Some(Salary { median, currency: "USD".into(), group: Some(group.into()), ..Salary::default() })
    };
    (a.salary, b.salary) = (pay(167_220.0, "Natural Sciences Managers"), pay(120_230.0, "Data Scientists"));
    let c = compare(a.clone(), b.clone());
    let reason = c.choose_a.iter().find(|s| s.contains("$167,220")).expect("a pay reason");
    assert!(reason.ends_with("(BLS's figures for Natural Sciences Managers and Data Scientists)"), "{reason}");
    // Projections of a wider occupation, in the parenthesis of the decade.
    (a.projected_growth, b.projected_growth) = (Some(3.7), Some(33.5));
    b.projections_group = Some("Data scientists".into());
    let c = compare(a.clone(), b.clone());
    let growth = c.choose_b.iter().find(|s| s.contains("+33.5%"));
    assert!(growth.is_some_and(|s| s.ends_with("(2024–34; BLS's figure for Data scientists)")), "{growth:?}");
    // Only the loser's figure borrowed: the reason says so of the other.
    a.salary.as_mut().unwrap().group = None;
    let c = compare(a, b);
    let reason = c.choose_a.iter().find(|s| s.contains("$167,220")).expect("a pay reason");
    assert!(reason.ends_with("(the other is BLS's figure for Data Scientists)"), "{reason}");
}

#[test]
fn pay_in_different_units_is_said_to_be_so_not_missing() {
    // Actors against floral designers: BLS gives actors' pay per hour only.
    let (mut a, mut b) = (career("a"), career("b"));
    let wages = |period, median| {
        Some(Salary { median: Some(Wage::Exact(median)), period, currency: "USD".into(), ..Salary::default() })
    };
    (a.salary, b.salary) = (wages(Period::Hour, 29.05), wages(Period::Year, 37_360.0));
    (a.employment, b.employment) = (Some(55_000), None);
    let c = compare(a, b);
    assert_eq!(verdict(&c, "salary_median"), Verdict::Unknown);
    let units = c.conclusion.iter().find(|s| s.contains("different units")).expect("a sentence on units");
    assert!(units.contains("$29.05/hr") && units.contains("$37,360/yr"), "{units}");
    let missing =
        c.conclusion.iter().find(|s| s.starts_with("There is not enough data")).expect("employment is missing");
    assert!(missing.contains("employment") && !missing.contains("pay"), "{missing}");
}

#[test]
fn of_two_shrinking_fields_the_slower_shrinking_is_not_called_growing() {
    // Bookkeeping clerks against desktop publishers: both projected to
    // shrink over 2024–34.
    let (mut a, mut b) = (career("a"), career("b"));
    (a.projected_growth, b.projected_growth) = (Some(-5.8), Some(-12.4));
    let c = compare(a, b);
    assert_eq!(verdict(&c, "projected_growth"), Verdict::A);
    let reason = c.choose_a.iter().find(|s| s.contains("−5.8%")).expect("a reason names the growth");
    assert!(reason.contains("shrinks less") && !reason.contains("growing"), "{reason}");
    assert!(c.conclusion.iter().all(|s| !s.contains("faster")), "{:?}", c.conclusion);
}

#[test]
fn more_growth_and_openings_win_and_less_exposure_wins() {
    let (mut a, mut b) = (career("a"), career("b"));
    (a.projected_growth, b.projected_growth) = (Some(15.8), Some(4.9));
    (a.annual_openings, b.annual_openings) = (Some(115_200), Some(189_100));
    (a.ai_exposure, b.ai_exposure) = (Some(45.0), Some(38.0));
    let c = compare(a, b);
    assert_eq!(verdict(&c, "projected_growth"), Verdict::A);
    assert_eq!(verdict(&c, "annual_openings"), Verdict::B);
    assert_eq!(verdict(&c, "ai_exposure"), Verdict::B);
    let row = |key: &str| c.glance.iter().find(|r| r.key == key).expect("row");
    assert_eq!((row("projected_growth").a, row("projected_growth").b), (Some("+15.8%"), Some("+4.9%")));
    assert!(c.choose_a.iter().any(|s| s.contains("faster-growing field") && s.contains("+15.8%")), "{:?}", c.choose_a);
    assert!(c.choose_b.iter().any(|s| s.contains("more openings") && s.contains("189,100")), "{:?}", c.choose_b);
    // Exposure is stated as exposure: never as safety or risk.
    let exposure: Vec<&str> = c.choose_b.iter().chain(c.conclusion.iter()).filter(|s| s.contains("38.0%")).collect();
    assert!(!exposure.is_empty(), "{:?}", c.conclusion);
    for sentence in exposure {
        let lower = sentence.to_lowercase();
        assert!(!lower.contains("safer") && !lower.contains("risk"), "{sentence}");
    }
}

#[test]
fn ai_exposure_within_five_points_is_even() {
    // Database administrators against database architects.
    let (mut a, mut b) = (career("a"), career("b"));
    (a.ai_exposure, b.ai_exposure) = (Some(59.7), Some(59.8));
    let c = compare(a.clone(), b.clone());
    assert_eq!(verdict(&c, "ai_exposure"), Verdict::Tie);
    assert!(c.choose_a.iter().all(|s| !s.contains("exposed")), "{:?}", c.choose_a);
    b.ai_exposure = Some(65.0);
    assert_eq!(verdict(&compare(a, b), "ai_exposure"), Verdict::A);
}

#[test]
fn exposure_and_replacement_risk_are_never_compared_with_each_other() {
    let (mut a, mut b) = (career("a"), career("b"));
    a.ai_risk = Some(15.0);
    b.ai_exposure = Some(45.0);
    let c = compare(a, b);
    assert_eq!(verdict(&c, "ai_risk"), Verdict::Unknown);
    assert_eq!(verdict(&c, "ai_exposure"), Verdict::Unknown);
    assert!(c.choose_a.is_empty() && c.choose_b.is_empty(), "{:?} {:?}", c.choose_a, c.choose_b);
}

#[test]
fn employment_is_never_called_openings() {
    let (mut a, mut b) = (career("a"), career("b"));
    (a.employment, b.employment) = (Some(262_440), Some(30_000));
    let c = compare(a, b);
    let sentence = c.choose_a.iter().find(|s| s.contains("262,440")).expect("employment is a reason");
    assert!(!sentence.contains("opening"), "{sentence}");
}

#[test]
fn percentiles_are_not_called_a_floor_or_ceiling() {
    let (mut a, mut b) = (career("a"), career("b"));
    (a.salary, b.salary) = (percentiles(50_000.0, None, 150_000.0), percentiles(40_000.0, None, 160_000.0));
    let c = compare(a, b);
    assert!(c.glance.iter().all(|r| r.key != "salary_floor"), "no advertised range on either side: no row");
    assert_eq!(verdict(&c, "pay_p10"), Verdict::A);
    assert_eq!(verdict(&c, "pay_p90"), Verdict::B);
    let text: String = c.choose_a.iter().chain(c.choose_b.iter()).chain(c.conclusion.iter()).collect();
    assert!(!text.contains("floor") && !text.contains("ceiling"), "{text}");
}

#[test]
fn conclusions_read_right_for_plural_titles() {
    let (mut a, mut b) = (career("a"), career("b"));
    a.title = "Actuaries".into();
    (a.projected_growth, b.projected_growth) = (Some(22.2), Some(1.0));
    (a.employment, b.employment) = (Some(30_000), Some(10_000));
    let c = compare(a, b);
    let first = c.conclusion.iter().next().expect("a conclusion");
    assert_eq!(
        first,
        "In favour of Actuaries: the larger employment (30,000 vs 10,000) and the higher projected growth (+22.2% vs +1.0%)."
    );
}

#[test]
fn the_brief_comparison_agrees_with_the_full_one() {
    let content = default_content();
    let comparer = Comparer::new(content.clone());
    for (i, j) in [(0, 1), (1, 0), (2, 7)] {
        let full = comparer.compare(i, j);
        let (glance, shared, overlap) = comparer.glance_and_overlap(i, j);
        let verdicts = |rows: &[crate::GlanceRow<'_>]| rows.iter().map(|r| (r.key, r.verdict)).collect::<Vec<_>>();
        assert_eq!(verdicts(&glance), verdicts(&full.glance));
        assert_eq!((shared, overlap), (full.skills.shared.len(), full.skills.overlap_percent));
    }
}

fn rated(slug: &str, items: &[(&str, f64, f64)]) -> Career {
    let mut career = career(slug);
    let skills = items
        .iter()
        .map(|&(name, importance, level)| {
            (name.to_owned(), careerdiff_model::Rating { importance, level: Some(level) })
        })
        .collect();
    career.ratings = Some(careerdiff_model::Ratings { skills, knowledge: Default::default() });
    career
}

#[test]
fn gaps_are_ordered_by_importance_times_gap_and_only_upward() {
    let from = rated(
        "a",
        &[("Writing", 3.0, 3.0), ("Speaking", 4.0, 4.0), ("Mathematics", 3.0, 5.0), ("Persuasion", 2.0, 4.0)],
    );
    let to = rated(
        "b",
        &[("Writing", 4.0, 5.5), ("Speaking", 5.0, 5.0), ("Mathematics", 2.0, 2.0), ("Persuasion", 2.0, 1.0)],
    );
    let c = compare(from, to);
    let gaps: Vec<(&str, f64, f64)> =
        c.transitions[0].gaps.iter().map(|g| (g.name, g.from_level, g.to_level)).collect();
    // Writing: 4 x 2.5 = 10; Speaking: 5 x 1 = 5; Mathematics goes down.
    assert_eq!(gaps, [("Writing", 3.0, 5.5), ("Speaking", 4.0, 5.0)]);
    // Back the other way, Persuasion is as far up as Mathematics, but the
    // work rates it unimportant (2 of 5): no step toward it.
    assert_eq!(c.transitions[1].gaps.iter().map(|g| g.name).collect::<Vec<_>>(), ["Mathematics"]);
    assert!(c.transitions[0].reason.contains("Writing (5.5 against 3.0 of 7)"), "{}", c.transitions[0].reason);
    assert!(
        c.choose_b.iter().any(|s| s.contains("calls for more Writing (skill, level 5.5 of 7 against 3.0)")),
        "{:?}",
        c.choose_b
    );
    // Persuasion matters to neither (importance 2), so the profile leaves it out.
    assert_eq!(c.profile.items.iter().map(|i| i.name).collect::<Vec<_>>(), ["Speaking", "Writing", "Mathematics"]);
    assert_eq!(c.profile.differ_most[0].name, "Writing", "4 x 2.5 outweighs 5 x 1");
}

/// Urban and Regional Planners against Precision Agriculture Technicians:
/// 3.4 x (4.40 - 1.18) and 4.6 x (4.68 - 2.30) are both 10.948, and the
/// tie goes to the item the work rates more important, not to whichever
/// product rounding in binary made larger.
#[test]
fn gaps_of_equal_weight_go_more_important_first() {
    let from = rated("a", &[("Writing", 1.64, 1.18), ("Speaking", 2.39, 2.3)]);
    let to = rated("b", &[("Writing", 3.4, 4.4), ("Speaking", 4.6, 4.68)]);
    let c = compare(from, to);
    let gaps: Vec<&str> = c.transitions[0].gaps.iter().map(|g| g.name).collect();
    assert_eq!(gaps, ["Speaking", "Writing"]);
    let apart: Vec<&str> = c.profile.differ_most.iter().map(|i| i.name).collect();
    assert_eq!(apart, ["Speaking", "Writing"]);
}

#[test]
fn careers_without_ratings_get_no_profile_and_no_gaps() {
    let c = compare(rated("a", &[("Writing", 3.0, 3.0)]), career("b"));
    assert!(c.profile.items.is_empty() && c.transitions.iter().all(|t| t.gaps.is_empty()));
    assert!(
        c.transitions[0].reason.contains("listed skills"),
        "falls back to the skill lists: {}",
        c.transitions[0].reason
    );
}

#[test]
fn a_move_from_an_unrated_career_names_what_the_rated_one_needs_most() {
    let to =
        rated("b", &[("Writing", 4.0, 5.5), ("Speaking", 5.0, 4.0), ("Mathematics", 2.0, 6.0), ("Science", 3.0, 2.0)]);
    let c = compare(career("a"), to);
    let needs: Vec<(&str, f64)> = c.transitions[0].needs.iter().map(|n| (n.name, n.level)).collect();
    // Important ones only (importance 3 or more), by importance x level:
    // Writing 22, Speaking 20, Science 6; Mathematics matters little.
    assert_eq!(needs, [("Writing", 5.5), ("Speaking", 4.0), ("Science", 2.0)]);
    assert!(c.transitions[0].gaps.is_empty(), "no gap can be measured from an unrated career");
    assert!(c.transitions[1].needs.is_empty(), "the unrated side needs nothing known");
    let both = compare(rated("a", &[("Writing", 3.0, 3.0)]), rated("b", &[("Writing", 4.0, 5.5)]));
    assert!(both.transitions.iter().all(|t| t.needs.is_empty()), "with both rated, gaps say it");
}

/// Real pairs of the default content, read as a counsellor would.
#[test]
fn real_transitions_name_real_gaps_and_no_office_software() {
    let content = default_content();
    let comparer = Comparer::new(content.clone());
    let lpn_rn = compare_slugs(&comparer, "licensed-practical-and-licensed-vocational-nurses", "registered-nurses");
    let to_rn = &lpn_rn.transitions[0];
    let gap_names: Vec<&str> = to_rn.gaps.iter().map(|g| g.name).collect();
    assert!(gap_names.contains(&"Medicine and Dentistry"), "{gap_names:?}");
    assert!(to_rn.reason.contains("needs a bachelor's degree against a postsecondary"), "{}", to_rn.reason);
    // The entry barrier both derive from their job zones ("medium" for
    // zones 3 and 4) is no tie and not shown: the job zone row and BLS's
    // entry education tell them apart.
    let row = |key: &str| lpn_rn.glance.iter().find(|r| r.key == key).map(|r| r.verdict);
    assert_eq!(row("entry_barrier"), None);
    assert_eq!(row("job_zone"), Some(Verdict::A));
    assert_eq!(row("entry_education"), Some(Verdict::A));
    assert!(!lpn_rn.conclusion.iter().any(|s| s.contains("tied on entry barrier")));
    // A yes/no tie reads as one: neither nursing job can be done from home.
    let tie = lpn_rn.conclusion.iter().find(|s| s.contains("tied on")).expect("a tie sentence");
    assert!(tie.contains("scope for remote work (no for both)"), "{tie}");
    let profile: Vec<&str> = lpn_rn.profile.items.iter().map(|i| i.name).collect();
    assert!(profile.contains(&"Social Perceptiveness") && profile.contains(&"Active Listening"), "{profile:?}");
    // A technology the economy's postings call hot but no nurse's
    // neighbour uses is not the first thing to learn on the way to nursing.
    let learn: Vec<&str> = to_rn.learn.iter().take(5).map(|s| s.name).collect();
    assert!(!learn.contains(&"Apache Spark"), "{learn:?}");
    // From scratch, the field's common tools come first.
    let name_of = |career: usize, phrases: &[u32]| -> Vec<&str> {
        phrases.iter().map(|&i| content.careers[career].skills[i as usize].name.as_str()).collect()
    };
    let rn = comparer.index_of("registered-nurses").unwrap();
    let rn_first = comparer.learn_first(rn);
    assert!(rn_first.by_field);
    let rn_names = name_of(rn, &rn_first.phrases);
    assert!(!rn_names.contains(&"Apache Spark") && !rn_names.contains(&"Oracle Taleo"), "{rn_names:?}");
    let ds = comparer.index_of("data-scientists").unwrap();
    let ds_names = name_of(ds, &comparer.learn_first(ds).phrases);
    assert!(ds_names[..3].contains(&"Python"), "{ds_names:?}");
    // Nor is a product one employer named, which no similar career uses:
    // an applicant-tracking system, one hospital's charting product.
    for product in ["Oracle Taleo", "Prognosis Innovation Healthcare ChartAccess"] {
        assert!(!to_rn.learn.iter().any(|s| s.name == product), "{product}: {learn:?}");
    }
    // What only nurses list starts with the kinds of tools their field
    // uses (charting and medical records systems), not with the
    // applicant-tracking system one neighbour names.
    let family_of = |name: &str| {
        let skill = content.taxonomy.skills().iter().find(|s| s.name == name);
        skill.and_then(|s| s.family.as_deref()).unwrap_or_default()
    };
    let only_rn: Vec<&str> = lpn_rn.skills.only_b.iter().map(|s| s.name).collect();
    let taleo = only_rn.iter().position(|&n| n == "Oracle Taleo").expect("only nurses list Oracle Taleo");
    let medical = only_rn.iter().filter(|&&n| family_of(n) == "Medical software").count();
    assert!(medical >= 5 && only_rn[..medical].iter().all(|&n| family_of(n) == "Medical software"), "{only_rn:?}");
    assert!(taleo >= medical, "{only_rn:?}");
    // Whom the work suits, from O*NET's interests: nursing is Social.
    assert!(lpn_rn.conclusion.iter().any(|s| s.contains("Registered Nurses suit people with Social")));
    let ds_stat = compare_slugs(&comparer, "data-scientists", "statisticians");
    let to_stat = &ds_stat.transitions[0];
    let needs: Vec<&str> = to_stat.needs.iter().map(|n| n.name).collect();
    assert_eq!(needs.first(), Some(&"Mathematics"), "Data Scientists are unrated: {needs:?}");
    // What employers of data scientists ask for comes first.
    let data_scientists = &content.careers[comparer.index_of("data-scientists").unwrap()];
    let in_demand = |name: &str| data_scientists.skills.iter().any(|s| s.name == name && s.in_demand);
    let to_ds: Vec<&str> = ds_stat.transitions[1].learn.iter().take(5).map(|s| s.name).collect();
    assert!(to_ds.iter().all(|name| in_demand(name)), "{to_ds:?}");
    // What to learn first is a first step: data scientists list far more
    // than that, and the step keeps the order of what only they list.
    let learn_ds = &ds_stat.transitions[1].learn;
    assert_eq!(learn_ds.len(), crate::LEARN_FIRST);
    let only_ds: Vec<&str> = ds_stat.skills.only_a.iter().map(|s| s.name).collect();
    let places: Vec<usize> =
        learn_ds.iter().map(|s| only_ds.iter().position(|n| *n == s.name).expect("only theirs")).collect();
    assert!(places.is_sorted(), "{places:?}");
    // Without ratings on one side, a move to less preparation and a
    // lower degree is one step easier than the overlap alone, and says so.
    let (to_stat, to_ds) = (&ds_stat.transitions[0], &ds_stat.transitions[1]);
    assert_eq!(to_stat.difficulty, "hard", "{}", to_stat.reason);
    assert_eq!(to_ds.difficulty, "moderate", "{}", to_ds.reason);
    assert!(to_ds.reason.contains("but it needs less preparation (job zone 4 against 5)"), "{}", to_ds.reason);
    // Statisticians' own packages come before the markup and macro
    // languages a hundred careers list.
    let stat_first: Vec<&str> = to_stat.learn.iter().take(3).map(|s| s.name).collect();
    let packages = ["Minitab", "Wolfram Research Mathematica", "Insightful S-PLUS", "STATISTICA", "SAS JMP"];
    assert!(stat_first.iter().filter(|name| packages.contains(name)).count() >= 2, "{stat_first:?}");
    assert!(!stat_first.iter().any(|name| name.contains("XML") || name.contains("Visual Basic")), "{stat_first:?}");
    // What the target's own job postings ask for comes first on the way
    // there, however few similar careers use it (Adobe XD for designers).
    let web = compare_slugs(&comparer, "web-developers", "web-and-digital-interface-designers");
    let asked_for: Vec<&str> = web.skills.only_b.iter().filter(|s| s.in_demand).map(|s| s.name).collect();
    let learn: Vec<&str> = web.transitions[0].learn.iter().map(|s| s.name).collect();
    assert!(!asked_for.is_empty() && learn.starts_with(&asked_for), "{asked_for:?} {learn:?}");
    for (a, b) in [("data-scientists", "statisticians"), ("computer-programmers", "software-developers")] {
        let c = compare_slugs(&comparer, a, b);
        let reasons: Vec<&str> = c.choose_a.iter().chain(c.choose_b.iter()).collect();
        let learn: Vec<&str> = c.transitions.iter().flat_map(|t| t.learn.iter().take(5).map(|s| s.name)).collect();
        for text in reasons.iter().chain(learn.iter()) {
            for product in
                ["Microsoft Word", "Microsoft Excel", "Microsoft Outlook", "SAP", "Microsoft Office", "Webex", "Skype"]
            {
                assert!(!text.contains(product), "{a} vs {b}: {text}");
            }
        }
    }
}

/// On the way into a career from scratch, among what equally many of its
/// similar careers use, what more careers of any field list comes first:
/// the foundations before the specialities.
#[test]
fn learning_from_scratch_starts_with_what_more_careers_use() {
    let content = default_content();
    let comparer = Comparer::new(content.clone());
    let developers = comparer.index_of("software-developers").unwrap();
    let first = comparer.learn_first(developers);
    assert!(first.by_field);
    let career = &content.careers[developers];
    let listed_by = |i: u32| {
        let name = &career.skills[i as usize].name;
        content.careers.iter().filter(|c| c.skills.iter().any(|s| &s.name == name)).count()
    };
    let in_field: Vec<u32> =
        first.phrases.iter().copied().filter(|&i| career.skills[i as usize].in_demand).take(6).collect();
    let counts: Vec<usize> = in_field.iter().map(|&i| listed_by(i)).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    let names: Vec<&str> = in_field.iter().map(|&i| career.skills[i as usize].name.as_str()).collect();
    assert!(names.contains(&"Python"), "{names:?}");
}

#[test]
fn a_site_too_small_for_a_field_keeps_every_phrase_to_learn() {
    let mut a = career("a");
    a.onet = Some(Default::default());
    a.skills = vec![skill("Minitab", &[]), skill("Python", &[])];
    let comparer = Comparer::new(content(vec![a, career("b")], &[]));
    let first = comparer.learn_first(0);
    assert!(!first.by_field);
    assert_eq!(first.phrases.len(), 2);
}

#[test]
fn products_named_by_different_acronyms_are_not_related() {
    let (mut a, mut b) = (career("a"), career("b"));
    a.skills = vec![skill("Geographic information system GIS software", &[])];
    b.skills = vec![skill("Management information systems MIS", &[])];
    let c = compare(a, b);
    assert!(c.skills.related.is_empty(), "{:?}", c.skills.related);
    let (mut a, mut b) = (career("a"), career("b"));
    a.skills = vec![skill("Geographic information system GIS software", &[])];
    b.skills = vec![skill("ESRI ArcGIS geographic information system GIS", &[])];
    assert_eq!(compare(a, b).skills.related.len(), 1, "the same acronym may be related");
}

#[test]
fn related_phrases_name_the_same_kind_of_thing() {
    let related = |x: &str, y: &str| {
        let (mut a, mut b) = (career("a"), career("b"));
        (a.skills, b.skills) = (vec![skill(x, &[])], vec![skill(y, &[])]);
        !compare(a, b).skills.related.is_empty()
    };
    // Pairs once shown as related: a vendor and family in common, the
    // product itself different.
    for (x, y) in [
        ("Microsoft Systems Management Server", "Document management system software"),
        ("Microsoft Visual Studio", "Microsoft Visual FoxPro"),
        ("IBM Lotus Notes", "IBM Lotus 1-2-3"),
        ("Amazon Web Services AWS CloudFormation", "Amazon Web Services AWS SageMaker"),
        ("Inventory management systems", "Contact management systems"),
        ("Oracle Enterprise Manager", "Oracle Net Manager"),
    ] {
        assert!(!related(x, y), "{x} ≈ {y}");
    }
    for (x, y) in [
        ("Microsoft Windows", "Microsoft Windows XP"),
        ("Greenway Health PrimeSuite", "Greenway Medical Technologies PrimeSUITE"),
        ("Optical character reader OCR software", "Optical character recognition OCR software"),
        ("Maintenance management software", "Computerized maintenance management system CMMS"),
    ] {
        assert!(related(x, y), "{x} and {y} are related");
    }
}

/// Pay at the 10th, 50th and 90th percentiles, in dollars a year.
fn percentiles(p10: f64, median: Option<f64>, p90: f64) -> Option<Salary> {
    Some(Salary {
        p10: Some(Wage::Exact(p10)),
        median: median.map(Wage::Exact),
        p90: Some(Wage::Exact(p90)),
        currency: "USD".into(),
        ..Default::default()
    })
}

#[test]
fn the_conclusion_says_pay_percentiles_won_with_the_median_once() {
    let (mut a, mut b) = (career("a"), career("b"));
    (a.salary, b.salary) =
        (percentiles(50_000.0, Some(90_000.0), 150_000.0), percentiles(40_000.0, Some(80_000.0), 140_000.0));
    let c = compare(a, b);
    let favour_a = c.conclusion.iter().find(|s| s.starts_with("In favour of A:")).expect("a wins");
    assert!(
        favour_a.contains("the higher pay (median $90,000/yr vs $80,000/yr, and at the 10th and 90th percentiles too)"),
        "{favour_a}"
    );
    assert!(!favour_a.contains("$150,000"), "{favour_a}");
    // A percentile won by the other side stays the other side's point.
    let (mut a, mut b) = (career("a"), career("b"));
    (a.salary, b.salary) =
        (percentiles(50_000.0, Some(90_000.0), 150_000.0), percentiles(40_000.0, Some(80_000.0), 160_000.0));
    let c = compare(a, b);
    let text: Vec<&str> = c.conclusion.iter().collect();
    let text = text.join(" ");
    assert!(text.contains("and at the 10th percentile too)"), "{text}");
    assert!(
        text.contains("In favour of B: the higher pay at the 90th percentile ($160,000/yr vs $150,000/yr)"),
        "{text}"
    );
}

#[test]
fn one_bls_figure_shown_for_two_careers_is_not_a_tie() {
    let pair = |code_b: &str| {
        let (mut a, mut b) = (career("a"), career("b"));
        (a.salary, b.salary) =
            (percentiles(50_000.0, Some(90_000.0), 150_000.0), percentiles(50_000.0, Some(90_000.0), 150_000.0));
        let source =
            |code: &str| format!("BLS OEWS May 2025, SOC {code}, the occupation that includes this O*NET specialty");
        a.provenance.insert("salary".into(), source("15-2051"));
        b.provenance.insert("salary".into(), source(code_b));
        compare(a, b)
    };
    let shared = pair("15-2051");
    assert_eq!(verdict(&shared, "salary_median"), Verdict::Unknown);
    assert!(
        shared.glance.iter().filter(|r| r.key.starts_with("pay") || r.key == "salary_median").all(|r| r.same_source)
    );
    let text: Vec<&str> = shared.conclusion.iter().collect();
    assert!(
        text.iter()
            .any(|s| s.starts_with("BLS publishes one figure for both on pay at the 10th percentile, median pay")),
        "{text:?}"
    );
    assert!(!text.iter().any(|s| s.contains("tied")), "{text:?}");
    // Two occupations that happen to have equal figures are tied.
    let apart = pair("15-2041");
    assert_eq!(verdict(&apart, "salary_median"), Verdict::Tie);
    assert!(apart.glance.iter().all(|r| !r.same_source));
}

#[test]
fn values_within_a_margin_are_even_not_an_edge() {
    let (mut a, mut b) = (career("a"), career("b"));
    (a.salary, b.salary) =
        (percentiles(44_150.0, Some(100_000.0), 108_510.0), percentiles(42_640.0, Some(97_000.0), 108_420.0));
    (a.projected_growth, b.projected_growth) = (Some(7.5), Some(7.0));
    (a.annual_openings, b.annual_openings) = (Some(44_000), Some(81_000));
    let c = compare(a.clone(), b.clone());
    // $90 apart at the 90th percentile, half a point of growth in ten
    // years (Web Developers against Web and Digital Interface
    // Designers): even.
    assert_eq!(verdict(&c, "pay_p90"), Verdict::Tie);
    assert_eq!(verdict(&c, "projected_growth"), Verdict::Tie);
    (a.projected_growth, b.projected_growth) = (Some(4.9), Some(2.6));
    assert_eq!(verdict(&compare(a.clone(), b.clone()), "projected_growth"), Verdict::A, "RN against LPN: an edge");
    // 3.5 % and 3.1 % apart: an edge.
    assert_eq!(verdict(&c, "pay_p10"), Verdict::A);
    assert_eq!(verdict(&c, "salary_median"), Verdict::A);
    assert_eq!(verdict(&c, "annual_openings"), Verdict::B);
    let even = c.conclusion.iter().find(|s| s.starts_with("They are about even on")).expect("an even sentence");
    assert!(even.contains("pay at the 90th percentile ($108,510/yr vs $108,420/yr)"), "{even}");
    assert!(!c.choose_a.iter().any(|s| s.contains("108,510")), "{:?}", c.choose_a);
}

#[test]
fn sentences_name_what_the_lists_hold() {
    let overlap = |onet_a: bool, onet_b: bool| {
        let (mut a, mut b) = (career("a"), career("b"));
        a.skills = vec![skill("Python", &[]), skill("Welding", &[])];
        b.skills = vec![skill("Python", &[]), skill("Sewing", &[])];
        a.onet = onet_a.then(Default::default);
        b.onet = onet_b.then(Default::default);
        let c = compare(a, b);
        let reason = c.transitions[0].reason.clone();
        (c.conclusion.iter().collect::<Vec<_>>().join(" "), reason)
    };
    for ((onet_a, onet_b), noun, singular) in [
        ((true, true), "technologies", "technology"),
        ((false, false), "skills", "skill"),
        ((true, false), "skills and technologies", "skill or technology"),
    ] {
        let (conclusion, reason) = overlap(onet_a, onet_b);
        assert!(conclusion.contains(&format!("They share 1 {singular} (")), "{conclusion}");
        assert!(conclusion.contains(&format!("distinct {noun} of the two")), "{conclusion}");
        assert!(reason.starts_with(&format!("They share 1 of the 3 distinct listed {noun} (33%)")), "{reason}");
    }
}

#[test]
fn a_long_shared_list_names_four_and_counts_the_rest_with_one_and() {
    let names = ["Kafka", "Spark", "Flink", "Hadoop", "Hive", "Presto"];
    let (mut a, mut b) = (career("a"), career("b"));
    a.skills = names.iter().map(|n| skill(n, &[])).collect();
    b.skills = names.iter().map(|n| skill(n, &[])).collect();
    let c = compare(a, b);
    let sentence = c.conclusion.iter().find(|s| s.contains("They share 6")).expect("an overlap sentence");
    let listed = sentence.split_once('(').and_then(|(_, rest)| rest.split_once(')')).expect("a list").0;
    assert_eq!(listed.matches(" and ").count(), 1, "{sentence}");
    assert!(listed.ends_with(" and 2 more"), "{sentence}");
    assert_eq!(listed.matches(", ").count(), 3, "{sentence}");
}
