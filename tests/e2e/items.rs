//! The pages of O*NET's skills and knowledge areas: ranked careers with
//! their figures and source on the default site, links from career and
//! pair pages, the sitemap, and technology skills that share a name.

use std::fs;
use std::path::Path;

use careerdiff_model::{Career, ItemKind, load_content, worker_item};

use crate::{build_site, repo};

/// One row of an item page's ranked table.
struct Row {
    slug: String,
    importance: f64,
    level: f64,
    score: f64,
}

/// The `<td>` texts of each row of the table whose opening tag starts
/// with `table`.
fn table_cells(html: &str, table: &str) -> Vec<Vec<String>> {
    let start = html.find(table).unwrap_or_else(|| panic!("no {table}"));
    let body = &html[start..start + html[start..].find("</table>").unwrap()];
    body.split("<tr>")
        .skip(2) // before the header row, the header row
        .map(|row| row.split("<td>").skip(1).map(|cell| cell.split("</td>").next().unwrap().to_owned()).collect())
        .collect()
}

fn ranked_rows(html: &str) -> Vec<Row> {
    table_cells(html, "<table class=\"list ranked\">")
        .into_iter()
        .map(|cells| {
            let href = cells[0].split("href=\"../careers/").nth(1).unwrap();
            let number = |n: usize| cells[n].parse::<f64>().unwrap_or_else(|e| panic!("{:?}: {e}", cells[n]));
            Row {
                slug: href.split(".html").next().unwrap().to_owned(),
                importance: number(2),
                level: number(3),
                score: number(4),
            }
        })
        .collect()
}

fn negotiation(career: &Career) -> Option<careerdiff_model::Rating> {
    career.ratings.as_ref()?.skills.get("Negotiation").copied()
}

