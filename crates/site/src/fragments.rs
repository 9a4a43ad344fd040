//! Template values that carry HTML rendered once by a theme macro, and
//! lists of them that print whole: a pair page shows the same skill items
//! and links as hundreds of other pair pages, and printing a list item by
//! item in the template costs a loop step and a lookup per item on every
//! page.

use std::sync::Arc;

use minijinja::value::{Enumerator, Object, ObjectRepr, Value};

/// The `page.root` of the page at `path`: `../` once per folder, so a
/// page links anywhere in the site relative to itself.
pub(crate) fn page_root(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// A template value and its HTML (a safe string from a theme macro).
#[derive(Debug, Clone)]
pub(crate) struct Shown {
    pub(crate) value: Value,
    pub(crate) html: Value,
}

/// A list of [`Shown`] values. Templates iterate it like any list (and
/// `| length` it); `list.html` is every item's HTML in order, each
/// followed by a newline, joined here once.
#[derive(Debug)]
pub(crate) struct HtmlList {
    items: Vec<Value>,
    html: Value,
}

impl HtmlList {
    pub(crate) fn value<'s>(shown: impl Iterator<Item = &'s Shown>) -> Value {
        let shown: Vec<&Shown> = shown.collect();
        let fragments = || shown.iter().map(|s| s.html.as_str().unwrap_or_default());
        let mut html = String::with_capacity(fragments().map(|h| h.len() + 1).sum());
        for fragment in fragments() {
            html.push_str(fragment);
            html.push('\n');
        }
        let items = shown.iter().map(|s| s.value.clone()).collect();
        Value::from_object(HtmlList { items, html: Value::from_safe_string(html) })
    }
}

impl Object for HtmlList {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        match key.as_usize() {
            Some(index) => self.items.get(index).cloned(),
            None => self.get_value_by_str(key.as_str()?),
        }
    }

    fn get_value_by_str(self: &Arc<Self>, key: &str) -> Option<Value> {
        (key == "html").then(|| self.html.clone())
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.items.len())
    }

    fn enumerator_len(self: &Arc<Self>) -> Option<usize> {
        Some(self.items.len())
    }

    fn is_true(self: &Arc<Self>) -> bool {
        !self.items.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use minijinja::{Environment, Value, context};

    use super::{HtmlList, Shown};

    fn shown(name: &str) -> Shown {
        let html = Value::from_safe_string(format!("<li>{name}</li>"));
        Shown { value: context! { name }, html }
    }

    #[test]
    fn page_root_climbs_one_folder_per_slash() {
        assert_eq!(super::page_root("index.html"), "");
        assert_eq!(super::page_root("compare/a-vs-b.html"), "../");
        assert_eq!(super::page_root("x/y/z.html"), "../../");
    }

    #[test]
    fn prints_whole_and_iterates_like_a_list() {
        let items = [shown("R"), shown("SQL")];
        let mut env = Environment::new();
        env.add_template(
            "t.html",
            "{{ l.html }}|{{ l | length }}|{% for s in l %}{{ s.name }},{% endfor %}|{{ l[1].name }}|{% if e %}x{% else %}empty{% endif %}",
        )
        .unwrap();
        let ctx = context! { l => HtmlList::value(items.iter()), e => HtmlList::value([].iter()) };
        let out = env.get_template("t.html").unwrap().render(ctx).unwrap();
        assert_eq!(out, "<li>R</li>\n<li>SQL</li>\n|2|R,SQL,|SQL|empty");
    }
}
