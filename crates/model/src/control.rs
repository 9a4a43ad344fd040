//! Control characters in content text are an error, not something to
//! strip silently: a NUL byte or an escape sequence in a title would be
//! published in every page that shows it, and removing it could join two
//! words without the writer knowing. Tab and newline (and a carriage
//! return before a newline) are the only ones allowed.

use toml::Value;

use crate::locate::Step;

/// What a content file may hold instead.
pub(crate) const CONTROL_RULE: &str =
    "text without control characters (only tab and newline are allowed; remove it or write it out in words)";

/// The byte offset of the first control character in `text` that is not
/// a tab, a newline or a carriage return before a newline, with it.
pub(crate) fn first_control(text: &str) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    text.char_indices().find(|&(i, c)| match c {
        '\t' | '\n' => false,
        '\r' => bytes.get(i + 1) != Some(&b'\n'),
        c => c.is_control(),
    })
}

/// The message for control character `c`.
pub(crate) fn control_message(c: char) -> String {
    format!("control character `\\u{{{:x}}}` in the text", u32::from(c))
}

/// The path to the first key or string value of the TOML document
/// `source` that holds a control character, written with an escape such
/// as `\u0000` (raw ones are found by [`first_control`]), and the
/// character. `None` when there is none or the source does not parse.
pub(crate) fn control_in_toml(source: &str) -> Option<(Vec<Step<'static>>, char)> {
    // Only an escape can put one in a parsed value; most files have none.
    if !source.contains('\\') {
        return None;
    }
    let table: toml::Table = toml::from_str(source).ok()?;
    let mut path = Vec::new();
    find_in_table(&table, &mut path).map(|c| (path, c))
}

fn find_in_table(table: &toml::Table, path: &mut Vec<Step<'static>>) -> Option<char> {
    for (key, value) in table {
        path.push(Step::Owned(key.clone()));
        if let Some(c) = control_char(key).or_else(|| find_in_value(value, path)) {
            return Some(c);
        }
        path.pop();
    }
    None
}

fn find_in_value(value: &Value, path: &mut Vec<Step<'static>>) -> Option<char> {
    match value {
        Value::String(text) => control_char(text),
        Value::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
            path.push(Step::Index(i));
            let found = find_in_value(item, path);
            if found.is_none() {
                path.pop();
            }
            found
        }),
        Value::Table(table) => find_in_table(table, path),
        _ => None,
    }
}

/// The first control character in a parsed value (where a newline or tab
/// is the writer's own, from a multi-line string).
fn control_char(text: &str) -> Option<char> {
    text.chars().find(|&c| c.is_control() && c != '\t' && c != '\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_raw_controls_but_allows_tab_newline_and_crlf() {
        assert_eq!(first_control("a\tb\r\nc\n"), None);
        assert_eq!(first_control("ab\0c"), Some((2, '\0')));
        assert_eq!(first_control("a\rb"), Some((1, '\r')));
        assert_eq!(first_control("é\u{1b}[31m"), Some((2, '\u{1b}')));
        assert_eq!(first_control("x\u{7f}"), Some((1, '\u{7f}')));
        assert_eq!(control_message('\0'), "control character `\\u{0}` in the text");
    }

    #[test]
    fn finds_escaped_controls_in_toml_values_and_keys() {
        let at = |src: &str| control_in_toml(src).map(|(path, c)| (format!("{path:?}"), c));
        assert_eq!(at("title = \"a\\u0000b\""), Some((r#"[Owned("title")]"#.to_owned(), '\0')));
        assert_eq!(
            at("[[skills]]\nname = \"x\"\ntags = [\"ok\", \"\\u001b[31m\"]"),
            Some((r#"[Owned("skills"), Index(0), Owned("tags"), Index(1)]"#.to_owned(), '\u{1b}'))
        );
        assert_eq!(at("[r]\n\"a\\bb\" = 1"), Some((r#"[Owned("r"), Owned("a\u{8}b")]"#.to_owned(), '\u{8}')));
        assert_eq!(at("a = \"tab\\there\"\nb = '''\nlines\n'''\nc = 'C:\\path'"), None);
    }
}
