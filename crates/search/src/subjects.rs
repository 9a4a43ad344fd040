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
//! statements or description use the subject's word, or O*NET rates a
//! knowledge area or skill of that name at least very important to it:
//! so "physics" finds Physicists, whose tasks speak of physics, and not
//! Physicians, whose tasks never do and who rate Physics knowledge about
//! 2 of 5, though "physician" ends as "physicist" does.
//!
//! The title with the subject in its place is an alternate title
//! ("physical therapy" for Physical Therapists). When the rated subject
//! is named by the last word of a longer title, the subject alone is one
//! too: "psychology" finds every kind of psychologist (School,
//! Industrial-Organizational, Clinical and Counseling), whose tasks say
//! "psychological" but whose work O*NET rates Psychology knowledge
//! extremely important to, before Art Therapists, whose tasks cite it.

use std::collections::HashSet;

use careerdiff_model::Career;

use crate::items::VERY_IMPORTANT;
use crate::terms::terms;

/// The terms of the knowledge areas and skills rated at least
/// [`VERY_IMPORTANT`] to `career` ("psychology" from Psychology).
pub(crate) fn rated_terms(career: &Career) -> HashSet<String> {
    let Some(ratings) = &career.ratings else { return HashSet::new() };
    (ratings.knowledge.iter().chain(&ratings.skills))
        .filter(|(_, rating)| rating.importance >= VERY_IMPORTANT)
        .flat_map(|(name, _)| terms(name))
        .collect()
}

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

/// What a career's own words say it practises: the terms of its tasks
/// and description, and those of the knowledge areas and skills O*NET
/// rates at least very important to it.
pub(crate) struct Own<'w> {
    pub(crate) words: &'w HashSet<String>,
    pub(crate) rated: &'w HashSet<String>,
}

/// The title's terms with one practitioner's name replaced by its
/// subject, for each such name whose subject the career's own words
/// name; and the subject alone when the name ends a longer title and the
/// subject is rated.
pub(crate) fn subject_titles(title: &[String], own: &Own<'_>) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let mut add = |named: Vec<String>| {
        if !found.contains(&named) {
            found.push(named);
        }
    };
    for (at, word) in title.iter().enumerate() {
        for (ending, subject_ending) in ENDINGS {
            let Some(stem) = word.strip_suffix(ending).filter(|stem| stem.len() >= MIN_STEM) else { continue };
            let subject = format!("{stem}{subject_ending}");
            let rated = own.rated.contains(&subject);
            if !rated && !own.words.contains(&subject) {
                continue;
            }
            if rated && at + 1 == title.len() && title.len() > 1 {
                add(vec![subject.clone()]);
            }
            let mut named = title.to_vec();
            named[at] = subject;
            add(named);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subjects(title: &str, own_text: &str) -> Vec<String> {
        rated_subjects(title, own_text, "")
    }

    fn rated_subjects(title: &str, own_text: &str, rated: &str) -> Vec<String> {
        let words: HashSet<String> = terms(own_text).into_iter().collect();
        let rated: HashSet<String> = terms(rated).into_iter().collect();
        let own = Own { words: &words, rated: &rated };
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

    #[test]
    fn a_rated_subject_names_every_kind_of_its_practitioner() {
        let tasks = "Assess psychological needs of students";
        assert_eq!(
            rated_subjects("School Psychologists", tasks, "Psychology; Education and Training"),
            ["psychology", "school psychology"]
        );
        assert!(rated_subjects("School Psychologists", tasks, "Education and Training").is_empty(), "not rated");
        // A subject only the tasks name makes no one-word title: "therapy"
        // in the tasks of many careers is no proof of the practice.
        assert_eq!(subjects("Art Therapists", "Plan art therapy"), ["art therapy"]);
        assert_eq!(rated_subjects("Physicists", "", "Physics"), ["physic"], "a one-word title is the subject");
    }
}
