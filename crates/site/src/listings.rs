//! Pages that list careers: one per skill ("careers that use Python"), one
//! per collection, the search page and the comparison tool.

use careerdiff_compare::facts;
use careerdiff_model::{SortKey, display};
use minijinja::{Value, context};
use rayon::prelude::*;

use crate::output::Destination;
use crate::pages::page;
use crate::plan::Plan;
use crate::theme::Theme;
use crate::urls::{career_path, collection_path, skill_path};
use crate::{BuildReport, SiteError};

/// A career in a list: title, link, the figures lists show, and the value
/// of `column` (an at-a-glance attribute key, as shown on career pages).
fn entry(plan: &Plan<'_>, idx: usize, column: &str) -> Value {
    let career = &plan.comparer.content().careers[idx];
    let median = career.salary.as_ref().and_then(|s| {
        let wage = s.median?;
        Some(format!("{}{}", display::wage(s, wage), s.period.suffix()))
    });
    let column = facts(career).into_iter().find(|f| f.key == column).and_then(|f| f.value);
    context! {
        title => career.title, slug => career.slug, url => career_path(&career.slug), category => career.category,
        median, column, summary => career.summary,
    }
}

/// The fourth column of a list of careers: its attribute key and heading.
/// Lists sorted by something other than title or pay show what they are
/// sorted by; others show projected growth.
fn column_for(sort: SortKey) -> (&'static str, &'static str) {
    let key = sort.attribute().filter(|k| *k != "salary_median").unwrap_or("projected_growth");
    let label = facts(&careerdiff_model::Career::default()).into_iter().find(|f| f.key == key).map_or("", |f| f.label);
    (key, label)
}

/// Links to every collection, for the home page.
pub(crate) fn collection_links(plan: &Plan<'_>) -> Vec<Value> {
    let content = plan.comparer.content();
    content
        .collections
        .iter()
        .zip(&plan.collections)
        .map(|(c, members)| {
            context! { title => c.title, description => c.description, url => collection_path(&c.slug), size => members.len() }
        })
        .collect()
}

/// The paths of the pages this module writes, for the sitemap.
pub(crate) fn paths(plan: &Plan<'_>) -> Vec<String> {
    let content = plan.comparer.content();
    let skills = plan.skills.iter().map(|(id, _)| skill_path(&content.taxonomy.get(*id).id));
    skills.chain(content.collections.iter().map(|c| collection_path(&c.slug))).collect()
}

pub(crate) fn render(
    plan: &Plan<'_>,
    theme: &Theme,
    site: &Value,
    out: &Destination,
) -> Result<BuildReport, SiteError> {
    let content = plan.comparer.content();
    let mut report = BuildReport::default();
    let skill_pages: Vec<BuildReport> = plan
        .skills
        .par_iter()
        .map(|(id, careers)| {
            let skill = content.taxonomy.get(*id);
            let path = skill_path(&skill.id);
            let title = format!("Careers that use {}", skill.name);
            let description = format!("{} careers that use {}, best match first.", careers.len(), skill.name);
            let (column, column_label) = column_for(SortKey::Title);
            let careers: Vec<Value> = careers.iter().map(|&c| entry(plan, c, column)).collect();
            let html = theme.render(
                "skill.html",
                context! { site, page => page(&path, title, description, "../"), skill, careers, column_label },
            )?;
            out.write(&path, html.as_bytes())
        })
        .collect::<Result<_, SiteError>>()?;
    skill_pages.into_iter().for_each(|r| report.add(r));
    for (collection, members) in content.collections.iter().zip(&plan.collections) {
        let path = collection_path(&collection.slug);
        let (column, column_label) = column_for(collection.sort.by);
        let careers: Vec<Value> = members.iter().map(|&c| entry(plan, c, column)).collect();
        let html = theme.render(
            "collection.html",
            context! {
                site, page => page(&path, collection.title.clone(), collection.description.clone(), "../"),
                collection, careers, column_label,
            },
        )?;
        report.add(out.write(&path, html.as_bytes())?);
    }
    let careers: Vec<Value> = (0..content.careers.len()).map(|c| entry(plan, c, "")).collect();
    for (template, path, title, description) in [
        ("search.html", "search.html", "Search careers", "Search careers by title, skill or what the work involves."),
        ("tool.html", "compare.html", "Compare two careers", "Pick any two careers and see them side by side."),
    ] {
        let html = theme
            .render(template, context! { site, page => page(path, title.into(), description.into(), ""), careers })?;
        report.add(out.write(path, html.as_bytes())?);
    }
    Ok(report)
}
