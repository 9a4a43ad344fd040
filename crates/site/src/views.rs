//! What a career looks like to the templates: its values as shown, its pay
//! chart, its roadmap steps and its schema.org JSON-LD.

use careerdiff_compare::{Fact, facts};
use careerdiff_model::{Career, Period, Salary, Taxonomy, Wage, display};
use serde::Serialize;

use crate::markdown::{split_roadmap, to_html};
use crate::urls::{career_path, roadmap_path, skill_path};

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
    pub facts: Vec<Fact>,
    /// Skills, in-demand and hot first, each linked to its skill page.
    pub skills: Vec<SkillLink<'c>>,
    pub tasks: &'c [String],
    pub alternate_titles: &'c [String],
    pub salary_source: Option<&'c str>,
    /// Every published pay figure, as shown.
    pub wages: Vec<WageView>,
    /// The figures the salary chart draws, when there are any.
    pub chart: Option<ChartPoints>,
    pub onet_code: Option<&'c str>,
    pub job_zone_name: Option<&'c str>,
    pub overview_html: String,
    /// The writer's roadmap, when the body has a `## Roadmap` section.
    pub roadmap_html: Option<String>,
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
}

impl<'c> CareerView<'c> {
    pub(crate) fn new(career: &'c Career, taxonomy: &Taxonomy, similar: Vec<SimilarView>) -> Self {
        let (overview, roadmap) = split_roadmap(&career.body);
        let onet = career.onet.as_ref();
        let mut skills: Vec<SkillLink<'c>> = career
            .skills
            .iter()
            .map(|s| SkillLink {
                name: &s.name,
                hot: s.hot,
                in_demand: s.in_demand,
                url: taxonomy.canonical_ids(s).first().map(|&i| skill_path(&taxonomy.get(i).id)),
            })
            .collect();
        skills.sort_by_key(|s| (!s.in_demand, !s.hot));
        CareerView {
            slug: &career.slug,
            title: &career.title,
            url: career_path(&career.slug),
            roadmap_url: roadmap_path(&career.slug),
            category: career.category.as_deref(),
            summary: career.summary.as_deref(),
            education: career.education.as_deref(),
            facts: facts(career),
            skills,
            tasks: &career.tasks,
            alternate_titles: &career.alternate_titles,
            salary_source: career.salary.as_ref().and_then(|s| s.source.as_deref()),
            wages: career.salary.as_ref().map(wage_views).unwrap_or_default(),
            chart: career.salary.as_ref().and_then(ChartPoints::of),
            onet_code: onet.map(|o| o.code.as_str()),
            job_zone_name: onet.and_then(|o| o.job_zone_name.as_deref()),
            overview_html: to_html(overview),
            roadmap_html: roadmap.map(to_html),
            roadmap_steps: if roadmap.is_some() { Vec::new() } else { roadmap_steps(career) },
            similar,
            json_ld: json_ld(career),
        }
    }
}

fn wage_views(salary: &Salary) -> Vec<WageView> {
    let label = |key| match key {
        "min" => "Advertised minimum",
        "p10" => "10th percentile",
        "p25" => "25th percentile",
        "median" => "Median",
        "p75" => "75th percentile",
        "p90" => "90th percentile",
        "mean" => "Mean",
        _ => "Advertised maximum",
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
        Some(ChartPoints {
            low: salary.floor()?,
            high: salary.ceiling()?,
            box_low: amount(salary.p25),
            box_high: amount(salary.p75),
            median: amount(salary.median),
            period,
        })
    }
}

/// Steps into a career built from its data, for careers whose writers gave
/// no roadmap: education, the preparation its job zone asks for, the skills
/// to learn (in demand first), and the time it takes. Nothing is invented:
/// a step appears only when its data does.
fn roadmap_steps(career: &Career) -> Vec<String> {
    let mut steps = Vec::new();
    if let Some(education) = &career.education {
        steps.push(format!("Get the education most people in the role have: {education}."));
    }
    if let Some(onet) = &career.onet {
        for text in [&onet.experience, &onet.training].into_iter().flatten() {
            steps.push(text.clone());
        }
    }
    let pick = |want: fn(&careerdiff_model::SkillRef) -> bool| -> Vec<&str> {
        career.skills.iter().filter(|s| want(s)).take(8).map(|s| s.name.as_str()).collect()
    };
    let in_demand = pick(|s| s.in_demand);
    if !in_demand.is_empty() {
        steps.push(format!("Learn the skills employers ask for most: {}.", in_demand.join(", ")));
    }
    let hot = pick(|s| s.hot && !s.in_demand);
    if !hot.is_empty() {
        steps.push(format!("Then the technologies often named in job postings: {}.", hot.join(", ")));
    }
    if let Some(months) = career.learning_months {
        steps.push(format!("Plan for about {months} months of preparation in all."));
    }
    steps
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
