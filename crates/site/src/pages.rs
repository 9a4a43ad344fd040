//! What each page shows: the values handed to the templates, and the
//! parallel rendering of every page.

use std::collections::BTreeMap;

use careerdiff_compare::{Comparer, Comparison, Fact, Similar, facts};
use careerdiff_model::{Career, PairPolicy, Period, Salary, Wage, display};
use minijinja::{Value, context};
use rayon::prelude::*;
use serde::Serialize;

use crate::markdown::{split_roadmap, to_html};
use crate::output::Destination;
use crate::theme::Theme;
use crate::urls::{career_path, pair_path};
use crate::{BuildOptions, BuildReport, SiteError, sitemap};

/// How many similar careers a career page and a pair page link to.
const SIMILAR_SHOWN: usize = 6;
/// How many comparisons the home page features.
const POPULAR_SHOWN: usize = 12;

/// A career as its page and the pair pages show it.
#[derive(Serialize)]
struct CareerView<'c> {
    slug: &'c str,
    title: &'c str,
    url: String,
    category: Option<&'c str>,
    summary: Option<&'c str>,
    education: Option<&'c str>,
    facts: Vec<Fact>,
    skills: &'c [careerdiff_model::SkillRef],
    tasks: &'c [String],
    alternate_titles: &'c [String],
    salary_source: Option<&'c str>,
    /// Every published pay figure, as shown.
    wages: Vec<WageView>,
    /// The figures the salary chart draws, when there are any.
    chart: Option<ChartPoints>,
    onet_code: Option<&'c str>,
    overview_html: String,
    roadmap_html: Option<String>,
    /// Most similar careers, with the URL of the pair page when it exists.
    similar: Vec<SimilarView>,
}

#[derive(Serialize)]
struct WageView {
    label: &'static str,
    shown: String,
}

fn wage_views(salary: &Salary) -> Vec<WageView> {
    let figures = [
        ("Advertised minimum", salary.min.map(Wage::Exact)),
        ("Advertised maximum", salary.max.map(Wage::Exact)),
        ("10th percentile", salary.p10),
        ("25th percentile", salary.p25),
        ("Median", salary.median),
        ("75th percentile", salary.p75),
        ("90th percentile", salary.p90),
        ("Mean", salary.mean),
    ];
    let suffix = salary.period.suffix();
    figures
        .into_iter()
        .filter_map(|(label, w)| Some(WageView { label, shown: format!("{}{suffix}", display::wage(salary, w?)) }))
        .collect()
}

/// Pay figures for the chart: a box from the 25th to the 75th percentile
/// with whiskers to the 10th and 90th and a median tick, or a plain bar for
/// an advertised range. Amounts are raw; templates scale them.
#[derive(Serialize)]
struct ChartPoints {
    low: f64,
    high: f64,
    box_low: Option<f64>,
    box_high: Option<f64>,
    median: Option<f64>,
    /// "per year" or "per hour": charts of different periods are not drawn on one scale.
    period: &'static str,
}

impl ChartPoints {
    fn of(salary: &Salary) -> Option<Self> {
        let amount = |w: Option<Wage>| w.map(Wage::amount);
        let low = salary.floor()?;
        let high = salary.ceiling()?;
        let period = match salary.period {
            Period::Year => "per year",
            Period::Month => "per month",
            Period::Hour => "per hour",
        };
        Some(ChartPoints {
            low,
            high,
            box_low: amount(salary.p25),
            box_high: amount(salary.p75),
            median: amount(salary.median),
            period,
        })
    }
}

#[derive(Serialize)]
struct SimilarView {
    slug: String,
    title: String,
    score: f64,
    career_url: String,
    pair_url: Option<String>,
}

/// Everything the pages need that is computed once per build.
struct Plan<'c> {
    comparer: &'c Comparer<'c>,
    pairs: Vec<(u32, u32)>,
    careers: Vec<Value>,
    similar: Vec<Vec<Similar>>,
}

impl<'c> Plan<'c> {
    fn new(comparer: &'c Comparer<'c>) -> Self {
        let content = comparer.content();
        let pairs = comparer.pairs(&content.site.pairs);
        let similar: Vec<Vec<Similar>> =
            (0..content.careers.len()).into_par_iter().map(|i| comparer.similar(i, SIMILAR_SHOWN + 1)).collect();
        let mut plan = Plan { comparer, pairs, careers: Vec::new(), similar };
        plan.careers = content.careers.iter().enumerate().map(|(i, c)| plan.career_view(i, c)).collect();
        plan
    }

