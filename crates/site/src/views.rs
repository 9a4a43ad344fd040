//! What a career looks like to the templates: its values as shown, its pay
//! chart, its roadmap steps and its schema.org JSON-LD.

use careerdiff_compare::{Fact, facts};
use careerdiff_model::{Career, Period, Salary, Taxonomy, Wage, display};
use serde::Serialize;

use crate::item_links::{CareerItem, important_items};
use crate::markdown::{split_roadmap, to_html};
use crate::urls::{career_path, roadmap_path, skill_path};

/// One interest or work value of a career, as its page shows it.
#[derive(Serialize)]
pub(crate) struct ScoreView {
    pub name: &'static str,
    /// 1 to 7.
    pub value: f64,
    /// What a high score means.
    pub meaning: &'static str,
}

/// `scores`, highest first (equal ones in O*NET's order).
fn score_views(scores: Option<[careerdiff_model::Score; 6]>) -> Vec<ScoreView> {
    let mut views: Vec<ScoreView> = scores
        .into_iter()
        .flatten()
        .map(|score| ScoreView { name: score.name, value: score.value, meaning: score.meaning })
        .collect();
    views.sort_by(|x, y| y.value.total_cmp(&x.value));
    views
}

/// A career as its pages and the pair pages show it.
#[derive(Serialize)]
pub(crate) struct CareerView<'c> {
    pub slug: &'c str,
    pub title: &'c str,
    pub url: String,
    pub roadmap_url: String,
    pub category: Option<&'c str>,
    pub summary: Option<&'c str>,
    pub education: Option<&'c str>,
    pub education_source: Option<&'c str>,
    /// The at-a-glance values the career has, each with its source.
    pub facts: Vec<FactView>,
    /// The labels of those it has no data for, listed in one line.
    pub missing_facts: Vec<&'static str>,
    /// Skills in the comparer's order (in demand first, then what similar
    /// careers use too), each linked to its skill page.
    pub skills: Vec<SkillLink<'c>>,
    /// Whether O*NET (or the writer) rated the skills and knowledge the work needs.
    pub rated: bool,
    /// The skills and knowledge areas rated important to the work, each
    /// linked to its page.
    pub important_items: Vec<CareerItem<'c>>,
    /// Where the ratings come from.
    pub ratings_source: Option<&'c str>,
    /// O*NET's interest profile, highest first (empty without one).
    pub interests: Vec<ScoreView>,
    pub interests_source: Option<&'c str>,
    /// O*NET's work values, highest first (empty without them).
    pub work_values: Vec<ScoreView>,
    pub work_values_source: Option<&'c str>,
    pub tasks: &'c [String],
    pub alternate_titles: &'c [String],
    pub salary_source: Option<&'c str>,
    /// The wider group the pay figures are for, when they are not the career's own.
    pub salary_group: Option<&'c str>,
    /// The wider group the projections are for, when they are not the career's own.
    pub projections_group: Option<&'c str>,
    /// What entry usually needs, in the publisher's words: (what, requirement).
    pub entry: Vec<(&'static str, &'c str)>,
    /// A page with more about the career (its BLS Occupational Outlook Handbook profile).
    pub outlook_url: Option<&'c str>,
    /// "How to become an Actuary", or "How to get into Farmworkers and
    /// Laborers, …" when there is no singular name to put an article before.
    pub become_heading: String,
    /// Every published pay figure, as shown.
    pub wages: Vec<WageView>,
    /// The figures the salary chart draws, when there are any.
    pub chart: Option<ChartPoints>,
    pub onet_code: Option<&'c str>,
    pub job_zone_name: Option<&'c str>,
    /// The body before any `## Roadmap` section, as HTML (a safe string:
    /// Markdown with raw HTML turned to text; empty when there is none).
    pub overview: minijinja::Value,
    /// The writer's roadmap, when the body has a `## Roadmap` section, as
    /// HTML (a safe string, or none).
    pub roadmap: minijinja::Value,
    /// Otherwise, steps built from the career's data.
    pub roadmap_steps: Vec<String>,
    /// Most similar careers, with the URL of the pair page when it exists.
    pub similar: Vec<SimilarView>,
    /// schema.org `Occupation`, for the career page.
    pub json_ld: serde_json::Value,
}

