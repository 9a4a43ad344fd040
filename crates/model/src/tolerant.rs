//! Deserialising a TOML document with every error in it, not only the
//! first. Serde stops at the first error; here the entry at fault is then
//! set aside and the rest deserialised again, as a compiler goes on after
//! an error. What was set aside is remembered, so that later checks say
//! nothing more about it: a misspelled `nmae` is one error, not also a
//! missing `name`.

use std::borrow::Cow;
use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, Deserializer};

use crate::explain::{Format, explain, refine_path};
use crate::locate::{Step, locate};
use crate::validate::Problem;

/// Most errors reported for one file: each costs one more pass over it.
const MAX_ERRORS: usize = 50;

/// A document deserialised as far as it could be.
pub(crate) struct Parsed<T> {
    /// The value once every error was set aside; `None` when that was not
    /// possible (an error with no place, or too many).
    pub value: Option<T>,
    /// Each error's byte offset in the document, and the problem in plain words.
    pub errors: Vec<(usize, Problem)>,
    /// The entries set aside, as paths from the document's root.
    set_aside: Vec<Vec<Step<'static>>>,
}

impl<T> Parsed<T> {
    /// Whether `path` is, or lies inside, an entry that was set aside:
    /// whatever is wrong there has been reported.
    pub fn covers(&self, path: &[Step<'_>]) -> bool {
        self.set_aside.iter().any(|aside| starts_with(path, aside))
    }
}

/// Deserialises `source` as a `T` of the given file `format`, collecting
/// every error; `Err` only for TOML syntax, where nothing after the error
/// can be read.
pub(crate) fn parse<T: DeserializeOwned>(source: &str, format: Format) -> Result<Parsed<T>, toml::de::Error> {
    // Most files have no error: the document is deserialised as parsed,
    // without the copy that setting entries aside needs (a sixth of
    // loading an imported skills.toml), and parsed again if it has one.
    let document = DeTable::parse(source)?;
    let span = document.span();
    if let Ok(value) = T::deserialize(Deserializer::from(document)) {
        return Ok(Parsed { value: Some(value), errors: Vec::new(), set_aside: Vec::new() });
    }
    let document = DeTable::parse(source)?;
    let mut root = DeValue::Table(document.into_inner());
    let mut parsed = Parsed { value: None, errors: Vec::new(), set_aside: Vec::new() };
    loop {
        let DeValue::Table(table) = &root else { unreachable!("the root is a table") };
        let error = match T::deserialize(Deserializer::from(Spanned::new(span.clone(), table.clone()))) {
            Ok(value) => {
                parsed.value = Some(value);
                return Ok(parsed);
            }
            Err(error) => error,
        };
        let error_span = error.span().unwrap_or(0..0);
        let mut path = if error_span == span { Vec::new() } else { path_at(table, &error_span) };
        let mut start = error_span.start;
        if let Some(refined) = refine_path(&root, &path, error.message()) {
            start = locate(source, &refined).map_or(start, |r| r.start);
            path = refined;
        }
        // A table that lost a misspelled key now misses the right one:
        // that was said already.
        let cascade = error.message().starts_with("missing field")
            && parsed.set_aside.iter().any(|aside| aside.len() > path.len() && starts_with(aside, &path));
        if !cascade && !parsed.covers(&path) {
            parsed.errors.push((start, explain(format, error.message(), &path, &root)));
        }
        // A placeholder that did not fit: set aside what holds it.
        while parsed.set_aside.contains(&path) {
            path.pop();
        }
        if path.is_empty() || parsed.errors.len() >= MAX_ERRORS || !set_aside(&mut root, &path) {
            return Ok(parsed);
        }
        parsed.set_aside.push(path);
    }
}

fn starts_with(path: &[Step<'_>], prefix: &[Step<'_>]) -> bool {
    path.len() >= prefix.len() && path.iter().zip(prefix).all(|(a, b)| a == b)
}

/// The path to the deepest entry at `span`: the value whose span it is,
/// else the deepest key or value that holds its start.
fn path_at(table: &DeTable<'_>, span: &Range<usize>) -> Vec<Step<'static>> {
    let mut path = Vec::new();
    in_table(table, span, &mut path);
    path
}

fn in_table(table: &DeTable<'_>, span: &Range<usize>, path: &mut Vec<Step<'static>>) -> bool {
    for (key, value) in table {
        path.push(Step::Owned(key.get_ref().to_string()));
        if in_value(value, span, path) || key.span().contains(&span.start) {
            return true;
        }
        path.pop();
    }
    false
}

fn in_value(value: &Spanned<DeValue<'_>>, span: &Range<usize>, path: &mut Vec<Step<'static>>) -> bool {
    let inside = match value.get_ref() {
        DeValue::Table(table) => in_table(table, span, path),
        DeValue::Array(items) => items.iter().enumerate().any(|(i, item)| {
            path.push(Step::Index(i));
            let found = in_value(item, span, path);
            if !found {
                path.pop();
            }
            found
        }),
        _ => false,
    };
    inside || value.span() == *span || value.span().contains(&span.start)
}

/// The value at `path`, if there is one.
pub(crate) fn value_at<'v, 'i>(root: &'v DeValue<'i>, path: &[Step<'_>]) -> Option<&'v DeValue<'i>> {
    path.iter().try_fold(root, |value, step| match (value, step) {
        (DeValue::Table(table), Step::Owned(key)) => table.get(key.as_str()).map(Spanned::get_ref),
        (DeValue::Table(table), Step::Key(key)) => table.get(*key).map(Spanned::get_ref),
        (DeValue::Array(items), Step::Index(i)) => items.get(*i).map(Spanned::get_ref),
        _ => None,
    })
}

fn value_at_mut<'v, 'i>(root: &'v mut DeValue<'i>, path: &[Step<'_>]) -> Option<&'v mut DeValue<'i>> {
    path.iter().try_fold(root, |value, step| match (value, step) {
        (DeValue::Table(table), Step::Owned(key)) => table.get_mut(key.as_str()).map(Spanned::get_mut),
        (DeValue::Array(items), Step::Index(i)) => items.get_mut(*i).map(Spanned::get_mut),
        _ => None,
    })
}

/// Removes the entry at `path` from its table, or, in a list, puts an
/// empty text in its place, so that the items after it keep their
/// positions (later checks locate problems by position).
fn set_aside(root: &mut DeValue<'_>, path: &[Step<'_>]) -> bool {
    let Some((last, parent)) = path.split_last() else { return false };
    match (value_at_mut(root, parent), last) {
        (Some(DeValue::Table(table)), Step::Owned(key)) => table.remove(key.as_str()).is_some(),
        (Some(DeValue::Array(items)), Step::Index(i)) => match items.get_mut(*i) {
            Some(item) => {
                *item.get_mut() = DeValue::String(Cow::Borrowed(""));
                true
            }
            None => false,
        },
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        a: Option<u32>,
        b: Option<bool>,
        list: Option<Vec<String>>,
        inner: Option<Inner>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Inner {
        name: String,
    }

    fn errors(source: &str) -> Vec<String> {
        let parsed = parse::<Doc>(source, Format::Site).unwrap();
        parsed
            .errors
            .iter()
            .map(|(at, p)| format!("{}: {}", &source[*at..].lines().next().unwrap(), p.message))
            .collect()
    }

    #[test]
    fn reports_every_error_and_keeps_list_positions() {
        let source = "a = \"x\"\nb = 3\nlist = [\"ok\", 5, \"ok\"]\n";
        let parsed = parse::<Doc>(source, Format::Site).unwrap();
        assert_eq!(parsed.errors.len(), 3, "{:?}", errors(source));
        assert!(parsed.covers(&[Step::Key("list"), Step::Index(1)]));
        assert!(!parsed.covers(&[Step::Key("list"), Step::Index(2)]));
        let doc = parsed.value.expect("the rest deserialises");
        assert_eq!(doc.list.unwrap(), ["ok", "", "ok"]);
    }

    #[test]
    fn a_misspelled_field_is_not_also_a_missing_one() {
        let found = errors("[inner]\nnmae = \"x\"\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].starts_with("nmae = \"x\": unknown field `nmae`"), "{found:?}");
    }
}
