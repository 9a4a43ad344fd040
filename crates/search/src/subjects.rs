//! Titles named for the practice of a subject — Statisticians,
//! Physicists, Astronomers, Radiologists, Physical Therapists — and the
//! subject a searcher types for them: "statistics", "physics",
//! "astronomy", "radiology", "physical therapy". Such a query names the
//! career as surely as an alternate title does, yet shares no term with
//! its title ("statistics" folds to "statistic", never "statistician"),
//! and on its words alone the careers rated highest on Mathematics
//! knowledge came first and Statisticians eighth.
//!
//! A title word is read as a practitioner of a subject when it ends as
//! one ("-ician", "-ist", "-er", "-ian") and the career's own task
//! statements or description use the subject's word: so "physics" finds
//! Physicists, whose tasks speak of physics, and not Physicians, whose
//! tasks never do, though "physician" ends as "physicist" does.

use std::collections::HashSet;

/// Endings of a practitioner's name and the endings of the subject
/// (folded, as [`crate::terms`] makes it) they are made from.
const ENDINGS: &[(&str, &str)] = &[
    ("ician", "ic"),  // statistician: statistic(s); logistician: logistic(s)
    ("icist", "ic"),  // physicist: physic(s)
    ("ist", "y"),     // sociologist: sociology; therapist: therapy
    ("ist", "ic"),    // economist: economic(s)
    ("ist", "istry"), // chemist: chemistry; dentist: dentistry
    ("er", "y"),      // astronomer: astronomy; geographer: geography
    ("ian", "y"),     // historian: history; librarian: library
];

/// The fewest letters a practitioner's name keeps before its ending, so
/// that short words ("artist" → "arty") make no subject.
const MIN_STEM: usize = 4;

/// The title's terms with one practitioner's name replaced by its
/// subject, for each such name whose subject is among `own`, the terms
/// of the career's own tasks and description.
pub(crate) fn subject_titles(title: &[String], own: &HashSet<String>) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    for (at, word) in title.iter().enumerate() {
        for (ending, subject_ending) in ENDINGS {
            let Some(stem) = word.strip_suffix(ending).filter(|stem| stem.len() >= MIN_STEM) else { continue };
            let subject = format!("{stem}{subject_ending}");
            if own.contains(&subject) {
                let mut named = title.to_vec();
                named[at] = subject;
                if !found.contains(&named) {
                    found.push(named);
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::terms::terms;

    fn subjects(title: &str, own_text: &str) -> Vec<String> {
        let own: HashSet<String> = terms(own_text).into_iter().collect();
        subject_titles(&terms(title), &own).into_iter().map(|t| t.join(" ")).collect()
    }

    #[test]
    fn a_practitioner_is_found_by_the_subject_its_own_work_names() {
        assert_eq!(subjects("Statisticians", "Apply statistics to data"), ["statistic"]);
        assert_eq!(subjects("Physicists", "Conduct research in physics"), ["physic"]);
        assert_eq!(subjects("Astronomers", "Observe and study astronomy"), ["astronomy"]);
        assert_eq!(subjects("Physical Therapists", "Plan physical therapy"), ["physical therapy"]);
        assert_eq!(subjects("Economists", "Study economics"), ["economic"]);
    }

    #[test]
    fn a_word_that_only_ends_like_one_names_nothing() {
        // Physicians' work never speaks of physics.
        assert!(subjects("Physicians, Pathologists", "Examine patients; diagnose disease").is_empty());
        assert!(subjects("Statisticians", "Collect numerical data").is_empty(), "no word of the subject");
        assert!(subjects("Artists", "arty work").is_empty(), "too short a stem");
    }
}