/// One skill with the URL of its skill page.
#[derive(Serialize)]
pub(crate) struct SkillLink<'c> {
    pub name: &'c str,
    pub hot: bool,
    pub in_demand: bool,
    pub url: Option<String>,
}

#[derive(Serialize)]
pub(crate) struct SimilarView {
    pub slug: String,
    pub title: String,
    pub score: f64,
    pub career_url: String,
    pub pair_url: Option<String>,
}

#[derive(Serialize)]
pub(crate) struct WageView {
    label: &'static str,
    shown: String,
}

/// Pay figures for the chart: a box from the 25th to the 75th percentile
/// with whiskers to the lowest and highest figure and a median tick, or a
/// plain bar for an advertised range. Amounts are raw; templates scale them.
#[derive(Serialize)]
pub(crate) struct ChartPoints {
    low: f64,
    high: f64,
    box_low: Option<f64>,
    box_high: Option<f64>,
    median: Option<f64>,
    /// "per year" or "per hour": charts of different periods are not drawn on one scale.
    period: &'static str,
    /// What amounts are written with ("$"); charts of different currencies
    /// are not drawn on one scale either.
    prefix: String,
    /// What the line's ends are: "10th percentile" and "90th percentile",
    /// or a salary range's "salary floor" and "salary ceiling".
    low_name: &'static str,
    high_name: &'static str,
    /// One sentence that says what the line, the box and the mark show.
    legend: String,
}

impl<'c> CareerView<'c> {
    /// The view of `career`, its skills in `order` (the comparer's order
    /// of its phrases: in demand first, then what similar careers use too,
    /// office and ERP suites last, as on pair pages); its roadmap names
    /// those of `learn_first` (the comparer's phrases worth learning first).
    pub(crate) fn new(
        career: &'c Career,
        taxonomy: &Taxonomy,
        similar: Vec<SimilarView>,
        (order, learn_first): (&[u32], &careerdiff_compare::LearnFirst),
    ) -> Self {
        let (overview, roadmap) = split_roadmap(&career.body);
        let onet = career.onet.as_ref();
        let skills: Vec<SkillLink<'c>> = order
            .iter()
            .map(|&i| &career.skills[i as usize])
            .map(|s| SkillLink {
                name: &s.name,
                hot: s.hot,
                in_demand: s.in_demand,
                url: taxonomy.canonical_ids(s).first().map(|&i| skill_path(&taxonomy.get(i).id)),
            })
            .collect();
        let mut all_facts = facts(career);
        all_facts.retain(|f| !OWN_SECTION.contains(&f.key));
        CareerView {
            slug: &career.slug,
            title: &career.title,
            url: career_path(&career.slug),
            roadmap_url: roadmap_path(&career.slug),
            category: career.category.as_deref(),
            summary: career.summary.as_deref(),
            education: career.education.as_deref(),
            education_source: career.provenance.get("education").map(String::as_str),
            facts: all_facts.iter().filter_map(|f| FactView::of(f, career)).collect(),
            missing_facts: all_facts
                .iter()
                .filter(|f| f.value.is_none())
                .filter(|f| career.onet.is_none() || !WRITER_ONLY.contains(&f.key))
                .map(|f| f.label)
                .collect(),
            skills,
            rated: career.ratings.is_some(),
            important_items: important_items(career),
            ratings_source: career.provenance.get("ratings").map(String::as_str),
            interests: score_views(career.interests.map(|i| i.scores())),
            interests_source: career.provenance.get("interests").map(String::as_str),
            work_values: score_views(career.work_values.map(|v| v.scores())),
            work_values_source: career.provenance.get("work_values").map(String::as_str),
            tasks: &career.tasks,
            alternate_titles: &career.alternate_titles,
            salary_source: career.salary.as_ref().and_then(|s| s.source.as_deref()),
            salary_group: career.salary.as_ref().and_then(|s| s.group.as_deref()),
            projections_group: career.projections_group.as_deref(),
            entry: [
                ("Education", &career.entry_education),
                ("Work experience", &career.entry_experience),
                ("On-the-job training", &career.entry_training),
            ]
            .into_iter()
            .filter_map(|(what, value)| Some((what, value.as_deref()?)))
            .collect(),
            // Checked when the content is loaded; checked again here for
            // careers built by other means than `load_content`.
            outlook_url: career.outlook_url.as_deref().filter(|url| careerdiff_model::is_web_url(url)),
            become_heading: become_heading(career),
            wages: career.salary.as_ref().map(wage_views).unwrap_or_default(),
            chart: career.salary.as_ref().and_then(ChartPoints::of),
            onet_code: onet.map(|o| o.code.as_str()),
            job_zone_name: onet.and_then(|o| o.job_zone_name.as_deref()),
            overview: minijinja::Value::from_safe_string(to_html(overview)),
            roadmap: roadmap.map_or(minijinja::Value::from(()), |r| minijinja::Value::from_safe_string(to_html(r))),
            roadmap_steps: if roadmap.is_some() { Vec::new() } else { roadmap_steps(career, learn_first) },
            similar,
            json_ld: json_ld(career),
        }
    }
}

