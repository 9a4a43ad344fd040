//! Warnings: values that are valid but most likely a mistake. They are
//! printed once and the build goes on.

use std::collections::HashMap;

use crate::Career;
use crate::locate::Step;
use crate::validate::{Problem, problem};

/// Percent keys where a value between 0 and 1 is most likely a fraction
/// (`ai_risk = 0.2` for 20 %). `projected_growth` is not one: a change
/// under 1 % is common (BLS projects -0.3 % for many careers).
const PERCENT_KEYS: [&str; 2] = ["ai_risk", "ai_exposure"];

/// Warnings about one career's values. A value an import wrote (it has a
/// provenance entry) is the source's own figure and is never questioned.
pub(crate) fn career_warnings(career: &Career) -> Vec<Problem> {
    let values = [career.ai_risk, career.ai_exposure];
    PERCENT_KEYS
        .iter()
        .zip(values)
        .filter_map(|(&key, value)| {
            let value = value.filter(|v| *v > 0.0 && *v < 1.0 && !career.provenance.contains_key(key))?;
            let percent = (value * 1e4).round() / 100.0;
            Some(Problem {
                help: format!("if {value} is a fraction, write {key} = {percent}"),
                ..problem(
                    vec![Step::Key(key)],
                    format!("`{key}` is {value}, which means {value} percent, not {percent} percent"),
                    "a percent from 0 to 100, e.g. 15 for 15 %",
                )
            })
        })
        .collect()
}

/// For each career whose title another career earlier in the list already
/// has (ignoring case and spacing), its index and that career's.
pub(crate) fn duplicate_titles(careers: &[Career]) -> Vec<(usize, usize)> {
    let mut first: HashMap<String, usize> = HashMap::new();
    let mut duplicates = Vec::new();
    for (i, career) in careers.iter().enumerate() {
        let key = career.title.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        match first.get(&key) {
            Some(&j) => duplicates.push((i, j)),
            None => {
                first.insert(key, i);
            }
        }
    }
    duplicates
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fraction_in_a_percent_field_is_questioned_unless_imported() {
        let career = Career { ai_risk: Some(0.2), ai_exposure: Some(0.0), ..Career::default() };
        let warnings = career_warnings(&career);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].message, "`ai_risk` is 0.2, which means 0.2 percent, not 20 percent");
        assert_eq!(warnings[0].help, "if 0.2 is a fraction, write ai_risk = 20");
        let mut imported = career.clone();
        imported.provenance.insert("ai_risk".into(), "a study".into());
        assert!(career_warnings(&imported).is_empty());
        assert!(career_warnings(&Career { ai_risk: Some(15.0), ..Career::default() }).is_empty());
    }

    #[test]
    fn titles_differing_in_case_or_spacing_are_the_same() {
        let titled = |t: &str| Career { title: t.into(), ..Career::default() };
        let careers = [titled("Data Scientist"), titled("Analyst"), titled("data  scientist")];
        assert_eq!(duplicate_titles(&careers), [(2, 0)]);
    }
}
