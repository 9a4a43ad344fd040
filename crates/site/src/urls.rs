//! Where each page lives. Pages are flat `.html` files (no folder per page):
//! on these disks creating folders costs more than rendering, and a flat
//! layout is served as-is by every static host.

/// The path of a career page, relative to the site root.
pub fn career_path(slug: &str) -> String {
    format!("careers/{slug}.html")
}

/// The path of a career's roadmap page.
pub fn roadmap_path(slug: &str) -> String {
    format!("roadmaps/{slug}.html")
}

/// The path of a skill page ("careers that use …").
pub fn skill_path(id: &str) -> String {
    format!("skills/{id}.html")
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
    fn pair_path_is_the_same_in_both_orders() {
        assert_eq!(pair_path("b", "a"), "compare/a-vs-b.html");
        assert_eq!(pair_path("a", "b"), pair_path("b", "a"));
    }
}
