//! Finds where a key or value sits in TOML source, for diagnostics about
//! values that parse but are not valid.

use std::ops::Range;

use toml::de::{DeTable, DeValue};

/// One step of a path into a TOML document.
#[derive(Debug, Clone)]
pub(crate) enum Step<'a> {
    Key(&'a str),
    /// A key that comes from the content itself (a rated skill's name).
    Owned(String),
    Index(usize),
}

impl Step<'_> {
    /// The key, when the step is one.
    pub(crate) fn key(&self) -> Option<&str> {
        match self {
            Step::Key(key) => Some(key),
            Step::Owned(key) => Some(key),
            Step::Index(_) => None,
        }
    }
}

/// A key is the same step whether borrowed or owned.
impl PartialEq for Step<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Step::Index(a), Step::Index(b)) => a == b,
            _ => self.key().is_some() && self.key() == other.key(),
        }
    }
}

/// The byte range of the value at `path` in `source`; if that value is not
/// there, the range of the deepest part of the path that is; `None` when
/// the source does not parse.
pub(crate) fn locate(source: &str, path: &[Step<'_>]) -> Option<Range<usize>> {
    let table = DeTable::parse(source).ok()?;
    let (table, span) = (table.get_ref(), table.span());
    let root = DeValue::Table(table.clone());
    let mut current = &root;
    let mut found = span;
    for step in path {
        let next = match step {
            Step::Key(key) => current.get(*key),
            Step::Owned(key) => current.get(key.as_str()),
            Step::Index(i) => current.get(*i),
        };
        let Some(next) = next else { break };
        found = next.span();
        current = next.get_ref();
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_nested_values_and_array_elements() {
        let src = "title = \"x\"\n[salary]\nmin = 5\n[[skills]]\nname = \"a\"\ntags = [\"p\", \"q\"]\n";
        let at = |path: &[Step<'_>]| locate(src, path).map(|r| &src[r]);
        assert_eq!(at(&[Step::Key("salary"), Step::Key("min")]), Some("5"));
        let tag = [Step::Key("skills"), Step::Index(0), Step::Key("tags"), Step::Index(1)];
        assert_eq!(at(&tag), Some("\"q\""));
    }
}
