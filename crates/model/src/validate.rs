//! Checks on values that parse but make no sense: ranges, orders, ids.

use crate::locate::Step;
use crate::suggest::did_you_mean;
use crate::{Career, Salary, Taxonomy, Wage};

/// A problem with a value, before it is located in the source.
#[derive(Debug)]
pub(crate) struct Problem {
    pub at: Vec<Step<'static>>,
    pub message: String,
    pub expected: String,
    /// The likely fix, or empty.
    pub help: String,
}

pub(crate) fn problem(at: Vec<Step<'static>>, message: String, expected: impl Into<String>) -> Problem {
    Problem { at, message, expected: expected.into(), help: String::new() }
}

/// Every problem with one career's values, in file order as far as known.
/// Skill tags are checked against `taxonomy` unless it is `None` (a
/// broken `skills.toml`, whose error says it all).
pub(crate) fn check_career(career: &Career, taxonomy: Option<&Taxonomy>) -> Vec<Problem> {
    let mut problems = Vec::new();
    if career.title.trim().is_empty() {
        problems.push(problem(
            vec![Step::Key("title")],
            "missing `title`".into(),
            "a line `title = \"Career name\"` in the front matter",
        ));
    }
    if let Some(salary) = &career.salary {
        check_salary(salary, &mut problems);
    }
    check_range(career.demand_score, "demand_score", 0.0, 10.0, &mut problems);
    check_range(career.ai_risk, "ai_risk", 0.0, 100.0, &mut problems);
    check_range(career.learning_months.map(f64::from), "learning_months", 0.0, 600.0, &mut problems);
    check_range(career.projected_growth, "projected_growth", -100.0, 1000.0, &mut problems);
    check_range(career.ai_exposure, "ai_exposure", 0.0, 100.0, &mut problems);
    if let Some(url) = &career.outlook_url
        && !is_web_url(url)
    {
        problems.push(problem(
            vec![Step::Key("outlook_url")],
            format!("`outlook_url` is not a web address: {url:?}"),
            "an address starting with https:// or http://",
        ));
    }
    if let Some(ratings) = &career.ratings {
        check_ratings(ratings, &mut problems);
    }
    let interests = career.interests.map(|i| ("interests", i.scores()));
    let values = career.work_values.map(|v| ("work_values", v.scores()));
    for (table, scores) in interests.into_iter().chain(values) {
        check_scores(table, &scores, &mut problems);
    }
    if let Some(zone) = career.onet.as_ref().and_then(|o| o.job_zone)
        && !(1..=5).contains(&zone)
    {
        problems.push(problem(
            vec![Step::Key("onet"), Step::Key("job_zone")],
            format!("`job_zone` is {zone}, outside 1 to 5"),
            "a job zone from 1 to 5",
        ));
    }
    for (i, skill) in career.skills.iter().enumerate() {
        if skill.name.trim().is_empty() {
            problems.push(problem(
                vec![Step::Key("skills"), Step::Index(i)],
                "empty skill name".into(),
                "a skill phrase such as \"Python\"",
            ));
        }
        let Some(taxonomy) = taxonomy else { continue };
        for (j, tag) in skill.tags.iter().enumerate() {
            if taxonomy.index_of(tag).is_none() {
                let ids = taxonomy.skills().iter().map(|s| s.id.as_str());
                let help = did_you_mean(tag, ids).map(|id| format!("did you mean `{id}`?")).unwrap_or_default();
                problems.push(Problem {
                    help,
                    ..problem(
                        vec![Step::Key("skills"), Step::Index(i), Step::Key("tags"), Step::Index(j)],
                        format!("unknown skill id `{tag}`"),
                        "a skill id defined in skills.toml",
                    )
                });
            }
        }
    }
    problems
}

fn check_range(value: Option<f64>, key: &'static str, min: f64, max: f64, out: &mut Vec<Problem>) {
    let Some(value) = value else { return };
    if !(min..=max).contains(&value) {
        out.push(problem(
            vec![Step::Key(key)],
            format!("`{key}` is {value}, outside {min} to {max}"),
            format!("a number from {min} to {max}"),
        ));
    }
}

/// An absolute `http` or `https` URL with a host and no spaces or control
/// characters.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    let host = rest.and_then(|r| r.split(['/', '?', '#']).next()).unwrap_or_default();
    !host.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control() || c == '\\')
}

fn check_ratings(ratings: &crate::Ratings, out: &mut Vec<Problem>) {
    for (table, items) in [("skills", &ratings.skills), ("knowledge", &ratings.knowledge)] {
        for (name, rating) in items {
            let mut check = |key: &'static str, value: f64, min: f64, max: f64| {
                if !(min..=max).contains(&value) {
                    out.push(problem(
                        vec![Step::Key("ratings"), Step::Key(table), Step::Owned(name.clone()), Step::Key(key)],
                        format!("`{key}` of {name:?} is {value}, outside {min} to {max}"),
                        format!("a number from {min} to {max} (O*NET's scale)"),
                    ));
                }
            };
            check("importance", rating.importance, 1.0, 5.0);
            if let Some(level) = rating.level {
                check("level", level, 0.0, 7.0);
            }
        }
    }
}

fn check_scores(table: &'static str, scores: &[crate::Score], out: &mut Vec<Problem>) {
    let (min, max) = crate::SCORE_RANGE;
    for score in scores.iter().filter(|s| !(min..=max).contains(&s.value)) {
        out.push(problem(
            vec![Step::Key(table), Step::Key(score.key)],
            format!("`{}` is {}, outside {min} to {max}", score.key, score.value),
            format!("a number from {min} to {max} (O*NET's scale)"),
        ));
    }
}

fn check_salary(salary: &Salary, out: &mut Vec<Problem>) {
    let at = |key: &'static str| vec![Step::Key("salary"), Step::Key(key)];
    let amounts = salary.figures().map(|(key, wage)| (key, wage.map(Wage::amount)));
    for (key, value) in amounts {
        if let Some(v) = value.filter(|v| !v.is_finite() || *v < 0.0) {
            out.push(problem(at(key), format!("salary `{key}` is {v}"), "an amount of 0 or more"));
        }
    }
    if let (Some(min), Some(max)) = (salary.min, salary.max)
        && min > max
    {
        out.push(problem(
            at("min"),
            format!("salary `min` ({min}) is above `max` ({max})"),
            "`min` less than or equal to `max`",
        ));
    }
    let percentiles: Vec<(&str, f64)> = amounts[1..6].iter().filter_map(|(k, v)| v.map(|v| (*k, v))).collect();
    for pair in percentiles.windows(2) {
        let ((lo_key, lo), (hi_key, hi)) = (pair[0], pair[1]);
        if lo > hi {
            out.push(problem(
                at(hi_key),
                format!("salary `{hi_key}` ({hi}) is below `{lo_key}` ({lo})"),
                "percentiles in increasing order: p10 ≤ p25 ≤ median ≤ p75 ≤ p90",
            ));
        }
    }
    let currency = &salary.currency;
    if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
        out.push(problem(
            at("currency"),
            format!("currency `{currency}` is not an ISO 4217 code"),
            "three capital letters such as \"USD\"",
        ));
    }
}
