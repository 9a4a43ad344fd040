//! A roadmap's licensing step: where O*NET says a career needs a licence
//! or certification, in its description ("Licensing or registration
//! required.") or in a task ("Maintain current electrician's license…"),
//! the step quotes it. Nothing is inferred beyond O*NET's own words.

use careerdiff_model::Career;

/// The step, if the career's description or tasks say a licence or
/// certification is needed.
pub(crate) fn licence_step(career: &Career) -> Option<String> {
    if let Some(sentence) = career.summary.as_deref().and_then(|s| sentences(s).find(|s| demands_licence(s))) {
        return Some(format!("Expect licensing or certification: O*NET's description says “{sentence}”"));
    }
    let task = career.tasks.iter().find(|t| keeps_licence(t))?;
    Some(format!("Expect to hold a licence or certification: among its tasks, O*NET lists “{task}”"))
}

/// The sentences of `text`, each with its full stop. A full stop ends a
/// sentence only after a word without one of its own, so "U.S. Coast
/// Guard" stays whole.
fn sentences(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text.trim();
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = rest
            .match_indices(". ")
            .map(|(i, _)| i)
            .find(|&i| !rest[..i].rsplit(' ').next().is_some_and(|word| word.contains('.') || word.len() == 1))
            .map_or(rest.len(), |i| i + 1);
        let (sentence, tail) = rest.split_at(end);
        rest = tail.trim_start();
        Some(sentence)
    })
}

/// A sentence that says the work requires a licence or certification,
/// not one about where to classify such workers ("Those required to hold
/// teaching certifications should be reported in…").
fn demands_licence(sentence: &str) -> bool {
    let s = sentence.to_lowercase();
    let names = s.contains("licens") || s.contains("certif") || s.contains("registration");
    let demands = s.contains("required") || s.contains("requires") || s.contains("must hold");
    names && demands && !s.contains("should be reported")
}

/// A task of keeping or getting one's own licence or certification (not
/// "Obtain … death certificates" or "certified mail").
fn keeps_licence(task: &str) -> bool {
    let t = task.to_lowercase();
    let keeps = ["maintain ", "obtain ", "renew ", "hold "].iter().any(|verb| t.starts_with(verb));
    keeps && (t.contains("license") || t.contains("licence") || t.contains("certification"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn career(summary: &str, tasks: &[&str]) -> Career {
        Career {
            summary: Some(summary.to_owned()),
            tasks: tasks.iter().map(|&t| t.to_owned()).collect(),
            ..Career::default()
        }
    }

    #[test]
    fn a_description_that_requires_a_licence_is_quoted() {
        // Registered Nurses, O*NET 29-1141.00.
        let rn = career(
            "Assess patient health problems. May provide case management. Licensing or registration required.",
            &[],
        );
        let step = licence_step(&rn).expect("a step");
        assert!(step.ends_with("“Licensing or registration required.”"), "{step}");
        // Ship captains: "U.S." does not end the sentence.
        let captains = career("Command operations of ships. Required to hold license issued by U.S. Coast Guard.", &[]);
        let step = licence_step(&captains).expect("a step");
        assert!(step.ends_with("“Required to hold license issued by U.S. Coast Guard.”"), "{step}");
        // Emergency medical technicians.
        let emts =
            career("Assess injuries. Usually requires specific training and state or federal certification.", &[]);
        assert!(licence_step(&emts).is_some_and(|step| step.contains("state or federal certification")));
    }

    #[test]
    fn a_task_of_keeping_a_licence_is_quoted_when_the_description_is_silent() {
        let task = "Maintain current electrician's license or identification card to meet governmental regulations.";
        let electricians = career("Install, maintain, and repair electrical wiring.", &["Plan layout.", task]);
        let step = licence_step(&electricians).expect("a step");
        assert!(step.contains(task), "{step}");
    }

    #[test]
    fn words_about_licences_that_require_nothing_give_no_step() {
        let cases = [
            career(
                "Teach pupils. Those required to hold teaching certifications should be reported in the appropriate teaching category.",
                &[],
            ),
            career("Perform clerical duties for governmental licensing agencies.", &["Issue licenses or permits."]),
            career("Sort mail.", &["Obtain signed receipts for registered, certified, and insured mail."]),
            career(
                "Arrange funerals.",
                &["Obtain information needed to complete legal documents, such as death certificates."],
            ),
        ];
        for c in cases {
            assert_eq!(licence_step(&c), None, "{:?}", c.summary);
        }
    }
}
