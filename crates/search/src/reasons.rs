//! Why a career matched a term: the text of the weightiest field that
//! holds it — "also called: Software Engineer", "task: Administer first
//! aid treatment…", "technology: Microsoft Excel (in demand)".

use std::collections::HashMap;

use crate::document::{CareerDoc, Field};
use crate::terms::terms;

/// Longest text shown in a reason, in characters, before it is cut.
const MAX_CHARS: usize = 110;

/// Finds, for any term of one career, the text that explains it.
pub(crate) struct ReasonFinder<'d> {
    doc: &'d CareerDoc,
    /// Each term, with the text (by position) of the weightiest field that
    /// holds it.
    best: HashMap<String, usize>,
}

impl<'d> ReasonFinder<'d> {
    pub(crate) fn new(doc: &'d CareerDoc) -> Self {
        let mut best: HashMap<String, usize> = HashMap::new();
        for (at, (field, text)) in doc.texts.iter().enumerate() {
            for term in terms(text) {
                let slot = best.entry(term).or_insert(at);
                if doc.texts[*slot].0 > *field {
                    *slot = at;
                }
            }
        }
        ReasonFinder { doc, best }
    }

    /// The reason the career matches `term`, or `None` when the best match is in the title or category,
    /// which a result shows anyway, or nowhere.
    pub(crate) fn reason(&self, term: &str) -> Option<String> {
        let (field, text) = &self.doc.texts[*self.best.get(term)?];
        let label = field.reason_label()?;
        let suffix = if *field == Field::InDemandTechnology { " (in demand)" } else { "" };
        Some(format!("{label}: {}{suffix}", shorten(text)))
    }
}

/// `text` cut at a word boundary to at most [`MAX_CHARS`] characters, with
/// an ellipsis when anything was cut.
fn shorten(text: &str) -> String {
    if text.chars().count() <= MAX_CHARS {
        return text.to_owned();
    }
    let cut = text.char_indices().nth(MAX_CHARS).map_or(text.len(), |(at, _)| at);
    let head = &text[..cut];
    let head = head.rfind(' ').map_or(head, |space| &head[..space]);
    format!("{}…", head.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(texts: &[(Field, &str)]) -> CareerDoc {
        CareerDoc { texts: texts.iter().map(|&(f, t)| (f, t.to_owned())).collect() }
    }

    #[test]
    fn the_weightiest_field_explains_the_match() {
        let d = doc(&[
            (Field::Title, "Emergency Medical Technicians"),
            (Field::Task, "Administer first aid treatment to sick or injured persons."),
            (Field::Tool, "First aid kits"),
            (Field::InDemandTechnology, "Microsoft Excel"),
        ]);
        let finder = ReasonFinder::new(&d);
        let reason = |term: &str| finder.reason(term);
        let task = "task: Administer first aid treatment to sick or injured persons.";
        assert_eq!(reason("aid").as_deref(), Some("tool: First aid kits"));
        assert_eq!(reason("injured").as_deref(), Some(task));
        assert_eq!(reason("excel").as_deref(), Some("technology: Microsoft Excel (in demand)"));
        assert_eq!(reason("medical"), None, "the title is on the result line");
        assert_eq!(reason("welding"), None);
    }

    #[test]
    fn long_texts_are_cut_at_a_word() {
        let long = "word ".repeat(40);
        let cut = shorten(&long);
        assert!(cut.chars().count() <= MAX_CHARS + 1 && cut.ends_with("word…"), "{cut}");
        assert_eq!(shorten("short"), "short");
    }
}
