//! Rendering every page in parallel: the site pages once, the pair pages
//! streamed straight from the comparer to disk.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};

use careerdiff_compare::{Comparer, Comparison};
use minijinja::{Value, context};
use rayon::prelude::*;

use careerdiff_model::PairPolicy;

use crate::fields::fields;
use crate::output::Destination;
use crate::pair_data::PairParts;
use crate::plan::Plan;
use crate::theme::Theme;
use crate::urls::{career_path, pair_path, roadmap_path};
use crate::{BuildOptions, BuildReport, SiteError, sitemap};
use crate::{credits, item_pages, listings, tool_data};

/// How many skills of each list a pair page shows.
const SKILLS_SHOWN: usize = 12;
/// How many skills to learn first a pair page names per direction.
const LEARN_SHOWN: usize = 5;

/// The values every page's `page` variable holds.
pub(crate) fn page(path: &str, title: String, description: String, root: &str) -> Value {
    fields! { path, title, description, root }
}

/// Renders every page of `options.shard` into `out`.
pub(crate) fn render_all(
    comparer: &Comparer<'_>,
    theme: &Theme,
    out: &Destination,
    options: &BuildOptions,
) -> Result<BuildReport, SiteError> {
    let plan = Plan::new(comparer, options);
    let content = comparer.content();
    let site = context! {
        credits => credits::credits(content), items_index_url => crate::urls::ITEMS_INDEX_PATH,
        ..Value::from_serialize(&content.site)
    };
    out.create_dirs(["careers", "compare", "roadmaps", "skills", "collections", "search/w", "search/r"])?;
    // The site pages render beside the pair pages: alone they leave a core
    // idle while one page type (the skill pages, say) finishes. If they
    // fail, the pair pages stop rendering and the build reports that error.
    let site_failed = AtomicBool::new(false);
    let (site_pages, pair_pages) = rayon::join(
        || {
            let pages = render_site_and_extras(&plan, theme, &site, out, options);
            site_failed.store(pages.is_err(), Ordering::Relaxed);
            pages
        },
        || render_pairs(&plan, theme, &site, out, options, &site_failed),
    );
    let (mut report, pair_pages) = (site_pages?, pair_pages?);
    report.add(BuildReport { pair_pages: pair_pages.pages, pair_bytes: pair_pages.bytes, ..pair_pages });
    Ok(report)
}

/// The site pages and the build's extra files, if this shard owns them.
fn render_site_and_extras(
    plan: &Plan<'_>,
    theme: &Theme,
    site: &Value,
    out: &Destination,
    options: &BuildOptions,
) -> Result<BuildReport, SiteError> {
    let mut report = BuildReport::default();
    if options.shard.owns_site_pages() {
        report.add(render_site_pages(plan, theme, site, out)?);
        for (path, bytes) in &options.extra_files {
            report.add(out.write(path, bytes)?);
        }
    }
    Ok(report)
}

/// Renders this shard's pair pages, streamed from the comparer to disk.
fn render_pairs(
    plan: &Plan<'_>,
    theme: &Theme,
    site: &Value,
    out: &Destination,
    options: &BuildOptions,
    stop: &AtomicBool,
) -> Result<BuildReport, SiteError> {
    let comparer = plan.comparer;
    let mine: Vec<(u32, u32)> =
        plan.pairs.iter().enumerate().filter(|(n, _)| options.shard.owns_pair(*n)).map(|(_, &p)| p).collect();
    if let Some(progress) = &options.progress {
        progress.start(mine.len() as u64);
    }
    let parts = PairParts::new(plan, theme)?;
    out.with_writer(|writer| {
        mine.par_iter()
            .zip(comparer.par_comparisons(&mine))
            .map(|(&(i, j), comparison)| {
                if stop.load(Ordering::Relaxed) {
                    return Ok(BuildReport::default());
                }
                let (path, html) = render_pair(plan, &parts, theme, site, (i as usize, j as usize), comparison)?;
                let written = writer.write(path, html)?;
                if let Some(progress) = &options.progress {
                    progress.advance(1);
                }
                Ok::<_, SiteError>(written)
            })
            .try_reduce(BuildReport::default, |mut x, y| {
                x.add(y);
                Ok(x)
            })
    })
}

