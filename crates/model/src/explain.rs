//! Serde's errors in the words of the file format: which key, what it
//! holds, what it should hold, and the likely fix ("did you mean
//! `salary`?", "write 85000, without quotes").
//!
//! Serde's messages have a fixed shape (`unknown field `x`, expected one
//! of …`, `invalid type: string "85k", expected f64`); they are read here
//! together with the value at fault, which the document still has.

use toml::de::DeValue;

use crate::field_help::field_help;
use crate::locate::Step;
use crate::suggest::did_you_mean;
use crate::tolerant::value_at;
use crate::validate::Problem;

/// Which file format a document is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Format {
    /// A career's front matter.
    Career,
    /// `skills.toml`.
    Skills,
    /// `collections/<slug>.toml`.
    Collection,
    /// `site.toml`.
    Site,
}

/// Serde's `message` about the entry at `path` of the document `root`, in
/// plain words.
pub(crate) fn explain(format: Format, message: &str, path: &[Step<'static>], root: &DeValue<'_>) -> Problem {
    let value = value_at(root, path);
    let help = field_help(format, path, root);
    let subject = subject(path);
    let names = backticked(message);
    let problem =
        |message: String, expected: String, help: String| Problem { at: path.to_vec(), message, expected, help };
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let candidates = names.get(1..).unwrap_or_default();
        let unknown = names.first().copied().unwrap_or(rest);
        let place = match path.split_last() {
            Some((_, parent)) if !parent.is_empty() => format!(" in {}", self::subject(parent)),
            _ => String::new(),
        };
        let expected = if candidates.is_empty() { "no fields here".to_owned() } else { one_of(candidates, "`") };
        let help = did_you_mean(unknown, candidates.iter().copied()).map(|m| format!("did you mean `{m}`?"));
        return problem(format!("unknown field `{unknown}`{place}"), expected, help.unwrap_or_default());
    }
    if message.starts_with("unknown variant ") {
        let candidates = names.get(1..).unwrap_or_default();
        let unknown = names.first().copied().unwrap_or_default();
        let help = did_you_mean(unknown, candidates.iter().copied()).map(|m| format!("did you mean \"{m}\"?"));
        return problem(
            format!("{subject} cannot be \"{unknown}\""),
            one_of(candidates, "\""),
            help.unwrap_or_default(),
        );
    }
    if message.starts_with("missing field ") {
        let missing = names.first().copied().unwrap_or_default();
        return problem(format!("{subject} has no `{missing}`"), format!("a line `{missing} = …`"), String::new());
    }
    let wrong_shape = message.starts_with("invalid type: ") || message.starts_with("data did not match any variant");
    if wrong_shape || message.starts_with("invalid value: ") {
        let serde_expected = message.rsplit_once(", expected ").map(|(_, e)| plain_kind(e));
        let kind =
            help.as_ref().map(|h| h.kind.to_owned()).or(serde_expected).unwrap_or_else(|| "another value".into());
        let expected = help.map_or_else(|| kind.clone(), |h| h.expected);
        let shown = value.map_or_else(|| "this".to_owned(), shown_value);
        let fix = value.map(|v| fix(path, v, &kind)).unwrap_or_default();
        let message = if wrong_shape {
            format!("{subject} must be {kind}, not {shown}")
        } else {
            format!("{subject} cannot be {shown}")
        };
        return problem(message, expected, fix);
    }
    problem(message.trim().replace('\n', "; "), help.map(|h| h.expected).unwrap_or_default(), String::new())
}

/// The entry a value error is about. Serde reports an error inside an
/// internally tagged enum (`[pairs]`) at the whole table; the entry is the
/// table's item whose value the message quotes (`string "5"`).
pub(crate) fn refine_path(root: &DeValue<'_>, path: &[Step<'static>], message: &str) -> Option<Vec<Step<'static>>> {
    let Some(DeValue::Table(table)) = value_at(root, path) else { return None };
    let unexpected = message.strip_prefix("invalid type: ").or_else(|| message.strip_prefix("invalid value: "))?;
    let unexpected = unexpected.rsplit_once(", expected ")?.0;
    let (key, _) = table.iter().find(|(_, value)| match value.get_ref() {
        DeValue::String(text) => unexpected == format!("string {text:?}"),
        DeValue::Integer(n) => unexpected == format!("integer `{}`", n.as_str()),
        DeValue::Float(n) => unexpected == format!("floating point `{}`", n.as_str()),
        DeValue::Boolean(b) => unexpected == format!("boolean `{b}`"),
        _ => false,
    })?;
    let mut refined = path.to_vec();
    refined.push(Step::Owned(key.get_ref().to_string()));
    Some(refined)
}

