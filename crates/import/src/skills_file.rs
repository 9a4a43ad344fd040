//! Merging O*NET technologies into `skills.toml`. Skills a writer defined
//! (without an O*NET `source`) are kept with their comments; a technology
//! whose name matches one of their names or aliases joins that skill as an
//! alias instead of becoming a second skill. Every other technology becomes
//! a canonical skill with its O*NET family.

use std::collections::BTreeMap;
use std::path::Path;

use careerdiff_model::{Skill, Taxonomy, normalize_phrase};
use toml_edit::{Array, DocumentMut, Item, Table};

use crate::ImportError;
use crate::mapping::slugify;
use crate::onet::Occupation;

/// The merged file.
pub struct Merged {
    /// The new `skills.toml` text.
    pub text: String,
    /// How many canonical skills it defines.
    pub count: usize,
}

const HEADER: &str = "# The skill taxonomy: one [skills.<id>] table per canonical skill.
# Skills with `source = \"O*NET …\"` are written by `careerdiff import onet`
# and replaced on the next import; skills without a source are yours and are
# kept, with their comments. Career skill phrases equal to a name or alias
# (ignoring case, punctuation and plurals) are matched to the skill.
";

/// Merges the technologies of `occupations` into `existing` (the current
/// text of `path`, if any).
pub fn merge(
    existing: Option<&str>,
    path: &Path,
    occupations: &[&Occupation],
    release: &str,
) -> Result<Merged, ImportError> {
    let source = format!("O*NET {release}");
    // The header is written above the first table; it is cut off before
    // parsing so that it cannot travel with a table that gets replaced.
    let mut doc: DocumentMut = match existing {
        Some(original) => {
            let text = original.strip_prefix(HEADER).unwrap_or(original).trim_start_matches('\n');
            let cut_lines = original[..original.len() - text.len()].matches('\n').count();
            text.parse().map_err(|e: toml_edit::TomlError| {
                let line = e.span().map_or(0, |s| text[..s.start].matches('\n').count()) + 1 + cut_lines;
                ImportError::new(path, Some(line), format!("cannot merge into this file: {}", e.message()))
            })?
        }
        None => DocumentMut::new(),
    };
    let skills = doc.entry("skills").or_insert_with(|| {
        let mut table = Table::new();
        table.set_implicit(true);
        Item::Table(table)
    });
    let Some(skills) = skills.as_table_mut() else {
        return Err(ImportError::new(path, None, "`skills` must be a table of [skills.<id>] tables"));
    };
    // Drop what an earlier import wrote; keep the writers' skills.
    let imported_before: Vec<String> = skills
        .iter()
        .filter(|(_, item)| item.get("source").and_then(Item::as_str).is_some_and(|s| s.starts_with("O*NET")))
        .map(|(id, _)| id.to_owned())
        .collect();
    for id in &imported_before {
        skills.remove(id);
    }
    let (taxonomy, _) = Taxonomy::new(
        skills
            .iter()
            .map(|(id, item)| Skill {
                id: id.to_owned(),
                name: item.get("name").and_then(Item::as_str).unwrap_or(id).to_owned(),
                aliases: strings(item.get("aliases")),
                ..Skill::default()
            })
            .collect(),
    );

    // Each technology once: names equal after normalisation, or but for a
    // trailing "software" ("ESRI ArcGIS software" and "Esri ArcGIS"), are
    // one skill, named by the shortest spelling, the others its aliases.
    // Its family is the one it is most often listed under (ties:
    // alphabetical), for a stable result.
    let mut groups: BTreeMap<String, Group> = BTreeMap::new();
    for technology in occupations.iter().flat_map(|o| &o.technology) {
        let key = normalize_phrase(&technology.name);
        let key = key.strip_suffix(" software").unwrap_or(&key).to_owned();
        let group = groups.entry(key).or_default();
        group.names.insert((technology.name.len(), technology.name.clone()));
        *group.families.entry(technology.family.clone()).or_default() += 1;
    }
    let mut new_skills: BTreeMap<String, Table> = BTreeMap::new();
    for group in groups.into_values() {
        let names: Vec<&String> = group.names.iter().map(|(_, name)| name).collect();
        if let Some(idx) = names.iter().find_map(|name| taxonomy.find_phrase(name)) {
            let id = taxonomy.get(idx).id.clone();
            names.iter().for_each(|name| add_alias(skills, &id, name));
            continue;
        }
        let families = group.families.iter();
        let family =
            families.max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(f, _)| f.clone()).unwrap_or_default();
        let mut id = slugify(names[0]);
        while skills.contains_key(&id) || new_skills.contains_key(&id) {
            id.push_str("-2");
        }
        let mut table = Table::new();
        table["name"] = toml_edit::value(names[0]);
        table["family"] = toml_edit::value(family);
        if names.len() > 1 {
            table["aliases"] = toml_edit::value(names[1..].iter().map(|n| n.as_str()).collect::<Array>());
        }
        table["source"] = toml_edit::value(&source);
        new_skills.insert(id, table);
    }
    for (id, table) in new_skills {
        skills.insert(&id, Item::Table(table));
    }
    let count = skills.len();
    Ok(Merged { text: format!("{HEADER}\n{doc}"), count })
}

/// Spellings of one technology and the families it is listed under.
#[derive(Default)]
struct Group {
    /// (length, name): the first is the shortest spelling.
    names: std::collections::BTreeSet<(usize, String)>,
    families: BTreeMap<String, usize>,
}

fn strings(item: Option<&Item>) -> Vec<String> {
    item.and_then(Item::as_array)
        .map(|a| a.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect())
        .unwrap_or_default()
}

/// Adds `alias` to the writer's skill `id` unless its name or an alias
/// already spells it exactly.
fn add_alias(skills: &mut Table, id: &str, alias: &str) {
    let Some(skill) = skills.get_mut(id).and_then(Item::as_table_mut) else { return };
    if skill.get("name").and_then(Item::as_str) == Some(alias)
        || strings(skill.get("aliases")).iter().any(|a| a == alias)
    {
        return;
    }
    let aliases = skill.entry("aliases").or_insert(toml_edit::value(Array::new()));
    if let Some(array) = aliases.as_array_mut() {
        array.push(alias);
    }
}
