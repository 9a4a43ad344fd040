//! Where each page lives. Pages are flat `.html` files (no folder per page):
//! on these disks creating folders costs more than rendering, and a flat
//! layout is served as-is by every static host.
//!
//! `skills/` holds two kinds of page: one per technology skill of the
//! taxonomy (`skills/python.html`) and one per O*NET skill or knowledge
//! area (`skills/negotiation.html`), with their index at
//! `skills/index.html`. The O*NET items are a fixed set, so they keep their
//! plain paths whatever the taxonomy holds; a taxonomy id that would take
//! one of those paths gets `--technology` after it instead, which no
//! taxonomy id or item slug can be (ids have no double hyphen).

use careerdiff_model::{WORKER_ITEMS, WorkerItem};

/// The index of skills and knowledge areas.
pub const ITEMS_INDEX_PATH: &str = "skills/index.html";

/// The path of a career page, relative to the site root.
pub fn career_path(slug: &str) -> String {
    format!("careers/{slug}.html")
}

/// The path of a career's roadmap page.
pub fn roadmap_path(slug: &str) -> String {
    format!("roadmaps/{slug}.html")
}

/// The path of a technology skill's page ("careers that use …"), by its
/// taxonomy id.
pub fn skill_path(id: &str) -> String {
    if id == "index" || WORKER_ITEMS.iter().any(|item| item.slug == id) {
        format!("skills/{id}--technology.html")
    } else {
        format!("skills/{id}.html")
    }
}

/// The path of an O*NET skill's or knowledge area's page ("careers where
/// it matters most").
pub fn item_path(item: &WorkerItem) -> String {
    format!("skills/{}.html", item.slug)
}

/// The path of a collection page.
pub fn collection_path(slug: &str) -> String {
    format!("collections/{slug}.html")
}

/// The one canonical path of the pair page of two careers, whatever order
/// they are given in: the slugs in sorted order.
pub fn pair_path(a: &str, b: &str) -> String {
    let (first, second) = if a <= b { (a, b) } else { (b, a) };
    format!("compare/{first}-vs-{second}.html")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn technology_skills_never_take_an_item_page_or_the_index() {
        let items: Vec<String> = WORKER_ITEMS.iter().map(item_path).collect();
        let taken = |path: &str| items.iter().any(|p| p == path) || path == ITEMS_INDEX_PATH;
        assert_eq!(skill_path("python"), "skills/python.html");
        for id in WORKER_ITEMS.iter().map(|item| item.slug).chain(["index"]) {
            let path = skill_path(id);
            assert!(!taken(&path), "{id} → {path}");
            assert!(path.ends_with("--technology.html"), "{id} → {path}");
        }
        // Moved ids cannot land on any other taxonomy id's page: ids are
        // valid slugs, and a valid slug has no double hyphen.
        assert!(!careerdiff_model::is_valid_slug("negotiation--technology"));
        assert!(items.iter().all(|p| !p.contains("--")), "{items:?}");
        assert_eq!(item_path(&WORKER_ITEMS[0]), format!("skills/{}.html", WORKER_ITEMS[0].slug));
    }

    #[test]
    fn pair_path_is_the_same_in_both_orders() {
        assert_eq!(pair_path("b", "a"), "compare/a-vs-b.html");
        assert_eq!(pair_path("a", "b"), pair_path("b", "a"));
    }
}