/// Figures only writers give (no public source publishes them): an
/// imported career without one is not missing anything.
const WRITER_ONLY: &[&str] =
    &["salary_floor", "salary_ceiling", "demand_score", "ai_risk", "learning_months", "difficulty"];

/// Figures the career page shows in a section of their own ("What entry
/// usually needs"), not again at a glance.
const OWN_SECTION: &[&str] = &["entry_education"];

/// One at-a-glance value with the source that publishes it.
#[derive(Serialize)]
pub(crate) struct FactView {
    key: &'static str,
    label: &'static str,
    value: String,
    /// Where the figure comes from: the career file's provenance for the
    /// field, or the writer when there is none.
    source: Option<String>,
}

impl FactView {
    fn of(fact: &Fact, career: &Career) -> Option<Self> {
        let value = fact.value.clone()?;
        let field = match fact.key {
            "salary_floor" | "salary_ceiling" | "pay_p10" | "salary_median" | "pay_p90" => "salary",
            "job_zone" => "onet",
            other => other,
        };
        let source = career.provenance.get(field).cloned().or_else(|| {
            let salary_source = career.salary.as_ref().and_then(|s| s.source.clone());
            if field == "salary" { salary_source } else { None }
        });
        Some(FactView { key: fact.key, label: fact.label, value, source })
    }
}