/// Every page but the pairs: home, 404, careers, roadmaps, skills, O*NET
/// skills and knowledge areas, collections, search, the comparison tool, sitemap and assets.
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
            categories, popular => plan.popular(), collections => listings::collection_links(plan),
            n_careers => content.careers.len(), n_pairs => plan.pairs.len(),
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
            let description = career
                .summary
                .clone()
                .unwrap_or_else(|| format!("{}: pay, skills and how to get there.", career.title));
            let path = career_path(&career.slug);
            let html = theme.render(
                "career.html",
                context! { site, page => page(&path, career.title.clone(), description, "../"), career => view },
            )?;
            let mut written = out.write(&path, html.as_bytes())?;
            let path = roadmap_path(&career.slug);
            let title = format!("{}: roadmap", crate::views::become_heading(career));
            let description = format!("The steps into {}: education, preparation and skills.", career.title);
            let html = theme.render(
                "roadmap.html",
                context! { site, page => page(&path, title, description, "../"), career => view },
            )?;
            written.add(out.write(&path, html.as_bytes())?);
            Ok(written)
        })
        .collect::<Result<_, SiteError>>()?;
    career_pages.into_iter().for_each(|r| report.add(r));
    report.add(listings::render(plan, theme, site, out)?);
    report.add(item_pages::render(&content.careers, theme, site, out)?);
    if matches!(content.site.pairs, PairPolicy::Similar { .. }) {
        report.add(tool_data::write(plan, theme, out)?);
    }
    report.add(sitemap::write(out, &content.site.base_url, &all_urls(plan))?);
    report.add(theme.write_static(out)?);
    Ok(report)
}

fn render_pair(
    plan: &Plan<'_>,
    parts: &PairParts,
    theme: &Theme,
    site: &Value,
    (i, j): (usize, usize),
    mut comparison: Comparison<'_>,
) -> Result<(String, String), SiteError> {
    // A pair page shows the most useful few skills of each list and says
    // how many more there are; only those few go to the template.
    let skills = &mut comparison.skills;
    let counts =
        fields! { only_a => skills.only_a.len(), shared => skills.shared.len(), only_b => skills.only_b.len() };
    skills.only_a.truncate(SKILLS_SHOWN);
    skills.shared.truncate(SKILLS_SHOWN);
    skills.only_b.truncate(SKILLS_SHOWN);
    comparison.transitions.iter_mut().for_each(|t| t.learn.truncate(LEARN_SHOWN));
    let content = plan.comparer.content();
    let careers = &content.careers;
    let (a, b) = (&careers[i], &careers[j]);
    let path = pair_path(&a.slug, &b.slug);
    let title = format!("{} vs {}", a.title, b.title);
    let description = format!(
        "{} vs {}: salary, demand, AI replacement risk, shared skills and how to move between them.",
        a.title, b.title
    );
    // Collections with either career, those with both first.
    let mut related: Vec<(bool, usize)> = plan
        .collections
        .iter()
        .enumerate()
        .filter_map(|(c, members)| {
            let (has_a, has_b) = (members.contains(&i), members.contains(&j));
            (has_a || has_b).then_some((!(has_a && has_b), c))
        })
        .collect();
    related.sort_by_key(|(not_both, _)| *not_both);
    let related = parts.collection_links(related.into_iter().take(4).map(|(_, c)| c));
    let html = theme.render(
        "pair.html",
        fields! {
            site => site.clone(), page => page(&path, title, description, "../"),
            a => plan.careers[i].clone(), b => plan.careers[j].clone(),
            cmp => parts.comparison((i, j), &comparison), counts,
            others_a => parts.others(i, j), others_b => parts.others(j, i), collections => related,
        },
    )?;
    Ok((path, html))
}

/// Every page path, for the sitemap.
fn all_urls(plan: &Plan<'_>) -> Vec<String> {
    let content = plan.comparer.content();
    let careers = &content.careers;
    let mut urls = vec![String::new(), "search.html".to_owned(), "compare.html".to_owned()];
    urls.extend(careers.iter().map(|c| career_path(&c.slug)));
    urls.extend(careers.iter().map(|c| roadmap_path(&c.slug)));
    urls.extend(listings::paths(plan));
    urls.extend(item_pages::paths());
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