    fn has_pair(&self, i: usize, j: usize) -> bool {
        let key = (i.min(j) as u32, i.max(j) as u32);
        match self.comparer.content().site.pairs {
            PairPolicy::All => i != j,
            PairPolicy::Similar { .. } => self.pairs.binary_search(&key).is_ok(),
        }
    }

    fn career_view(&self, idx: usize, career: &'c Career) -> Value {
        let (overview, roadmap) = split_roadmap(&career.body);
        let similar = self.similar[idx]
            .iter()
            .take(SIMILAR_SHOWN)
            .map(|s| SimilarView {
                slug: s.slug.clone(),
                title: s.title.clone(),
                score: s.score,
                career_url: career_path(&s.slug),
                pair_url: self.has_pair(idx, s.index).then(|| pair_path(&career.slug, &s.slug)),
            })
            .collect();
        Value::from_serialize(CareerView {
            slug: &career.slug,
            title: &career.title,
            url: career_path(&career.slug),
            category: career.category.as_deref(),
            summary: career.summary.as_deref(),
            education: career.education.as_deref(),
            facts: facts(career),
            skills: &career.skills,
            tasks: &career.tasks,
            alternate_titles: &career.alternate_titles,
            salary_source: career.salary.as_ref().and_then(|s| s.source.as_deref()),
            wages: career.salary.as_ref().map(wage_views).unwrap_or_default(),
            chart: career.salary.as_ref().and_then(ChartPoints::of),
            onet_code: career.onet.as_ref().map(|o| o.code.as_str()),
            overview_html: to_html(overview),
            roadmap_html: roadmap.map(to_html),
            similar,
        })
    }

    /// The home page's featured comparisons: the most similar pairs that
    /// have a page, best first, each pair once.
    fn popular(&self) -> Vec<Value> {
        let careers = &self.comparer.content().careers;
        let mut best: Vec<(f64, usize, usize)> = Vec::new();
        for (i, list) in self.similar.iter().enumerate() {
            for s in list.iter().filter(|s| s.index > i && self.has_pair(i, s.index)) {
                best.push((s.score, i, s.index));
            }
        }
        best.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
        best.into_iter()
            .take(POPULAR_SHOWN)
            .map(|(_, i, j)| {
                context! {
                    a => careers[i].title, b => careers[j].title,
                    url => pair_path(&careers[i].slug, &careers[j].slug),
                }
            })
            .collect()
    }
}

fn page(path: &str, title: String, description: String, root: &str) -> Value {
    context! { path, title, description, root }
}

/// Renders every page of `options.shard` into `out`.
pub(crate) fn render_all(
    comparer: &Comparer<'_>,
    theme: &Theme,
    out: &Destination,
    options: &BuildOptions,
) -> Result<BuildReport, SiteError> {
    let plan = Plan::new(comparer);
    let content = comparer.content();
    let site = context! { credits => credits(content), ..Value::from_serialize(&content.site) };
    out.create_dirs(["careers", "compare"])?;
    let mut report = BuildReport::default();
    if options.shard.owns_site_pages() {
        report.add(render_site_pages(&plan, theme, &site, out)?);
    }
    let mine: Vec<(u32, u32)> =
        plan.pairs.iter().enumerate().filter(|(n, _)| options.shard.owns_pair(*n)).map(|(_, &p)| p).collect();
    if let Some(progress) = &options.progress {
        progress.start(mine.len() as u64);
    }
    let pair_pages = mine
        .par_iter()
        .zip(comparer.par_comparisons(&mine))
        .map(|(&(i, j), comparison)| {
            let written = render_pair(&plan, theme, &site, out, (i as usize, j as usize), &comparison)?;
            if let Some(progress) = &options.progress {
                progress.advance(1);
            }
            Ok::<_, SiteError>(written)
        })
        .try_reduce(BuildReport::default, |mut x, y| {
            x.add(y);
            Ok(x)
        })?;
    report.add(BuildReport { pair_pages: pair_pages.pages, pair_bytes: pair_pages.bytes, ..pair_pages });
    Ok(report)
}

