//! Why a career matched a term: the text of the weightiest field that
//! holds it — "also called: Software Engineer", "task: Administer first
//! aid treatment…", "technology: Microsoft Excel (in demand)".

use crate::document::{CareerDoc, Field};
use crate::terms::terms;

/// Longest text shown in a reason, in characters, before it is cut.
const MAX_CHARS: usize = 110;

/// Every term of one career with the text (by position in its document)
/// of the weightiest field that holds it, sorted by term: made once per
/// career and kept by the index (a few MB for a site), since every search
/// that lists the career asks it again.
pub(crate) type BestTexts = Vec<(String, usize)>;

/// The [`BestTexts`] of `doc`.
pub(crate) fn best_texts(doc: &CareerDoc) -> BestTexts {
    let mut best: Vec<(String, usize)> = Vec::new();
    for (at, (_, text)) in doc.texts.iter().enumerate() {
        best.extend(terms(text).into_iter().map(|term| (term, at)));
    }
    // The weightiest field first for each term, the first text among equals.
    best.sort_by(|x, y| x.0.cmp(&y.0).then(doc.texts[x.1].0.cmp(&doc.texts[y.1].0)).then(x.1.cmp(&y.1)));
    best.dedup_by(|later, first| later.0 == first.0);
    best.shrink_to_fit();
    best
}

/// Finds, for any term of one career, the text that explains it.
pub(crate) struct ReasonFinder<'d> {
    doc: &'d CareerDoc,
    best: &'d [(String, usize)],
}

impl<'d> ReasonFinder<'d> {
    /// The finder of `doc`, whose [`BestTexts`] are `best`.
    pub(crate) fn new(doc: &'d CareerDoc, best: &'d [(String, usize)]) -> Self {
        ReasonFinder { doc, best }
    }

    /// The reason the career matches `term`, or `None` when the best match
    /// is in the title or category, which a result shows anyway, or
    /// nowhere.
    pub(crate) fn reason(&self, term: &str) -> Option<String> {
        let k = self.best.binary_search_by(|(held, _)| held.as_str().cmp(term)).ok()?;
        let (field, text) = &self.doc.texts[self.best[k].1];
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
        let best = best_texts(&d);
        let finder = ReasonFinder::new(&d, &best);
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
