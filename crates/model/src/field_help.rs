//! What each key of the content files holds, with an example, for errors
//! about a value of the wrong kind: `min = "85k"` is told "a number of
//! dollars, e.g. 85000", not "expected f64". One row per key.

use toml::de::DeValue;

use crate::explain::Format;
use crate::locate::Step;
use crate::tolerant::value_at;

/// What a key holds: the kind in a word or two ("a number") and in full.
pub(crate) struct FieldHelp {
    pub kind: &'static str,
    pub expected: String,
}

fn help(kind: &'static str, expected: impl Into<String>) -> Option<FieldHelp> {
    Some(FieldHelp { kind, expected: expected.into() })
}

const TRUE_OR_FALSE: &str = "true or false, without quotes";
const TEXTS: &str = "a list of texts in quotes, e.g. [\"…\", \"…\"]";

/// What the key at `path` of a `format` document holds, when it is one
/// whose errors need more than its type; `root` is the document (a
/// salary's currency names its amounts).
pub(crate) fn field_help(format: Format, path: &[Step<'_>], root: &DeValue<'_>) -> Option<FieldHelp> {
    let (key, item) = match path {
        [.., step, Step::Index(_)] => (step.key()?, true),
        [.., step] => (step.key()?, false),
        [] => return None,
    };
    match (format, key, item) {
        (_, "min" | "max", false) => help("a number", format!("a number of {}, e.g. 85000", money(root))),
        (_, "p10" | "p25" | "median" | "p75" | "p90" | "mean", false) => help(
            "a number",
            format!("a number of {}, e.g. 85000, or {{ at_least = 239200 }} for that much or more", money(root)),
        ),
        (_, "min_median", _) => help("a number", "a yearly median pay, in dollars, e.g. 85000"),
        (_, "employment" | "annual_openings", _) => help("a whole number", "a whole number of people, e.g. 115200"),
        (_, "projected_growth", _) => help("a number", "a percent change over the projection decade, e.g. 15.8 or -3"),
        (_, "ai_risk" | "ai_exposure", _) => help("a number", "a percent from 0 to 100, e.g. 15"),
        (_, "demand_score", _) => help("a number", "a number from 0 to 10, e.g. 7.5"),
        (_, "learning_months" | "max_learning_months", _) => {
            help("a whole number", "a whole number of months from 0 to 600, e.g. 8")
        }
        (_, "job_zone" | "max_job_zone", _) => help("a whole number", "a whole number from 1 to 5"),
        (_, "importance", _) => help("a number", "a number from 1 to 5 (O*NET's importance scale)"),
        (_, "level", _) => help("a number", "a number from 0 to 7 (O*NET's level scale)"),
        (
            Format::Career,
            "realistic" | "investigative" | "artistic" | "social" | "enterprising" | "conventional" | "achievement"
            | "working_conditions" | "recognition" | "relationships" | "support" | "independence",
            false,
        ) => help("a number", "a number from 1 to 7 (O*NET's scale), e.g. 4.5"),
        (_, "remote_friendly" | "requires_coding" | "hot" | "in_demand" | "descending", _) => {
            help("true or false", TRUE_OR_FALSE)
        }
        (_, "difficulty", _) => help("a level", "one of \"beginner\", \"intermediate\", \"advanced\", \"expert\""),
        (_, "entry_barrier" | "max_entry_barrier", _) => help("a level", "one of \"low\", \"medium\", \"high\""),
        (_, "period", _) => help("a period", "one of \"year\", \"month\", \"hour\""),
        (_, "currency", _) => help("text in quotes", "a three-letter ISO 4217 code in quotes, e.g. \"USD\""),
        (Format::Career, "skills", false) => {
            help("a list", "a list of skills, e.g. skills = [\"Python\", { name = \"SQL\", tags = [\"sql\"] }]")
        }
        (Format::Career, "skills", true) => help(
            "a skill phrase or table",
            "a skill phrase in quotes, such as \"Python\", or a table such as { name = \"Python\", tags = [\"python\"] }",
        ),
        (_, "tags", false) => help("a list", "a list of skill ids from skills.toml, e.g. tags = [\"python\"]"),
        (_, "tasks" | "tools" | "alternate_titles" | "aliases", false) => help("a list", TEXTS),
        (_, "tags" | "tasks" | "tools" | "alternate_titles" | "aliases", true) => {
            help("text in quotes", "text in quotes")
        }
        (Format::Skills, _, false) if path.len() == 2 => help(
            "a table",
            "a table [skills.<id>] with name = \"…\" and, if wanted, family = \"…\" and aliases = [\"…\"]",
        ),
        (_, "limit", _) => help("a whole number", "a whole number of careers, at least 1"),
        (_, "per_career", _) => help("a whole number", "a whole number of similar careers per career, at least 1"),
        _ => None,
    }
}

/// What a salary's amounts count: dollars unless its `currency` says otherwise.
fn money(root: &DeValue<'_>) -> String {
    let currency = value_at(root, &[Step::Key("salary"), Step::Key("currency")]).and_then(DeValue::as_str);
    match currency.unwrap_or("USD") {
        "USD" => "dollars".to_owned(),
        "EUR" => "euros".to_owned(),
        "GBP" => "pounds".to_owned(),
        other => other.to_owned(),
    }
}
