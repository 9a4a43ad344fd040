//! Writing a career file from imported data, or merging imported data into
//! a file a writer has edited. The importer owns the keys that
//! [`crate::fields`] gathers (see [`crate::fields::KEYS`]) and their
//! entries in `[provenance]`; everything else in the front matter (demand
//! score, AI risk, hand-added skills, comments), the keys of sources not
//! given this time, and the Markdown body are kept as they are.

use std::path::Path;

use toml_edit::{Array, DocumentMut, Item, Table, Value};

use crate::ImportError;
use crate::fields::{Imported, Owner};

/// The career file text: `existing` (if any) with the owned fields
/// replaced, or a new file.
pub fn render(imported: &Imported, existing: Option<&str>, path: &Path) -> Result<String, ImportError> {
    let (mut doc, body) = match existing {
        Some(text) => {
            let (front, body) = careerdiff_model::split_front_matter(text).ok_or_else(|| {
                ImportError::new(
                    path,
                    Some(1),
                    "cannot merge into this file: it has no `+++` front matter; fix or remove it",
                )
            })?;
            let doc: DocumentMut = front.parse().map_err(|e: toml_edit::TomlError| {
                let line = e.span().map_or(0, |s| front[..s.start].matches('\n').count()) + 2;
                ImportError::new(path, Some(line), format!("cannot merge into this file: {}", e.message()))
            })?;
            (doc, body.to_owned())
        }
        None => (DocumentMut::new(), String::new()),
    };
    let provenance_of = |doc: &DocumentMut, key: &str| doc.get("provenance").and_then(|p| p.get(key)).is_some();
    let owned: Vec<_> = imported
        .fields
        .iter()
        .filter(|f| f.owner == Owner::Importer || !doc.contains_key(f.key) || provenance_of(&doc, f.key))
        .collect();
    for field in &owned {
        let item = match (field.key, &field.value) {
            ("skills", Some(Item::Value(Value::Array(skills)))) => {
                Some(Item::Value(Value::Array(merge_skills(skills, doc.get("skills"), &imported.skill_names))))
            }
            (_, item) => item.clone(),
        };
        match item {
            Some(item) => doc[field.key] = item,
            None => {
                doc.remove(field.key);
            }
        }
    }
    // Entries are replaced where they stand, so that a key whose source
    // was not given this time keeps its place and its text.
    let provenance = doc.entry("provenance").or_insert(Item::Table(Table::new()));
    if let Some(table) = provenance.as_table_mut() {
        for field in &owned {
            match &field.source {
                Some(source) => table[field.key] = toml_edit::value(source),
                None => {
                    table.remove(field.key);
                }
            }
        }
    }
    let front = doc.to_string();
    let newline = if front.ends_with('\n') { "" } else { "\n" };
    Ok(format!("+++\n{front}{newline}+++\n{body}"))
}

/// The imported skills followed by those of `existing` that a writer
/// added (whose names are not among the imported ones).
fn merge_skills(imported: &Array, existing: Option<&Item>, imported_names: &[String]) -> Array {
    let mut kept: Vec<Value> = Vec::new();
    let name_of = |v: &Value| -> Option<String> {
        match v {
            Value::String(s) => Some(s.value().clone()),
            Value::InlineTable(t) => t.get("name").and_then(Value::as_str).map(str::to_owned),
            _ => None,
        }
    };
    match existing {
        Some(Item::Value(Value::Array(array))) => kept.extend(array.iter().cloned()),
        Some(Item::ArrayOfTables(tables)) => {
            kept.extend(tables.iter().map(|t| Value::InlineTable(t.clone().into_inline_table())))
        }
        _ => {}
    }
    kept.retain(|v| name_of(v).is_some_and(|name| !imported_names.contains(&name)));
    multiline(imported.iter().cloned().chain(kept))
}

/// An array with one element per line, as writers would lay it out.
pub(crate) fn multiline(values: impl Iterator<Item = Value>) -> Array {
    let mut array = Array::new();
    for mut value in values {
        value.decor_mut().set_prefix("\n  ");
        value.decor_mut().set_suffix("");
        array.push_formatted(value);
    }
    array.set_trailing("\n");
    array.set_trailing_comma(true);
    array
}