#[test]
fn an_item_page_ranks_careers_by_importance_times_level_with_figures_source_and_links() {
    let content = load_content(&repo().join("content")).expect("default content loads");
    let out = build_site(&repo().join("content"), &[]);
    let public = out.path().join("public");
    let item = worker_item(ItemKind::Skill, "Negotiation").unwrap();
    let page = fs::read_to_string(public.join(format!("skills/{}.html", item.slug))).expect("the item page exists");
    assert!(page.contains(&format!("<h1>{} — careers where it matters most</h1>", item.name)));
    assert!(page.contains(item.description), "O*NET's description");
    assert!(item.lay_words.iter().all(|w| page.contains(w)), "the everyday words");

    let rows = ranked_rows(&page);
    let by_slug = |slug: &str| content.careers.iter().find(|c| c.slug == slug).unwrap();
    let scored: Vec<(&str, f64)> = content
        .careers
        .iter()
        .filter_map(|c| negotiation(c).and_then(|r| Some((c.slug.as_str(), r.importance * r.level?))))
        .collect();
    assert!(rows.len() >= 10 && rows.len() <= scored.len(), "{} rows of {} scored careers", rows.len(), scored.len());
    for (n, row) in rows.iter().enumerate() {
        let rating = negotiation(by_slug(&row.slug)).expect("a listed career rates Negotiation");
        assert!((row.importance - rating.importance).abs() < 0.006, "{}: importance", row.slug);
        assert!((row.level - rating.level.unwrap()).abs() < 0.006, "{}: level", row.slug);
        assert!((row.score - rating.importance * rating.level.unwrap()).abs() <= 0.051, "{}: score", row.slug);
        if n > 0 {
            assert!(row.score <= rows[n - 1].score, "{} is ranked below a lower score", rows[n - 1].slug);
        }
    }
    let best = scored.iter().map(|s| s.1).fold(f64::MIN, f64::max);
    assert!((rows[0].score - best).abs() <= 0.051, "the first career has the highest importance × level");
    let last = rows.last().unwrap().score;
    for (slug, _) in scored.iter().filter(|s| s.1 > last + 0.051) {
        assert!(rows.iter().any(|r| r.slug == *slug), "{slug} scores above the last row but is not listed");
    }

    let top = by_slug(&rows[0].slug);
    let release = top.provenance.get("onet").expect("an imported career names its O*NET release");
    assert!(page.contains(&format!("Source: {release} Skills, importance (IM) and level (LV) ratings")), "source");
    assert!(page.contains("1 (not important)") && page.contains("5 (extremely important)"), "the scale");
    assert!(page.contains("importance × level"), "says how it ranks");

    let link = format!("href=\"../skills/{}.html\"", item.slug);
    let career_page = fs::read_to_string(public.join(format!("careers/{}.html", top.slug))).unwrap();
    assert!(career_page.contains(&link), "{}'s page links to the item page", top.slug);

    // Pair pages link every row of their profile to its item's page.
    let pair = fs::read_dir(public.join("compare"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(&format!("{}-vs-", top.slug)))
        .find_map(|p| fs::read_to_string(p).ok().filter(|html| html.contains("<table class=\"profile\">")))
        .expect("a pair page of the top career with a profile");
    let profile = &pair[pair.find("<table class=\"profile\">").unwrap()..];
    let profile = &profile[..profile.find("</table>").unwrap()];
    let rows = profile.matches("<th scope=\"row\">").count();
    assert!(rows > 0 && profile.matches("<th scope=\"row\"><a href=\"../skills/").count() == rows, "{profile}");

    let sitemap = fs::read_to_string(public.join("sitemap-1.xml")).unwrap();
    for path in [format!("skills/{}.html", item.slug), "skills/index.html".to_owned()] {
        assert!(sitemap.contains(&format!("{}{path}</loc>", content.site.base_url)), "{path} in the sitemap");
    }
    let index = fs::read_to_string(public.join("skills/index.html")).unwrap();
    assert!(index.contains(&format!("href=\"../skills/{}.html\"", item.slug)) && index.contains(item.lay_words[1]));
}

/// A content folder whose taxonomy has skills called like an item page and
/// like the index, used by a career that O*NET-style ratings rate.
fn clashing_content(dir: &Path) {
    fs::create_dir_all(dir.join("careers")).unwrap();
    fs::write(dir.join("site.toml"), "title = \"Clash\"\nbase_url = \"https://example.org/\"\n").unwrap();
    let skills = "[skills.negotiation]\nname = \"Negotiation suites\"\n\n[skills.index]\nname = \"Index cards\"\n";
    fs::write(dir.join("skills.toml"), skills).unwrap();
    let career = "+++\ntitle = \"Broker\"\nskills = [\"Negotiation suites\", \"Index cards\"]\n\n\
                  [ratings.skills]\nNegotiation = { importance = 4.5, level = 5.0 }\n+++\n";
    fs::write(dir.join("careers/broker.md"), career).unwrap();
    fs::write(dir.join("careers/clerk.md"), "+++\ntitle = \"Clerk\"\n+++\n").unwrap();
}

#[test]
fn technology_skills_named_like_an_item_page_move_aside_and_both_pages_exist() {
    let dir = tempfile::tempdir().unwrap();
    clashing_content(dir.path());
    let out = build_site(dir.path(), &[]);
    let public = out.path().join("public");
    let read = |path: &str| fs::read_to_string(public.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    let item_page = read("skills/negotiation.html");
    assert!(item_page.contains("careers where it matters most") && item_page.contains("../careers/broker.html"));
    assert!(item_page.contains("careerdiff writers"), "hand-written ratings are the writers'");
    assert!(!item_page.contains("Clerk"), "a career without ratings is not listed");
    assert!(read("skills/negotiation--technology.html").contains("Negotiation suites"));
    assert!(read("skills/index--technology.html").contains("Index cards"));
    assert!(read("skills/index.html").contains("href=\"../skills/negotiation.html\""));
    let career = read("careers/broker.html");
    for link in ["skills/negotiation.html", "skills/negotiation--technology.html", "skills/index--technology.html"] {
        assert!(career.contains(&format!("href=\"../{link}\"")), "the career links {link}");
    }
    let pair = read("compare/broker-vs-clerk.html");
    assert!(pair.contains("href=\"../skills/negotiation--technology.html\""), "pair pages use the same rule");
}