/// The roadmap's heading: with an article before the singular name when
/// there is one, else words that need none.
pub(crate) fn become_heading(career: &Career) -> String {
    // A hand-written career's title names one person ("AI Middleware
    // Engineer"); an imported one's is O*NET's plural ("Actuaries").
    let one = career.singular.as_deref().or(career.onet.is_none().then_some(career.title.as_str()));
    match one {
        Some(one) => {
            let article = if one.starts_with(['A', 'E', 'I', 'O', 'U', 'a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
            format!("How to become {article} {one}")
        }
        None => format!("How to get into {}", career.title),
    }
}

fn wage_views(salary: &Salary) -> Vec<WageView> {
    let label = |key| match key {
        "min" => "Bottom of the range given",
        "p10" => "10th percentile",
        "p25" => "25th percentile",
        "median" => "Median",
        "p75" => "75th percentile",
        "p90" => "90th percentile",
        "mean" => "Mean",
        _ => "Top of the range given",
    };
    let suffix = salary.period.suffix();
    salary
        .figures()
        .into_iter()
        .filter_map(|(key, w)| {
            Some(WageView { label: label(key), shown: format!("{}{suffix}", display::wage(salary, w?)) })
        })
        .collect()
}

impl ChartPoints {
    fn of(salary: &Salary) -> Option<Self> {
        let amount = |w: Option<Wage>| w.map(Wage::amount);
        let period = match salary.period {
            Period::Year => "per year",
            Period::Month => "per month",
            Period::Hour => "per hour",
        };
        let low_name = if salary.min.is_some() { "salary floor" } else { "10th percentile" };
        let high_name = if salary.max.is_some() { "salary ceiling" } else { "90th percentile" };
        let (box_low, box_high) = (amount(salary.p25), amount(salary.p75));
        let median = amount(salary.median);
        let mut legend = match (salary.min, salary.max) {
            (None, None) => "The line runs from the 10th to the 90th percentile".to_owned(),
            _ => format!("The line runs from the {low_name} to the {high_name}"),
        };
        if box_low.is_some() && box_high.is_some() {
            legend.push_str(", the box from the 25th to the 75th percentile");
        }
        if median.is_some() {
            legend.push_str(", and the mark is the median");
        }
        legend.push('.');
        Some(ChartPoints {
            low: salary.floor()?,
            high: salary.ceiling()?,
            box_low,
            box_high,
            median,
            period,
            prefix: salary.currency_prefix(),
            low_name,
            high_name,
            legend,
        })
    }
}

/// Steps into a career built from its data, for careers whose writers gave
/// no roadmap: education, the preparation its job zone asks for, a licence
/// where O*NET says one is needed, the skills to learn (in demand first),
/// and the time it takes. Nothing is invented: a step appears only when
/// its data does.
fn roadmap_steps(career: &Career, learn_first: &careerdiff_compare::LearnFirst) -> Vec<String> {
    let mut steps = Vec::new();
    // BLS's typical entry requirements where the career has them; O*NET's
    // most common required education and its job zone's wording otherwise
    // (the zone's text describes the zone, not this career).
    match (&career.entry_education, &career.education) {
        (Some(education), _) => steps.push(format!("Typical education for entry (BLS): {education}.")),
        (None, Some(education)) => {
            steps.push(format!("The education the work most often requires (O*NET): {education}."))
        }
        (None, None) => {}
    }
    let bls = [("Work experience usually needed first", &career.entry_experience), ("Then", &career.entry_training)];
    let bls_listed = bls.iter().any(|(_, value)| value.is_some());
    if bls_listed {
        for (what, value) in bls {
            match value.as_deref() {
                Some("None") if what == "Then" => {}
                Some("None") => steps.push("No work experience in a related occupation is usually needed.".to_owned()),
                Some(value) if what == "Then" => steps.push(format!("On the job: {}.", lower_first(value))),
                Some(value) => steps.push(format!("{what}: {}.", lower_first(value))),
                None => {}
            }
        }
    } else if let Some(onet) = &career.onet {
        for text in [&onet.experience, &onet.training].into_iter().flatten() {
            steps.push(text.clone());
        }
    }
    // Requirements BLS gives only for a wider occupation are said to be
    // that occupation's: "5 years or more" of a natural sciences manager is
    // not what a clinical research coordinator needs first.
    if let Some(group) = career.projections_group.as_deref().filter(|_| career.entry_education.is_some() || bls_listed)
    {
        steps.push(format!(
            "BLS gives these entry requirements for {group}, the wider occupation that includes this one."
        ));
    }
    steps.extend(crate::licence::licence_step(career));
    if let Some(ratings) = &career.ratings {
        let mut items: Vec<(&String, &careerdiff_model::Rating)> =
            ratings.skills.iter().chain(ratings.knowledge.iter()).collect();
        items.sort_by(|x, y| y.1.importance.total_cmp(&x.1.importance).then(x.0.cmp(y.0)));
        let named: Vec<String> = items
            .iter()
            .take(5)
            .map(|(name, r)| match r.level {
                Some(level) => format!("{name} (level {} of 7)", display::tenths(level)),
                None => (*name).clone(),
            })
            .collect();
        if !named.is_empty() {
            steps.push(format!("Build what O*NET rates most important to the work: {}.", named.join(", ")));
        }
    }
    // Technologies employers name (the comparer leaves out the office
    // suites everyone uses) and, for an imported career, what its field
    // uses most first.
    let pick = |want: fn(&careerdiff_model::SkillRef) -> bool| -> Vec<&str> {
        let in_order = learn_first.phrases.iter().map(|&i| &career.skills[i as usize]);
        in_order.filter(|s| want(s)).take(6).map(|s| s.name.as_str()).collect()
    };
    let field = if learn_first.by_field { " that similar careers use too" } else { "" };
    let in_demand = pick(|s| s.in_demand);
    if !in_demand.is_empty() {
        let list = in_demand.join(", ");
        steps.push(format!("Learn the technologies its employers ask for (O*NET: in demand){field}: {list}."));
    }
    let hot = pick(|s| s.hot && !s.in_demand);
    if !hot.is_empty() {
        let lead = if in_demand.is_empty() { "Learn the" } else { "Then other" };
        let list = hot.join(", ");
        steps.push(format!("{lead} technologies often named in job postings (O*NET: hot){field}: {list}."));
    }
    if let Some(months) = career.own_learning_months() {
        steps.push(format!("Plan for about {months} months of preparation in all."));
    } else if let Some(zone) = career.onet.as_ref().and_then(|o| o.job_zone) {
        let typical = display::job_zone_preparation(zone);
        steps.push(format!("Careers in O*NET job zone {zone} typically take {typical} of preparation."));
    }
    steps
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

/// schema.org `Occupation`, with wages as a `MonetaryAmountDistribution`
/// and the O*NET-SOC code as `occupationalCategory`.
fn json_ld(career: &Career) -> serde_json::Value {
    let mut ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": career.title,
    });
    if let Some(summary) = &career.summary {
        ld["description"] = summary.clone().into();
    }
    if let Some(onet) = &career.onet {
        ld["occupationalCategory"] = onet.code.clone().into();
    }
    if let Some(education) = &career.education {
        ld["educationRequirements"] = education.clone().into();
    }
    if !career.skills.is_empty() {
        ld["skills"] = career.skills.iter().take(20).map(|s| s.name.clone()).collect::<Vec<_>>().join(", ").into();
    }
    if let Some(salary) = &career.salary {
        let duration = match salary.period {
            Period::Year => "P1Y",
            Period::Month => "P1M",
            Period::Hour => "PT1H",
        };
        let mut estimate = serde_json::json!({ "@type": "MonetaryAmountDistribution", "name": "base", "currency": salary.currency, "duration": duration });
        let figures = [
            ("percentile10", salary.p10.or(salary.min.map(Wage::Exact))),
            ("percentile25", salary.p25),
            ("median", salary.median),
            ("percentile75", salary.p75),
            ("percentile90", salary.p90.or(salary.max.map(Wage::Exact))),
        ];
        for (key, wage) in figures {
            if let Some(w) = wage {
                estimate[key] = w.amount().into();
            }
        }
        ld["estimatedSalary"] = serde_json::Value::Array(vec![estimate]);
    }
    ld
}

#[cfg(test)]
mod tests {
    use careerdiff_compare::LearnFirst;
    use careerdiff_model::Career;

    use super::roadmap_steps;

    #[test]
    fn entry_requirements_of_a_wider_occupation_are_said_to_be_its() {
        // Clinical research coordinators: BLS projects them, and gives entry
        // requirements, only within natural sciences managers.
        let coordinators = Career {
            entry_education: Some("Bachelor's degree".into()),
            entry_experience: Some("5 years or more".into()),
            projections_group: Some("Natural sciences managers".into()),
            ..Career::default()
        };
        let none = LearnFirst { phrases: Vec::new(), by_field: false };
        let steps = roadmap_steps(&coordinators, &none);
        let experience = steps.iter().position(|s| s.contains("5 years or more")).expect("the experience step");
        let said = steps.iter().position(|s| s.contains("for Natural sciences managers, the wider occupation"));
        assert!(said.is_some_and(|said| said > experience), "{steps:?}");
        let own = Career { projections_group: None, ..coordinators };
        assert!(roadmap_steps(&own, &none).iter().all(|s| !s.contains("wider occupation")));
    }
}
