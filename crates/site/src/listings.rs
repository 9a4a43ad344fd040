//! The contexts of pages that list careers: one per skill ("careers that
//! use Python"), one per collection, the search page and the comparison tool.

use careerdiff_compare::{fact_value, facts};
use careerdiff_model::{SortKey, display};
use minijinja::{Value, context};

use crate::held::Held;
use crate::pages::page;
use crate::plan::Plan;
use crate::site::Site;
use crate::urls::{career_path, collection_path, skill_path};

/// A career in a list: title, link, the figures lists show, and the value
/// of `column` (an at-a-glance attribute key, as shown on career pages).
pub(crate) fn entry(plan: &Plan, idx: usize, column: &str) -> Value {
    let career = &plan.comparer.content().careers[idx];
    let median = career.salary.as_ref().and_then(|s| {
        let wage = s.median?;
        Some(format!("{}{}", display::wage(s, wage), s.period.suffix()))
    });
    // The wider BLS occupations whose figures the row shows: pay's, and
    // the projections' when the fourth column is projected.
    let projected = matches!(column, "projected_growth" | "annual_openings");
    let mut groups: Vec<&str> = (career.salary.as_ref().and_then(|s| s.group.as_deref()).into_iter())
        .chain(career.projections_group.as_deref().filter(|_| projected))
        .collect();
    groups.dedup_by(|x, y| x.eq_ignore_ascii_case(y));
    let figures_for = (!groups.is_empty()).then(|| groups.join(" and "));
    let column = fact_value(career, column);
    context! {
        title => career.title, slug => career.slug, url => career_path(&career.slug), category => career.category,
        median, column, summary => career.summary, figures_for,
    }
}

/// The fourth column of lists that show no figure they are sorted by.
pub(crate) const LIST_COLUMN: &str = "projected_growth";

/// The fourth column of a list of careers: its attribute key and heading.
/// Lists sorted by something other than title or pay show what they are
/// sorted by; others show [`LIST_COLUMN`].
fn column_for(sort: SortKey) -> (&'static str, &'static str) {
    let key = sort.attribute().filter(|k| *k != "salary_median").unwrap_or(LIST_COLUMN);
    let label = facts(&careerdiff_model::Career::default()).into_iter().find(|f| f.key == key).map_or("", |f| f.label);
    (key, label)
}

/// Links to every collection, for the home page.
pub(crate) fn collection_links(plan: &Plan) -> Vec<Value> {
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

/// The page of the `k`th skill of the plan: careers that use it.
pub(crate) fn skill(site: &Site, k: usize, held: Held<'_>) -> Value {
    let plan = &site.plan;
    let careers = plan.ranked_skill_careers(k);
    let skill = site.content().taxonomy.get(plan.skills[k].0);
    let path = skill_path(&skill.id);
    let title = format!("Careers that use {}", skill.name);
    let description = format!("{} careers that use {}, best match first.", careers.len(), skill.name);
    let (column, column_label) = column_for(SortKey::Title);
    let careers: Vec<Value> = careers.iter().map(|&c| held.entry(site, c, column)).collect();
    context! { site => site.globals, page => page(&path, title, description, "../"), skill, careers, column_label }
}

/// The page of collection `c`.
pub(crate) fn collection(site: &Site, c: usize) -> Value {
    let (plan, collection) = (&site.plan, &site.content().collections[c]);
    let path = collection_path(&collection.slug);
    let (column, column_label) = column_for(collection.sort.by);
    let careers: Vec<Value> = plan.collections[c].iter().map(|&c| entry(plan, c, column)).collect();
    context! {
        site => site.globals, page => page(&path, collection.title.clone(), collection.description.clone(), "../"),
        collection, careers, column_label,
    }
}

/// The search page (`tool: false`) or the comparison tool (`tool: true`):
/// both list every career.
pub(crate) fn career_finder(site: &Site, tool: bool) -> Value {
    let (path, title, description) = if tool {
        ("compare.html", "Compare two careers", "Pick any two careers and see them side by side.")
    } else {
        ("search.html", "Search careers", "Search careers by title, skill or what the work involves.")
    };
    let careers: Vec<Value> = (0..site.content().careers.len()).map(|c| entry(&site.plan, c, "")).collect();
    context! { site => site.globals, page => page(path, title.into(), description.into(), ""), careers }
}
