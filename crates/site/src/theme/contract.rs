//! The theme contract, tested: THEME.md lists every template's variables
//! (and the fields of those that are maps or lists of maps); the test
//! checks that each template uses only what THEME.md lists and that a
//! build hands each template exactly what THEME.md lists, no more and no
//! less. `record` is the build's side: `Theme::render` calls it in test
//! builds.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

use minijinja::Value;
use minijinja::value::ValueKind;

/// What one variable held over every render of one template.
#[derive(Default, Debug)]
struct Seen {
    /// The keys it had when it was a map.
    fields: BTreeSet<String>,
    /// The keys its items had when it was a list of maps.
    item_fields: BTreeSet<String>,
}

/// Template → variable → what it held, over every render of a test build.
static RENDERED: Mutex<BTreeMap<String, BTreeMap<String, Seen>>> = Mutex::new(BTreeMap::new());

fn keys(value: &Value) -> impl Iterator<Item = String> {
    let map = value.kind() == ValueKind::Map;
    map.then(|| value.try_iter().ok()).flatten().into_iter().flatten().filter_map(|k| k.as_str().map(str::to_owned))
}

/// Notes the variables `context` gives template `name`.
pub(super) fn record(name: &str, context: &Value) {
    let mut rendered = RENDERED.lock().unwrap_or_else(|e| e.into_inner());
    let template = rendered.entry(name.to_owned()).or_default();
    for var in keys(context) {
        let value = context.get_attr(&var).unwrap_or_default();
        let seen = template.entry(var).or_default();
        seen.fields.extend(keys(&value));
        if value.kind() == ValueKind::Seq {
            for item in value.try_iter().into_iter().flatten() {
                seen.item_fields.extend(keys(&item));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use minijinja::Environment;

    use super::RENDERED;
    use crate::Site;
    use crate::theme::Theme;

    /// What THEME.md says a variable holds.
    #[derive(Debug, PartialEq)]
    enum Holds {
        /// Text, a number, yes/no or none.
        Plain,
        /// A map with the fields of the named shape.
        Map(String),
        /// A list of maps with the fields of the named shape.
        List(String),
        /// A map whose keys are data.
        MapOf,
    }

    /// A template's variable in THEME.md.
    #[derive(Debug)]
    struct Var {
        holds: Holds,
        /// The `name.field` paths its bullet names (a list's `html`).
        also: BTreeSet<String>,
    }

    /// THEME.md, read.
    #[derive(Default, Debug)]
    struct Contract {
        templates: BTreeMap<String, BTreeMap<String, Var>>,
        shapes: BTreeMap<String, BTreeSet<String>>,
        functions: BTreeSet<String>,
    }

    /// The `code` spans of `text`.
    fn code_spans(text: &str) -> Vec<&str> {
        text.split('`').skip(1).step_by(2).collect()
    }

    fn is_name(token: &str) -> bool {
        !token.is_empty() && token.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    }

    /// Reads THEME.md: `## Functions`, `## Templates` and `## Shapes`,
    /// each `### ` heading a template or a shape, each top-level bullet
    /// (with its continuation lines) a variable, field or function.
    fn read_contract(text: &str) -> Contract {
        let mut contract = Contract::default();
        let (mut section, mut heading) = (String::new(), String::new());
        let mut bullets: Vec<(String, String, String)> = Vec::new();
        for line in text.lines() {
            if let Some(title) = line.strip_prefix("## ") {
                section = title.trim().to_owned();
                heading.clear();
            } else if let Some(title) = line.strip_prefix("### ") {
                heading = title.trim().trim_matches('`').to_owned();
                if section == "Templates" {
                    contract.templates.entry(heading.clone()).or_default();
                } else if section == "Shapes" {
                    contract.shapes.entry(heading.clone()).or_default();
                }
            } else if let Some(bullet) = line.strip_prefix("- ") {
                bullets.push((section.clone(), heading.clone(), bullet.to_owned()));
            } else if line.starts_with("  ") && !line.trim().is_empty() {
                if let Some(last) = bullets.last_mut() {
                    last.2.push(' ');
                    last.2.push_str(line.trim());
                }
            } else {
                bullets.push((String::new(), String::new(), String::new()));
            }
        }
        for (section, heading, bullet) in bullets {
            let head = bullet.split(" — ").next().unwrap_or_default();
            match section.as_str() {
                "Functions" => {
                    let name = code_spans(head).first().and_then(|f| f.split_once('(')).map(|(name, _)| name);
                    contract.functions.extend(name.map(str::to_owned));
                }
                "Shapes" => {
                    let fields = contract.shapes.get_mut(&heading).expect("a shape's bullets follow its heading");
                    fields.extend(code_spans(head).into_iter().filter(|f| is_name(f)).map(str::to_owned));
                }
                "Templates" => {
                    let (names, shape) = head.split_once(": ").unwrap_or((head, ""));
                    let shape = shape.trim();
                    let holds = match shape {
                        "" => Holds::Plain,
                        _ if shape.starts_with("map of ") => Holds::MapOf,
                        _ if shape.starts_with('[') => Holds::List(shape.trim_matches(['[', ']']).to_owned()),
                        _ => Holds::Map(shape.to_owned()),
                    };
                    let vars = contract.templates.get_mut(&heading).expect("a template's bullets follow its heading");
                    // A macro's bullet (`skill(s, root)`) is not a variable.
                    for name in code_spans(names).into_iter().filter(|n| is_name(n)) {
                        let prefix = format!("{name}.");
                        let also = code_spans(&bullet).into_iter().filter(|s| s.starts_with(&prefix));
                        let also = also.map(str::to_owned).collect();
                        let holds = match &holds {
                            Holds::Map(s) => Holds::Map(s.clone()),
                            Holds::List(s) => Holds::List(s.clone()),
                            Holds::Plain => Holds::Plain,
                            Holds::MapOf => Holds::MapOf,
                        };
                        vars.insert(name.to_owned(), Var { holds, also });
                    }
                }
                _ => {}
            }
        }
        contract
    }

    fn contract() -> Contract {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../THEME.md");
        let contract = read_contract(&std::fs::read_to_string(path).expect("THEME.md at the repository root"));
        for vars in contract.templates.values() {
            for var in vars.values() {
                if let Holds::Map(shape) | Holds::List(shape) = &var.holds {
                    assert!(
                        contract.shapes.contains_key(shape),
                        "THEME.md names shape {shape} but has no section for it"
                    );
                }
            }
        }
        contract
    }

    /// The fields `var` may be read with: its shape's, and the paths its
    /// bullet names.
    fn fields_of<'c>(contract: &'c Contract, var: &'c Var) -> BTreeSet<&'c str> {
        let shape = match &var.holds {
            Holds::Map(shape) | Holds::List(shape) => contract.shapes[shape].iter().map(String::as_str).collect(),
            Holds::Plain | Holds::MapOf => BTreeSet::new(),
        };
        let also = var.also.iter().filter_map(|path| path.split_once('.')).map(|(_, field)| field);
        shape.into_iter().chain(also).collect()
    }

    #[test]
    fn theme_md_has_a_section_for_every_template_and_no_other() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../themes/default/templates");
        let files: BTreeSet<String> =
            std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        let sections: BTreeSet<String> = contract().templates.into_keys().collect();
        assert_eq!(sections, files, "THEME.md's template sections vs themes/default/templates");
    }

    #[test]
    fn theme_md_lists_every_function_the_build_adds() {
        let theme = Theme::load(None).unwrap();
        let plain = Environment::new();
        let builtins: BTreeSet<&str> = plain.globals().map(|(name, _)| name).collect();
        let added: BTreeSet<String> =
            theme.env.globals().map(|(name, _)| name).filter(|n| !builtins.contains(n)).map(str::to_owned).collect();
        assert_eq!(contract().functions, added, "THEME.md's functions vs the theme's");
    }

    /// Each default template reads only variables THEME.md lists for it
    /// (and functions), and only the fields THEME.md lists for them.
    #[test]
    fn templates_use_only_what_theme_md_lists() {
        let contract = contract();
        let theme = Theme::load(None).unwrap();
        let globals: BTreeSet<&str> = theme.env.globals().map(|(name, _)| name).collect();
        let mut problems = Vec::new();
        for (name, vars) in &contract.templates {
            let used = theme.env.get_template(name).unwrap().undeclared_variables(true);
            for path in used.iter().collect::<BTreeSet<_>>() {
                let mut parts = path.split('.');
                let root = parts.next().unwrap_or_default();
                match vars.get(root) {
                    None if globals.contains(root) => {}
                    None => problems.push(format!("{name} uses `{root}`, which THEME.md does not list for it")),
                    Some(var) => {
                        let fields = fields_of(&contract, var);
                        if let Some(field) = parts.next().filter(|f| !fields.contains(f)) {
                            problems.push(format!("{name} uses `{root}.{field}`, which THEME.md does not list"));
                        }
                    }
                }
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
    }

    /// A build gives each template exactly the variables THEME.md lists,
    /// and maps (and lists' items) exactly the fields of their shapes.
    #[test]
    fn the_build_gives_each_template_exactly_what_theme_md_lists() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        let site = Site::load(&root, None);
        crate::render_only(&site, crate::Shard::WHOLE, None).expect("the default site renders");

        let contract = contract();
        let rendered = RENDERED.lock().unwrap();
        let mut problems = Vec::new();
        for (name, vars) in &contract.templates {
            let Some(seen) = rendered.get(name) else {
                if !["base.html", "macros.html"].contains(&name.as_str()) {
                    problems.push(format!("the build never rendered {name}"));
                }
                continue;
            };
            let listed: BTreeSet<&String> = vars.keys().collect();
            let given: BTreeSet<&String> = seen.keys().collect();
            if listed != given {
                problems.push(format!("{name}: THEME.md lists {listed:?}, the build gives {given:?}"));
            }
            for (var_name, var) in vars {
                let Some(seen) = seen.get(var_name) else { continue };
                let given: BTreeSet<&str> = match var.holds {
                    Holds::List(_) => seen.item_fields.iter().map(String::as_str).collect(),
                    _ => seen.fields.iter().map(String::as_str).collect(),
                };
                let listed = match &var.holds {
                    Holds::Map(shape) | Holds::List(shape) => {
                        contract.shapes[shape].iter().map(String::as_str).collect()
                    }
                    Holds::Plain => BTreeSet::new(),
                    Holds::MapOf => continue,
                };
                if listed != given {
                    problems.push(format!("{name}: `{var_name}` has {given:?}, THEME.md lists {listed:?}"));
                }
            }
        }
        assert!(problems.is_empty(), "{problems:#?}");
    }

    /// A theme that overrides macros.html changes the cells of pair pages
    /// and of the comparison tool alike: both come from its macros.
    #[test]
    fn overriding_macros_changes_pair_pages_and_the_tool_alike() {
        let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let dir = tempfile::tempdir().unwrap();
        let content_dir = dir.path().join("content");
        std::fs::create_dir_all(content_dir.join("careers")).unwrap();
        for slug in ["software-developers", "computer-programmers", "civil-engineers"] {
            let file = format!("careers/{slug}.md");
            std::fs::copy(repo.join("content").join(&file), content_dir.join(&file)).unwrap();
        }
        std::fs::copy(repo.join("content/skills.toml"), content_dir.join("skills.toml")).unwrap();
        let site =
            "title = \"t\"\nbase_url = \"https://example.org/\"\n[pairs]\npolicy = \"similar\"\nper_career = 1\n";
        std::fs::write(content_dir.join("site.toml"), site).unwrap();
        let theme_dir = dir.path().join("theme");
        std::fs::create_dir_all(theme_dir.join("templates")).unwrap();
        let macros = std::fs::read_to_string(repo.join("themes/default/templates/macros.html")).unwrap();
        let macros = macros
            .replace("{% macro glance_edge(e) %}", "{% macro glance_edge(e) %}EDGE[{{ e.verdict }}]")
            .replace("{% macro value(v) %}", "{% macro value(v) %}VALUE:")
            .replace("<li>{% if s.url %}", "<li class=\"mine\">{% if s.url %}");
        std::fs::write(theme_dir.join("templates/macros.html"), macros).unwrap();

        let site = Site::load(&content_dir, Some(&theme_dir));
        let files = crate::render_to_memory(&site).expect("the site renders");
        let read = |rel: &str| String::from_utf8(files[rel].clone()).unwrap();

        let pair = read("compare/computer-programmers-vs-software-developers.html");
        assert!(pair.contains("<td>VALUE:"), "pair page value cells");
        assert!(pair.contains("<td>EDGE[a]") || pair.contains("<td>EDGE[b]"), "pair page edge cells");
        assert!(pair.contains("<li class=\"mine\">"), "pair page skill items");
        let data = read("compare/data/civil-engineers.json");
        assert!(data.contains("\"VALUE:"), "the tool's value cells");
        assert!(data.contains("EDGE[a]") && data.contains("EDGE[b]"), "the tool's win cells");
        assert!(read("compare/glance.json").contains("EDGE[tie]"), "the tool's draw cells");
    }
}