/// How a message names the entry at `path`: "`min`", "item 2 of
/// `skills`", or "the file" for the whole document.
pub(crate) fn subject(path: &[Step<'_>]) -> String {
    match path {
        [] => "the file".to_owned(),
        [.., Step::Index(i)] => format!("item {} of {}", i + 1, subject(&path[..path.len() - 1])),
        [.., step] => format!("`{}`", step.key().unwrap_or_default()),
    }
}

/// Every name between backticks in `message`, in order.
fn backticked(message: &str) -> Vec<&str> {
    message.split('`').skip(1).step_by(2).collect()
}

fn one_of(names: &[&str], quote: &str) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("{quote}{n}{quote}")).collect();
    match quoted.as_slice() {
        [one] => one.clone(),
        _ => format!("one of {}", quoted.join(", ")),
    }
}

/// Serde's name for a type in the file's words.
fn plain_kind(expected: &str) -> String {
    match expected.trim() {
        "f32" | "f64" => "a number".into(),
        "u8" | "u16" | "u32" | "u64" | "usize" => "a whole number of 0 or more".into(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "a whole number".into(),
        "a string" | "a borrowed string" => "text in quotes".into(),
        "a boolean" => "true or false".into(),
        "a sequence" => "a list in square brackets".into(),
        e if e.starts_with("struct ") || e.ends_with("map") => "a table".into(),
        other => other.to_owned(),
    }
}

/// A value as the message shows it: `text ("85k")`, `the number 5`.
fn shown_value(value: &DeValue<'_>) -> String {
    match value {
        DeValue::String(text) => {
            let cut: String = text.chars().take(40).collect();
            let more = if cut.len() < text.len() { "…" } else { "" };
            format!("text ({cut:?}{more})")
        }
        DeValue::Integer(n) => format!("the number {}", n.as_str()),
        DeValue::Float(n) => format!("the number {}", n.as_str()),
        DeValue::Boolean(b) => format!("`{b}`"),
        DeValue::Datetime(_) => "a date".into(),
        DeValue::Array(_) => "a list".into(),
        DeValue::Table(_) => "a table".into(),
    }
}

/// The likely fix for `value` where `kind` was expected: a number or
/// `true` without its quotes, a single text made a list.
fn fix(path: &[Step<'_>], value: &DeValue<'_>, kind: &str) -> String {
    let key = path.last().and_then(Step::key).unwrap_or("value");
    match value {
        DeValue::String(text) if kind.contains("number") => number_in_text(text)
            .map(|n| format!("write {n}, without quotes{}", if text.contains('%') { " or %" } else { "" }))
            .unwrap_or_default(),
        DeValue::String(text) if kind.contains("true or false") && matches!(text.trim(), "true" | "false") => {
            format!("write {}, without quotes", text.trim())
        }
        DeValue::String(text) if kind.contains("list") => format!("write {key} = [{text:?}]"),
        DeValue::Integer(_) | DeValue::Float(_) | DeValue::Boolean(_) if kind.contains("text") => {
            "put it in quotes".to_owned()
        }
        _ => String::new(),
    }
}

/// The number a writer most likely meant by text such as "85k",
/// "$85,000", "1.2M" or "15%".
pub(crate) fn number_in_text(text: &str) -> Option<String> {
    let cleaned: String =
        text.trim().chars().filter(|c| !matches!(c, '$' | '€' | '£' | ',' | '_' | ' ' | '%')).collect();
    let (digits, factor) = match cleaned.char_indices().last() {
        Some((i, 'k' | 'K')) => (&cleaned[..i], 1e3),
        Some((i, 'm' | 'M')) => (&cleaned[..i], 1e6),
        _ => (cleaned.as_str(), 1.0),
    };
    let plain = !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-');
    let number = (digits.parse::<f64>().ok()? * factor * 100.0).round() / 100.0;
    (plain && number.is_finite()).then(|| number.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_text() {
        assert_eq!(number_in_text("85k").as_deref(), Some("85000"));
        assert_eq!(number_in_text("$85,000").as_deref(), Some("85000"));
        assert_eq!(number_in_text("1.2M").as_deref(), Some("1200000"));
        assert_eq!(number_in_text("15%").as_deref(), Some("15"));
        assert_eq!(number_in_text("inf"), None);
        assert_eq!(number_in_text("a lot"), None);
        assert_eq!(number_in_text("k"), None);
        assert_eq!(number_in_text(&"9".repeat(400)), None);
    }

    #[test]
    fn subjects_name_keys_and_items() {
        assert_eq!(subject(&[Step::Key("salary"), Step::Key("min")]), "`min`");
        assert_eq!(subject(&[Step::Key("skills"), Step::Index(1)]), "item 2 of `skills`");
        assert_eq!(subject(&[]), "the file");
    }
}