/// Home, 404, career pages, sitemap and assets: every page but the pairs.
fn render_site_pages(
    plan: &Plan<'_>,
    theme: &Theme,
    site: &Value,
    out: &Destination,
) -> Result<BuildReport, SiteError> {
    let content = plan.comparer.content();
    let mut report = BuildReport::default();

    let mut categories: BTreeMap<&str, Vec<&Value>> = BTreeMap::new();
    for (career, view) in content.careers.iter().zip(&plan.careers) {
        categories.entry(career.category.as_deref().unwrap_or("Other")).or_default().push(view);
    }
    let home = theme.render(
        "home.html",
        context! {
            site, page => page("", content.site.title.clone(), content.site.description.clone(), ""),
            categories, popular => plan.popular(), n_careers => content.careers.len(), n_pairs => plan.pairs.len(),
        },
    )?;
    report.add(out.write("index.html", home.as_bytes())?);
    let base_path = base_path(&content.site.base_url);
    let not_found = theme.render(
        "404.html",
        context! { site, page => page("404.html", "Page not found".into(), String::new(), &base_path) },
    )?;
    report.add(out.write("404.html", not_found.as_bytes())?);

    let career_pages: Vec<BuildReport> = content
        .careers
        .par_iter()
        .zip(&plan.careers)
        .map(|(career, view)| {
            let path = career_path(&career.slug);
            let description = career
                .summary
                .clone()
                .unwrap_or_else(|| format!("{}: pay, skills and how to get there.", career.title));
            let html = theme.render(
                "career.html",
                context! { site, page => page(&path, career.title.clone(), description, "../"), career => view },
            )?;
            out.write(&path, html.as_bytes())
        })
        .collect::<Result<_, _>>()?;
    career_pages.into_iter().for_each(|r| report.add(r));
    report.add(sitemap::write(out, &content.site.base_url, &all_urls(plan))?);
    report.add(theme.write_static(out)?);
    Ok(report)
}

fn render_pair(
    plan: &Plan<'_>,
    theme: &Theme,
    site: &Value,
    out: &Destination,
    (i, j): (usize, usize),
    comparison: &Comparison,
) -> Result<BuildReport, SiteError> {
    let careers = &plan.comparer.content().careers;
    let (a, b) = (&careers[i], &careers[j]);
    let path = pair_path(&a.slug, &b.slug);
    let title = format!("{} vs {}", a.title, b.title);
    let description = format!(
        "{} vs {}: salary, demand, AI replacement risk, shared skills and how to move between them.",
        a.title, b.title
    );
    let others = |me: usize, other: usize| -> Vec<Value> {
        plan.similar[me]
            .iter()
            .filter(|s| s.index != other && plan.has_pair(me, s.index))
            .take(SIMILAR_SHOWN - 1)
            .map(|s| context! { title => s.title, url => pair_path(&careers[me].slug, &s.slug) })
            .collect()
    };
    let html = theme.render(
        "pair.html",
        context! {
            site, page => page(&path, title, description, "../"),
            a => plan.careers[i], b => plan.careers[j],
            cmp => Value::from_serialize(comparison),
            others_a => others(i, j), others_b => others(j, i),
        },
    )?;
    out.write(&path, html.as_bytes())
}

/// Every page path, for the sitemap: home, careers, pairs.
fn all_urls(plan: &Plan<'_>) -> Vec<String> {
    let careers = &plan.comparer.content().careers;
    let mut urls = vec![String::new()];
    urls.extend(careers.iter().map(|c| career_path(&c.slug)));
    urls.extend(plan.pairs.iter().map(|&(i, j)| pair_path(&careers[i as usize].slug, &careers[j as usize].slug)));
    urls
}

/// The path part of the base URL ("https://x.org/sub/" → "/sub/"), for
/// pages such as 404 that are served at any depth.
fn base_path(base_url: &str) -> String {
    let after_scheme = base_url.split_once("://").map_or(base_url, |(_, rest)| rest);
    match after_scheme.find('/') {
        Some(i) if base_url.contains("://") => after_scheme[i..].to_owned(),
        _ if base_url.starts_with('/') => base_url.to_owned(),
        _ => "/".to_owned(),
    }
}

/// The data-source credits the footer must carry, from what the content
/// actually uses: O*NET (CC BY 4.0 asks for attribution and a note that
/// values were modified) and BLS (public domain, credited as good practice).
fn credits(content: &careerdiff_model::Content) -> Vec<&'static str> {
    let mut credits = Vec::new();
    if content.careers.iter().any(|c| c.onet.is_some()) {
        credits.push(
            "This site includes information from O*NET 29.2 Database by the U.S. Department of Labor, \
             Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 license and \
             modified by careerdiff (some values are derived). O*NET® is a trademark of USDOL/ETA.",
        );
    }
    let uses_bls = content.careers.iter().any(|c| {
        c.salary.as_ref().and_then(|s| s.source.as_deref()).is_some_and(|s| s.contains("BLS") || s.contains("OEWS"))
    });
    if uses_bls {
        credits.push("Wages and employment: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025.");
    }
    credits
}
